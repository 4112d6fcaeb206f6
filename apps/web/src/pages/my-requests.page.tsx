import { Badge, Button, SegmentedControl, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Link } from '../router';
import { requestListQuery } from '../api/requests';
import type { RequestStatus } from '../api/request-status';
import { useSignedInUser } from '../auth/current-user';
import { useListParams } from '../components/list-controls';
import { listCount, ListCountText, type ListCount } from '../components/list-count';
import { PageHeader } from '../components/page-header';
import { RecordList } from '../records/record-list';
import { RequestFilters, REQUEST_FILTER_KEYS } from '../requests/request-filters';
import { RequestsTable } from '../requests/requests-table';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** Status groups an agency thinks in: what it is still writing, what waits on whom, what is done. */
const GROUPS = {
  all: [],
  drafts: ['draft'],
  // Drafts (and answers to the Committee's questions) an agency member says are ready for the coordinator.
  ready: ['draft', 'clarification_requested'],
  clarification: ['clarification_requested'],
  withCommittee: ['submitted', 'acknowledged'],
  circulated: ['circulated', 'matched'],
  delivery: ['in_delivery', 'delivered'],
  closed: ['closed', 'withdrawn'],
} as const satisfies Record<string, readonly RequestStatus[]>;
type Group = keyof typeof GROUPS;
const GROUP_IDS = Object.keys(GROUPS) as Group[];

const FILTER_KEYS = [...REQUEST_FILTER_KEYS, 'group', 'scope'] as const;
const readyOnly = (group: Group) => (group === 'ready' ? true : undefined);

export function MyRequestsPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const list = useListParams(FILTER_KEYS, { sort: '-updatedAt', viewKeys: ['group', 'scope'] });
  const group: Group = GROUP_IDS.includes(list.filters.group as Group) ? (list.filters.group as Group) : 'all';
  // A member works on their own organisation's requests; the coordinator on the whole State's.
  const defaultScope = user.role === 'agency_coordinator' ? 'state' : 'mine';
  const scope = list.filters.scope === 'mine' || list.filters.scope === 'state' ? list.filters.scope : defaultScope;
  const organizationId = scope === 'mine' ? user.organization.id : undefined;
  const { q, provision, domain, type, priority } = list.filters;
  const status = GROUPS[group].join(',') || undefined;

  const requests = useQuery({
    ...requestListQuery({
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      status,
      ready: readyOnly(group),
      organizationId,
      q,
      provision,
      domain,
      type,
      priority,
    }),
    placeholderData: keepPreviousData,
  });
  const counts = useGroupCounts(organizationId);
  const stateName = lookup?.stateName(user.organization.state ?? '') ?? user.organization.state ?? '';

  return (
    <>
      <PageHeader
        title={t('sections.myRequests.title')}
        actions={
          <Button component={Link} to="/agency/requests/new">
            {t('myRequests.new')}
          </Button>
        }
      >
        {scope === 'mine'
          ? t('myRequests.introMine', { organisation: user.organization.name })
          : t('myRequests.introState', { state: stateName })}
      </PageHeader>

      <SegmentedControl
        mb="md"
        aria-label={t('myRequests.scopeLabel')}
        value={scope}
        onChange={(value) => list.setFilter('scope', value === defaultScope ? null : value)}
        data={[
          { value: 'mine', label: t('myRequests.scopeMine', { organisation: user.organization.shortName }) },
          { value: 'state', label: t('myRequests.scopeState', { state: stateName }) },
        ]}
      />

      <Tabs value={group} onChange={(value) => list.setFilter('group', value === 'all' ? null : value)} mb="md">
        <Tabs.List>
          {GROUP_IDS.map((id) => (
            <Tabs.Tab
              key={id}
              value={id}
              rightSection={
                counts[id]?.count ? (
                  <Badge
                    size="sm"
                    variant={id === 'clarification' ? 'filled' : 'light'}
                    color={id === 'clarification' ? 'orange' : 'gray'}
                    circle={counts[id].count < 10}
                  >
                    <ListCountText value={counts[id]} />
                  </Badge>
                ) : null
              }
            >
              {t(`myRequests.groups.${id}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      <RequestFilters list={list} />

      <RecordList
        query={requests}
        emptyTitle={
          list.activeFilterCount > 0 || group !== 'all'
            ? t('myRequests.emptyFiltered.title')
            : t('myRequests.empty.title')
        }
        emptyDescription={
          list.activeFilterCount > 0 || group !== 'all'
            ? t('myRequests.emptyFiltered.description')
            : t('myRequests.empty.description')
        }
        emptyAction={
          <Button component={Link} to="/agency/requests/new" variant="light">
            {t('myRequests.new')}
          </Button>
        }
        list={list}
      >
        {(items) => (
          <RequestsTable
            items={items}
            columns={
              scope === 'mine'
                ? ['reference', 'title', 'status', 'priority', 'submittedAt', 'updatedAt']
                : ['reference', 'title', 'organization', 'status', 'priority', 'submittedAt', 'updatedAt']
            }
            sort={list.sort}
            onSort={list.setSort}
            label={t('sections.myRequests.title')}
          />
        )}
      </RecordList>
      {requests.isFetching && !requests.isPending && (
        <Text size="xs" c="dimmed" role="status">
          {t('common.updating')}
        </Text>
      )}
    </>
  );
}

/** How many requests each tab holds (one small query per group; the API has no per-status counts). */
function useGroupCounts(organizationId: string | undefined): Partial<Record<Group, ListCount>> {
  const results = useQueries({
    queries: GROUP_IDS.map((id) => ({
      ...requestListQuery({ page: 1, pageSize: 1, status: GROUPS[id].join(',') || undefined, ready: readyOnly(id), organizationId }),
      select: listCount,
    })),
  });
  return Object.fromEntries(GROUP_IDS.map((id, index) => [id, results[index]?.data]));
}
