import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AssistanceOffer } from '../api/offers';
import { useSignedInUser } from '../auth/current-user';
import {
  DateCell,
  NoWrapCell,
  OrganizationCell,
  RecordTable,
  TitleCell,
  type RecordTableView,
  type SortableColumns,
} from '../records/record-table';
import { OfferStatusBadge } from '../components/status-badge';
import { offerPath } from '../paths';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

export type OfferColumn =
  | 'title'
  | 'provider'
  | 'status'
  | 'assistanceTypes'
  | 'eligibility'
  | 'capacity'
  | 'availableUntil'
  | 'submittedAt'
  | 'updatedAt';

const SORTABLE: SortableColumns<OfferColumn> = {
  title: 'asc',
  status: 'asc',
  availableUntil: 'asc',
  submittedAt: 'desc',
  updatedAt: 'desc',
};

/** The offers register; each list page picks its columns. */
export function OffersTable(view: RecordTableView<AssistanceOffer, OfferColumn>) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();

  const eligibility = (offer: AssistanceOffer) => {
    const regions = offer.eligibleRegions.map((code) => lookup?.label('regions', code) ?? code);
    const states = offer.eligibleStates.map((code) => lookup?.stateName(code) ?? code);
    return [...regions, ...states].join(', ') || t('common.notSet');
  };

  const cell = (column: OfferColumn, offer: AssistanceOffer): ReactNode => {
    switch (column) {
      case 'title':
        return (
          <TitleCell
            key={column}
            title={offer.title}
            to={offerPath(user.role, offer.id)}
            provisions={offer.provisions}
          />
        );
      case 'provider':
        return <OrganizationCell key={column} organization={offer.provider} />;
      case 'status':
        return (
          <NoWrapCell key={column}>
            <OfferStatusBadge status={offer.status} size="sm" />
          </NoWrapCell>
        );
      case 'assistanceTypes':
        return (
          <Table.Td key={column}>
            <TaxonomyBadges category="assistanceTypes" codes={offer.assistanceTypes} />
          </Table.Td>
        );
      case 'eligibility':
        return (
          <Table.Td key={column} maw={220}>
            <Text size="sm" lineClamp={2}>
              {eligibility(offer)}
            </Text>
          </Table.Td>
        );
      case 'capacity':
        return (
          <NoWrapCell key={column}>
            {offer.capacity?.engagements != null
              ? t('offersTable.engagements', {
                  used: offer.capacity.engagementsUsed,
                  total: offer.capacity.engagements,
                })
              : t('offersTable.unlimited')}
          </NoWrapCell>
        );
      default:
        return <DateCell key={column} value={offer[column]} />;
    }
  };

  return (
    <RecordTable {...view} title={(column) => t(`offersTable.columns.${column}`)} cell={cell} sortable={SORTABLE} />
  );
}
