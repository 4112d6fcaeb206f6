import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AssistanceRequest } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { RecordTable, type SortableColumns } from '../components/record-table';
import { RequestStatusBadge } from '../components/status-badge';
import { formatDate } from '../format';
import { requestPath } from '../paths';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { PriorityBadge } from './priority-badge';

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
  reference: { field: 'reference', first: 'asc' },
  title: { field: 'title', first: 'asc' },
  status: { field: 'status', first: 'asc' },
  priority: { field: 'priority', first: 'asc' },
  createdAt: { field: 'createdAt', first: 'desc' },
  updatedAt: { field: 'updatedAt', first: 'desc' },
  submittedAt: { field: 'submittedAt', first: 'desc' },
  circulatedAt: { field: 'circulatedAt', first: 'desc' },
};

interface RequestsTableProps {
  items: AssistanceRequest[];
  columns: RequestColumn[];
  /** Without `onSort` the columns do not sort (a fixed order, like the review queue's). */
  sort?: string;
  onSort?: (sort: string) => void;
  label: string;
  /** Extra cell at the end of each row, e.g. the review queue's action buttons. */
  rowActions?: (request: AssistanceRequest) => ReactNode;
  rowActionsLabel?: string;
}

export function RequestsTable({
  items,
  columns,
  sort,
  onSort,
  label,
  rowActions,
  rowActionsLabel,
}: RequestsTableProps) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : t('common.notSet'));

  const cell = (column: RequestColumn, request: AssistanceRequest): ReactNode => {
    switch (column) {
      case 'reference':
        return (
          <Table.Td key={column} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {request.reference}
          </Table.Td>
        );
      case 'title':
        return (
          <Table.Td key={column} miw={200}>
            <Stack gap={4}>
              <Anchor component={Link} to={requestPath(user.role, request.id)} fw={500} size="sm">
                {request.title}
              </Anchor>
              <TaxonomyBadges category="provisions" codes={request.provisions} display="short" />
            </Stack>
          </Table.Td>
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
        return (
          <Table.Td key={column}>
            <Text size="sm" title={request.organization?.name}>
              {request.organization?.shortName ?? t('common.notSet')}
            </Text>
          </Table.Td>
        );
      case 'status':
        return (
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            <RequestStatusBadge status={request.status} size="sm" />
          </Table.Td>
        );
      case 'priority':
        return (
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            <PriorityBadge priority={request.priority} short />
          </Table.Td>
        );
      case 'assistanceTypes':
        return (
          <Table.Td key={column}>
            <TaxonomyBadges category="assistanceTypes" codes={request.assistanceTypes} />
          </Table.Td>
        );
      default:
        return (
          <Table.Td key={column} style={{ whiteSpace: 'nowrap' }}>
            {date(request[column])}
          </Table.Td>
        );
    }
  };

  return (
    <RecordTable
      items={items}
      columns={columns}
      title={(column) => t(`requestsTable.columns.${column}`)}
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
