import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { SortableTh } from './list-controls';

/** The columns a list sorts by, with the field GET sends and the direction of a first click. */
export type SortableColumns<C extends string> = Partial<Record<C, { field: string; first: 'asc' | 'desc' }>>;

interface RecordTableProps<T extends { id: string }, C extends string> {
  items: T[];
  columns: C[];
  title: (column: C) => string;
  cell: (column: C, item: T) => ReactNode;
  sortable: SortableColumns<C>;
  /** Without `onSort` the columns do not sort (a fixed order, like the review queue's). */
  sort?: string;
  onSort?: (sort: string) => void;
  label: string;
  /** Extra cell at the end of each row, e.g. the review queue's action buttons. */
  rowActions?: (item: T) => ReactNode;
  rowActionsLabel?: string;
}

/** A register of requests or offers: the columns a page picks, sortable headings and optional row actions. */
export function RecordTable<T extends { id: string }, C extends string>({
  items,
  columns,
  title,
  cell,
  sortable,
  sort,
  onSort,
  label,
  rowActions,
  rowActionsLabel,
}: RecordTableProps<T, C>) {
  const header = (column: C) => {
    const by = sortable[column];
    return by && onSort && sort ? (
      <SortableTh key={column} field={by.field} sort={sort} onSort={onSort} firstDirection={by.first}>
        {title(column)}
      </SortableTh>
    ) : (
      <Table.Th key={column}>{title(column)}</Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={880} type="native">
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map(header)}
            {rowActions && <Table.Th>{rowActionsLabel}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              {columns.map((column) => cell(column, item))}
              {rowActions && <Table.Td>{rowActions(item)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
