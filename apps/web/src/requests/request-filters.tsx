import { Select } from '@mantine/core';
import { REQUEST_PRIORITIES } from '../api/requests';
import type { RequestStatus } from '../api/request-status';
import {
  ClearFiltersButton,
  FilterBar,
  SearchFilter,
  StatusFilter,
  type ListParams,
} from '../components/list-controls';
import { useStatusLabels } from '../components/status-badge';
import { StateSelectFilter, TaxonomyFilters } from '../taxonomy/taxonomy-pickers';
import { useTranslation } from '../i18n';

export const REQUEST_FILTER_KEYS = ['q', 'status', 'state', 'provision', 'domain', 'type', 'priority'] as const;
export type RequestFilterKey = (typeof REQUEST_FILTER_KEYS)[number];

/**
 * The statuses to ask GET /requests for: those picked in the status filter that the list may show, or all it may
 * show when none is picked (an address edited by hand cannot widen the list).
 */
export function statusesWithin(picked: string | undefined, allowed: readonly RequestStatus[]): string {
  const kept = picked?.split(',').filter((value) => (allowed as readonly string[]).includes(value)) ?? [];
  return (kept.length > 0 ? kept : allowed).join(',');
}

interface RequestFiltersProps {
  list: ListParams<RequestFilterKey>;
  /** The statuses to offer in the status filter; none hides it. */
  statuses?: readonly RequestStatus[];
  showState?: boolean;
}

/** Free text, status, State and taxonomy filters over a request list (GET /requests query parameters). */
export function RequestFilters({ list, statuses, showState = false }: RequestFiltersProps) {
  const { t } = useTranslation();
  const labels = useStatusLabels();
  const { filters, setFilter } = list;

  return (
    <FilterBar>
      <SearchFilter
        label={t('filters.search')}
        placeholder={t('filters.searchRequests')}
        value={filters.q}
        onChange={(value) => setFilter('q', value)}
      />
      {statuses && (
        <StatusFilter
          value={filters.status}
          onChange={(value) => setFilter('status', value)}
          options={statuses.map((status) => ({ value: status, label: labels.request(status) }))}
        />
      )}
      {showState && (
        <StateSelectFilter
          label={t('filters.state')}
          value={filters.state}
          onChange={(value) => setFilter('state', value)}
        />
      )}
      <TaxonomyFilters filters={filters} setFilter={setFilter} />
      <Select
        label={t('filters.priority')}
        placeholder={t('filters.any')}
        data={REQUEST_PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
        value={filters.priority ?? null}
        onChange={(value) => setFilter('priority', value)}
        clearable
        w={130}
      />
      <ClearFiltersButton list={list} />
    </FilterBar>
  );
}
