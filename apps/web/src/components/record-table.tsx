import { Table } from '@mantine/core';
import { cloneElement, isValidElement, type ReactNode } from 'react';
import { SortableTh } from './list-controls';

/** The columns a list sorts by, with the field GET sends and the direction of a first click. */
export type SortableColumns<C extends string> = Partial<Record<C, { field: string; first: 'asc' | 'desc' }>>;

interface RecordTableProps<T extends { id: string }, C extends string> {
  items: T[];
  columns: C[];
  title: (column: C) => string;
  /** One `<Table.Td>` per column; the table names it with the column's title for the phone layout. */
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

/**
 * A register of requests or offers: the columns a page picks, sortable headings and optional row actions.
 * On a phone each row becomes a card of "title: value" lines (app.css, `.record-table`), so the status and the
 * actions are on screen without scrolling sideways; the sortable headings stay above the cards as buttons.
 */
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
    <Table.ScrollContainer minWidth={880} type="native" className="record-table-scroll">
      <Table
        striped
        highlightOnHover
        verticalSpacing="sm"
        horizontalSpacing="xs"
        aria-label={label}
        className="record-table"
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map(header)}
            {rowActions && <Table.Th>{rowActionsLabel}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              {columns.map((column) => labelled(cell(column, item), title(column)))}
              {rowActions && <Table.Td data-label={rowActionsLabel}>{rowActions(item)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function labelled(cell: ReactNode, label: string): ReactNode {
  return isValidElement<{ 'data-label'?: string }>(cell) ? cloneElement(cell, { 'data-label': label }) : cell;
}
