import { Anchor, Badge, Button, Collapse, Group, Paper, Rating, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from '../router';
import type { Role } from '../api/auth';
import { awaitsScore, matchHistoryQuery, type Match, type MatchFeedback } from '../api/matches';
import { useSignedInUser } from '../auth/current-user';
import { HistoryTimeline } from '../components/history-timeline';
import { MatchStatusBadge } from '../components/status-badge';
import { formatDate, formatDateTime } from '../format';
import { offerPath, requestPath } from '../paths';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { DocumentsPanel } from '../records/documents-card';
import { MatchActions } from './match-actions';
import { CalibrationLine, ScoreBreakdown, ScoreValue } from './score-breakdown';
import { ThreadPanel } from '../threads/thread-panel';
import { MatchContactsCard } from '../contacts/contact-cards';
import { useTranslation } from '../i18n';

interface MatchCardProps {
  match: Match;
  /** Its place in the ranking, 1 first. */
  rank?: number;
  /** What the card names as the other side: the offer (on a request's page) or the request (on an offer's). */
  counterpart: 'offer' | 'request';
  /** Opens the score breakdown at once (the top suggestions, the match a notification points to). */
  expanded?: boolean;
  /** The match a link pointed to (`?match=`): outlined and scrolled into view. */
  highlighted?: boolean;
}

const AGREED: readonly string[] = ['agreed', 'in_progress', 'completed'];

/** One match: the other side, score, reason, where it stands, what this person can do, and why it scored so. */
export function MatchCard({ match, rank, counterpart, expanded = false, highlighted = false }: MatchCardProps) {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const { lookup } = useTaxonomy();
  const [showBreakdown, setShowBreakdown] = useState(expanded);
  const [showHistory, setShowHistory] = useState(false);
  // A link to the match (an e-mail, the home page's unread threads) opens its conversation.
  const [showThread, setShowThread] = useState(highlighted);
  const [showDocuments, setShowDocuments] = useState(false);
  const history = useQuery({ ...matchHistoryQuery(match.id), enabled: showHistory });
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (highlighted) ref.current?.scrollIntoView({ block: 'center' });
  }, [highlighted]);

  const title = counterpart === 'offer' ? match.offer.title : `${match.request.reference} · ${match.request.title}`;
  const target =
    counterpart === 'offer' ? offerPath(user.role, match.offer.id) : requestPath(user.role, match.request.id);
  const subtitle =
    counterpart === 'offer'
      ? match.offer.provider.name
      : (lookup?.stateName(match.request.state) ?? match.request.state);
  const waitingKey = waitingFor(match, user.role);
  const waiting = waitingKey && t(`matchCard.${waitingKey}`, { provider: match.offer.provider.name });

  return (
    <Paper
      ref={ref}
      withBorder
      p="md"
      component="article"
      aria-label={title}
      data-match-id={match.id}
      style={highlighted ? { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Group align="flex-start" wrap="nowrap" gap="md" style={{ minWidth: 0 }}>
            {rank !== undefined && (
              <Text fw={700} c="dimmed" size="lg" w={32} style={{ flexShrink: 0 }}>
                {t('matchCard.rank', { rank })}
              </Text>
            )}
            <Stack gap={4} style={{ minWidth: 0 }}>
              {target ? (
                <Anchor component={Link} to={target} fw={600}>
                  {title}
                </Anchor>
              ) : (
                <Text fw={600}>{title}</Text>
              )}
              <Text size="sm" c="dimmed">
                {subtitle}
              </Text>
              <Group gap={6}>
                <MatchStatusBadge status={match.status} size="sm" />
                <Badge variant="outline" color="gray" size="sm" tt="none">
                  {t(`matchOrigin.${match.origin}`)}
                </Badge>
              </Group>
            </Stack>
          </Group>
          <ScoreValue score={match.score} pending={awaitsScore(match)} />
        </Group>

        {match.reason && (
          <Text size="sm" aria-label={t('matchCard.reason')}>
            {match.reason}
          </Text>
        )}
        {match.calibration && <CalibrationLine calibration={match.calibration} />}
        {match.notes && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600} c="dark">
              {t('matchCard.notes')}:{' '}
            </Text>
            {match.notes}
          </Text>
        )}
        {match.declineReason && (
          <Text size="sm" c="red" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={600}>
              {t('matchCard.declineReason')}:{' '}
            </Text>
            {match.declineReason}
          </Text>
        )}
        {match.retiredReason && (
          <Text size="sm" c="dimmed" fs="italic">
            {t(`matchCard.retired.${match.retiredReason}`)}
          </Text>
        )}
        {waiting && (
          <Text size="sm" c="dimmed" fs="italic">
            {waiting}
          </Text>
        )}
        {match.delivery && <DeliveryLines match={match} />}
        <FeedbackLines requester={match.feedback.requester} provider={match.feedback.provider} />

        <Group justify="space-between" align="center" gap="sm">
          <MatchActions match={match} size="xs" />
          <Group gap="xs" ml="auto">
            {match.components.length > 0 && (
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setShowBreakdown((open) => !open)}
                aria-expanded={showBreakdown}
              >
                {showBreakdown ? t('score.hideBreakdown') : t('score.showBreakdown')}
              </Button>
            )}
            <Button variant="subtle" size="xs" color="gray" onClick={() => setShowDocuments((open) => !open)} aria-expanded={showDocuments}>
              {showDocuments ? t('matchCard.hideDocuments') : t('matchCard.showDocuments')}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setShowThread((open) => !open)}
              aria-expanded={showThread}
            >
              {showThread ? t('threads.hide') : t('threads.show')}
            </Button>
            <Button
              variant="subtle"
              size="xs"
              color="gray"
              onClick={() => setShowHistory((open) => !open)}
              aria-expanded={showHistory}
            >
              {showHistory ? t('matchCard.hideHistory') : t('matchCard.showHistory')}
            </Button>
          </Group>
        </Group>

        <Collapse expanded={showBreakdown}>
          <Stack gap={6} pt="xs">
            <ScoreBreakdown components={match.components} />
            {match.score !== null && !match.calibration && (
              <Text size="xs" c="dimmed">
                {t('score.calibrationNone')}
              </Text>
            )}
            {match.weightsVersion !== null && match.scoredAt && (
              <Text size="xs" c="dimmed">
                {t('score.weightsVersion', {
                  version: match.weightsVersion,
                  at: formatDateTime(match.scoredAt, i18n.language),
                })}
              </Text>
            )}
          </Stack>
        </Collapse>
        {AGREED.includes(match.status) && <MatchContactsCard matchId={match.id} />}
        {showThread && <ThreadPanel type="match" id={match.id} />}
        <Collapse expanded={showDocuments}>
          {showDocuments && <DocumentsPanel parent="match" parentId={match.id} />}
        </Collapse>
        <Collapse expanded={showHistory}>
          <Paper bg="gray.0" p="sm" radius="sm">
            <HistoryTimeline subject="match" query={history} />
          </Paper>
        </Collapse>
      </Stack>
    </Paper>
  );
}

/** What a completed match delivered, as recorded when it was completed. */
function DeliveryLines({ match }: { match: Match }) {
  const { t, i18n } = useTranslation();
  const delivery = match.delivery!;
  return (
    <Stack gap={2} role="group" aria-label={t('matchCard.delivery.heading')}>
      <Text size="sm">
        <Text span fw={600}>
          {t('matchCard.delivery.heading')}:{' '}
        </Text>
        {t('matchCard.delivery.dates', {
          from: formatDate(delivery.deliveredFrom, i18n.language),
          until: formatDate(delivery.deliveredUntil, i18n.language),
        })}
        {delivery.participants !== null && (
          <> · {t('matchCard.delivery.participants', { count: delivery.participants })}</>
        )}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {delivery.deliverables}
      </Text>
      {delivery.beforeDesiredStart && match.request.desiredStart && (
        <Text size="sm" c="orange">
          {t('matchCard.delivery.beforeDesiredStart', {
            desired: formatDate(match.request.desiredStart, i18n.language),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** Who the match waits for, when that is someone other than the viewer. */
function waitingFor(match: Match, role: Role): 'waitingProvider' | 'waitingConfirm' | 'waitingState' | null {
  if (match.status === 'endorsed' && role !== 'provider_member') return 'waitingProvider';
  if (match.status === 'accepted' && role === 'agency_member') return 'waitingConfirm';
  if (match.status === 'accepted' && role !== 'agency_coordinator') return 'waitingState';
  return null;
}

/** Each side's rating and comment, once given. */
export function FeedbackLines({
  requester,
  provider,
  compact = false,
}: {
  requester: MatchFeedback | null;
  provider: MatchFeedback | null;
  /** For table cells: who and the rating only; the comment in the tooltip. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const lines = [
    { label: t('matchCard.feedbackFromRequester'), feedback: requester },
    { label: t('matchCard.feedbackFromProvider'), feedback: provider },
  ].filter((line): line is { label: string; feedback: MatchFeedback } => line.feedback !== null);
  if (lines.length === 0) return null;
  if (compact) {
    return (
      <Stack gap={2} role="group" aria-label={t('matchCard.feedback')}>
        {lines.map(({ label, feedback }) => (
          <Text key={label} size="xs" c="dimmed" title={feedback.comment ?? undefined}>
            {label}: {t('matchCard.ratingOf', { rating: feedback.rating })}
          </Text>
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap={4} role="group" aria-label={t('matchCard.feedback')}>
      {lines.map(({ label, feedback }) => (
        // On a narrow screen the comment goes under the stars instead of into a sliver beside them.
        <Group key={label} gap="xs" align="flex-start" wrap="wrap">
          <Text size="sm" fw={600} w={200} style={{ flexShrink: 0 }}>
            {label}
          </Text>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Rating value={feedback.rating} readOnly size="sm" aria-hidden="true" />
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t('matchCard.ratingOf', { rating: feedback.rating })}
            </Text>
          </Group>
          {feedback.comment && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', flex: '1 1 240px' }}>
              — {feedback.comment}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
