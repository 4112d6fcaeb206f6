import { Alert, Button, Grid, Group, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { offerHistoryQuery, offerQuery, type AssistanceOffer } from '../api/offers';
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
import { OfferStatusBadge } from '../components/status-badge';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { OfferMatchesSection } from '../matches/matches-section';
import { OfferActions } from '../offers/offer-actions';
import { editOfferPath, offerListPath } from '../paths';
import { TaxonomyBadges, TaxonomyList } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';

/** One offer, for its provider and the Committee: the actions shown are those the API allows the viewer. */
export function OfferDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const offer = useQuery(offerQuery(id));
  // The history is for the offering provider and the Committee: those who see the capacity.
  const history = useQuery({ ...offerHistoryQuery(id), enabled: offer.data?.capacity !== undefined });
  const listPath = offerListPath(user.role) ?? '/';
  const listLabel = t(`offerDetail.backTo.${user.role === 'provider_member' ? 'provider' : 'committee'}`);

  if (offer.isPending) return <PageLoader />;
  if (offer.isError) {
    return (
      <DetailLoadError
        error={offer.error}
        onRetry={() => void offer.refetch()}
        backTo={listPath}
        backLabel={listLabel}
        notFoundTitle={t('offerDetail.notFound.title')}
        notFoundDescription={t('offerDetail.notFound.description')}
      />
    );
  }

  const data = offer.data;
  const editable = data.canEdit;
  const returned =
    data.status === 'draft' ? history.data?.filter((item) => item.action === 'return_to_draft').at(-1) : undefined;

  return (
    <Stack gap="lg">
      <div>
        <BackLink to={listPath} label={listLabel} />
        <Group gap="sm" mb={6} role="group" aria-label={t('offerDetail.summary')}>
          <Text fw={600} c="dimmed">
            {data.provider?.name}
          </Text>
          <OfferStatusBadge status={data.status} size="lg" />
        </Group>
        <PageHeader title={data.title} />
        <Group gap="xs" mt={-8}>
          {editable && (
            <Button component={Link} to={editOfferPath(data.id)} variant="default">
              {t('offerDetail.edit')}
            </Button>
          )}
          <OfferActions offer={data} />
        </Group>
      </div>

      {returned && (
        <Alert color="orange" title={t('offerDetail.returned.title')}>
          <Stack gap={4}>
            {returned.comment && (
              <Text size="sm" fw={500} style={{ whiteSpace: 'pre-wrap' }}>
                {returned.comment}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('offerDetail.returned.by', {
                actor: returned.actor.displayName,
                at: formatDateTime(returned.at, i18n.language),
              })}
            </Text>
          </Stack>
        </Alert>
      )}
      {data.status === 'pending_verification' && user.role === 'provider_member' && (
        <Alert color="blue" title={t('offerDetail.pending.title')}>
          {t('offerDetail.pending.description')}
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <DetailCard title={t('offerDetail.what')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {data.description}
              </Text>
            </DetailCard>
            <DetailCard title={t('offerDetail.classification')}>
              <Fields>
                <Field label={t('fields.provisions')}>
                  <TaxonomyList category="provisions" codes={data.provisions} />
                </Field>
                <Field label={t('fields.domains')}>
                  {data.domains.length ? (
                    <TaxonomyBadges category="domains" codes={data.domains} />
                  ) : (
                    <Text size="sm">{t('offerDetail.allDomains')}</Text>
                  )}
                </Field>
                <Field label={t('fields.assistanceTypes')}>
                  <TaxonomyBadges category="assistanceTypes" codes={data.assistanceTypes} />
                </Field>
                <Field label={t('fields.targetInstitutions')}>
                  <TaxonomyBadges category="targetInstitutions" codes={data.targetInstitutions} />
                </Field>
              </Fields>
            </DetailCard>
            <OfferParticulars offer={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {data.capacity && <CapacityCard offer={data} />}
            {data.capacity !== undefined && (
              <DetailCard title={t('offerDetail.history')}>
                <HistoryTimeline subject="offer" query={history} />
              </DetailCard>
            )}
            <OfferMilestones offer={data} />
          </Stack>
        </Grid.Col>
      </Grid>

      {data.capacity !== undefined && <OfferMatchesSection offer={data} />}
    </Stack>
  );
}

function OfferParticulars({ offer }: { offer: AssistanceOffer }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : null);
  return (
    <DetailCard title={t('offerDetail.particulars')}>
      <Fields>
        <Field label={t('fields.provider')} empty={!offer.provider}>
          {offer.provider?.name}
        </Field>
        <Field label={t('fields.programme')} empty={!offer.programme}>
          {offer.programme}
        </Field>
        <Field label={t('fields.eligibleRegions')} empty={offer.eligibleRegions.length === 0}>
          <TaxonomyBadges category="regions" codes={offer.eligibleRegions} />
        </Field>
        <Field label={t('fields.eligibleStates')} empty={offer.eligibleStates.length === 0}>
          {offer.eligibleStates.map((code) => lookup?.stateName(code) ?? code).join(', ')}
        </Field>
        <Field label={t('fields.deliveryModes')} empty={offer.deliveryModes.length === 0}>
          <TaxonomyBadges category="deliveryModes" codes={offer.deliveryModes} />
        </Field>
        <Field label={t('fields.languages')} empty={offer.languages.length === 0}>
          {offer.languages.map((code) => lookup?.languageName(code) ?? code).join(', ')}
        </Field>
        <Field label={t('fields.availability')} empty={!offer.availableFrom && !offer.availableUntil}>
          {t('requestDetail.period', {
            from: date(offer.availableFrom) ?? t('requestDetail.open'),
            until: date(offer.availableUntil) ?? t('requestDetail.open'),
          })}
        </Field>
      </Fields>
    </DetailCard>
  );
}

function OfferMilestones({ offer }: { offer: AssistanceOffer }) {
  const { t } = useTranslation();
  const milestones: [string, string | null][] = [
    [t('fields.createdAt'), offer.createdAt],
    [t('fields.submittedAt'), offer.submittedAt],
    [t('fields.verifiedAt'), offer.verifiedAt],
    [t('fields.closedAt'), offer.closedAt],
    [t('fields.updatedAt'), offer.updatedAt],
  ];
  return <MilestonesCard title={t('offerDetail.milestones')} milestones={milestones} />;
}

function CapacityCard({ offer }: { offer: AssistanceOffer }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const capacity = offer.capacity!;
  const budget = capacity.budget;
  const used = capacity.engagements ? Math.min(100, (capacity.engagementsUsed / capacity.engagements) * 100) : 0;
  return (
    <DetailCard title={t('offerDetail.capacity')}>
      <Fields labelWidth={130}>
        <Field label={t('fields.engagements')}>
          {capacity.engagements != null ? (
            <Stack gap={6}>
              <Text size="sm">
                {t('offersTable.engagements', { used: capacity.engagementsUsed, total: capacity.engagements })}
              </Text>
              <Progress value={used} size="sm" w={180} aria-label={t('offerDetail.capacityUsed')} />
            </Stack>
          ) : (
            t('offersTable.unlimited')
          )}
        </Field>
        <Field label={t('fields.budget')} empty={!budget}>
          {budget &&
            formatMoney(
              budget.amount,
              budget.currency,
              lookup?.currency(budget.currency)?.minorUnits ?? 2,
              i18n.language,
            )}
        </Field>
      </Fields>
    </DetailCard>
  );
}
