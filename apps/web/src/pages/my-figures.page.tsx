import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router';
import { myFiguresQuery, type AgencyFigures, type ProviderFigures } from '../api/reports';
import { useSignedInUser } from '../auth/current-user';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { useDuration } from '../components/use-duration';
import { OfferStatusBadge, RequestStatusBadge } from '../components/status-badge';
import { formatDate, formattingLocale } from '../format';
import { downloadCsv, type CsvTable } from '../reports/csv';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** An agency's waiting times per request, or a provider's uptake per offer (GET /reports/mine). */
export function MyFiguresPage() {
  const { t } = useTranslation();
  const figures = useQuery(myFiguresQuery);
  return (
    <Stack gap="lg">
      <PageHeader title={t('sections.myFigures.title')} />
      {figures.isPending ? (
        <PageLoader />
      ) : figures.isError ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : figures.data.kind === 'agency' ? (
        <AgencyFiguresView figures={figures.data} />
      ) : (
        <ProviderFiguresView figures={figures.data} />
      )}
    </Stack>
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function Tile({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" role="listitem" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}

function AgencyFiguresView({ figures }: { figures: AgencyFigures }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const days = useDuration();
  const submitted = figures.requests.filter((request) => request.submittedAt);
  const matched = submitted.filter((request) => request.matchedAt && request.waitingDays !== null);
  const waiting = submitted.filter(
    (request) =>
      !request.matchedAt && !['withdrawn', 'closed'].includes(request.status) && request.waitingDays !== null,
  );
  const medianWait = median(matched.map((request) => request.waitingDays!));
  const longest = Math.max(0, ...submitted.map((request) => request.waitingDays ?? 0));
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : t('common.notSet'));
  const table: CsvTable = {
    header: [
      t('myFigures.agency.reference'),
      t('myFigures.agency.title'),
      t('myFigures.agency.status'),
      t('myFigures.agency.submittedAt'),
      t('myFigures.agency.matchedAt'),
      t('myFigures.agency.waitingDays'),
      t('myFigures.agency.matchesProposed'),
    ],
    rows: figures.requests.map((request) => [
      request.reference,
      request.title,
      request.status,
      request.submittedAt?.slice(0, 10),
      request.matchedAt?.slice(0, 10),
      request.waitingDays,
      request.matchesProposed,
    ]),
  };
  const stateName = lookup?.stateName(figures.state) ?? figures.state;

  return (
    <Stack gap="lg">
      <Text c="dimmed" mt={-24}>
        {t('myFigures.agencyIntro', { state: stateName })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} role="list" aria-label={t('reports.kpi.label')}>
        <Tile label={t('myFigures.agency.median')} value={medianWait === null ? '—' : days(medianWait)} />
        <Tile label={t('myFigures.agency.open')} value={String(waiting.length)} />
        <Tile label={t('myFigures.agency.longest')} value={submitted.length ? days(longest) : '—'} />
      </SimpleGrid>
      <Paper withBorder p="lg" component="section" aria-label={t('myFigures.agency.tableLabel')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('myFigures.agency.tableLabel')}</Text>
            <Button
              size="xs"
              variant="default"
              disabled={table.rows.length === 0}
              onClick={() => downloadCsv(`a1540-waiting-times-${figures.state}`, table)}
            >
              {t('myFigures.downloadCsv')}
            </Button>
          </Group>
          {figures.requests.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('myFigures.agency.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820} type="native">
              <Table striped verticalSpacing="xs" aria-label={t('myFigures.agency.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('myFigures.agency.reference')}</Table.Th>
                    <Table.Th>{t('myFigures.agency.title')}</Table.Th>
                    <Table.Th>{t('myFigures.agency.status')}</Table.Th>
                    <Table.Th>{t('myFigures.agency.submittedAt')}</Table.Th>
                    <Table.Th>{t('myFigures.agency.matchedAt')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.agency.waited')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.agency.matchesProposed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.requests.map((request) => (
                    <Table.Tr key={request.id}>
                      <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                        {request.reference}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/agency/requests/${request.id}`} size="sm">
                          {request.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <RequestStatusBadge status={request.status} size="sm" />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(request.submittedAt)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(request.matchedAt)}</Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" c={waiting.includes(request) ? 'orange' : undefined}>
                          {request.waitingDays === null ? t('common.notSet') : days(request.waitingDays)}
                        </Text>
                        {waiting.includes(request) && (
                          <Text size="xs" c="orange">
                            {t('myFigures.agency.stillWaiting')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {request.matchesProposed}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function ProviderFiguresView({ figures }: { figures: ProviderFigures }) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const percent = new Intl.NumberFormat(formattingLocale(i18n.language), {
    style: 'percent',
    maximumFractionDigits: 0,
  });
  const sum = (key: 'endorsed' | 'accepted' | 'declined' | 'agreed' | 'completed') =>
    figures.offers.reduce((total, offer) => total + offer[key], 0);
  const answered = sum('accepted') + sum('declined');
  const table: CsvTable = {
    header: [
      t('myFigures.provider.offer'),
      t('myFigures.provider.status'),
      t('myFigures.provider.capacity'),
      t('myFigures.provider.endorsed'),
      t('myFigures.provider.accepted'),
      t('myFigures.provider.declined'),
      t('myFigures.provider.agreed'),
      t('myFigures.provider.completed'),
    ],
    rows: figures.offers.map((offer) => [
      offer.title,
      offer.status,
      offer.capacityEngagements === null
        ? `${offer.engagementsUsed}`
        : `${offer.engagementsUsed}/${offer.capacityEngagements}`,
      offer.endorsed,
      offer.accepted,
      offer.declined,
      offer.agreed,
      offer.completed,
    ]),
  };

  return (
    <Stack gap="lg">
      <Text c="dimmed" mt={-24}>
        {t('myFigures.providerIntro', { organisation: figures.provider })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label={t('reports.kpi.label')}>
        <Tile label={t('myFigures.provider.totalEndorsed')} value={String(sum('endorsed'))} />
        <Tile
          label={t('myFigures.provider.acceptance')}
          value={answered ? percent.format(sum('accepted') / answered) : '—'}
        />
        <Tile label={t('myFigures.provider.totalAgreed')} value={String(sum('agreed'))} />
        <Tile label={t('myFigures.provider.totalCompleted')} value={String(sum('completed'))} />
      </SimpleGrid>
      <Paper withBorder p="lg" component="section" aria-label={t('myFigures.provider.tableLabel')}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={600}>{t('myFigures.provider.tableLabel')}</Text>
            <Button
              size="xs"
              variant="default"
              disabled={table.rows.length === 0}
              onClick={() => downloadCsv(`a1540-offer-uptake-${user.organization.shortName}`, table)}
            >
              {t('myFigures.downloadCsv')}
            </Button>
          </Group>
          {figures.offers.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('myFigures.provider.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={820} type="native">
              <Table striped verticalSpacing="xs" aria-label={t('myFigures.provider.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('myFigures.provider.offer')}</Table.Th>
                    <Table.Th>{t('myFigures.provider.status')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.capacity')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.endorsed')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.accepted')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.declined')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.agreed')}</Table.Th>
                    <Table.Th ta="right">{t('myFigures.provider.completed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {figures.offers.map((offer) => (
                    <Table.Tr key={offer.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/provider/offers/${offer.id}`} size="sm">
                          {offer.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <OfferStatusBadge status={offer.status} size="sm" />
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace">
                        {offer.capacityEngagements === null
                          ? offer.engagementsUsed
                          : `${offer.engagementsUsed} / ${offer.capacityEngagements}`}
                      </Table.Td>
                      {(['endorsed', 'accepted', 'declined', 'agreed', 'completed'] as const).map((key) => (
                        <Table.Td key={key} ta="right" ff="monospace">
                          {offer[key]}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
