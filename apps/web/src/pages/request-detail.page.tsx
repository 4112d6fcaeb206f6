import { Alert, Badge, Button, Grid, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { HistoryItem } from '../api/history';
import { providersQuery } from '../api/organizations';
import { requestHistoryQuery, requestQuery, type AssistanceRequest } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import {
  BackLink,
  DetailCard,
  DetailLoadError,
  Field,
  Fields,
  MilestonesCard,
  PageLoader,
} from '../components/detail-layout';
import { HistoryTimeline } from '../components/history-timeline';
import { PageHeader } from '../components/page-header';
import { RequestStatusBadge } from '../components/status-badge';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { editRequestPath, requestListPath } from '../paths';
import { RequestMatchesSection } from '../matches/matches-section';
import { OfferExplanationPanel } from '../matches/offer-explanation';
import { ObjectionWindowNote, RequestActions } from '../requests/request-actions';
import { PriorityBadge } from '../requests/priority-badge';
import { TaxonomyBadges, TaxonomyList } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';

/** One request, for every role: what the API lets the viewer see and do decides what is shown. */
export function RequestDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const request = useQuery(requestQuery(id));
  const history = useQuery(requestHistoryQuery(id));
  const listPath = requestListPath(user.role);
  const listLabel = t(`requestDetail.backTo.${user.role}`);

  if (request.isPending) return <PageLoader />;
  if (request.isError) {
    return (
      <DetailLoadError
        error={request.error}
        onRetry={() => void request.refetch()}
        backTo={listPath}
        backLabel={listLabel}
        notFoundTitle={t('requestDetail.notFound.title')}
        notFoundDescription={t('requestDetail.notFound.description')}
      />
    );
  }

  const data = request.data;
  const editable = data.canEdit;
  const question = data.status === 'clarification_requested' ? latestClarification(history.data) : undefined;

  return (
    <Stack gap="lg">
      <div>
        <BackLink to={listPath} label={listLabel} />
        <Group gap="sm" mb={6} role="group" aria-label={t('requestDetail.summary')}>
          <Text ff="monospace" fw={600} c="dimmed">
            {data.reference}
          </Text>
          <RequestStatusBadge status={data.status} size="lg" />
          <PriorityBadge priority={data.priority} />
        </Group>
        <PageHeader title={data.title} />
        <Stack gap="xs" mt={-8}>
          <Group gap="xs">
            {editable && (
              <Button
                component={Link}
                to={editRequestPath(data.id)}
                variant={data.availableActions.length ? 'default' : 'filled'}
              >
                {t('requestDetail.edit')}
              </Button>
            )}
            <RequestActions request={data} />
          </Group>
        </Stack>
      </div>

      {data.availableActions.includes('circulate') && <ObjectionWindowNote request={data} />}

      {data.readyForCoordinatorAt && (data.status === 'draft' || data.status === 'clarification_requested') && (
        <Alert color="blue" variant="light" role="status">
          {user.role === 'agency_coordinator'
            ? t('requestDetail.ready.coordinator', {
                organization: data.organization?.name ?? '',
                at: formatDateTime(data.readyForCoordinatorAt, i18n.language),
              })
            : t('requestDetail.ready.member', { at: formatDateTime(data.readyForCoordinatorAt, i18n.language) })}
        </Alert>
      )}

      {data.status === 'clarification_requested' && (
        <Alert
          color="orange"
          title={t('requestDetail.clarification.title')}
          role="region"
          aria-label={t('requestDetail.clarification.title')}
        >
          <Stack gap="xs">
            {question?.comment ? (
              <>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} fw={500}>
                  {question.comment}
                </Text>
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
            {editable && (
              <Group>
                <Button component={Link} to={editRequestPath(data.id)} color="orange" size="sm">
                  {user.role === 'agency_coordinator' ? t('requestDetail.editAndResubmit') : t('requestDetail.editToAnswer')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}

      <RequestMatchesSection request={data} />
      <OfferExplanationPanel request={data} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <DetailCard title={t('requestDetail.need')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.description}
              </Text>
              {data.assistanceReceived && (
                <div>
                  <Text size="sm" fw={600} mb={4}>
                    {t('fields.assistanceReceived')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {data.assistanceReceived}
                  </Text>
                </div>
              )}
            </DetailCard>
            <DetailCard title={t('requestDetail.classification')}>
              <Fields>
                <Field label={t('fields.provisions')}>
                  <TaxonomyList category="provisions" codes={data.provisions} />
                </Field>
                <Field label={t('fields.domains')}>
                  <TaxonomyBadges category="domains" codes={data.domains} />
                </Field>
                <Field label={t('fields.assistanceTypes')}>
                  <TaxonomyBadges category="assistanceTypes" codes={data.assistanceTypes} />
                </Field>
                <Field label={t('fields.targetInstitutions')}>
                  <TaxonomyBadges category="targetInstitutions" codes={data.targetInstitutions} />
                </Field>
              </Fields>
            </DetailCard>
            <RequestParticulars request={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <DetailCard title={t('requestDetail.history')}>
              <HistoryTimeline subject="request" query={history} />
            </DetailCard>
            <RequestMilestones request={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
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
        <Field label={t('fields.desiredPeriod')} empty={!request.desiredStart && !request.desiredEnd}>
          {t('requestDetail.period', {
            from: date(request.desiredStart) ?? t('requestDetail.open'),
            until: date(request.desiredEnd) ?? t('requestDetail.open'),
          })}
        </Field>
        <Field label={t('fields.languages')} empty={request.languages.length === 0}>
          {request.languages.map((code) => lookup?.languageName(code) ?? code).join(', ')}
        </Field>
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
