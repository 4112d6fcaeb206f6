import { Badge, Button, Group, Stack, Table, Text, type MantineColor } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  applyWeightsProposal,
  dismissWeightsProposal,
  matchingKeys,
  requestWeightsProposal,
  weightsProposalsQuery,
  type WeightsProfile,
  type WeightsProposal,
} from '../api/matching';
import { SCORE_COMPONENT_KEYS } from '../api/matches';
import { ErrorState, useErrorMessage } from '../components/error-state';
import { useNotify } from '../components/notifications';
import { formatDateTime, formattingLocale } from '../format';
import { SectionPanel } from './section-panel';
import { useTranslation } from '../i18n';

const POLL_MS = 1_500;

const STATUS_COLORS: Record<WeightsProposal['status'], MantineColor> = {
  fitting: 'blue',
  proposed: 'grape',
  not_enough_decisions: 'gray',
  applied: 'green',
  dismissed: 'gray',
};

interface Props {
  current: WeightsProfile;
  editable: boolean;
  /** A proposal applied: the page follows the rescore it started. */
  onApplied: (rescoreId: string) => void;
}

/**
 * Weights learned from the Committee's decisions (issue 15 item 2): ask for a fit, compare it with the weights in
 * force on past decisions and on the labelled set, apply or dismiss it. Nothing changes without that step.
 */
export function ProposalsPanel({ current, editable, onApplied }: Props) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const proposals = useQuery({
    ...weightsProposalsQuery,
    refetchInterval: (query) => (query.state.data?.some((p) => p.status === 'fitting') ? POLL_MS : false),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: matchingKeys.proposals });
  const ask = useMutation({ mutationFn: requestWeightsProposal, onSuccess: refresh });
  const apply = useMutation({
    mutationFn: applyWeightsProposal,
    onSuccess: (result) => {
      refresh();
      void queryClient.invalidateQueries({ queryKey: matchingKeys.profile });
      notify({ color: 'green', title: t('matchingWeights.proposals.applied', { version: result.profile.version }) });
      onApplied(result.profile.rescore.id);
    },
    onError: (error) => notify({ color: 'red', title: t('matchingWeights.proposals.applyFailed'), message: describe(error) }),
  });
  const dismiss = useMutation({ mutationFn: dismissWeightsProposal, onSuccess: refresh });

  const latest = proposals.data?.[0];
  return (
    <SectionPanel
      title={t('matchingWeights.proposals.title')}
      intro={t('matchingWeights.proposals.intro')}
      action={
        editable && (
          <Button variant="light" loading={ask.isPending} disabled={latest?.status === 'fitting'} onClick={() => ask.mutate()}>
            {t('matchingWeights.proposals.ask')}
          </Button>
        )
      }
    >
      {proposals.isError ? (
        <ErrorState error={proposals.error} onRetry={() => void proposals.refetch()} />
      ) : !proposals.data ? null : proposals.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('matchingWeights.proposals.empty')}
        </Text>
      ) : (
        <>
          {latest && <ProposalDetail proposal={latest} current={current} />}
          <Table striped withTableBorder aria-label={t('matchingWeights.proposals.history')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('matchingWeights.proposals.asked')}</Table.Th>
                <Table.Th>{t('matchingWeights.proposals.status')}</Table.Th>
                <Table.Th>{t('matchingWeights.proposals.decisions')}</Table.Th>
                <Table.Th>{t('matchingWeights.proposals.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{formatDateTime(p.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[p.status]} variant="light" tt="none">
                      {t(`matchingWeights.proposals.statuses.${p.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {p.figures
                      ? t('matchingWeights.proposals.decisionCount', { examples: p.figures.examples, positives: p.figures.positives })
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    {editable && p.status === 'proposed' && (
                      <Group gap="xs">
                        <Button size="xs" loading={apply.isPending} onClick={() => apply.mutate(p.id)}>
                          {t('matchingWeights.proposals.apply')}
                        </Button>
                        <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate(p.id)}>
                          {t('matchingWeights.proposals.dismiss')}
                        </Button>
                      </Group>
                    )}
                    {p.status === 'applied' && p.appliedVersion !== null && t('matchingWeights.version', { version: p.appliedVersion })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </SectionPanel>
  );
}

/** The newest proposal beside the weights in force: shares, and what each does on past decisions and the labelled set. */
function ProposalDetail({ proposal, current }: { proposal: WeightsProposal; current: WeightsProfile }) {
  const { t, i18n } = useTranslation();
  const figures = proposal.figures;
  if (proposal.status === 'fitting') return <Text size="sm">{t('matchingWeights.proposals.fitting')}</Text>;
  if (!figures || !proposal.weights) {
    return (
      <Text size="sm">
        {t(`matchingWeights.proposals.reasons.${figures?.reason ?? 'too_few_decisions'}`, { examples: figures?.examples ?? 0 })}
      </Text>
    );
  }
  const share = (weights: Record<string, number>, key: string) =>
    weights[key] / Object.values(weights).reduce((a, b) => a + b, 0);
  const locale = formattingLocale(i18n.language);
  const pct = (x: number) => x.toLocaleString(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const num = (x: number) => x.toLocaleString(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  const proposed = proposal.weights;
  return (
    <Stack gap="xs">
      <Table withTableBorder aria-label={t('matchingWeights.proposals.compare')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matchingWeights.criteria')}</Table.Th>
            <Table.Th>{t('matchingWeights.proposals.inForce', { version: proposal.baseVersion })}</Table.Th>
            <Table.Th>{t('matchingWeights.proposals.proposed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SCORE_COMPONENT_KEYS.map((key) => (
            <Table.Tr key={key}>
              <Table.Td>{t(`scoreComponents.${key}.label`)}</Table.Td>
              <Table.Td>{pct(share(current.weights, key))}</Table.Td>
              <Table.Td>{pct(share(proposed, key))}</Table.Td>
            </Table.Tr>
          ))}
          {figures.pastDecisions && (
            <Table.Tr>
              <Table.Td>{t('matchingWeights.proposals.heldOutAuc')}</Table.Td>
              <Table.Td>{num(figures.pastDecisions.current.auc)}</Table.Td>
              <Table.Td>{num(figures.pastDecisions.proposed.auc)}</Table.Td>
            </Table.Tr>
          )}
          {figures.labelledSet &&
            (['full', 'loose'] as const).map((regime) => (
              <Table.Tr key={regime}>
                <Table.Td>{t(`matchingWeights.proposals.labelled.${regime}`)}</Table.Td>
                <Table.Td>{num(figures.labelledSet![regime].current.ndcgAt5)}</Table.Td>
                <Table.Td>{num(figures.labelledSet![regime].proposed.ndcgAt5)}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      {proposal.baseVersion !== current.version && proposal.status === 'proposed' && (
        <Text size="sm" c="orange">
          {t('matchingWeights.proposals.stale')}
        </Text>
      )}
    </Stack>
  );
}
