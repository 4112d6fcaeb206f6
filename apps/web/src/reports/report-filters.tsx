import { Button, Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from '../router';
import { providersQuery } from '../api/organizations';
import { currentSearchParams } from '../components/current-search-params';
import type { SummaryFilters } from '../api/reports';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

const FILTER_KEYS = ['from', 'to', 'state', 'provider'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's filters, kept in the address so a view can be bookmarked and shared. */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const filters: SummaryFilters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (!value) continue;
    if ((key === 'from' || key === 'to') && !ISO_DATE.test(value)) continue;
    filters[key] = value;
  }
  const set = (key: (typeof FILTER_KEYS)[number], value: string | null) => {
    const next = currentSearchParams();
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true, preventScrollReset: true });
  return { filters, set, clear };
}

interface ReportFiltersProps {
  filters: SummaryFilters;
  onChange: (key: (typeof FILTER_KEYS)[number], value: string | null) => void;
  onClear: () => void;
  invalidRange: boolean;
}

export function ReportFilters({ filters, onChange, onClear, invalidRange }: ReportFiltersProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const providers = useQuery(providersQuery);
  const states = lookup?.options.states ?? [];
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <TextInput
        type="date"
        label={t('reports.filters.from')}
        value={filters.from ?? ''}
        onChange={(event) => onChange('from', event.currentTarget.value || null)}
        w={170}
      />
      <TextInput
        type="date"
        label={t('reports.filters.to')}
        value={filters.to ?? ''}
        onChange={(event) => onChange('to', event.currentTarget.value || null)}
        error={invalidRange ? t('reports.filters.toBeforeFrom') : undefined}
        w={170}
      />
      <Select
        label={t('reports.filters.state')}
        placeholder={t('reports.filters.anyState')}
        data={states}
        value={filters.state ?? null}
        onChange={(value) => onChange('state', value)}
        searchable
        clearable
        nothingFoundMessage={t('taxonomy.nothingFound')}
        w={240}
      />
      <Select
        label={t('reports.filters.provider')}
        placeholder={t('reports.filters.anyProvider')}
        data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }))}
        value={filters.provider ?? null}
        onChange={(value) => onChange('provider', value)}
        searchable
        clearable
        w={260}
      />
      {Object.keys(filters).length > 0 && (
        <Button variant="subtle" onClick={onClear}>
          {t('reports.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
