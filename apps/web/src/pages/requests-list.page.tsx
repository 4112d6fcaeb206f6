import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { requestListQuery } from '../api/requests';
import { CIRCULATED_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../api/request-status';
import { useListParams } from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { RecordList } from '../records/record-list';
import { RequestFilters, REQUEST_FILTER_KEYS, statusesWithin } from '../requests/request-filters';
import { RequestsTable, type RequestColumn } from '../requests/requests-table';
import { useTranslation } from '../i18n';

// The Committee never sees a State's drafts.
const COMMITTEE_STATUSES = REQUEST_STATUSES.filter((status) => status !== 'draft');

/** Every request the Committee has received, from every State. */
export function CommitteeRequestsPage() {
  return (
    <RequestRegister
      section="requests"
      texts="committeeRequests"
      sort="-updatedAt"
      statuses={COMMITTEE_STATUSES}
      columns={['reference', 'title', 'state', 'status', 'priority', 'submittedAt', 'updatedAt']}
    />
  );
}

/** Requests the Committee has shared with providers: what a provider could help with. */
export function CirculatedRequestsPage() {
  return (
    <RequestRegister
      section="circulatedRequests"
      texts="circulatedRequests"
      sort="-circulatedAt"
      statuses={CIRCULATED_STATUSES}
      onlyThese
      columns={['reference', 'title', 'state', 'assistanceTypes', 'status', 'priority', 'circulatedAt']}
    />
  );
}

interface RequestRegisterProps {
  section: 'requests' | 'circulatedRequests';
  /** Where the page's intro and empty state are in en.json. */
  texts: 'committeeRequests' | 'circulatedRequests';
  sort: string;
  /** The statuses the status filter offers… */
  statuses: readonly RequestStatus[];
  /** …and, when set, the only ones the list asks for. */
  onlyThese?: boolean;
  columns: RequestColumn[];
}

/** A register of requests across every State, filtered and sorted in the address. */
function RequestRegister({ section, texts, sort, statuses, onlyThese = false, columns }: RequestRegisterProps) {
  const { t } = useTranslation();
  const list = useListParams(REQUEST_FILTER_KEYS, { sort });
  const requests = useQuery({
    ...requestListQuery({
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      ...list.filters,
      ...(onlyThese ? { status: statusesWithin(list.filters.status, statuses) } : {}),
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t(`sections.${section}.title`)}>{t(`${texts}.intro`)}</PageHeader>
      <RequestFilters list={list} statuses={statuses} showState />
      <RecordList
        query={requests}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t(`${texts}.empty.title`)}
        emptyDescription={t(`${texts}.empty.description`)}
        list={list}
      >
        {(items) => (
          <RequestsTable
            items={items}
            columns={columns}
            sort={list.sort}
            onSort={list.setSort}
            label={t(`sections.${section}.title`)}
          />
        )}
      </RecordList>
    </>
  );
}
