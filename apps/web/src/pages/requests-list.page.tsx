import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { requestListQuery } from '../api/requests';
import { CIRCULATED_STATUSES, REQUEST_STATUSES } from '../api/request-status';
import { ListFooter, ListStates, useListParams } from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { RequestFilters, REQUEST_FILTER_KEYS, statusesWithin } from '../requests/request-filters';
import { RequestsTable } from '../requests/requests-table';

// The Committee never sees a State's drafts.
const COMMITTEE_STATUSES = REQUEST_STATUSES.filter((status) => status !== 'draft');

/** Every request the Committee has received, from every State. */
export function CommitteeRequestsPage() {
  const { t } = useTranslation();
  const list = useListParams(REQUEST_FILTER_KEYS, { sort: '-updatedAt' });
  const requests = useQuery({
    ...requestListQuery({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('sections.requests.title')}>{t('committeeRequests.intro')}</PageHeader>
      <RequestFilters list={list} statuses={COMMITTEE_STATUSES} showState />
      <ListStates
        query={requests}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('committeeRequests.empty.title')}
        emptyDescription={t('committeeRequests.empty.description')}
      >
        {(page) => (
          <>
            <RequestsTable
              items={page.items}
              columns={['reference', 'title', 'state', 'status', 'priority', 'submittedAt', 'updatedAt']}
              sort={list.sort}
              onSort={list.setSort}
              label={t('sections.requests.title')}
            />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}


/** Requests the Committee has shared with providers: what a provider could help with. */
export function CirculatedRequestsPage() {
  const { t } = useTranslation();
  const list = useListParams(REQUEST_FILTER_KEYS, { sort: '-circulatedAt' });
  const requests = useQuery({
    ...requestListQuery({
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      ...list.filters,
      status: statusesWithin(list.filters.status, CIRCULATED_STATUSES),
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('sections.circulatedRequests.title')}>{t('circulatedRequests.intro')}</PageHeader>
      <RequestFilters list={list} statuses={CIRCULATED_STATUSES} showState />
      <ListStates
        query={requests}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('circulatedRequests.empty.title')}
        emptyDescription={t('circulatedRequests.empty.description')}
      >
        {(page) => (
          <>
            <RequestsTable
              items={page.items}
              columns={['reference', 'title', 'state', 'assistanceTypes', 'status', 'priority', 'circulatedAt']}
              sort={list.sort}
              onSort={list.setSort}
              label={t('sections.circulatedRequests.title')}
            />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}
