import { Badge, Group, MultiSelect, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodedCategory } from '../api/taxonomy';
import { useTaxonomy } from './use-taxonomy';

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
export function TaxonomyMultiSelect({ category, label, description, value, onChange, error, required, placeholder }: TaxonomyMultiSelectProps) {
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

interface TaxonomyBadgesProps {
  category: CodedCategory;
  codes: string[];
  /** `code`: compact (OP3d) for tables; `label`: words. The other is in the tooltip either way. */
  display?: 'code' | 'label';
}

/** Codes as small badges; hovering one shows its label and help. */
export function TaxonomyBadges({ category, codes, display = 'label' }: TaxonomyBadgesProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  if (codes.length === 0) return <Text c="dimmed">{t('common.notSet')}</Text>;
  return (
    <Group gap={4}>
      {codes.map((code) => {
        const entry = lookup?.entry(category, code);
        const tooltip = entry ? (display === 'code' ? entry.label : entry.help) : undefined;
        return (
          <Tooltip key={code} label={tooltip} disabled={!tooltip} multiline maw={320} withinPortal openDelay={200}>
            <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none" style={{ cursor: 'default' }}>
              {display === 'code' ? code : (entry?.label ?? code)}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Codes with their labels and help texts, one per line: for detail pages. */
export function TaxonomyList({ category, codes }: { category: CodedCategory; codes: string[] }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  if (codes.length === 0) return <Text c="dimmed">{t('common.notSet')}</Text>;
  return (
    <Stack gap={6}>
      {codes.map((code) => {
        const entry = lookup?.entry(category, code);
        return (
          <div key={code}>
            <Text size="sm" fw={500}>
              {entry?.label ?? code}
            </Text>
            {entry?.help && (
              <Text size="xs" c="dimmed">
                {entry.help}
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
