import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ActiveBadge, ActiveFilter, ActiveToggle } from '../admin/active-toggle';
import { PasswordButton } from '../admin/password-dialog';
import { UserDialog } from '../admin/user-dialog';
import { OrganizationSelect } from '../admin/organization-select';
import { ROLES, setUserActive, userKeys, userListQuery, type User } from '../api/users';
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
import { formatDateTime } from '../format';
import { useTranslation } from '../i18n';

/** Every account, for the Committee's administrators: add people, find them, deactivate and reactivate. */
export function UsersPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = useListParams(['q', 'role', 'organizationId', 'active'] as const, { sort: 'displayName' });
  const users = useQuery({
    ...userListQuery({ page: list.page, pageSize: list.pageSize, ...list.filters }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t('sections.users.title')}
        actions={<Button onClick={() => setCreating(true)}>{t('admin.users.new')}</Button>}
      >
        {t('admin.users.intro')}
      </PageHeader>
      <FilterBar>
        <SearchFilter
          label={t('filters.search')}
          placeholder={t('admin.users.search')}
          value={list.filters.q}
          onChange={(value) => list.setFilter('q', value ?? null)}
        />
        <Select
          label={t('admin.users.fields.role')}
          placeholder={t('filters.any')}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={list.filters.role ?? null}
          onChange={(value) => list.setFilter('role', value)}
          clearable
          w={220}
        />
        <OrganizationSelect
          label={t('admin.users.fields.organization')}
          placeholder={t('filters.any')}
          value={list.filters.organizationId ?? null}
          onChange={(organization) => list.setFilter('organizationId', organization?.id ?? null)}
          clearable
          w={280}
        />
        <ActiveFilter value={list.filters.active} onChange={(value) => list.setFilter('active', value)} />
        <ClearFiltersButton list={list} />
      </FilterBar>
      <ListStates
        query={users}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('admin.users.empty')}
        emptyDescription={t('admin.users.emptyHelp')}
      >
        {(page) => (
          <>
            <UsersTable items={page.items} />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
      <UserDialog opened={creating} onClose={() => setCreating(false)} organizationId={list.filters.organizationId} />
    </>
  );
}

function UsersTable({ items }: { items: User[] }) {
  const { t, i18n } = useTranslation();
  const me = useSignedInUser();
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped verticalSpacing="sm" aria-label={t('sections.users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.fields.displayName')}</Table.Th>
            <Table.Th>{t('admin.users.fields.role')}</Table.Th>
            <Table.Th>{t('admin.users.fields.organization')}</Table.Th>
            <Table.Th>{t('admin.users.lastSignIn')}</Table.Th>
            <Table.Th>{t('admin.status')}</Table.Th>
            <Table.Th>{t('list.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {user.displayName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{user.organization.name}</Table.Td>
              <Table.Td>
                {user.lastLoginAt ? formatDateTime(user.lastLoginAt, i18n.language) : t('admin.users.never')}
              </Table.Td>
              <Table.Td miw={120}>
                <ActiveBadge active={user.active} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <PasswordButton user={user} />
                  {/* The API refuses deactivating yourself; the button says so by not being there. */}
                  {user.id !== me.id && (
                    <ActiveToggle
                      active={user.active}
                      name={user.displayName}
                      setActive={(active) => setUserActive(user, active)}
                      invalidate={userKeys.all}
                    />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
