import { MultiSelect, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import type { CodedCategory } from '../api/taxonomy';
import type { ListParams } from '../components/list-controls';
import { useTaxonomy } from './use-taxonomy';
import { useTranslation } from '../i18n';

interface TaxonomyMultiSelectProps {
  category: CodedCategory;
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  required?: boolean;
  placeholder?: string;
}

/** Picks codes of one taxonomy category; every option shows its help text under its label. */
export function TaxonomyMultiSelect({
  category,
  label,
  description,
  value,
  onChange,
  error,
  required,
  placeholder,
}: TaxonomyMultiSelectProps) {
  const { t } = useTranslation();
  const { lookup, isPending } = useTaxonomy();
  const entries = lookup?.taxonomy[category];
  const data = useMemo(() => (entries ?? []).map((entry) => ({ value: entry.code, label: entry.label })), [entries]);

  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      disabled={isPending}
      placeholder={value.length === 0 ? (placeholder ?? t('taxonomy.pick')) : undefined}
      searchable
      clearable
      hidePickedOptions={false}
      nothingFoundMessage={t('taxonomy.nothingFound')}
      maxDropdownHeight={320}
      comboboxProps={{ position: 'bottom-start' }}
      renderOption={({ option, checked }) => {
        const help = lookup?.entry(category, option.value)?.help;
        return (
          <Stack gap={2} py={2}>
            <Text size="sm" fw={checked ? 600 : 500}>
              {option.label}
            </Text>
            {help && (
              <Text size="xs" c="dimmed" lh={1.35}>
                {help}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}

interface TaxonomySelectFilterProps {
  category: CodedCategory;
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
}

/** One code of a category, for list filters. */
export function TaxonomySelectFilter({ category, label, value, onChange }: TaxonomySelectFilterProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const data = (lookup?.taxonomy[category] ?? []).map((entry) => ({ value: entry.code, label: entry.label }));
  return (
    <Select
      label={label}
      placeholder={t('filters.any')}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      w={190}
      comboboxProps={{ width: 360, position: 'bottom-start' }}
      renderOption={({ option }) => {
        const help = lookup?.entry(category, option.value)?.help;
        return (
          <Tooltip label={help} disabled={!help} multiline w={320} position="right" withinPortal openDelay={300}>
            <Text size="sm">{option.label}</Text>
          </Tooltip>
        );
      }}
    />
  );
}

type TaxonomyFilterKey = 'provision' | 'domain' | 'type';

/** The provision, domain and assistance type filters every request and offer list has. */
export function TaxonomyFilters({ filters, setFilter }: Pick<ListParams<TaxonomyFilterKey>, 'filters' | 'setFilter'>) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

interface StateSelectFilterProps {
  label: string;
  value: string | undefined;
  onChange: (value: string | null) => void;
}

/** One State, by name or ISO code, for list filters. */
export function StateSelectFilter({ label, value, onChange }: StateSelectFilterProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  return (
    <Select
      label={label}
      placeholder={t('filters.any')}
      data={lookup?.options.states ?? []}
      value={value ?? null}
      onChange={onChange}
      searchable
      clearable
      w={200}
    />
  );
}
