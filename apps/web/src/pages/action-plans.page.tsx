import { ActionIcon, Alert, Badge, Box, Button, Collapse, Group, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from '../router';
import {
  actionPlanItemsCsvUrl,
  actionPlanItemsQuery,
  actionPlanKeys,
  actionPlanListQuery,
  actionPlanQuery,
  actionPlansCsvUrl,
  actionPlanVersionsQuery,
  declareItemInterest,
  requestFromItem,
  updateActionPlanItem,
  type ActionPlan,
  type ActionPlanItem,
} from '../api/action-plans';
import { useSignedInUser } from '../auth/current-user';
import { CsvDownloads } from '../components/csv-downloads';
import { BackLink, DetailCard } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState, useErrorMessage } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { RequestStatusBadge } from '../components/status-badge';
import { formatDate as formatDay } from '../format';
import { actionPlanListPath, actionPlanPath, requestPath, stateTimelinePath } from '../paths';
import { DocumentsCard, DocumentsPanel } from '../records/documents-card';
import { useTranslation } from '../i18n';

/** Dates as the signed-in language writes them. */
function useDay(): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatDay(iso.slice(0, 10), i18n.language);
}

const ITEM_STATUS_COLOR = { planned: 'gray', in_progress: 'blue', done: 'green', dropped: 'dark' } as const;
const LEVEL_COLOR = { high: 'red', medium: 'yellow', low: 'gray' } as const;

/** The action plans the caller may read: every State's for the Committee, its own State's, or those shared with providers. */
export function ActionPlansPage() {
  const { t } = useTranslation();
  const formatDate = useDay();
  const user = useSignedInUser();
  const plans = useQuery(actionPlanListQuery());
  const interested = useQuery({
    ...actionPlanItemsQuery({ interested: 'true' }),
    enabled: user.role === 'provider_member',
  });
  const needing = useQuery({
    ...actionPlanItemsQuery({ needsRequest: 'true' }),
    enabled: user.role !== 'provider_member',
  });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('sections.actionPlans.title')}
        actions={
          <CsvDownloads
            links={[
              { href: actionPlansCsvUrl(), label: t('actionPlans.exports.plans') },
              { href: actionPlanItemsCsvUrl(), label: t('actionPlans.exports.items') },
            ]}
          />
        }
      >
        {t('actionPlans.intro')}
      </PageHeader>
      {plans.isPending ? (
        <PageLoader />
      ) : plans.isError ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Alert>{t('actionPlans.empty')}</Alert>
      ) : (
        <Table striped aria-label={t('sections.actionPlans.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.state')}</Table.Th>
              <Table.Th>{t('fields.title')}</Table.Th>
              <Table.Th>{t('actionPlans.submittedOn')}</Table.Th>
              <Table.Th>{t('actionPlans.version')}</Table.Th>
              <Table.Th>{t('actionPlans.progress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.data.items.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>
                  <Link to={stateTimelinePath(user.role, plan.state)} aria-label={t('stateTimeline.linkFor', { state: plan.state })}>
                    {plan.state}
                  </Link>
                </Table.Td>
                <Table.Td>
                  <Link to={actionPlanPath(user.role, plan.id)}>{plan.title}</Link>
                </Table.Td>
                <Table.Td>
                  {plan.submittedOn ? formatDate(plan.submittedOn) : t(`actionPlans.planStatus.${plan.status}`)}
                </Table.Td>
                <Table.Td>{plan.revision}</Table.Td>
                <Table.Td miw={200}>
                  <PlanProgress plan={plan} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {user.role === 'provider_member' && interested.data && (
        <DetailCard title={t('actionPlans.myInterests')}>
          <ItemList items={interested.data} empty={t('actionPlans.noInterests')} />
        </DetailCard>
      )}
      {user.role !== 'provider_member' && needing.data && (
        <DetailCard title={t('actionPlans.needingRequest')}>
          <ItemList items={needing.data} empty={t('actionPlans.noneNeedingRequest')} />
        </DetailCard>
      )}
    </Stack>
  );
}

function ItemList({ items, empty }: { items: ActionPlanItem[]; empty: string }) {
  const user = useSignedInUser();
  if (!items.length) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack gap={4}>
      {items.map((item) => (
        <Text key={item.id} size="sm">
          {item.state} ·{' '}
          <Link to={actionPlanPath(user.role, item.planId)}>
            {item.code ? `${item.code} ` : ''}
            {item.title}
          </Link>
        </Text>
      ))}
    </Stack>
  );
}

/** Done and in progress out of all items, as a bar with the figures beside it. */
export function PlanProgress({ plan }: { plan: Pick<ActionPlan, 'progress'> }) {
  const { t } = useTranslation();
  const { total, done, in_progress: inProgress } = plan.progress;
  const pct = (n: number) => (total ? (n / total) * 100 : 0);
  return (
    <Stack gap={2}>
      <Progress.Root size="md">
        <Progress.Section value={pct(done)} color="green" aria-label={t('actionPlans.itemStatus.done')} />
        <Progress.Section value={pct(inProgress)} color="blue" aria-label={t('actionPlans.itemStatus.in_progress')} />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {t('actionPlans.progressFigures', {
          done,
          inProgress,
          total,
          needed: plan.progress.assistanceNeeded,
          requested: plan.progress.withRequest,
        })}
      </Text>
    </Stack>
  );
}

/** One plan as a prioritised list of its items with their progress, requests and providers' interest. */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const formatDate = useDay();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const plan = useQuery(actionPlanQuery(id));
  const versions = useQuery(actionPlanVersionsQuery(id));
  if (plan.isPending) return <PageLoader />;
  if (plan.isError) return <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />;
  const data = plan.data;
  const items = data.items ?? [];
  return (
    <Stack gap="lg">
      <BackLink to={actionPlanListPath(user.role)} label={t('sections.actionPlans.title')} />
      <PageHeader
        title={data.title}
        subtitle={`${data.state} · ${data.submittedOn ? t('actionPlans.submittedOnDate', { date: formatDate(data.submittedOn) }) : t(`actionPlans.planStatus.${data.status}`)} · ${t('actionPlans.versionN', { n: data.revision })}`}
      >
        {data.description}
      </PageHeader>
      <Link to={stateTimelinePath(user.role, data.state)}>{t('stateTimeline.link')}</Link>
      <PlanProgress plan={data} />
      <Stack gap="sm" data-testid="plan-items">
        {items.map((item, index) => (
          <PlanItemRow
            key={item.id}
            item={item}
            first={index === 0}
            last={index === items.length - 1}
            canReorder={data.canEdit && !item.proposed}
          />
        ))}
        {items.length === 0 && <Text c="dimmed">{t('actionPlans.noItems')}</Text>}
      </Stack>
      <DocumentsCard parent="action_plan" parentId={data.id} />
      {versions.data && versions.data.length > 0 && (
        <DetailCard title={t('actionPlans.versions')}>
          <Stack gap={4}>
            {versions.data.map((v) => (
              <Text key={v.revision} size="sm">
                {t('actionPlans.versionLine', {
                  n: v.revision,
                  date: formatDate(v.createdAt),
                  changes: v.changes.length,
                })}
                {v.note ? ` — ${v.note}` : ''}
              </Text>
            ))}
          </Stack>
        </DetailCard>
      )}
    </Stack>
  );
}

function PlanItemRow({
  item,
  first,
  last,
  canReorder,
}: {
  item: ActionPlanItem;
  first: boolean;
  last: boolean;
  canReorder: boolean;
}) {
  const { t } = useTranslation();
  const formatDate = useDay();
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [note, setNote] = useState('');
  // The item's documents open on demand, so a long plan does not fetch every item's list up front.
  const [showDocuments, setShowDocuments] = useState(false);
  const documentsId = useId();
  const refresh = () => queryClient.invalidateQueries({ queryKey: actionPlanKeys.all });
  const move = useMutation({
    mutationFn: (rank: number) => updateActionPlanItem(item.id, { priorityRank: rank, version: item.version }),
    onSettled: refresh,
  });
  const request = useMutation({
    mutationFn: () => requestFromItem(item.id),
    onSuccess: (created) => {
      void refresh();
      void navigate(requestPath(user.role, created.id));
    },
  });
  const interest = useMutation({
    mutationFn: () => declareItemInterest(item.id, { note: note || null }),
    onSuccess: () => {
      setNote('');
      void refresh();
    },
  });
  const addNote = useMutation({
    mutationFn: () => updateActionPlanItem(item.id, { progressNote: note, version: item.version }),
    onSuccess: () => {
      setNote('');
      void refresh();
    },
  });
  const isAgency = user.role === 'agency_coordinator' || user.role === 'agency_member';
  const isProvider = user.role === 'provider_member';
  const error = move.error ?? request.error ?? interest.error ?? addNote.error;
  const rank = item.priorityRank ?? 0;
  return (
    <div data-testid="plan-item" data-item-id={item.id}>
      <DetailCard
        title={`${item.priorityRank ? `${item.priorityRank}. ` : ''}${item.code ? `${item.code} ` : ''}${item.title}`}
        actions={
          canReorder ? (
            <Group gap={4}>
              <ActionIcon
                variant="default"
                aria-label={t('actionPlans.moveUp', { title: item.title })}
                disabled={first || move.isPending}
                onClick={() => move.mutate(rank - 1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={t('actionPlans.moveDown', { title: item.title })}
                disabled={last || move.isPending}
                onClick={() => move.mutate(rank + 1)}
              >
                ↓
              </ActionIcon>
            </Group>
          ) : undefined
        }
      >
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={ITEM_STATUS_COLOR[item.status]}>{t(`actionPlans.itemStatus.${item.status}`)}</Badge>
            <Badge variant="outline" color={LEVEL_COLOR[item.priorityLevel]}>
              {t(`actionPlans.level.${item.priorityLevel}`)}
            </Badge>
            {item.assistanceNeeded && (
              <Badge color="orange" variant="light">
                {t('actionPlans.assistanceNeeded')}
              </Badge>
            )}
            {item.proposed && (
              <Badge color="grape" variant="light">
                {t('actionPlans.proposed')}
              </Badge>
            )}
            {item.leadAgency && (
              <Text size="sm" c="dimmed">
                {t('actionPlans.lead', { agency: item.leadAgency.shortName || item.leadAgency.name })}
              </Text>
            )}
            {item.targetDate && (
              <Text size="sm" c="dimmed">
                {t('actionPlans.target', { date: formatDate(item.targetDate) })}
              </Text>
            )}
          </Group>
          {item.description && <Text size="sm">{item.description}</Text>}
          {item.requests.length > 0 && (
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {t('actionPlans.requests')}
              </Text>
              {item.requests.map((r) => (
                <Group key={r.id} gap={4}>
                  <Link to={requestPath(user.role, r.id)}>{r.reference}</Link>
                  <RequestStatusBadge status={r.status} />
                </Group>
              ))}
            </Group>
          )}
          {item.interests.length > 0 && (
            <Text size="sm">
              {t('actionPlans.interests')}:{' '}
              {item.interests
                .map(
                  (x) =>
                    `${x.provider.shortName}${x.offer ? ` (${x.offer.title})` : x.programme ? ` (${x.programme})` : ''}`,
                )
                .join(', ')}
            </Text>
          )}
          {item.notes.map((n) => (
            <Text key={n.id} size="xs" c="dimmed">
              {formatDate(String(n.createdAt))} · {n.author?.displayName ?? ''}: {n.text}
            </Text>
          ))}
          {error && <Alert color="red">{errorMessage(error)}</Alert>}
          <Group gap="xs">
            {isAgency && item.assistanceNeeded && !item.proposed && (
              <Button size="xs" onClick={() => request.mutate()} loading={request.isPending}>
                {t('actionPlans.requestAssistance')}
              </Button>
            )}
            {(isAgency || user.role.startsWith('committee') || isProvider) && (
              <Textarea
                size="xs"
                autosize
                minRows={1}
                w={320}
                aria-label={isProvider ? t('actionPlans.interestNote') : t('actionPlans.noteLabel')}
                placeholder={isProvider ? t('actionPlans.interestNote') : t('actionPlans.noteLabel')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            )}
            {isProvider ? (
              <Button size="xs" variant="light" onClick={() => interest.mutate()} loading={interest.isPending}>
                {t('actionPlans.declareInterest')}
              </Button>
            ) : (
              <Button
                size="xs"
                variant="light"
                disabled={!note.trim()}
                onClick={() => addNote.mutate()}
                loading={addNote.isPending}
              >
                {user.role.startsWith('committee') ? t('actionPlans.addComment') : t('actionPlans.addNote')}
              </Button>
            )}
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              onClick={() => setShowDocuments((open) => !open)}
              aria-expanded={showDocuments}
              aria-controls={documentsId}
            >
              {showDocuments ? t('actionPlans.itemDocuments.hide') : t('actionPlans.itemDocuments.show')}
            </Button>
          </Group>
          <Collapse expanded={showDocuments}>
            <Box id={documentsId} component="section" aria-label={t('actionPlans.itemDocuments.title', { title: item.title })}>
              {showDocuments && <DocumentsPanel parent="action_plan_item" parentId={item.id} />}
            </Box>
          </Collapse>
        </Stack>
      </DetailCard>
    </div>
  );
}

/** Every State's plan progress for the reports dashboard: items by status and by provision. */
export function PlanProgressReport() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const items = useQuery(actionPlanItemsQuery({}));
  if (!items.data) return null;
  const statuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
  const byProvision = new Map<string, Record<(typeof statuses)[number], number>>();
  const byState = new Map<string, Record<(typeof statuses)[number], number>>();
  for (const item of items.data) {
    for (const provision of item.provisions) {
      const row = byProvision.get(provision) ?? { planned: 0, in_progress: 0, done: 0, dropped: 0 };
      row[item.status]++;
      byProvision.set(provision, row);
    }
    const row = byState.get(item.state) ?? { planned: 0, in_progress: 0, done: 0, dropped: 0 };
    row[item.status]++;
    byState.set(item.state, row);
  }
  return (
    <DetailCard title={t('actionPlans.reportTitle')}>
      <Title order={6}>{t('actionPlans.reportByProvision')}</Title>
      <Table aria-label={t('actionPlans.reportTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.provisions')}</Table.Th>
            {statuses.map((s) => (
              <Table.Th key={s}>{t(`actionPlans.itemStatus.${s}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...byProvision.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([provision, row]) => (
              <Table.Tr key={provision}>
                <Table.Td>{provision}</Table.Td>
                {statuses.map((s) => (
                  <Table.Td key={s}>{row[s]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Title order={6} mt="md">{t('actionPlans.reportByState')}</Title>
      <Table aria-label={t('actionPlans.reportByState')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.state')}</Table.Th>
            {statuses.map((s) => (
              <Table.Th key={s}>{t(`actionPlans.itemStatus.${s}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...byState.entries()]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([state, row]) => (
              <Table.Tr key={state}>
                <Table.Td>
                  <Link to={stateTimelinePath(user.role, state)} aria-label={t('stateTimeline.linkFor', { state })}>
                    {state}
                  </Link>
                </Table.Td>
                {statuses.map((s) => (
                  <Table.Td key={s}>{row[s]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </DetailCard>
  );
}
