import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReportSummary } from '../api/reports';
import { useDuration } from '../components/use-duration';
import { useNumberFormat } from './report-card';
import { useTranslation } from '../i18n';

export function KeyFigures({ summary }: { summary: ReportSummary }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const agreed = summary.timeToDays.agreedMatch;
  const unmatched = summary.unmatchedTotal;
  const oldest = summary.unmatched[0];
  const days = useDuration();
  const feedback = (side: { count: number; average: number | null }) =>
    side.average === null
      ? t('reports.kpi.noFeedback')
      : t('reports.kpi.feedbackValue', { average: format.number(side.average, 2), count: side.count });

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" role="list" aria-label={t('reports.kpi.label')}>
        <Kpi
          label={t('reports.kpi.requests')}
          value={format.number(summary.requests.total, 0)}
          help={t('reports.kpi.requestsHelp')}
        />
        <Kpi
          label={t('reports.kpi.matchRate')}
          value={summary.matchRate.rate === null ? '—' : format.percent(summary.matchRate.rate)}
          help={
            summary.matchRate.circulated
              ? t('reports.kpi.matchRateHelp', {
                  agreed: summary.matchRate.withAgreedMatch,
                  circulated: summary.matchRate.circulated,
                })
              : t('reports.kpi.matchRateNone')
          }
        />
        <Kpi
          label={t('reports.kpi.medianToMatch')}
          value={agreed.medianDays === null ? '—' : days(agreed.medianDays)}
          help={
            agreed.medianDays === null
              ? t('reports.kpi.medianToMatchNone')
              : t('reports.kpi.medianToMatchHelp', { count: agreed.count, p90: days(agreed.p90Days ?? 0) })
          }
        />
        <Kpi
          label={t('reports.kpi.unmatched')}
          value={format.number(unmatched, 0)}
          help={
            oldest ? t('reports.kpi.unmatchedHelp', { days: days(oldest.ageDays) }) : t('reports.kpi.unmatchedNone')
          }
          tone={unmatched > 0 ? 'orange' : undefined}
        />
      </SimpleGrid>
      <Group gap="xl" wrap="wrap">
        <SmallFigure label={t('reports.kpi.offers')} value={format.number(summary.offers.total, 0)} />
        <SmallFigure label={t('reports.kpi.matches')} value={format.number(summary.matches.total, 0)} />
        <SmallFigure label={t('reports.kpi.feedbackRequester')} value={feedback(summary.feedback.requester)} />
        <SmallFigure label={t('reports.kpi.feedbackProvider')} value={feedback(summary.feedback.provider)} />
      </Group>
    </Stack>
  );
}

function Kpi({ label, value, help, tone }: { label: string; value: string; help: string; tone?: string }) {
  return (
    <Paper withBorder p="md" role="listitem" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} c={tone ? `${tone}.8` : undefined} data-kpi-value>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {help}
      </Text>
    </Paper>
  );
}

function SmallFigure({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" role="group" aria-label={label}>
      <Text span c="dimmed">
        {label}:{' '}
      </Text>
      <Text span fw={600}>
        {value}
      </Text>
    </Text>
  );
}
