import { Badge, Button, Group, Select, Stack, Table, Text, Tooltip, type MantineColor } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DELIVERY_STATUSES, deliveriesQuery, type Delivery, type DeliveryStatus } from '../api/notifications';
import { ClearFiltersButton, FilterBar, ListFooter, ListStates, useListParams } from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { useTranslation } from '../i18n';

const STATUS_COLOR: Record<DeliveryStatus, MantineColor> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
};

/** Every e-mail the platform sent or tried to send, with status, attempts and last error (DESIGN §7). */
export function DeliveriesPage() {
  const { t } = useTranslation();
  const list = useListParams(['status', 'kind'] as const, { sort: '-createdAt' });
  const deliveries = useQuery({
    ...deliveriesQuery({
      page: list.page,
      pageSize: list.pageSize,
      status: list.filters.status,
      kind: list.filters.kind,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
  const counts = deliveries.data?.counts;

  return (
    <>
      <PageHeader title={t('sections.deliveries.title')}>{t('deliveries.intro')}</PageHeader>
      {counts && (
        <Group gap="xs" mb="md" role="group" aria-label={t('deliveries.status')}>
          {DELIVERY_STATUSES.map((status) => (
            <Button
              key={status}
              size="xs"
              variant={list.filters.status === status ? 'filled' : 'light'}
              aria-pressed={list.filters.status === status}
              color={STATUS_COLOR[status]}
              onClick={() => list.setFilter('status', list.filters.status === status ? null : status)}
              rightSection={
                <Badge size="xs" variant="white" color={STATUS_COLOR[status]} circle={counts[status] < 10}>
                  {counts[status]}
                </Badge>
              }
            >
              {t(`deliveries.statuses.${status}`)}
            </Button>
          ))}
        </Group>
      )}
      <FilterBar>
        <Select
          label={t('deliveries.kind')}
          placeholder={t('filters.any')}
          data={(['notification', 'digest'] as const).map((kind) => ({
            value: kind,
            label: t(`deliveries.kinds.${kind}`),
          }))}
          value={list.filters.kind ?? null}
          onChange={(value) => list.setFilter('kind', value)}
          clearable
          w={180}
        />
        <ClearFiltersButton list={list} />
      </FilterBar>
      <ListStates
        query={deliveries}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('deliveries.empty.title')}
        emptyDescription={t('deliveries.empty.description')}
      >
        {(page) => (
          <>
            <DeliveriesTable items={page.items} />
            <ListFooter page={page} list={list} />
          </>
        )}
      </ListStates>
    </>
  );
}

function DeliveriesTable({ items }: { items: Delivery[] }) {
  const { t, i18n } = useTranslation();
  const date = (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('common.notSet'));
  return (
    <Table.ScrollContainer minWidth={980} type="native">
      <Table striped verticalSpacing="sm" horizontalSpacing="xs" aria-label={t('deliveries.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('deliveries.columns.created')}</Table.Th>
            <Table.Th>{t('deliveries.columns.recipient')}</Table.Th>
            <Table.Th>{t('deliveries.columns.subject')}</Table.Th>
            <Table.Th>{t('deliveries.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('deliveries.columns.attempts')}</Table.Th>
            <Table.Th>{t('deliveries.columns.lastError')}</Table.Th>
            <Table.Th>{t('deliveries.columns.sentAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{date(delivery.createdAt)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">{delivery.recipient.displayName}</Text>
                  <Text size="xs" c="dimmed">
                    {delivery.recipient.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" lineClamp={2}>
                  {delivery.notification
                    ? delivery.notification.title
                    : t('deliveries.digestOf', { count: delivery.digestSize ?? 0 })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[delivery.status]} variant="light" tt="none" miw="max-content">
                  {t(`deliveries.statuses.${delivery.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {delivery.attempts}
              </Table.Td>
              <Table.Td maw={280}>
                {delivery.lastError ? (
                  <Tooltip label={delivery.lastError} multiline maw={420} withinPortal>
                    <Text size="xs" ff="monospace" c="red" lineClamp={2}>
                      {delivery.lastError}
                    </Text>
                  </Tooltip>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('deliveries.noError')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{date(delivery.sentAt)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
