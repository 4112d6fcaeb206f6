import {
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  MultiSelect,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
  type TableThProps,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from '../router';
import type { Paginated } from '../api/client';
import { ErrorState } from './error-state';
import { InboxIcon } from './icons';
import { currentSearchParams } from './current-search-params';
import { useTranslation } from '../i18n';

export const PAGE_SIZES = ['10', '20', '50', '100'] as const;

/**
 * A list's filters, sort and page, kept in the address so a filtered view can be bookmarked, shared and
 * returned to with the back button. Changing a filter or the sort goes back to page 1.
 */
export function useListParams<K extends string>(
  filterKeys: readonly K[],
  defaults: {
    sort: string;
    pageSize?: number;
    /** Keys that pick a view (a tab), not filters to count or clear. */ viewKeys?: readonly K[];
  },
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const pageSizeParam = searchParams.get('pageSize') ?? '';
  const pageSize = (PAGE_SIZES as readonly string[]).includes(pageSizeParam)
    ? Number(pageSizeParam)
    : (defaults.pageSize ?? 20);
  const sort = searchParams.get('sort') ?? defaults.sort;
  const filters = Object.fromEntries(filterKeys.map((key) => [key, searchParams.get(key) ?? undefined])) as Record<
    K,
    string | undefined
  >;

  const update = (changes: Record<string, string | null | undefined>, keepPage = false) => {
    const next = currentSearchParams();
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!keepPage) next.delete('page');
    // A filter or sort change keeps the view where it is; a new page of the list starts at the top.
    setSearchParams(next, { replace: true, preventScrollReset: !keepPage });
  };

  return {
    page,
    pageSize,
    sort,
    filters,
    activeFilterCount: filterKeys.filter((key) => filters[key] && !defaults.viewKeys?.includes(key)).length,
    setFilter: (key: K, value: string | null | undefined) => update({ [key]: value }),
    setSort: (value: string) => update({ sort: value === defaults.sort ? null : value }),
    setPage: (value: number) => update({ page: value === 1 ? null : String(value) }, true),
    setPageSize: (value: number) => update({ pageSize: String(value) }),
    clearFilters: () =>
      update(
        Object.fromEntries(filterKeys.filter((key) => !defaults.viewKeys?.includes(key)).map((key) => [key, null])),
      ),
  };
}

interface SearchFilterProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  label: string;
  placeholder?: string;
}

/** Free-text search that asks the server only once the person pauses typing. */
export function SearchFilter({ value, onChange, label, placeholder }: SearchFilterProps) {
  const [text, setText] = useState(value ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 350);

  // Filters cleared elsewhere (the "clear filters" button) empty the box too.
  useEffect(() => {
    if ((value ?? '') !== debounced) setText(value ?? '');
    // Only an outside change of `value` should overwrite what is being typed, hence no `debounced` here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  useEffect(() => {
    if (debounced !== (value ?? '')) onChange(debounced || undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a pause in typing searches, not a new `onChange`
  }, [debounced]);

  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      type="search"
      w={240}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
    />
  );
}

interface SortableThProps extends Omit<TableThProps, 'onClick'> {
  field: string;
  sort: string;
  onSort: (sort: string) => void;
  children: ReactNode;
  /** The direction of a first click: newest/highest first for dates and priority. */
  firstDirection?: 'asc' | 'desc';
}

/** A column header that sorts the list by its field; a second click reverses the order. */
export function SortableTh({ field, sort, onSort, children, firstDirection = 'asc', ...props }: SortableThProps) {
  const { t } = useTranslation();
  const active = sort.replace(/^-/, '') === field;
  const descending = sort.startsWith('-');
  const next = active ? (descending ? field : `-${field}`) : firstDirection === 'desc' ? `-${field}` : field;
  return (
    <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} {...props}>
      <UnstyledButton
        onClick={() => onSort(next)}
        fw={700}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
        title={t('list.sortBy', { column: typeof children === 'string' ? children : field })}
      >
        {children}
        <Text component="span" c={active ? 'blue' : 'gray.5'} ml={4} aria-hidden="true">
          {active ? (descending ? '↓' : '↑') : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

export interface ListStatesProps<T> {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data?: Paginated<T>;
    refetch: () => unknown;
    isFetching?: boolean;
  };
  /** Filters or a search are set: an empty page then says nothing matched them, not that the list is empty. */
  filtered?: boolean;
  emptyTitle: string;
  emptyDescription: string;
  /** An action offered in the empty state (e.g. create the first one). */
  emptyAction?: ReactNode;
  children: (page: Paginated<T>) => ReactNode;
}

function withoutPage(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('page');
  return next;
}

/** Loading, error and empty states around a list page, so every list behaves the same. */
export function ListStates<T>({
  query,
  filtered = false,
  emptyTitle,
  emptyDescription,
  emptyAction,
  children,
}: ListStatesProps<T>) {
  const { t } = useTranslation();
  const [, setSearchParams] = useSearchParams();
  if (query.isPending) {
    return (
      <Center py="xl" role="status" aria-label={t('common.loading')}>
        <Loader />
      </Center>
    );
  }
  if (query.isError || !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0 && query.data.total > 0) {
    // An address with a page past the end (an old link, or the list shrank): the list is not empty.
    return (
      <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
        <EmptyState.Title order={2}>{t('list.pastEnd.title')}</EmptyState.Title>
        <EmptyState.Description>{t('list.pastEnd.description', { count: query.data.total })}</EmptyState.Description>
        <EmptyState.Actions>
          <Button variant="light" onClick={() => setSearchParams(withoutPage(currentSearchParams()), { replace: true, preventScrollReset: true })}>
            {t('list.pastEnd.firstPage')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    );
  }
  if (query.data.items.length === 0) {
    return (
      <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
        <EmptyState.Title order={2}>{filtered ? t('list.noMatch.title') : emptyTitle}</EmptyState.Title>
        <EmptyState.Description>{filtered ? t('list.noMatch.description') : emptyDescription}</EmptyState.Description>
        {emptyAction && <EmptyState.Actions>{emptyAction}</EmptyState.Actions>}
      </EmptyState>
    );
  }
  return <>{children(query.data)}</>;
}

interface ListFooterProps {
  /** The page the server answered with. */
  page: Pick<Paginated<unknown>, 'page' | 'pageSize' | 'total' | 'totalIsLowerBound'>;
  list: Pick<ListParams<string>, 'setPage' | 'setPageSize'>;
}

/** "41–60 of 132" (or "of more than 1,000" when a long list was counted only so far), the page picker and the page size. */
export function ListFooter({ page: { page, pageSize, total, totalIsLowerBound = false }, list }: ListFooterProps) {
  const { t } = useTranslation();
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  // Past a lower bound there is at least one more row, so at least one more page than the bound fills.
  const pages = totalIsLowerBound ? Math.floor(total / pageSize) + 1 : Math.ceil(total / pageSize);
  return (
    <Group justify="space-between" mt="md" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {t(totalIsLowerBound ? 'list.rangeMoreThan' : 'list.range', { first, last, total })}
      </Text>
      <Group gap="md">
        {pages > 1 && (
          <Group component="nav" aria-label={t('list.pagination')}>
            <Pagination total={pages} value={page} onChange={list.setPage} size="sm" />
          </Group>
        )}
        <Select
          aria-label={t('list.pageSize')}
          data={PAGE_SIZES.map((size) => ({ value: size, label: t('list.perPage', { count: Number(size) }) }))}
          value={String(pageSize)}
          onChange={(value) => value && list.setPageSize(Number(value))}
          allowDeselect={false}
          size="xs"
          w={130}
        />
      </Group>
    </Group>
  );
}

/** The filters above a list, wrapping onto several lines on narrow screens. */
export function FilterBar({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" mb="md">
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
        {children}
      </Group>
    </Stack>
  );
}

/** Filters by any of several statuses, kept as one comma-separated value. */
export function StatusFilter({
  value,
  onChange,
  options,
}: {
  value: string | undefined;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <MultiSelect
      label={t('filters.status')}
      placeholder={value ? undefined : t('filters.any')}
      data={options}
      value={value?.split(',').filter(Boolean) ?? []}
      onChange={(picked) => onChange(picked.join(','))}
      clearable
      miw={200}
      maw={360}
    />
  );
}

/** Clears a list's filters; shown only while some are set. */
export function ClearFiltersButton({ list }: { list: Pick<ListParams<string>, 'activeFilterCount' | 'clearFilters'> }) {
  const { t } = useTranslation();
  if (list.activeFilterCount === 0) return null;
  return (
    <Button variant="subtle" onClick={list.clearFilters}>
      {t('filters.clear')}
    </Button>
  );
}

export type ListParams<K extends string> = ReturnType<typeof useListParams<K>>;
