import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Progress,
  Slider,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  type MantineColor,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import {
  isRescoreFinished,
  matchingKeys,
  rescoreQuery,
  rescoresQuery,
  saveWeightsProfile,
  startRescore,
  weightsProfileQuery,
  type Rescore,
  type WeightsProfile,
} from '../api/matching';
import { SCORE_COMPONENT_KEYS, type ScoreComponentKey } from '../api/matches';
import { useSignedInUser } from '../auth/current-user';
import { PageLoader } from '../components/full-page-loader';
import { ErrorState } from '../components/error-state';
import { FormErrorAlert, splitFieldErrors } from '../components/form-errors';
import { useNotify } from '../components/notifications';
import { PageHeader } from '../components/page-header';
import { formatDateTime } from '../format';
import { useScoreFormat } from '../matches/score-breakdown';
import { ProposalsPanel } from '../matching-weights/proposals-panel';
import { SectionPanel } from '../matching-weights/section-panel';
import { useTranslation } from '../i18n';

const POLL_MS = 1_500;

interface Draft {
  weights: Record<ScoreComponentKey, number>;
  threshold: number;
  topK: number;
}

function draftOf(profile: WeightsProfile): Draft {
  return { weights: { ...profile.weights }, threshold: profile.threshold, topK: profile.topK };
}

function sameDraft(a: Draft, b: Draft): boolean {
  return (
    a.threshold === b.threshold &&
    a.topK === b.topK &&
    SCORE_COMPONENT_KEYS.every((key) => a.weights[key] === b.weights[key])
  );
}

/** The weights profile: administrators edit it (a new version starts a rescore); members read it. */
export function MatchingWeightsPage() {
  const { t, i18n } = useTranslation();
  const user = useSignedInUser();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const profile = useQuery(weightsProfileQuery);
  const editable = user.role === 'committee_admin';
  const [draft, setDraft] = useState<Draft | null>(null);
  const [comment, setComment] = useState('');
  // The rescore this visit started (by saving or by the button): followed until it finishes.
  const [trackedId, setTrackedId] = useState<string | null>(null);

  useEffect(() => {
    if (profile.data) setDraft(draftOf(profile.data));
  }, [profile.data]);

  const save = useMutation({
    mutationFn: (input: Draft) => saveWeightsProfile({ ...input, comment: comment.trim() || undefined }),
    onSuccess: ({ rescore: run, ...saved }) => {
      queryClient.setQueryData(matchingKeys.profile, saved);
      queryClient.setQueryData(matchingKeys.rescore(run.id), run);
      void queryClient.invalidateQueries({ queryKey: matchingKeys.rescores });
      setComment('');
      notify({ color: 'green', title: t('matchingWeights.saved', { version: saved.version }) });
      setTrackedId(run.id);
    },
  });

  const rescore = useMutation({
    mutationFn: startRescore,
    onSuccess: (run) => {
      setTrackedId(run.id);
      void queryClient.invalidateQueries({ queryKey: matchingKeys.rescores });
      notify({ color: 'green', title: t('matchingWeights.rescore.started') });
    },
  });

  if (profile.isPending || !draft) {
    return profile.isError ? (
      <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
    ) : (
      <PageLoader />
    );
  }
  const current = profile.data!;
  const dirty = !sameDraft(draft, draftOf(current));
  const totalWeight = SCORE_COMPONENT_KEYS.reduce((sum, key) => sum + (draft.weights[key] || 0), 0);

  return (
    <Stack gap="lg">
      <PageHeader title={t('sections.matchingWeights.title')}>{t('matchingWeights.intro')}</PageHeader>

      <Group gap="sm" mt={-12}>
        <Badge size="lg" variant="light" tt="none">
          {current.createdAt
            ? t('matchingWeights.versionSince', {
                version: current.version,
                at: formatDateTime(current.createdAt, i18n.language),
              })
            : current.version === 1
              ? t('matchingWeights.defaults')
              : t('matchingWeights.version', { version: current.version })}
        </Badge>
        {current.comment && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('matchingWeights.versionComment', { comment: current.comment })}
          </Text>
        )}
      </Group>

      {!editable && <Alert color="gray">{t('matchingWeights.readOnly')}</Alert>}

      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (editable && dirty && totalWeight > 0) save.mutate(draft);
        }}
        noValidate
      >
        <Stack gap="lg">
          <WeightsCard
            draft={draft}
            editable={editable}
            totalWeight={totalWeight}
            onWeight={(key, value) => setDraft({ ...draft, weights: { ...draft.weights, [key]: value } })}
          />
          <Paper withBorder p="lg" component="section" aria-label={t('matchingWeights.selection')}>
            <Stack gap="md">
              <Title order={2} size="h4">
                {t('matchingWeights.selection')}
              </Title>
              <SettingRow label={t('matchingWeights.threshold')} help={t('matchingWeights.thresholdHelp')}>
                {editable ? (
                  <>
                    <Slider
                      value={draft.threshold}
                      onChange={(value) => setDraft({ ...draft, threshold: value })}
                      min={0}
                      max={1}
                      step={0.01}
                      thumbLabel={t('matchingWeights.threshold')}
                      label={(value) => value.toFixed(2)}
                      style={{ flex: '1 1 200px', minWidth: 160 }}
                    />
                    <NumberInput
                      aria-label={t('matchingWeights.threshold')}
                      value={draft.threshold}
                      onChange={(value) => setDraft({ ...draft, threshold: clamp(Number(value) || 0, 0, 1) })}
                      min={0}
                      max={1}
                      step={0.01}
                      decimalScale={2}
                      w={100}
                    />
                  </>
                ) : (
                  <ReadOnlyValue value={draft.threshold} max={1} label={t('matchingWeights.threshold')} />
                )}
              </SettingRow>
              <SettingRow label={t('matchingWeights.topK')} help={t('matchingWeights.topKHelp')}>
                {editable ? (
                  <NumberInput
                    aria-label={t('matchingWeights.topK')}
                    value={draft.topK}
                    onChange={(value) => setDraft({ ...draft, topK: clamp(Math.round(Number(value) || 1), 1, 50) })}
                    min={1}
                    max={50}
                    step={1}
                    allowDecimal={false}
                    w={100}
                    ml="auto"
                  />
                ) : (
                  <Text size="sm" fw={600} ff="monospace" ml="auto" aria-label={t('matchingWeights.topK')}>
                    {draft.topK}
                  </Text>
                )}
              </SettingRow>
            </Stack>
          </Paper>

          {editable && (
            <Paper withBorder p="lg">
              <Stack gap="md">
                <Textarea
                  label={t('matchingWeights.comment')}
                  placeholder={t('matchingWeights.commentPlaceholder')}
                  value={comment}
                  onChange={(event) => setComment(event.currentTarget.value)}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={1000}
                />
                <FormErrorAlert error={save.error} rest={splitFieldErrors(save.error, () => null).rest} />
                <Group gap="sm">
                  <Button type="submit" loading={save.isPending} disabled={!dirty || totalWeight <= 0}>
                    {t('matchingWeights.save', { version: current.version + 1 })}
                  </Button>
                  <Button variant="default" onClick={() => setDraft(draftOf(current))} disabled={!dirty}>
                    {t('matchingWeights.reset')}
                  </Button>
                  {!dirty && (
                    <Text size="sm" c="dimmed">
                      {t('matchingWeights.unchanged')}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Paper>
          )}
        </Stack>
      </form>

      <ProposalsPanel current={current} editable={editable} onApplied={setTrackedId} />

      <RescorePanel
        trackedId={trackedId}
        onStart={() => rescore.mutate()}
        starting={rescore.isPending}
        error={rescore.error}
      />
    </Stack>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

interface WeightsCardProps {
  draft: Draft;
  editable: boolean;
  totalWeight: number;
  onWeight: (key: ScoreComponentKey, value: number) => void;
}

function WeightsCard({ draft, editable, totalWeight, onWeight }: WeightsCardProps) {
  const { t } = useTranslation();
  const format = useScoreFormat();
  const sliderMax = Math.max(1, ...SCORE_COMPONENT_KEYS.map((key) => draft.weights[key] || 0));
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('matchingWeights.criteria')}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {t('matchingWeights.criteria')}
          </Title>
          <Text size="sm" c="dimmed">
            {editable ? t('matchingWeights.criteriaHelp') : t('matchingWeights.criteriaHelpReadOnly')}
          </Text>
        </div>
        {totalWeight <= 0 && (
          <Alert color="red" role="alert">
            {t('matchingWeights.allZero')}
          </Alert>
        )}
        <Stack gap="lg">
          {SCORE_COMPONENT_KEYS.map((key) => {
            const label = t(`scoreComponents.${key}.label`);
            const weight = draft.weights[key] || 0;
            const share = totalWeight > 0 ? weight / totalWeight : 0;
            return (
              <SettingRow key={key} label={label} help={t(`scoreComponents.${key}.help`)} component={key}>
                {editable ? (
                  <>
                    <Slider
                      value={weight}
                      onChange={(value) => onWeight(key, value)}
                      min={0}
                      max={sliderMax}
                      step={0.01}
                      thumbLabel={t('matchingWeights.weight', { label })}
                      label={(value) => value.toFixed(2)}
                      style={{ flex: '1 1 200px', minWidth: 160 }}
                    />
                    <NumberInput
                      aria-label={t('matchingWeights.weight', { label })}
                      value={weight}
                      onChange={(value) => onWeight(key, clamp(Number(value) || 0, 0, 100))}
                      min={0}
                      max={100}
                      step={0.01}
                      decimalScale={3}
                      w={100}
                    />
                  </>
                ) : (
                  <ReadOnlyValue value={weight} max={sliderMax} label={t('matchingWeights.weight', { label })} />
                )}
                <Text size="sm" w={130} ta="right" c={weight > 0 ? undefined : 'dimmed'}>
                  {t('matchingWeights.share', { share: format.percent(share) })}
                </Text>
              </SettingRow>
            );
          })}
        </Stack>
        <Text size="xs" c="dimmed" ta="right">
          {t('matchingWeights.totalShare', { total: totalWeight.toFixed(2) })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** One setting: its name and what it does on the left, its control (or value) on the right. */
function SettingRow({
  label,
  help,
  component,
  children,
}: {
  label: string;
  help: string;
  component?: string;
  children: ReactNode;
}) {
  return (
    <Group align="center" gap="lg" wrap="wrap" data-component={component}>
      <Stack gap={2} style={{ flex: '1 1 260px', minWidth: 220 }}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      </Stack>
      <Group gap="lg" wrap="nowrap" style={{ flex: '1 1 320px', minWidth: 280 }}>
        {children}
      </Group>
    </Group>
  );
}

/** For members, who read the weights: a bar and the number, not a disabled control. */
function ReadOnlyValue({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <>
      <Progress
        value={max > 0 ? (value / max) * 100 : 0}
        size="md"
        color="blue.4"
        style={{ flex: 1 }}
        aria-hidden="true"
      />
      <Text size="sm" fw={600} ff="monospace" w={60} ta="right" aria-label={label}>
        {value}
      </Text>
    </>
  );
}

const RESCORE_COLOR: Record<Rescore['status'], MantineColor> = {
  queued: 'gray',
  running: 'blue',
  completed: 'green',
  failed: 'red',
};

interface RescorePanelProps {
  trackedId: string | null;
  onStart: () => void;
  starting: boolean;
  error: unknown;
}

/** The rescore in progress with a bar that follows it until it finishes, and the latest runs. */
function RescorePanel({ trackedId, onStart, starting, error }: RescorePanelProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const runs = useQuery({
    ...rescoresQuery,
    // While a run is unfinished, the list follows it too.
    refetchInterval: (query) => (query.state.data?.some((run) => !isRescoreFinished(run)) ? 5_000 : false),
  });
  // Follow the run this visit started, or else the newest one still going.
  const followedId = trackedId ?? runs.data?.find((run) => !isRescoreFinished(run))?.id ?? null;
  const followed = useQuery({
    ...rescoreQuery(followedId ?? ''),
    enabled: followedId !== null,
    refetchInterval: (query) => (query.state.data && isRescoreFinished(query.state.data) ? false : POLL_MS),
  });

  // A run that finishes changes the list and the scores shown elsewhere.
  const finished = followed.data ? isRescoreFinished(followed.data) : false;
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: matchingKeys.rescores });
    void queryClient.invalidateQueries({ queryKey: ['matches'] });
  }, [finished, queryClient]);

  const date = (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('common.notSet'));
  const statusLabel = (status: Rescore['status']) => t(`matchingWeights.rescore.status.${status}`);
  const triggerLabel = (trigger: string) =>
    trigger === 'manual' || trigger === 'weights_changed' || trigger === 'nightly' || trigger === 'seed'
      ? t(`matchingWeights.rescore.trigger.${trigger}`)
      : trigger;

  return (
    <SectionPanel
      title={t('matchingWeights.rescore.title')}
      intro={t('matchingWeights.rescore.intro')}
      action={
        <Button variant="light" onClick={onStart} loading={starting}>
          {t('matchingWeights.rescore.start')}
        </Button>
      }
    >
      {error != null && <ErrorState error={error} />}

      {followed.data && (
        <Paper withBorder p="md" bg="gray.0" role="region" aria-label={t('matchingWeights.rescore.current')}>
          <Stack gap="xs">
            <Group gap="sm">
              <Text fw={600} size="sm">
                {t('matchingWeights.rescore.current')}
              </Text>
              <Badge color={RESCORE_COLOR[followed.data.status]} variant="light" tt="none">
                {statusLabel(followed.data.status)}
              </Badge>
              <Text size="sm" c="dimmed">
                {triggerLabel(followed.data.trigger)}
                {followed.data.weightsVersion !== null &&
                  ` · ${t('matchingWeights.rescore.weightsVersion', { version: followed.data.weightsVersion })}`}
                {' · '}
                {date(followed.data.createdAt)}
              </Text>
            </Group>
            <Progress
              value={followed.data.status === 'completed' ? 100 : followed.data.progress.percent}
              color={RESCORE_COLOR[followed.data.status]}
              striped={!finished}
              animated={followed.data.status === 'running'}
              size="lg"
              aria-label={t('matchingWeights.rescore.progress')}
            />
            <Text size="xs" c="dimmed">
              {followed.data.progress.total > 0
                ? t('matchingWeights.rescore.chunks', {
                    done: followed.data.progress.done,
                    total: followed.data.progress.total,
                    requests: followed.data.requests,
                  })
                : t('matchingWeights.rescore.chunksPending')}
            </Text>
            {followed.data.status === 'queued' && (
              <Text size="xs" c="dimmed">
                {t('matchingWeights.rescore.queuedHelp')}
              </Text>
            )}
          </Stack>
        </Paper>
      )}

      <Title order={3} size="h5">
        {t('matchingWeights.rescore.latest')}
      </Title>
      {runs.isError ? (
        <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
      ) : runs.data && runs.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matchingWeights.rescore.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped verticalSpacing="xs" aria-label={t('matchingWeights.rescore.latest')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('matchingWeights.rescore.columns.started')}</Table.Th>
                <Table.Th>{t('matchingWeights.rescore.columns.trigger')}</Table.Th>
                <Table.Th>{t('matchingWeights.rescore.columns.weights')}</Table.Th>
                <Table.Th>{t('matchingWeights.rescore.columns.status')}</Table.Th>
                <Table.Th>{t('matchingWeights.rescore.columns.progress')}</Table.Th>
                <Table.Th>{t('matchingWeights.rescore.columns.finished')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(runs.data ?? []).slice(0, 10).map((run) => (
                <Table.Tr key={run.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(run.createdAt)}</Table.Td>
                  <Table.Td>{triggerLabel(run.trigger)}</Table.Td>
                  <Table.Td>
                    {run.weightsVersion !== null
                      ? t('matchingWeights.rescore.weightsVersion', { version: run.weightsVersion })
                      : t('common.notSet')}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={RESCORE_COLOR[run.status]} variant="light" tt="none" size="sm">
                      {statusLabel(run.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td w={160}>
                    <Progress
                      value={run.status === 'completed' ? 100 : run.progress.percent}
                      size="sm"
                      color={RESCORE_COLOR[run.status]}
                      aria-hidden="true"
                    />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(run.finishedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionPanel>
  );
}
