import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { OfferStatus } from '../api/offer-status';
import { providersQuery } from '../api/organizations';
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

export const OFFER_FILTER_KEYS = ['q', 'status', 'provider', 'provision', 'domain', 'type', 'servesState'] as const;
export type OfferFilterKey = (typeof OFFER_FILTER_KEYS)[number];

interface OfferFiltersProps {
  list: ListParams<OfferFilterKey>;
  statuses: readonly OfferStatus[];
  showProvider?: boolean;
  showServesState?: boolean;
}

export function OfferFilters({ list, statuses, showProvider = false, showServesState = false }: OfferFiltersProps) {
  const { t } = useTranslation();
  const labels = useStatusLabels();
  const providers = useQuery({ ...providersQuery, enabled: showProvider });
  const { filters, setFilter } = list;

  return (
    <FilterBar>
      <SearchFilter
        label={t('filters.search')}
        placeholder={t('filters.searchOffers')}
        value={filters.q}
        onChange={(value) => setFilter('q', value)}
      />
      <StatusFilter
        value={filters.status}
        onChange={(value) => setFilter('status', value)}
        options={statuses.map((status) => ({ value: status, label: labels.offer(status) }))}
      />
      {showProvider && (
        <Select
          label={t('filters.provider')}
          placeholder={t('filters.any')}
          data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.shortName }))}
          value={filters.provider ?? null}
          onChange={(value) => setFilter('provider', value)}
          searchable
          clearable
          w={160}
        />
      )}
      <TaxonomyFilters filters={filters} setFilter={setFilter} />
      {showServesState && (
        <StateSelectFilter
          label={t('filters.servesState')}
          value={filters.servesState}
          onChange={(value) => setFilter('servesState', value)}
        />
      )}
      <ClearFiltersButton list={list} />
    </FilterBar>
  );
}
