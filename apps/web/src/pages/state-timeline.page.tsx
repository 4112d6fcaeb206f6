import { Alert, Anchor, Badge, Group, Pagination, SegmentedControl, Stack, Text, Timeline } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from '../router';
import { STATE_TIMELINE_KINDS } from '@app/contracts';
import { stateTimelineQuery, type StateTimelineEvent, type StateTimelineKind } from '../api/state-timeline';
import { useSignedInUser } from '../auth/current-user';
import { BackLink } from '../components/detail-layout';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { PageHeader } from '../components/page-header';
import { formatDate } from '../format';
import { actionPlanListPath, actionPlanPath, engagementPath, requestPath } from '../paths';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

const PAGE_SIZE = 50;
const KIND_COLOR: Record<StateTimelineKind, string> = { action_plan: 'grape', request: 'blue', match: 'teal', engagement: 'orange', document: 'gray' };

/** One State's plan versions, requests, matches, engagements and documents on one timeline, newest first. */
export function StateTimelinePage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const { state = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  const kindParam = searchParams.get('kind');
  const kind = (STATE_TIMELINE_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as StateTimelineKind) : undefined;
  const timeline = useQuery({ ...stateTimelineQuery(state, page, PAGE_SIZE, kind), placeholderData: keepPreviousData });
  const stateName = lookup?.stateName(state) ?? state;

  return (
    <Stack gap="md">
      <BackLink to={actionPlanListPath(user.role)} label={t('sections.actionPlans.title')} />
      <PageHeader title={t('stateTimeline.title', { state: stateName })}>{t('stateTimeline.intro')}</PageHeader>
      <SegmentedControl
        aria-label={t('stateTimeline.filter')}
        value={kind ?? 'all'}
        onChange={(value) => setSearchParams(value === 'all' ? {} : { kind: value })}
        data={[{ value: 'all', label: t('stateTimeline.all') }, ...STATE_TIMELINE_KINDS.map((k) => ({ value: k, label: t(`stateTimeline.kinds.${k}`) }))]}
        style={{ alignSelf: 'flex-start' }}
      />
      {timeline.isPending ? (
        <PageLoader />
      ) : timeline.isError ? (
        <ErrorState error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : timeline.data.items.length === 0 ? (
        <Alert>{t('stateTimeline.empty')}</Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('stateTimeline.total', { count: timeline.data.total })}
          </Text>
          {timeline.data.truncated && <Alert color="yellow">{t('stateTimeline.truncated')}</Alert>}
          <Timeline bulletSize={14} lineWidth={2} aria-label={t('stateTimeline.listLabel', { state: stateName })}>
            {timeline.data.items.map((e) => (
              <Timeline.Item key={`${e.kind}-${e.id}-${e.milestone}-${e.at}`} color={KIND_COLOR[e.kind]} title={<EventTitle event={e} />}>
                <Text size="sm">
                  <EventLink event={e} />
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
          {timeline.data.total > timeline.data.pageSize && (
            <Group justify="center" component="nav" aria-label={t('stateTimeline.pagination')}>
              <Pagination
                total={Math.ceil(timeline.data.total / timeline.data.pageSize)}
                value={page}
                onChange={(next) => setSearchParams({ ...(kind ? { kind } : {}), page: String(next) })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}

function EventTitle({ event: e }: { event: StateTimelineEvent }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" component="time" dateTime={e.at}>
        {formatDate(e.at.slice(0, 10), i18n.language)}
      </Text>
      <Badge size="sm" variant="light" color={KIND_COLOR[e.kind]}>
        {t(`stateTimeline.kinds.${e.kind}`)}
      </Badge>
      <Text size="sm" fw={600}>
        {e.kind === 'action_plan' ? t(`stateTimeline.milestones.${e.milestone}`, { revision: e.reference ?? '' }) : t(`stateTimeline.milestones.${e.milestone}`)}
      </Text>
    </Group>
  );
}

function EventLink({ event: e }: { event: StateTimelineEvent }) {
  const user = useSignedInUser();
  const to =
    e.record.type === 'action_plan'
      ? actionPlanPath(user.role, e.record.id)
      : e.record.type === 'engagement'
        ? engagementPath(user.role, e.record.id)
        : requestPath(user.role, e.record.id);
  const reference = e.kind !== 'action_plan' && e.reference ? `${e.reference} · ` : '';
  return (
    <Anchor component={Link} to={to}>
      {reference}
      {e.title}
    </Anchor>
  );
}
