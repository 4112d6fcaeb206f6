import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  EmptyState,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../router';
import {
  computeAllocationPlan,
  endorsePlan,
  type AllocationPlan,
  type EndorsePlanResult,
  type PlannedMatch,
} from '../api/matching';
import { matchKeys } from '../api/matches';
import { ErrorState } from '../components/error-state';
import { InboxIcon } from '../components/icons';
import { PageHeader } from '../components/page-header';
import { MatchStatusBadge } from '../components/status-badge';
import { useNotify } from '../components/notifications';
import { formatDateTime } from '../format';
import { ScoreValue, useScoreFormat } from '../matches/score-breakdown';
import { useTaxonomy } from '../taxonomy/use-taxonomy';
import { useTranslation } from '../i18n';

/** The Committee's one-step endorsement of the best allocation of suggestions within every offer's capacity. */
export function AllocationPlanPage() {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [computedAt, setComputedAt] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<EndorsePlanResult | null>(null);

  const plan = useMutation({
    mutationFn: () => computeAllocationPlan(),
    onSuccess: (computed) => {
      setComputedAt(new Date().toISOString());
      setResult(null);
      // Everything the plan proposes that is still only a suggestion, ready to endorse.
      setSelected(new Set(computed.matches.filter((m) => m.status === 'suggested').map((m) => m.matchId)));
    },
  });

  const endorse = useMutation({
    mutationFn: (matchIds: string[]) => endorsePlan({ matchIds, comment: comment.trim() || undefined }),
    onSuccess: (outcome) => {
      setResult(outcome);
      setSelected(new Set());
      void queryClient.invalidateQueries({ queryKey: matchKeys.all });
      notify({ color: 'green', title: t('allocationPlan.result.title', { count: outcome.endorsed.length }) });
    },
  });

  const data = plan.data;
  const selectable = data?.matches.filter((m) => m.status === 'suggested' && !endorsedNow(result, m)) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('sections.allocationPlan.title')}
        actions={
          <Button onClick={() => plan.mutate()} loading={plan.isPending} variant={data ? 'default' : 'filled'}>
            {data ? t('allocationPlan.recompute') : t('allocationPlan.compute')}
          </Button>
        }
      >
        {t('allocationPlan.intro')}
      </PageHeader>

      {plan.isError && <ErrorState error={plan.error} onRetry={() => plan.mutate()} />}

      {!data && !plan.isError && (
        <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
          <EmptyState.Title order={2}>{t('allocationPlan.notComputed.title')}</EmptyState.Title>
          <EmptyState.Description>{t('allocationPlan.notComputed.description')}</EmptyState.Description>
          <EmptyState.Actions>
            <Button onClick={() => plan.mutate()} loading={plan.isPending}>
              {t('allocationPlan.compute')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      )}

      {data && (
        <>
          <PlanFigures plan={data} />
          {computedAt && (
            <Text size="xs" c="dimmed" mt={-8}>
              {t('allocationPlan.computedAt', { at: formatDateTime(computedAt, i18n.language) })}
            </Text>
          )}
          {result && <EndorseResult result={result} plan={data} />}
          {data.matches.length === 0 ? (
            <EmptyState icon={<InboxIcon />} withIndicatorBackground py="xl">
              <EmptyState.Title order={2}>{t('allocationPlan.empty.title')}</EmptyState.Title>
              <EmptyState.Description>{t('allocationPlan.empty.description')}</EmptyState.Description>
            </EmptyState>
          ) : (
            <Paper withBorder p="md">
              <Stack gap="md">
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setSelected(new Set(selectable.map((m) => m.matchId)))}
                      disabled={selectable.length === 0}
                    >
                      {t('allocationPlan.selectAll')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setSelected(new Set())}
                      disabled={selected.size === 0}
                    >
                      {t('allocationPlan.selectNone')}
                    </Button>
                    <Text size="sm" c="dimmed" role="status">
                      {t('allocationPlan.selected', { count: selected.size })}
                    </Text>
                  </Group>
                </Group>
                <PlanTable
                  matches={data.matches}
                  selected={selected}
                  result={result}
                  onToggle={(id, on) =>
                    setSelected((current) => {
                      const next = new Set(current);
                      if (on) next.add(id);
                      else next.delete(id);
                      return next;
                    })
                  }
                />
                <Group align="flex-end" gap="md" wrap="wrap">
                  <Textarea
                    label={t('allocationPlan.comment')}
                    placeholder={t('allocationPlan.commentPlaceholder')}
                    value={comment}
                    onChange={(event) => setComment(event.currentTarget.value)}
                    autosize
                    minRows={1}
                    maxRows={4}
                    maxLength={2000}
                    style={{ flex: 1, minWidth: 280 }}
                  />
                  <Button
                    onClick={() => endorse.mutate([...selected])}
                    loading={endorse.isPending}
                    disabled={selected.size === 0}
                  >
                    {t('allocationPlan.endorse', { count: selected.size })}
                  </Button>
                </Group>
                {endorse.isError && <ErrorState error={endorse.error} />}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

function endorsedNow(result: EndorsePlanResult | null, match: PlannedMatch): boolean {
  return !!result?.endorsed.some((endorsed) => endorsed.id === match.matchId);
}

function PlanFigures({ plan }: { plan: AllocationPlan }) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const tiles: [string, string, string?][] = [
    [t('allocationPlan.figures.total'), format.score(plan.total), t('allocationPlan.figures.totalHelp')],
    [t('allocationPlan.figures.proposed'), String(plan.matches.length)],
    [t('allocationPlan.figures.requests'), String(plan.requests)],
    [t('allocationPlan.figures.offers'), String(plan.offers)],
    [t('allocationPlan.figures.candidates'), String(plan.candidates)],
  ];
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, md: 5 }}
      spacing="sm"
      role="list"
      aria-label={t('sections.allocationPlan.title')}
    >
      {tiles.map(([label, value, help]) => (
        <Paper key={label} withBorder p="sm" role="listitem" aria-label={`${label}: ${value}`}>
          <Tooltip label={help} disabled={!help} multiline maw={280}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {label}
            </Text>
          </Tooltip>
          <Text size="xl" fw={700} ff="monospace">
            {value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

interface PlanTableProps {
  matches: PlannedMatch[];
  selected: ReadonlySet<string>;
  result: EndorsePlanResult | null;
  onToggle: (matchId: string, on: boolean) => void;
}

function PlanTable({ matches, selected, result, onToggle }: PlanTableProps) {
  const { t } = useTranslation();
  const { lookup } = useTaxonomy();
  const skipped = new Map(result?.skipped.map((skip) => [skip.matchId, skip.reason]));
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table striped verticalSpacing="sm" horizontalSpacing="xs" aria-label={t('allocationPlan.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('allocationPlan.columns.select')}</Table.Th>
            <Table.Th>{t('allocationPlan.columns.request')}</Table.Th>
            <Table.Th>{t('allocationPlan.columns.offer')}</Table.Th>
            <Table.Th>{t('allocationPlan.columns.score')}</Table.Th>
            <Table.Th>{t('allocationPlan.columns.reason')}</Table.Th>
            <Table.Th>{t('allocationPlan.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((match) => {
            const done = endorsedNow(result, match);
            const skipReason = skipped.get(match.matchId);
            const canSelect = match.status === 'suggested' && !done;
            return (
              <Table.Tr key={match.matchId} data-match-id={match.matchId}>
                <Table.Td>
                  <Checkbox
                    checked={selected.has(match.matchId)}
                    disabled={!canSelect}
                    onChange={(event) => onToggle(match.matchId, event.currentTarget.checked)}
                    aria-label={t('allocationPlan.selectRow', { reference: match.reference, offer: match.offerTitle })}
                  />
                </Table.Td>
                <Table.Td miw={200}>
                  <Anchor
                    component={Link}
                    to={`/committee/requests/${match.requestId}?match=${match.matchId}`}
                    ff="monospace"
                    size="sm"
                  >
                    {match.reference}
                  </Anchor>
                  <Text size="sm">{match.requestTitle}</Text>
                  <Text size="xs" c="dimmed">
                    {lookup?.stateName(match.state) ?? match.state}
                  </Text>
                </Table.Td>
                <Table.Td miw={200}>
                  <Anchor component={Link} to={`/committee/offers/${match.offerId}`} size="sm" fw={500}>
                    {match.offerTitle}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {match.provider}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ScoreValue score={match.score} size="sm" />
                </Table.Td>
                <Table.Td maw={380}>
                  <Text size="sm">{match.reason}</Text>
                </Table.Td>
                <Table.Td miw={150}>
                  <Stack gap={4} align="flex-start">
                    {done ? (
                      <Badge color="green" variant="filled" tt="none" size="sm">
                        {t('allocationPlan.endorsedBadge')}
                      </Badge>
                    ) : skipReason ? (
                      <Badge color="orange" variant="filled" tt="none" size="sm">
                        {t('allocationPlan.skippedBadge')}
                      </Badge>
                    ) : match.status === 'endorsed' ? (
                      <Badge color="blue" variant="light" tt="none" size="sm">
                        {t('allocationPlan.alreadyEndorsed')}
                      </Badge>
                    ) : (
                      <MatchStatusBadge status={match.status} size="sm" />
                    )}
                    {skipReason && (
                      <Text size="xs" c="orange">
                        {skipReason}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EndorseResult({ result, plan }: { result: EndorsePlanResult; plan: AllocationPlan }) {
  const { t } = useTranslation();
  const byId = new Map(plan.matches.map((match) => [match.matchId, match]));
  return (
    <Stack gap="sm">
      <Alert color="green" title={t('allocationPlan.result.title', { count: result.endorsed.length })} role="status">
        {t('allocationPlan.result.description')}
      </Alert>
      {result.skipped.length > 0 && (
        <Alert
          color="orange"
          title={t('allocationPlan.result.skippedTitle', { count: result.skipped.length })}
          role="alert"
        >
          <Stack gap={4}>
            {result.skipped.map((skip) => {
              const match = byId.get(skip.matchId);
              return (
                <Text key={skip.matchId} size="sm">
                  <Text span fw={600} ff="monospace">
                    {match ? `${match.reference} · ${match.offerTitle}` : skip.matchId}
                  </Text>
                  : {skip.reason}
                </Text>
              );
            })}
            <Text size="xs" c="dimmed">
              {t('allocationPlan.result.skippedHelp')}
            </Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
