import { Button, MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REQUEST_PRIORITIES } from '../api/requests';
import type { RequestStatus } from '../api/request-status';
import { FilterBar, SearchFilter, type ListParams } from '../components/list-controls';
import { useStatusLabels } from '../components/status-badge';
import { TaxonomySelectFilter } from '../taxonomy/taxonomy-pickers';
import { useTaxonomy } from '../taxonomy/use-taxonomy';

export const REQUEST_FILTER_KEYS = ['q', 'status', 'state', 'provision', 'domain', 'type', 'priority'] as const;
export type RequestFilterKey = (typeof REQUEST_FILTER_KEYS)[number];

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
  const { lookup } = useTaxonomy();
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
        <MultiSelect
          label={t('filters.status')}
          placeholder={filters.status ? undefined : t('filters.any')}
          data={statuses.map((status) => ({ value: status, label: labels.request(status) }))}
          value={filters.status?.split(',').filter(Boolean) ?? []}
          onChange={(value) => setFilter('status', value.join(','))}
          clearable
          miw={200}
          maw={360}
        />
      )}
      {showState && (
        <Select
          label={t('filters.state')}
          placeholder={t('filters.any')}
          data={(lookup?.taxonomy.states ?? []).map((state) => ({
            value: state.code,
            label: `${state.name} (${state.code})`,
          }))}
          value={filters.state ?? null}
          onChange={(value) => setFilter('state', value)}
          searchable
          clearable
          w={200}
        />
      )}
      <TaxonomySelectFilter
        category="provisions"
        label={t('filters.provision')}
        value={filters.provision ?? null}
        onChange={(value) => setFilter('provision', value)}
      />
      <TaxonomySelectFilter
        category="domains"
        label={t('filters.domain')}
        value={filters.domain ?? null}
        onChange={(value) => setFilter('domain', value)}
      />
      <TaxonomySelectFilter
        category="assistanceTypes"
        label={t('filters.type')}
        value={filters.type ?? null}
        onChange={(value) => setFilter('type', value)}
      />
      <Select
        label={t('filters.priority')}
        placeholder={t('filters.any')}
        data={REQUEST_PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
        value={filters.priority ?? null}
        onChange={(value) => setFilter('priority', value)}
        clearable
        w={130}
      />
      {list.activeFilterCount > 0 && (
        <Button variant="subtle" onClick={list.clearFilters}>
          {t('filters.clear')}
        </Button>
      )}
    </FilterBar>
  );
}
