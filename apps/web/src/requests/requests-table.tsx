import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AssistanceRequest } from '../api/requests';
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
import { RequestStatusBadge } from '../components/status-badge';
import { requestPath } from '../paths';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { PriorityBadge } from './priority-badge';
import { useTranslation } from '../i18n';

export type RequestColumn =
  | 'reference'
  | 'title'
  | 'state'
  | 'organization'
  | 'status'
  | 'priority'
  | 'assistanceTypes'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedAt'
  | 'circulatedAt';

const SORTABLE: SortableColumns<RequestColumn> = {
  reference: 'asc',
  title: 'asc',
  status: 'asc',
  priority: 'asc',
  createdAt: 'desc',
  updatedAt: 'desc',
  submittedAt: 'desc',
  circulatedAt: 'desc',
};

/** The requests register; each list page picks its columns. */
export function RequestsTable(view: RecordTableView<AssistanceRequest, RequestColumn>) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();

  const cell = (column: RequestColumn, request: AssistanceRequest): ReactNode => {
    switch (column) {
      case 'reference':
        return (
          <NoWrapCell key={column} ff="monospace">
            {request.reference}
          </NoWrapCell>
        );
      case 'title':
        return (
          <TitleCell
            key={column}
            title={request.title}
            to={requestPath(user.role, request.id)}
            provisions={request.provisions}
          />
        );
      case 'state':
        return (
          <Table.Td key={column}>
            <Text size="sm" title={lookup?.stateName(request.state)}>
              {lookup?.stateName(request.state) ?? request.state}
            </Text>
          </Table.Td>
        );
      case 'organization':
        return <OrganizationCell key={column} organization={request.organization} />;
      case 'status':
        return (
          <NoWrapCell key={column}>
            <RequestStatusBadge status={request.status} size="sm" />
          </NoWrapCell>
        );
      case 'priority':
        return (
          <NoWrapCell key={column}>
            <PriorityBadge priority={request.priority} short />
          </NoWrapCell>
        );
      case 'assistanceTypes':
        return (
          <Table.Td key={column}>
            <TaxonomyBadges category="assistanceTypes" codes={request.assistanceTypes} />
          </Table.Td>
        );
      default:
        return <DateCell key={column} value={request[column]} />;
    }
  };

  return (
    <RecordTable
      {...view}
      title={(column) => t(`requestsTable.columns.${column}`)}
      cell={cell}
      sortable={SORTABLE}
    />
  );
}
