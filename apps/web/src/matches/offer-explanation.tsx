import { Alert, Center, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { matchExplanationQuery, type MatchExplanation } from '../api/match-explanations';
import { offerListQuery } from '../api/offers';
import type { AssistanceRequest } from '../api/requests';
import { useSignedInUser } from '../auth/current-user';
import { ErrorState } from '../components/error-state';
import { formatDate } from '../format';
import { useTaxonomy, type TaxonomyLookup } from '../taxonomy/use-taxonomy';
import { ScoreBreakdown, useScoreFormat } from './score-breakdown';
import { useTranslation, type TFunction } from '../i18n';

/** Offers the Committee has verified: the ones the engine could ever suggest, now or after they resume. */
const VERIFIED = 'active,paused,exhausted';
/** Once help is under way or the request has ended, no offer will be suggested for it: nothing to ask. */
const PAST_MATCHING = ['in_delivery', 'delivered', 'closed', 'withdrawn'];

/**
 * "Why is this offer suggested, or not?" on a request's page, for the Committee: pick any verified offer and read
 * the engine's own answer, in words, with the figures it was decided on.
 */
export function OfferExplanationPanel({ request }: { request: AssistanceRequest }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const [offerId, setOfferId] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  // The offers are fetched once the list is first opened, not with every request page.
  const [listOpened, setListOpened] = useState(false);
  const shown =
    (user.role === 'committee_admin' || user.role === 'committee_member') && !PAST_MATCHING.includes(request.status);
  // The box shows the chosen offer's label as its search text; that is no search for other offers.
  const searching = q.length >= 2 && q !== picked?.label;
  const offers = useQuery({
    ...offerListQuery({ page: 1, pageSize: 100, status: VERIFIED, sort: 'title', q: searching ? q : undefined }),
    enabled: shown && listOpened,
    placeholderData: keepPreviousData,
  });
  const explanation = useQuery({ ...matchExplanationQuery(request.id, offerId ?? ''), enabled: shown && !!offerId });
  if (!shown) return null;

  const options = (offers.data?.items ?? []).map((offer) => ({
    value: offer.id,
    label: `${offer.title} — ${offer.provider?.shortName ?? ''}`,
  }));
  if (picked && !options.some((option) => option.value === picked.value)) options.unshift(picked);

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('offerExplanation.title')}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t('offerExplanation.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('offerExplanation.rule')}
          </Text>
        </div>
        <Select
          label={t('offerExplanation.offer')}
          placeholder={t('offerExplanation.offerPlaceholder')}
          data={options}
          value={offerId}
          onChange={(value, option) => {
            setOfferId(value);
            setPicked(value && option ? { value, label: option.label } : null);
          }}
          onDropdownOpen={() => setListOpened(true)}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The server searched already; every option it returned is a match.
          filter={searching ? ({ options: all }) => all : undefined}
          nothingFoundMessage={offers.isFetching ? t('common.loading') : t('taxonomy.nothingFound')}
          clearable
          maw={640}
        />
        {offerId &&
          (explanation.isPending ? (
            <Center py="sm" role="status" aria-label={t('common.loading')}>
              <Loader size="sm" />
            </Center>
          ) : explanation.isError ? (
            <ErrorState error={explanation.error} onRetry={() => void explanation.refetch()} />
          ) : (
            <ExplanationView explanation={explanation.data} />
          ))}
      </Stack>
    </Paper>
  );
}

const COLOR: Record<MatchExplanation['outcome'], string> = {
  suggested: 'green',
  ineligible: 'red',
  not_relevant: 'orange',
  below_threshold: 'orange',
  outranked: 'yellow',
  request_not_open: 'gray',
};

/** Figures compared with a threshold are cut, not rounded, so 0.349 never reads as reaching 0.35. */
function cut(value: number): number {
  return Math.floor(Math.round(value * 1e6) / 1e4) / 100;
}

function ExplanationView({ explanation: e }: { explanation: MatchExplanation }) {
  const { t, i18n } = useTranslation();
  const { lookup } = useTaxonomy();
  const format = useScoreFormat();
  const title = e.outcome === 'ineligible' ? t(`offerExplanation.ineligible.${e.ineligible!.rule}.title`) : t(`offerExplanation.${e.outcome}.title`, { rank: e.rank, kept: e.kept });
  const figures: Figures = {
    score: e.score === null ? '' : format.score(e.score),
    scoreCut: e.score === null ? '' : format.score(cut(e.score)),
    threshold: format.score(e.threshold),
    topK: e.topK,
    rank: e.rank,
    kept: e.kept,
    status: t(`requestStatus.${e.request.status}`, { defaultValue: e.request.status }),
  };

  return (
    // A region named by its headline, so the answer is announced and found by what it says.
    <Alert color={COLOR[e.outcome]} title={title} role="region" data-outcome={e.outcome}>
      <Stack gap="xs">
        <Text size="sm">{sentence(e, figures, t, lookup, i18n.language)}</Text>
        {e.relevance && <Text size="sm">{relevanceSentence(e.relevance, t, lookup, format.score)}</Text>}
        {e.outcome === 'outranked' && e.lowestKept && (
          <Text size="sm">
            {t('offerExplanation.outranked.lowest', {
              title: e.lowestKept.title,
              provider: e.lowestKept.provider,
              rank: e.lowestKept.rank,
              score: format.score(e.lowestKept.score),
            })}
          </Text>
        )}
        {e.match && (
          <Text size="sm" c="dimmed">
            {t('offerExplanation.existingMatch', { status: t(`matchStatus.${e.match.status}`, { defaultValue: e.match.status }) })}
          </Text>
        )}
        {e.components && <ScoreBreakdown components={e.components} />}
      </Stack>
    </Alert>
  );
}

type T = TFunction;

type Figures = {
  score: string;
  scoreCut: string;
  threshold: string;
  topK: number;
  rank: number | null;
  kept: number | null;
  status: string;
};

/** The outcome in one sentence, with its figures. */
function sentence(
  e: MatchExplanation,
  figures: Figures,
  t: T,
  lookup: TaxonomyLookup | undefined,
  language: string,
): string {
  if (e.outcome !== 'ineligible') return t(`offerExplanation.${e.outcome}.text`, figures);
  const facts = e.ineligible!;
  const date = (value: string | null | undefined) => (value ? formatDate(value, language) : t('offerExplanation.open'));
  const list = (items: string[]) => (items.length ? items.join(', ') : t('offerExplanation.none'));
  const names = (category: 'domains' | 'regions', codes: string[] = []) => list(codes.map((code) => lookup?.label(category, code) ?? code));
  return t(`offerExplanation.ineligible.${facts.rule}.text`, {
    status: t(`offerStatus.${facts.offerStatus ?? e.offer.status}`, { defaultValue: facts.offerStatus ?? e.offer.status }),
    engagements: facts.engagements ?? 0,
    state: lookup?.stateName(facts.state ?? e.request.state) ?? facts.state,
    regions: names('regions', facts.eligibleRegions),
    states: list((facts.eligibleStates ?? []).map((code) => lookup?.stateName(code) ?? code)),
    requested: names('domains', facts.requestedDomains),
    offered: facts.offeredDomains?.length ? names('domains', facts.offeredDomains) : t('offerExplanation.allDomains'),
    desiredStart: date(facts.desiredStart),
    desiredEnd: date(facts.desiredEnd),
    availableFrom: date(facts.availableFrom),
    availableUntil: date(facts.availableUntil),
  });
}

/** What was requested, what the offer covers, and its text relevance: the relevance rule's inputs. */
function relevanceSentence(
  relevance: NonNullable<MatchExplanation['relevance']>,
  t: T,
  lookup: TaxonomyLookup | undefined,
  score: (value: number) => string,
): string {
  const name = (code: string) => lookup?.label('provisions', code) ?? code;
  const figures = {
    covered: relevance.covered.map(name).join('; '),
    count: relevance.covered.length,
    total: relevance.requested.length,
    requested: relevance.requested.map(name).join('; '),
    offered: relevance.offered.length ? relevance.offered.map(name).join('; ') : t('offerExplanation.none'),
    text: score(cut(relevance.text)),
    textThreshold: score(relevance.textThreshold),
  };
  if (relevance.basis === 'provisions') return t('offerExplanation.relevance.provisions', figures);
  if (relevance.basis === 'text') return t('offerExplanation.relevance.text', figures);
  return t('offerExplanation.relevance.none', figures);
}
