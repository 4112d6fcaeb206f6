import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AssistanceOffer } from '../api/offers';
import { useSignedInUser } from '../auth/current-user';
import { RecordTable, type SortableColumns } from '../components/record-table';
import { OfferStatusBadge } from '../components/status-badge';
import { formatDate } from '../format';
import { offerPath } from '../paths';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';

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
  title: { field: 'title', first: 'asc' },
  status: { field: 'status', first: 'asc' },
  availableUntil: { field: 'availableUntil', first: 'asc' },
  submittedAt: { field: 'submittedAt', first: 'desc' },
  updatedAt: { field: 'updatedAt', first: 'desc' },
};

interface OffersTableProps {
  items: AssistanceOffer[];
  columns: OfferColumn[];
  /** Without `onSort` the columns do not sort (a fixed order, like the review queue's). */
  sort?: string;
  onSort?: (sort: string) => void;
  label: string;
  rowActions?: (offer: AssistanceOffer) => ReactNode;
  rowActionsLabel?: string;
}

export function OffersTable({ items, columns, sort, onSort, label, rowActions, rowActionsLabel }: OffersTableProps) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : t('common.notSet'));

  const eligibility = (offer: AssistanceOffer) => {
    const regions = offer.eligibleRegions.map((code) => lookup?.label('regions', code) ?? code);
    const states = offer.eligibleStates.map((code) => lookup?.stateName(code) ?? code);
    return [...regions, ...states].join(', ') || t('common.notSet');
  };

  const cell = (column: OfferColumn, offer: AssistanceOffer): ReactNode => {
    switch (column) {
      case 'title': {
        const path = offerPath(user.role, offer.id);
        return (
          <Table.Td key={column} miw={200}>
            <Stack gap={4}>
              {path ? (
                <Anchor component={Link} to={path} fw={500} size="sm">
                  {offer.title}
                </Anchor>
              ) : (
                <Text fw={500} size="sm">
                  {offer.title}
                </Text>
              )}
              <TaxonomyBadges category="provisions" codes={offer.provisions} display="short" />
            </Stack>
          </Table.Td>
        );
      }
      case 'provider':
        return (
          <Table.Td key={column}>
            <Text size="sm" title={offer.provider?.name}>
              {offer.provider?.shortName ?? t('common.notSet')}
            </Text>
          </Table.Td>
        );
      case 'status':
        return (
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            <OfferStatusBadge status={offer.status} size="sm" />
          </Table.Td>
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
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            {offer.capacity?.engagements != null
              ? t('offersTable.engagements', {
                  used: offer.capacity.engagementsUsed,
                  total: offer.capacity.engagements,
                })
              : t('offersTable.unlimited')}
          </Table.Td>
        );
      default:
        return (
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            {date(offer[column])}
          </Table.Td>
        );
    }
  };

  return (
    <RecordTable
      items={items}
      columns={columns}
      title={(column) => t(`offersTable.columns.${column}`)}
      cell={cell}
      sortable={SORTABLE}
      sort={sort}
      onSort={onSort}
      label={label}
      rowActions={rowActions}
      rowActionsLabel={rowActionsLabel}
    />
  );
}
