import { EmptyState, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from '../router';
import { publicRequestsQuery, type PublicRequest } from '../api/public-requests';
import { publicContactQuery } from '../api/contacts';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { InboxIcon } from '../components/icons';
import { SearchFilter } from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { PublicActionPlansSection, PublicInformationNotesSection } from '../public-register/public-register-sections';
import { RequestStatusBadge } from '../components/status-badge';
import { DateCell, NoWrapCell, RecordTable } from '../records/record-table';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

const PAGE_SIZE = 20;

/** The public register (no sign-in): requests whose State consented to publication. */
export function PublicRequestsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const q = searchParams.get('q') ?? undefined;
  const register = useQuery({ ...publicRequestsQuery(page, PAGE_SIZE, q), placeholderData: keepPreviousData });
  const contact = useQuery(publicContactQuery);
  // A new search starts again on its first page.
  const search = (value: string | undefined) => setSearchParams(value ? { q: value } : {});
  const goToPage = (next: number) => setSearchParams({ ...(q ? { q } : {}), page: String(next) });

  return (
    <>
      <PageHeader title={t('publicRequests.title')}>
        {t('publicRequests.intro', { contact: contact.data?.committeeContact ?? '…' })}
      </PageHeader>
      <Group mb="md">
        <SearchFilter
          label={t('filters.search')}
          placeholder={t('filters.searchRequests')}
          value={q}
          onChange={search}
        />
      </Group>
      {register.isPending ? (
        <PageLoader />
      ) : register.isError ? (
        <ErrorState error={register.error} onRetry={() => void register.refetch()} />
      ) : register.data.items.length === 0 && q ? (
        <Text c="dimmed" py="md">
          {t('publicRequests.noResults')}
        </Text>
      ) : register.data.items.length === 0 ? (
        <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('publicRequests.empty.title')}</EmptyState.Title>
          <EmptyState.Description>{t('publicRequests.empty.description')}</EmptyState.Description>
        </EmptyState>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('publicRequests.total', { count: register.data.total })}
          </Text>
          <RegisterTable items={register.data.items} />
          {register.data.total > register.data.pageSize && (
            <Group justify="center" component="nav" aria-label={t('publicRequests.pagination')}>
              <Pagination
                total={Math.ceil(register.data.total / register.data.pageSize)}
                value={page}
                onChange={goToPage}
              />
            </Group>
          )}
        </Stack>
      )}
      <PublicActionPlansSection />
      <PublicInformationNotesSection />
    </>
  );
}

type RegisterColumn =
  'reference' | 'state' | 'title' | 'provisions' | 'domains' | 'assistanceTypes' | 'status' | 'circulatedAt';

const REGISTER_COLUMNS: RegisterColumn[] = [
  'reference',
  'title',
  'status',
  'state',
  'provisions',
  'domains',
  'assistanceTypes',
  'circulatedAt',
];

function RegisterTable({ items }: { items: PublicRequest[] }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();

  const cell = (column: RegisterColumn, request: PublicRequest) => {
    switch (column) {
      case 'reference':
        return (
          <NoWrapCell key={column} ff="monospace">
            {request.reference}
          </NoWrapCell>
        );
      case 'state':
        return <Table.Td key={column}>{lookup?.stateName(request.state) ?? request.state}</Table.Td>;
      case 'title':
        return (
          <Table.Td key={column} miw={200}>
            {request.title}
          </Table.Td>
        );
      case 'provisions':
        return (
          <Table.Td key={column}>
            <TaxonomyBadges category="provisions" codes={request.provisions} display="short" />
          </Table.Td>
        );
      case 'domains':
      case 'assistanceTypes':
        return (
          <Table.Td key={column}>
            <TaxonomyBadges category={column} codes={request[column]} />
          </Table.Td>
        );
      case 'status':
        return (
          <NoWrapCell key={column}>
            <RequestStatusBadge status={request.status} size="sm" />
          </NoWrapCell>
        );
      case 'circulatedAt':
        return <DateCell key={column} value={request.circulatedAt} />;
    }
  };

  return (
    <RecordTable
      // The register shows references, not ids: the reference is each row's key.
      items={items.map((request) => ({ ...request, id: request.reference }))}
      columns={REGISTER_COLUMNS}
      title={(column) => t(`publicRequests.columns.${column}`)}
      cell={cell}
      sortable={{}}
      label={t('publicRequests.tableLabel')}
    />
  );
}
