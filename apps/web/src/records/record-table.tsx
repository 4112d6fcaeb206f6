import { Anchor, Stack, Table, Text, type TableTdProps } from '@mantine/core';
import { cloneElement, isValidElement, type ReactNode } from 'react';
import { Link } from '../router';
import { SortableTh } from '../components/list-controls';
import { formatDate } from '../format';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTranslation } from '../i18n';

/**
 * The columns a list sorts by, each with the direction of a first click (newest or highest first for dates);
 * the column's name is the field the list's GET sorts by.
 */
export type SortableColumns<C extends string> = Partial<Record<C, 'asc' | 'desc'>>;

/** What a page picks of a register: the rows, the columns, the sort and any row actions. */
export interface RecordTableView<T, C extends string> {
  items: T[];
  columns: C[];
  /** Without `onSort` the columns do not sort (a fixed order, like the review queue's). */
  sort?: string;
  onSort?: (sort: string) => void;
  label: string;
  /** Extra cell at the end of each row, e.g. the review queue's action buttons. */
  rowActions?: (item: T) => ReactNode;
  rowActionsLabel?: string;
}

interface RecordTableProps<T extends { id: string }, C extends string> extends RecordTableView<T, C> {
  title: (column: C) => string;
  /** One `<Table.Td>` per column; the table names it with the column's title for the phone layout. */
  cell: (column: C, item: T) => ReactNode;
  sortable: SortableColumns<C>;
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
    const first = sortable[column];
    return first && onSort && sort ? (
      <SortableTh key={column} field={column} sort={sort} onSort={onSort} firstDirection={first}>
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

// The cells below take the `data-label` the table gives each cell, so they pass Td props through.

/** The title column: the title, a link where the viewer may open the record, above its provisions in short. */
export function TitleCell({
  title,
  to,
  provisions,
  ...td
}: { title: string; to?: string | null; provisions: string[] } & TableTdProps) {
  return (
    <Table.Td miw={200} {...td}>
      <Stack gap={4}>
        {to ? (
          <Anchor component={Link} to={to} fw={500} size="sm">
            {title}
          </Anchor>
        ) : (
          <Text fw={500} size="sm">
            {title}
          </Text>
        )}
        <TaxonomyBadges category="provisions" codes={provisions} display="short" />
      </Stack>
    </Table.Td>
  );
}

/** A date column; a step the record has not reached reads "not set". */
export function DateCell({ value, ...td }: { value: string | null } & TableTdProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }} {...td}>
      {value ? formatDate(value, i18n.language) : t('common.notSet')}
    </Table.Td>
  );
}

/** A cell that keeps to one line: references, statuses and badges. */
export function NoWrapCell({ children, ...td }: { children: ReactNode } & TableTdProps) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }} {...td}>
      {children}
    </Table.Td>
  );
}

/** An organisation by its short name, the full name on hover. */
export function OrganizationCell({
  organization,
  ...td
}: { organization: { name: string; shortName: string } | null | undefined } & TableTdProps) {
  const { t } = useTranslation();
  return (
    <Table.Td {...td}>
      <Text size="sm" title={organization?.name}>
        {organization?.shortName ?? t('common.notSet')}
      </Text>
    </Table.Td>
  );
}
