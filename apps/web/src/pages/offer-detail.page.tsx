import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '../router';
import type { HistoryItem } from '../api/history';
import { offerHistoryQuery, offerQuery, type AssistanceOffer } from '../api/offers';
import { useSignedInUser } from '../auth/current-user';
import { DetailCard, Field, Fields } from '../components/detail-layout';
import { OfferStatusBadge } from '../components/status-badge';
import { formatDateTime, formatMoney } from '../format';
import { OfferMatchesSection } from '../matches/matches-section';
import { OfferActions } from '../offers/offer-actions';
import { editOfferPath, offerListPath } from '../paths';
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
import { DocumentsCard } from '../records/documents-card';
import { TaxonomyBadges } from '../taxonomy/taxonomy-badges';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** One offer, for its provider and the Committee: the actions shown are those the API allows the viewer. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSignedInUser();
  const offer = useQuery(offerQuery(id));
  // The history is for the offering provider and the Committee: those who see the capacity.
  const history = useQuery({ ...offerHistoryQuery(id), enabled: offer.data?.capacity !== undefined });
  const back = {
    to: offerListPath(user.role) ?? '/',
    label: t(`offerDetail.backTo.${user.role === 'provider_member' ? 'provider' : 'committee'}`),
  };

  return (
    <RecordLoad
      query={offer}
      back={back}
      notFound={{ title: t('offerDetail.notFound.title'), description: t('offerDetail.notFound.description') }}
    >
      {(data) => (
        <RecordDetailLayout
          back={back}
          summaryLabel={t('offerDetail.summary')}
          summary={
            <>
              <Text fw={600} c="dimmed">
                {data.provider?.name}
              </Text>
              <OfferStatusBadge status={data.status} size="lg" />
            </>
          }
          title={data.title}
          actions={
            <>
              {data.canEdit && (
                <Button component={Link} to={editOfferPath(data.id)} variant="default">
                  {t('offerDetail.edit')}
                </Button>
              )}
              <OfferActions offer={data} />
            </>
          }
          notices={
            <>
              {data.status === 'draft' && <ReturnedNote history={history.data} />}
              {data.status === 'pending_verification' && user.role === 'provider_member' && (
                <Alert color="blue" title={t('offerDetail.pending.title')}>
                  {t('offerDetail.pending.description')}
                </Alert>
              )}
            </>
          }
          sections={
            <>
              <DetailCard title={t('offerDetail.what')}>
                <LongText>{data.description}</LongText>
              </DetailCard>
              <ClassificationCard
                title={t('offerDetail.classification')}
                record={data}
                domains={data.domains.length ? undefined : <Text size="sm">{t('offerDetail.allDomains')}</Text>}
              />
              <OfferParticulars offer={data} />
              <DocumentsCard parent="offer" parentId={data.id} />
            </>
          }
          side={
            <>
              {data.capacity && <CapacityCard offer={data} />}
              {data.capacity !== undefined && (
                <HistoryCard title={t('offerDetail.history')} subject="offer" query={history} />
              )}
              <OfferMilestones offer={data} />
            </>
          }
          after={data.capacity !== undefined && <OfferMatchesSection offer={data} />}
        />
      )}
    </RecordLoad>
  );
}

/** Why the Committee sent the offer back to draft, and who did. */
function ReturnedNote({ history }: { history: HistoryItem[] | undefined }) {
  const { t, i18n } = useTranslation();
  const returned = history?.filter((item) => item.action === 'return_to_draft').at(-1);
  if (!returned) return null;
  return (
    <Alert color="orange" title={t('offerDetail.returned.title')}>
      <Stack gap={4}>
        {returned.comment && <LongText fw={500}>{returned.comment}</LongText>}
        <Text size="xs" c="dimmed">
          {t('offerDetail.returned.by', {
            actor: returned.actor.displayName,
            at: formatDateTime(returned.at, i18n.language),
          })}
        </Text>
      </Stack>
    </Alert>
  );
}

function OfferParticulars({ offer }: { offer: AssistanceOffer }) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
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
        <LanguagesField codes={offer.languages} />
        <PeriodField label={t('fields.availability')} from={offer.availableFrom} until={offer.availableUntil} />
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
