import { Anchor, Button, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../router';
import { ActiveBadge, ActiveFilter, ActiveToggle } from '../admin/active-toggle';
import { OrganizationDialog } from '../admin/organization-dialog';
import {
  ORGANIZATION_KINDS,
  organizationKeys,
  organizationListQuery,
  setOrganizationActive,
  type Organization,
} from '../api/organizations';
import { useSignedInUser } from '../auth/current-user';
import {
  ClearFiltersButton,
  FilterBar,
  ListFooter,
  ListStates,
  SearchFilter,
  useListParams,
} from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** The organisations that use the platform, for the Committee's administrators: add, find, deactivate. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useListParams(['q', 'kind', 'active'] as const, { sort: 'name' });
  const organizations = useQuery({
    ...organizationListQuery({ page: list.page, pageSize: list.pageSize, ...list.filters }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t('sections.organisations.title')}
        actions={<Button onClick={() => setCreating(true)}>{t('admin.organizations.new')}</Button>}
      >
        {t('admin.organizations.intro')}
      </PageHeader>
      <FilterBar>
        <SearchFilter
          label={t('filters.search')}
          placeholder={t('admin.organizations.search')}
          value={list.filters.q}
          onChange={(value) => list.setFilter('q', value ?? null)}
        />
        <Select
          label={t('admin.organizations.fields.kind')}
          placeholder={t('filters.any')}
          data={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.kinds.${kind}`) }))}
          value={list.filters.kind ?? null}
          onChange={(value) => list.setFilter('kind', value)}
          clearable
          w={200}
        />
        <ActiveFilter value={list.filters.active} onChange={(value) => list.setFilter('active', value)} />
        <ClearFiltersButton list={list} />
      </FilterBar>
      <ListStates
        query={organizations}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('admin.organizations.empty')}
        emptyDescription={t('admin.organizations.emptyHelp')}
      >
        {(page) => (
          <>
            <OrganizationsTable items={page.items} />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
      <OrganizationDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function OrganizationsTable({ items }: { items: Organization[] }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const me = useSignedInUser();
  return (
    <Table.ScrollContainer minWidth={860} type="native">
      <Table striped verticalSpacing="sm" aria-label={t('sections.organisations.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.organizations.fields.name')}</Table.Th>
            <Table.Th>{t('admin.organizations.fields.kind')}</Table.Th>
            <Table.Th>{t('admin.organizations.fields.state')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th>{t('list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((organization) => (
            <Table.Tr key={organization.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {organization.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {organization.shortName}
                    {organization.contactEmail ? ` · ${organization.contactEmail}` : ''}
                  </Text>
                  <Anchor component={Link} to={`/committee/admin/users?organizationId=${organization.id}`} size="xs">
                    {t('admin.organizations.members')}
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td>{t(`admin.kinds.${organization.kind}`)}</Table.Td>
              <Table.Td>
                {organization.state
                  ? (lookup?.stateName(organization.state) ?? organization.state)
                  : t('common.notSet')}
              </Table.Td>
              <Table.Td miw={120}>
                <ActiveBadge active={organization.active} />
              </Table.Td>
              <Table.Td>
                <ActiveToggle
                  active={organization.active}
                  name={organization.name}
                  setActive={(active) => setOrganizationActive(organization, active)}
                  invalidate={organizationKeys.all}
                  disabled={organization.id === me.organization.id}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
