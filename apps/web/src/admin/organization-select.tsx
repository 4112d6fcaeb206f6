import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { organizationListQuery, organizationQuery, type Organization } from '../api/organizations';
import { useTranslation } from '../i18n';

interface OrganizationSelectProps extends Omit<
  SelectProps,
  'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'
> {
  value: string | null;
  onChange: (organization: Organization | null) => void;
  /** Only organisations that are active (for new accounts). */
  activeOnly?: boolean;
}

/**
 * Picks one organisation of however many there are: the server searches by name (20 at a time), and the chosen
 * one is always among the options, even when it is not among the names found.
 */
export function OrganizationSelect({ value, onChange, activeOnly = false, ...props }: OrganizationSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const selected = useQuery({ ...organizationQuery(value ?? ''), enabled: !!value });
  // Typing the chosen organisation's own name is not a search.
  const query = q && q !== selected.data?.name ? q : undefined;
  const found = useQuery({
    ...organizationListQuery({ page: 1, pageSize: 20, q: query, active: activeOnly ? 'true' : undefined }),
    placeholderData: keepPreviousData,
  });
  const options = [
    ...(selected.data ? [selected.data] : []),
    ...(found.data?.items ?? []).filter((o) => o.id !== value),
  ];
  return (
    <Select
      {...props}
      searchable
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChange={(id) => onChange(options.find((o) => o.id === id) ?? null)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server has filtered already.
      filter={({ options: all }) => all}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('taxonomy.nothingFound')}
    />
  );
}
