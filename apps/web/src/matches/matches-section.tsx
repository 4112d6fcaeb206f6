import { Badge, Button, Center, Collapse, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from '../router';
import { matchKeys, offerMatchesQuery, requestMatchesQuery, type Match, type MatchStatus } from '../api/matches';
import type { AssistanceOffer } from '../api/offers';
import type { AssistanceRequest } from '../api/requests';
import type { Role } from '../api/auth';
import type { Paginated } from '../api/client';
import { useSignedInUser } from '../auth/current-user';
import { ErrorState } from '../components/error-state';
import { MatchCard } from './match-card';
import { NewMatchDialog } from './new-match-dialog';
import { useTranslation } from '../i18n';
import { listCount, ListCountText } from '../components/list-count';

/** Matches that ended without help: listed apart, below the live ones. */
const CLOSED: readonly MatchStatus[] = ['dismissed', 'declined', 'rejected', 'cancelled'];
/** Live matches by how far they have come; the sort is stable, so each group keeps the API's score order. */
const PROGRESS: readonly MatchStatus[] = ['suggested', 'endorsed', 'accepted', 'agreed', 'in_progress', 'completed'];
function workflowRank(status: MatchStatus): number {
  return PROGRESS.indexOf(status);
}

type Viewer = 'committee' | 'agency' | 'provider';

function viewerOf(role: Role): Viewer {
  if (role === 'committee_admin' || role === 'committee_member') return 'committee';
  return role === 'provider_member' ? 'provider' : 'agency';
}

/** A request's matches: the Committee's ranked suggestions, a provider's own, or those put to the State. */
export function RequestMatchesSection({ request }: { request: AssistanceRequest }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const viewer = viewerOf(user.role);
  const queryClient = useQueryClient();
  const matches = useQuery(requestMatchesQuery(request.id));
  const [creating, setCreating] = useState(false);
  const open = request.status === 'circulated' || request.status === 'matched';
  const canPropose = open && (viewer === 'committee' || viewer === 'provider');
  const items = matches.data?.items ?? [];
  // Nothing to show or do: the section would only say so, before the request is even circulated.
  if (matches.isSuccess && items.length === 0 && !canPropose && viewer !== 'committee') return null;
  if (matches.isSuccess && items.length === 0 && viewer === 'committee' && !open) return null;

  const dialog = canPropose && (
    <NewMatchDialog
      request={request}
      opened={creating}
      onClose={() => setCreating(false)}
      matchedOfferIds={new Set(items.filter((m) => !CLOSED.includes(m.status)).map((m) => m.offer.id))}
      onCreated={() => void queryClient.invalidateQueries({ queryKey: matchKeys.all })}
    />
  );

  // A provider with no match here yet gets one line and a button, not an empty section.
  if (viewer === 'provider' && matches.isSuccess && items.length === 0) {
    return (
      <Paper withBorder p="md" bg="blue.0" component="section" aria-label={t('matchesSection.offerHelp')}>
        <Group justify="space-between" gap="md">
          <Text size="sm">{t('matchesSection.offerHelpPrompt')}</Text>
          <Button onClick={() => setCreating(true)}>{t('matchesSection.offerHelp')}</Button>
        </Group>
        {dialog}
      </Paper>
    );
  }

  const titles = {
    // Once the request has left matching, the Committee looks back at its matches rather than at suggestions.
    committee: open
      ? [t('matchesSection.committeeTitle'), t('matchesSection.committeeIntro')]
      : [t('matchesSection.committeeClosedTitle'), t('matchesSection.committeeClosedIntro')],
    provider: [t('matchesSection.providerTitle'), t('matchesSection.providerIntro')],
    agency: [t('matchesSection.agencyTitle'), t('matchesSection.agencyIntro')],
  }[viewer];

  return (
    <MatchesPanel
      title={titles[0]}
      intro={titles[1]}
      query={matches}
      counterpart="offer"
      expandTop={viewer === 'committee' ? 3 : 1}
      emptyText={viewer === 'committee' ? t('matchesSection.emptyCommittee') : t('matchesSection.empty')}
      action={
        canPropose ? (
          <Button variant={viewer === 'provider' ? 'filled' : 'light'} onClick={() => setCreating(true)}>
            {viewer === 'provider' ? t('matchesSection.offerHelp') : t('matchesSection.manualMatch')}
          </Button>
        ) : null
      }
    >
      {dialog}
    </MatchesPanel>
  );
}

/** An offer's matches, for its provider and the Committee. */
export function OfferMatchesSection({ offer }: { offer: AssistanceOffer }) {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const viewer = viewerOf(user.role);
  const matches = useQuery(offerMatchesQuery(offer.id));
  if (matches.isSuccess && matches.data.items.length === 0 && offer.status !== 'active') return null;
  return (
    <MatchesPanel
      title={viewer === 'committee' ? t('matchesSection.offerCommitteeTitle') : t('matchesSection.offerProviderTitle')}
      intro={viewer === 'committee' ? t('matchesSection.offerCommitteeIntro') : t('matchesSection.offerProviderIntro')}
      query={matches}
      counterpart="request"
      expandTop={0}
      emptyText={t('matchesSection.empty')}
    />
  );
}

interface MatchesPanelProps {
  title: string;
  intro: string;
  query: UseQueryResult<Paginated<Match>>;
  counterpart: 'offer' | 'request';
  /** How many of the best suggestions open their score breakdown at once. */
  expandTop: number;
  emptyText: string;
  action?: ReactNode;
  children?: ReactNode;
}

function MatchesPanel({ title, intro, query, counterpart, expandTop, emptyText, action, children }: MatchesPanelProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const pointedAt = searchParams.get('match');
  const items = query.data?.items ?? [];
  // What people have taken forward first (in workflow order), then the suggestions ranked by score.
  const live = items
    .filter((match) => !CLOSED.includes(match.status))
    .sort((a, b) => workflowRank(b.status) - workflowRank(a.status));
  const suggested = live.filter((match) => match.status === 'suggested');
  const closed = items.filter((match) => CLOSED.includes(match.status));
  const [showClosed, setShowClosed] = useState(() => closed.some((match) => match.id === pointedAt));

  const card = (match: Match) => {
    const rank = suggested.indexOf(match);
    return (
      <MatchCard
        key={match.id}
        match={match}
        rank={rank >= 0 ? rank + 1 : undefined}
        counterpart={counterpart}
        expanded={(rank >= 0 && rank < expandTop) || match.id === pointedAt}
        highlighted={match.id === pointedAt}
      />
    );
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="md">
          <div style={{ flex: 1, minWidth: 240 }}>
            <Group gap="sm" align="center">
              <Title order={2} size="h4">
                {title}
              </Title>
              {query.data && query.data.total > 0 && (
                <Badge variant="light" color="gray" tt="none">
                  {/* A long list is counted only so far: "1000+". */}
                  {query.data.totalIsLowerBound ? <ListCountText value={listCount(query.data)} /> : t('matchesSection.count', { count: query.data.total })}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" mt={4}>
              {intro}
            </Text>
          </div>
          {action}
        </Group>
        {query.isPending ? (
          <Center py="md" role="status" aria-label={t('common.loading')}>
            <Loader size="sm" />
          </Center>
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {emptyText}
          </Text>
        ) : (
          <Stack gap="sm" role="list" aria-label={title}>
            {live.map((match) => (
              <div role="listitem" key={match.id}>
                {card(match)}
              </div>
            ))}
            {closed.length > 0 && (
              <>
                <Group>
                  <Button variant="subtle" size="xs" color="gray" onClick={() => setShowClosed((shown) => !shown)}>
                    {showClosed ? t('matchesSection.hideClosed') : t('matchesSection.closed', { count: closed.length })}
                  </Button>
                </Group>
                <Collapse expanded={showClosed}>
                  <Stack gap="sm">
                    {closed.map((match) => (
                      <div role="listitem" key={match.id}>
                        {card(match)}
                      </div>
                    ))}
                  </Stack>
                </Collapse>
              </>
            )}
          </Stack>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
