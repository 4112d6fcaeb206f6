import { Badge, MultiSelect, Select, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { MATCH_ORIGINS, MATCH_STATUSES, matchListQuery, type MatchStatus } from '../api/matches';
import { useSignedInUser } from '../auth/current-user';
import {
  ClearFiltersButton,
  FilterBar,
  ListFooter,
  ListStates,
  SearchFilter,
  useListParams,
} from '../components/list-controls';
import { listCount, ListCountText } from '../components/list-count';
import { PageHeader } from '../components/page-header';
import { useStatusLabels } from '../components/status-badge';
import { MatchesTable } from '../matches/matches-table';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

const COMMITTEE_FILTERS = ['q', 'status', 'origin'] as const;

/** Every match, for the Committee: filter by status and origin, best score or latest change first. */
export function CommitteeMatchesPage() {
  const { t } = useTranslation();
  const labels = useStatusLabels();
  const list = useListParams(COMMITTEE_FILTERS, { sort: '-score' });
  const matches = useQuery({
    ...matchListQuery({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('sections.matches.title')}>{t('matchesList.committeeIntro')}</PageHeader>
      <FilterBar>
        <SearchFilter
          label={t('filters.search')}
          placeholder={t('filters.searchMatches')}
          value={list.filters.q}
          onChange={(value) => list.setFilter('q', value)}
        />
        <MultiSelect
          label={t('filters.status')}
          placeholder={list.filters.status ? undefined : t('filters.any')}
          data={MATCH_STATUSES.map((status) => ({ value: status, label: labels.match(status) }))}
          value={list.filters.status?.split(',').filter(Boolean) ?? []}
          onChange={(value) => list.setFilter('status', value.join(','))}
          clearable
          miw={200}
          maw={400}
        />
        <Select
          label={t('matchesList.origin')}
          placeholder={t('filters.any')}
          data={MATCH_ORIGINS.map((origin) => ({ value: origin, label: t(`matchOrigin.${origin}`) }))}
          value={list.filters.origin ?? null}
          onChange={(value) => list.setFilter('origin', value)}
          clearable
          w={200}
        />
        <Select
          label={t('matchesList.sort')}
          data={[
            { value: '-score', label: t('matchesList.sortScore') },
            { value: '-updatedAt', label: t('matchesList.sortUpdated') },
          ]}
          value={list.sort === '-updatedAt' ? '-updatedAt' : '-score'}
          onChange={(value) => value && list.setSort(value)}
          allowDeselect={false}
          w={220}
        />
        <ClearFiltersButton list={list} />
      </FilterBar>
      <ListStates
        query={matches}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('matchesList.empty.title')}
        emptyDescription={t('matchesList.empty.committee')}
      >
        {(page) => (
          <>
            <MatchesTable
              items={page.items}
              label={t('sections.matches.title')}
              sort={list.sort}
              onSort={list.setSort}
            />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}

type GroupKey = 'all' | 'toAnswer' | 'proposed' | 'toConfirm' | 'withProvider' | 'withState' | 'agreed' | 'completed' | 'closed';

/** Status groups as each side thinks of them; the first after "all" is the one waiting for this person. */
const PROVIDER_GROUPS: [GroupKey, readonly MatchStatus[]][] = [
  ['all', []],
  ['toAnswer', ['endorsed']],
  ['withState', ['accepted']],
  ['agreed', ['agreed', 'in_progress']],
  ['completed', ['completed']],
  ['proposed', ['suggested']],
  ['closed', ['declined', 'rejected', 'cancelled', 'dismissed']],
];
const AGENCY_GROUPS: [GroupKey, readonly MatchStatus[]][] = [
  ['all', []],
  ['toConfirm', ['accepted']],
  ['withProvider', ['endorsed']],
  ['agreed', ['agreed', 'in_progress']],
  ['completed', ['completed']],
  ['closed', ['declined', 'rejected', 'cancelled']],
];
/** Groups that wait on the viewer: their counts are shown in colour. */
const ACTIONABLE: readonly GroupKey[] = ['toAnswer', 'toConfirm'];

/** The provider's matches: answer endorsed ones, report delivery, give feedback. */
export function ProviderMatchesPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  return (
    <GroupedMatchesPage
      title={t('sections.providerMatches.title')}
      intro={t('matchesList.providerIntro', { organisation: user.organization.shortName })}
      groups={PROVIDER_GROUPS}
      emptyDescription={t('matchesList.empty.provider')}
    />
  );
}

/** The State's matches: the coordinator confirms or rejects accepted ones; both give feedback when completed. */
export function AgencyMatchesPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const state = user.organization.state ?? '';
  return (
    <GroupedMatchesPage
      title={t('sections.agencyMatches.title')}
      intro={t('matchesList.agencyIntro', { state: lookup?.stateName(state) ?? state })}
      note={user.role === 'agency_member' ? t('matchesList.agencyMemberNote') : undefined}
      groups={AGENCY_GROUPS}
      emptyDescription={t('matchesList.empty.agency')}
    />
  );
}

interface GroupedMatchesPageProps {
  title: string;
  intro: string;
  note?: string;
  groups: [GroupKey, readonly MatchStatus[]][];
  emptyDescription: string;
}

function GroupedMatchesPage({ title, intro, note, groups, emptyDescription }: GroupedMatchesPageProps) {
  const { t } = useTranslation();
  const list = useListParams(['group'] as const, { sort: '-updatedAt', viewKeys: ['group'] });
  const group = groups.find(([key]) => key === list.filters.group) ?? groups[0];
  const status = group[1].join(',') || undefined;
  const matches = useQuery({
    ...matchListQuery({ page: list.page, pageSize: list.pageSize, sort: list.sort, status }),
    placeholderData: keepPreviousData,
  });
  const counts = useQueries({
    queries: groups.map(([, statuses]) => ({
      ...matchListQuery({ page: 1, pageSize: 1, status: statuses.join(',') || undefined }),
      select: listCount,
    })),
  });

  return (
    <>
      <PageHeader title={title}>{intro}</PageHeader>
      {note && (
        <Text size="sm" c="dimmed" mt={-12} mb="md">
          {note}
        </Text>
      )}
      <Tabs value={group[0]} onChange={(value) => list.setFilter('group', value === 'all' ? null : value)} mb="md">
        <Tabs.List>
          {groups.map(([key], index) => {
            const count = counts[index]?.data;
            return (
              <Tabs.Tab
                key={key}
                value={key}
                rightSection={
                  count?.count ? (
                    <Badge
                      size="sm"
                      variant={ACTIONABLE.includes(key) ? 'filled' : 'light'}
                      color={ACTIONABLE.includes(key) ? 'orange' : 'gray'}
                      circle={count.count < 10}
                    >
                      <ListCountText value={count} />
                    </Badge>
                  ) : null
                }
              >
                {t(`matchesList.groups.${key}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <ListStates
        query={matches}
        emptyTitle={group[0] === 'all' ? t('matchesList.empty.title') : t('matchesList.emptyGroup.title')}
        emptyDescription={group[0] === 'all' ? emptyDescription : t('matchesList.emptyGroup.description')}
      >
        {(page) => (
          <>
            <MatchesTable items={page.items} label={title} sort={list.sort} onSort={list.setSort} />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}
