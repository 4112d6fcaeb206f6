import { Alert, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '../router';
import type { HistoryItem } from '../api/history';
import { providersQuery } from '../api/organizations';
import { requestHistoryQuery, requestQuery, type AssistanceRequest } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { DetailCard, Field, Fields } from '../components/detail-layout';
import { RequestStatusBadge } from '../components/status-badge';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { actionPlanItemQuery } from '../api/action-plans';
import { actionPlanPath, editRequestPath, requestListPath } from '../paths';
import { RequestMatchesSection } from '../matches/matches-section';
import { OfferExplanationPanel } from '../matches/offer-explanation';
import { DocumentsCard } from '../records/documents-card';
import {
  ClassificationCard,
  HistoryCard,
  LanguagesField,
  LongText,
  MilestonesCard,
  PeriodField,
  RecordDetailLayout,
  RecordLoad,
} from '../records/record-detail';
import { ObjectionWindowNote, RequestActions } from '../requests/request-actions';
import { PriorityBadge } from '../requests/priority-badge';
import { LetterCard, ObjectionNote } from '../requests/objection-letters';
import { ThreadPanel } from '../threads/thread-panel';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** One request, for every role: what the API lets the viewer see and do decides what is shown. */
export function RequestDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const request = useQuery(requestQuery(id));
  const history = useQuery(requestHistoryQuery(id));
  const back = { to: requestListPath(user.role), label: t(`requestDetail.backTo.${user.role}`) };

  return (
    <RecordLoad
      query={request}
      back={back}
      notFound={{ title: t('requestDetail.notFound.title'), description: t('requestDetail.notFound.description') }}
    >
      {(data) => (
        <RecordDetailLayout
          back={back}
          summaryLabel={t('requestDetail.summary')}
          summary={
            <>
              <Text ff="monospace" fw={600} c="dimmed">
                {data.reference}
              </Text>
              <RequestStatusBadge status={data.status} size="lg" />
              <PriorityBadge priority={data.priority} />
            </>
          }
          title={data.title}
          actions={
            <>
              {data.canEdit && (
                <Button
                  component={Link}
                  to={editRequestPath(data.id)}
                  variant={data.availableActions.length ? 'default' : 'filled'}
                >
                  {t('requestDetail.edit')}
                </Button>
              )}
              <RequestActions request={data} />
            </>
          }
          notices={
            <>
              {data.availableActions.includes('circulate') && <ObjectionWindowNote request={data} />}
              <ObjectionNote request={data} />
              <LetterCard request={data} />
              <ReadyNote request={data} />
              {data.status === 'clarification_requested' && (
                <ClarificationNote request={data} question={latestClarification(history.data)} />
              )}
              <RequestMatchesSection request={data} />
              <OfferExplanationPanel request={data} />
            </>
          }
          sections={
            <>
              <DetailCard title={t('requestDetail.need')}>
                <LongText>{data.description}</LongText>
                {data.assistanceReceived && (
                  <div>
                    <Text size="sm" fw={600} mb={4}>
                      {t('fields.assistanceReceived')}
                    </Text>
                    <LongText>{data.assistanceReceived}</LongText>
                  </div>
                )}
              </DetailCard>
              <ClassificationCard title={t('requestDetail.classification')} record={data} />
              <RequestParticulars request={data} />
              {user.role !== 'provider_member' && <ThreadPanel type="request" id={data.id} />}
              <DocumentsCard parent="request" parentId={data.id} />
            </>
          }
          side={
            <>
              <HistoryCard title={t('requestDetail.history')} subject="request" query={history} />
              <RequestMilestones request={data} />
            </>
          }
        />
      )}
    </RecordLoad>
  );
}

/** A draft (or an answer to the Committee) a member has said is ready for the coordinator. */
function ReadyNote({ request }: { request: AssistanceRequest }) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  if (!request.readyForCoordinatorAt) return null;
  if (request.status !== 'draft' && request.status !== 'clarification_requested') return null;
  const at = formatDateTime(request.readyForCoordinatorAt, i18n.language);
  return (
    <Alert color="blue" variant="light" role="status">
      {user.role === 'agency_coordinator'
        ? t('requestDetail.ready.coordinator', { organization: request.organization?.name ?? '', at })
        : t('requestDetail.ready.member', { at })}
    </Alert>
  );
}

/** The Committee's question, who asked it, and what the viewer does next. */
function ClarificationNote({ request, question }: { request: AssistanceRequest; question: HistoryItem | undefined }) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  return (
    <Alert
      color="orange"
      title={t('requestDetail.clarification.title')}
      role="region"
      aria-label={t('requestDetail.clarification.title')}
    >
      <Stack gap="xs">
        {question?.comment ? (
          <>
            <LongText fw={500}>{question.comment}</LongText>
            <Text size="xs" c="dimmed">
              {t('requestDetail.clarification.askedBy', {
                actor: question.actor.displayName,
                at: formatDateTime(question.at, i18n.language),
              })}
            </Text>
          </>
        ) : (
          <Text size="sm">{t('requestDetail.clarification.noComment')}</Text>
        )}
        <Text size="sm">
          {user.role === 'agency_coordinator'
            ? t('requestDetail.clarification.nextCoordinator')
            : user.role === 'agency_member'
              ? t('requestDetail.clarification.nextMember')
              : t('requestDetail.clarification.nextCommittee')}
        </Text>
        {request.canEdit && (
          <Group>
            <Button component={Link} to={editRequestPath(request.id)} color="orange" size="sm">
              {user.role === 'agency_coordinator'
                ? t('requestDetail.editAndResubmit')
                : t('requestDetail.editToAnswer')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** The Committee's question: the comment of the latest request for clarification. */
function latestClarification(history: HistoryItem[] | undefined): HistoryItem | undefined {
  return history?.filter((item) => item.action === 'request_clarification').at(-1);
}

function RequestParticulars({ request }: { request: AssistanceRequest }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const providers = useQuery({ ...providersQuery, enabled: request.preferredProviderIds.length > 0 });
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : null);
  const cost = request.estimatedCost;
  const currency = cost ? lookup?.currency(cost.currency) : undefined;
  const providerName = (id: string) => providers.data?.find((provider) => provider.id === id)?.name ?? id;

  return (
    <DetailCard title={t('requestDetail.particulars')}>
      <Fields>
        <Field label={t('fields.state')}>
          {lookup ? `${lookup.stateName(request.state)} (${request.state})` : request.state}
        </Field>
        <Field label={t('fields.organization')} empty={!request.organization}>
          {request.organization?.name}
        </Field>
        <Field label={t('fields.priority')}>
          <PriorityBadge priority={request.priority} />
        </Field>
        <Field label={t('fields.visibility')}>
          <Tooltip label={t(`visibility.${request.visibility}.help`)} multiline w={300}>
            <Badge variant="light" color="gray" tt="none">
              {t(`visibility.${request.visibility}.label`)}
            </Badge>
          </Tooltip>
          <Text size="xs" c="dimmed" mt={4}>
            {t(`visibility.${request.visibility}.help`)}
          </Text>
        </Field>
        <Field label={t('fields.objectionWindow')}>
          {request.objectionWindowWaived ? t('requestDetail.waived') : t('requestDetail.notWaived')}
        </Field>
        <Field label={t('fields.estimatedCost')} empty={!cost}>
          {cost && formatMoney(cost.amount, cost.currency, currency?.minorUnits ?? 2, i18n.language)}
        </Field>
        <PeriodField label={t('fields.desiredPeriod')} from={request.desiredStart} until={request.desiredEnd} />
        <LanguagesField codes={request.languages} />
        <Field label={t('fields.preferredProviders')} empty={request.preferredProviderIds.length === 0}>
          <Stack gap={2}>
            {request.preferredProviderIds.map((id) => (
              <Text key={id} size="sm">
                {providerName(id)}
              </Text>
            ))}
          </Stack>
        </Field>
        <Field label={t('fields.napReference')} empty={!request.napReference}>
          {request.napReference}
        </Field>
        {request.actionPlanItemId && <ActionPlanItemField itemId={request.actionPlanItemId} />}
        <Field label={t('fields.letterDate')} empty={!request.letterDate}>
          {date(request.letterDate)}
        </Field>
        {request.closeReason && (
          <Field label={t('fields.closeReason')}>{t(`closeReasons.${request.closeReason}`)}</Field>
        )}
      </Fields>
    </DetailCard>
  );
}

/** When the request reached each step of the workflow. */
function RequestMilestones({ request }: { request: AssistanceRequest }) {
  const { t } = useTranslation();
  const milestones: [string, string | null][] = [
    [t('fields.createdAt'), request.createdAt],
    [t('fields.submittedAt'), request.submittedAt],
    [t('fields.acknowledgedAt'), request.acknowledgedAt],
    [t('fields.circulatedAt'), request.circulatedAt],
    [t('fields.matchedAt'), request.matchedAt],
    [t('fields.deliveryStartedAt'), request.deliveryStartedAt],
    [t('fields.deliveredAt'), request.deliveredAt],
    [t('fields.closedAt'), request.closedAt],
    [t('fields.withdrawnAt'), request.withdrawnAt],
    [t('fields.updatedAt'), request.updatedAt],
  ];
  return <MilestonesCard title={t('requestDetail.milestones')} milestones={milestones} />;
}

/** The action plan item the request was made from, linked to its plan (when the caller may read the plan). */
function ActionPlanItemField({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const item = useQuery({ ...actionPlanItemQuery(itemId), retry: false });
  if (!item.data) return null;
  return (
    <Field label={t('fields.actionPlanItem')}>
      <Link to={actionPlanPath(user.role, item.data.planId)} data-testid="request-plan-item">
        {t('actionPlans.itemOfPlan', { code: item.data.code ?? '', title: item.data.title })}
      </Link>
    </Field>
  );
}
