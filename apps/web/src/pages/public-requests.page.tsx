import { Center, EmptyState, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { publicRequestsQuery, type PublicRequest } from '../api/public-requests';
import { ErrorState } from '../components/error-state';
import { InboxIcon } from '../components/icons';
import { PageHeader } from '../components/page-header';
import { RequestStatusBadge } from '../components/status-badge';
import { formatDate } from '../format';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';

const PAGE_SIZE = 20;

/** The public register (no sign-in): requests whose State consented to publication. */
export function PublicRequestsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const register = useQuery({ ...publicRequestsQuery(page, PAGE_SIZE), placeholderData: keepPreviousData });

  return (
    <>
      <PageHeader title={t('publicRequests.title')}>{t('publicRequests.intro')}</PageHeader>
      {register.isPending ? (
        <Center py="xl" role="status" aria-label={t('common.loading')}>
          <Loader />
        </Center>
      ) : register.isError ? (
        <ErrorState error={register.error} onRetry={() => void register.refetch()} />
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
                onChange={(next) => setSearchParams({ page: String(next) })}
              />
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}

function RegisterTable({ items }: { items: PublicRequest[] }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('publicRequests.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('publicRequests.columns.reference')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.state')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.title')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.provisions')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.domains')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.assistanceTypes')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.status')}</Table.Th>
            <Table.Th>{t('publicRequests.columns.circulatedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((request) => (
            <Table.Tr key={request.reference}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {request.reference}
              </Table.Td>
              <Table.Td>{lookup?.stateName(request.state) ?? request.state}</Table.Td>
              <Table.Td>{request.title}</Table.Td>
              <Table.Td>
                <TaxonomyBadges category="provisions" codes={request.provisions} display="short" />
              </Table.Td>
              <Table.Td>
                <TaxonomyBadges category="domains" codes={request.domains} />
              </Table.Td>
              <Table.Td>
                <TaxonomyBadges category="assistanceTypes" codes={request.assistanceTypes} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RequestStatusBadge status={request.status} size="sm" />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {request.circulatedAt ? formatDate(request.circulatedAt, i18n.language) : t('common.notSet')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
