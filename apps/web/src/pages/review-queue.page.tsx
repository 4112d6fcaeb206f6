import { Badge, Stack, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { offerListQuery } from '../api/offers';
import { requestListQuery } from '../api/requests';
import { REVIEW_QUEUE_STATUSES } from '../api/request-status';
import { FilterBar, SearchFilter, useListParams } from '../components/list-controls';
import { listCount, ListCountText, type ListCount } from '../components/list-count';
import { PageHeader } from '../components/page-header';
import { RecordList } from '../records/record-list';
import { OfferActions } from '../offers/offer-actions';
import { OffersTable } from '../offers/offers-table';
import { ObjectionWindowNote, RequestActions, type PersonRequestAction } from '../requests/request-actions';
import { RequestFilters, REQUEST_FILTER_KEYS, statusesWithin } from '../requests/request-filters';
import { RequestsTable } from '../requests/requests-table';
import { useTranslation } from '../i18n';

const FILTER_KEYS = [...REQUEST_FILTER_KEYS, 'tab'] as const;
const QUEUE_ACTIONS: readonly PersonRequestAction[] = ['acknowledge', 'circulate', 'request_clarification'];

/** What waits for the Committee: requests to acknowledge, question or circulate, and offers to verify. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  // Oldest first: the queue is worked through in the order things arrived.
  const list = useListParams(FILTER_KEYS, { sort: 'submittedAt', viewKeys: ['tab'] });
  const tab = list.filters.tab === 'offers' ? 'offers' : 'requests';
  const { tab: _tab, ...filters } = list.filters;

  const requests = useQuery({
    ...requestListQuery({
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      ...filters,
      status: statusesWithin(filters.status, REVIEW_QUEUE_STATUSES),
    }),
    placeholderData: keepPreviousData,
    enabled: tab === 'requests',
  });
  // The tab badge counts what the tab lists, whatever the search.
  const requestCount = useQuery({
    ...requestListQuery({ page: 1, pageSize: 1, status: REVIEW_QUEUE_STATUSES.join(',') }),
    select: listCount,
  });
  const offerPage = list.filters.tab === 'offers' ? list.page : 1;
  const offers = useQuery({
    ...offerListQuery({
      page: offerPage,
      pageSize: list.pageSize,
      status: 'pending_verification',
      sort: 'submittedAt',
      q: filters.q,
    }),
    placeholderData: keepPreviousData,
    enabled: tab === 'offers',
  });
  // The tab badge counts the whole queue, whatever the search.
  const offerCount = useQuery({
    ...offerListQuery({ page: 1, pageSize: 1, status: 'pending_verification' }),
    select: listCount,
  });

  return (
    <>
      <PageHeader title={t('sections.reviewQueue.title')}>{t('reviewQueue.intro')}</PageHeader>
      <Tabs
        value={tab}
        onChange={(value) => list.setFilter('tab', value === 'offers' ? 'offers' : null)}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="requests" rightSection={<QueueCount count={requestCount.data} />}>
            {t('reviewQueue.requestsTab')}
          </Tabs.Tab>
          <Tabs.Tab value="offers" rightSection={<QueueCount count={offerCount.data} />}>
            {t('reviewQueue.offersTab')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="requests">
          <Text size="sm" c="dimmed" mb="sm">
            {t('reviewQueue.requestsHelp')}
          </Text>
          <RequestFilters list={list} statuses={REVIEW_QUEUE_STATUSES} showState />
          <RecordList
            query={requests}
            filtered={list.activeFilterCount > 0}
            emptyTitle={t('reviewQueue.requestsEmpty.title')}
            emptyDescription={t('reviewQueue.requestsEmpty.description')}
            list={list}
          >
            {(items) => (
              <RequestsTable
                items={items}
                columns={['reference', 'title', 'state', 'status', 'priority', 'submittedAt']}
                sort={list.sort}
                onSort={list.setSort}
                label={t('reviewQueue.requestsTab')}
                rowActionsLabel={t('list.actions')}
                rowActions={(request) => (
                  <Stack gap={4}>
                    <RequestActions request={request} size="xs" only={QUEUE_ACTIONS} />
                    {request.status === 'clarification_requested' && (
                      <Text size="xs" c="dimmed">
                        {t('reviewQueue.waitingForState')}
                      </Text>
                    )}
                    <ObjectionWindowNote request={request} compact />
                  </Stack>
                )}
              />
            )}
          </RecordList>
        </Tabs.Panel>

        <Tabs.Panel value="offers">
          <Text size="sm" c="dimmed" mb="sm">
            {t('reviewQueue.offersHelp')}
          </Text>
          <FilterBar>
            <SearchFilter
              label={t('filters.search')}
              placeholder={t('filters.searchOffers')}
              value={filters.q}
              onChange={(value) => list.setFilter('q', value)}
            />
          </FilterBar>
          <RecordList
            query={offers}
            filtered={Boolean(filters.q)}
            emptyTitle={t('reviewQueue.offersEmpty.title')}
            emptyDescription={t('reviewQueue.offersEmpty.description')}
            list={list}
          >
            {(items) => (
              <OffersTable
                items={items}
                columns={['title', 'provider', 'assistanceTypes', 'eligibility', 'submittedAt']}
                label={t('reviewQueue.offersTab')}
                rowActionsLabel={t('list.actions')}
                rowActions={(offer) => <OfferActions offer={offer} size="xs" only={['verify', 'return_to_draft']} />}
              />
            )}
          </RecordList>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** How many wait in a tab; nothing when none do. */
function QueueCount({ count }: { count: ListCount | undefined }) {
  return count?.count ? (
    <Badge size="sm" variant="filled">
      <ListCountText value={count} />
    </Badge>
  ) : null;
}
