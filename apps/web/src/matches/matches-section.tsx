import { Badge, Button, Center, Collapse, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  matchKeys,
  offerMatchesQuery,
  requestMatchesQuery,
  type Match,
  type MatchStatus,
} from '../api/matches';
import type { AssistanceOffer } from '../api/offers';
import type { AssistanceRequest } from '../api/requests';
import type { Role } from '../api/auth';
import type { Paginated } from '../api/client';
import { useSignedInUser } from '../auth/current-user';
import { ErrorState } from '../components/error-state';
import { MatchCard } from './match-card';
import { NewMatchDialog } from './new-match-dialog';

/** Matches that ended without help: listed apart, below the live ones. */
const CLOSED: readonly MatchStatus[] = ['dismissed', 'declined', 'rejected', 'cancelled'];
/** The top suggestions open their score breakdown at once. */
const EXPANDED_RANKS = 3;

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

  const titles = {
    committee: [t('matchesSection.committeeTitle'), t('matchesSection.committeeIntro')],
    provider: [t('matchesSection.providerTitle'), t('matchesSection.providerIntro')],
    agency: [t('matchesSection.agencyTitle'), t('matchesSection.agencyIntro')],
  }[viewer];

  return (
    <MatchesPanel
      title={titles[0]!}
      intro={titles[1]!}
      query={matches}
      counterpart="offer"
      emptyText={viewer === 'committee' ? t('matchesSection.emptyCommittee') : t('matchesSection.empty')}
      action={
        canPropose ? (
          <Button variant={viewer === 'provider' ? 'filled' : 'light'} onClick={() => setCreating(true)}>
            {viewer === 'provider' ? t('matchesSection.offerHelp') : t('matchesSection.manualMatch')}
          </Button>
        ) : null
      }
    >
      {canPropose && (
        <NewMatchDialog
          request={request}
          opened={creating}
          onClose={() => setCreating(false)}
          matchedOfferIds={new Set(items.filter((m) => !CLOSED.includes(m.status)).map((m) => m.offer.id))}
          onCreated={() => void queryClient.invalidateQueries({ queryKey: matchKeys.all })}
        />
      )}
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
      emptyText={t('matchesSection.empty')}
    />
  );
}

interface MatchesPanelProps {
  title: string;
  intro: string;
  query: UseQueryResult<Paginated<Match>>;
  counterpart: 'offer' | 'request';
  emptyText: string;
  action?: ReactNode;
  children?: ReactNode;
}

function MatchesPanel({ title, intro, query, counterpart, emptyText, action, children }: MatchesPanelProps) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const pointedAt = searchParams.get('match');
  const items = query.data?.items ?? [];
  const live = items.filter((match) => !CLOSED.includes(match.status));
  const closed = items.filter((match) => CLOSED.includes(match.status));
  const [showClosed, setShowClosed] = useState(() => closed.some((match) => match.id === pointedAt));

  const card = (match: Match, index: number, ranked: boolean) => (
    <MatchCard
      key={match.id}
      match={match}
      rank={ranked ? index + 1 : undefined}
      counterpart={counterpart}
      expanded={(ranked && index < EXPANDED_RANKS) || match.id === pointedAt}
      highlighted={match.id === pointedAt}
    />
  );

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
                  {t('matchesSection.count', { count: query.data.total })}
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
            {live.map((match, index) => (
              <div role="listitem" key={match.id}>
                {card(match, index, true)}
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
                    {closed.map((match, index) => (
                      <div role="listitem" key={match.id}>
                        {card(match, index, false)}
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
