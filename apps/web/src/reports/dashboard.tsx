import { Grid, Stack } from '@mantine/core';
import type { ReportSummary, SummaryFilters } from '../api/reports';
import { AnswerTimesCard } from './answer-times-card';
import { CoverageCard } from './coverage-card';
import { DemandCard } from './demand-card';
import { KeyFigures } from './key-figures';
import { MilestonesCard } from './milestones-card';
import { OffersByProviderCard } from './offers-by-provider-card';
import { StatusOverTimeCard } from './status-over-time-card';
import { TimeToMatchCard } from './time-to-match-card';
import { UnmatchedCard } from './unmatched-card';

/** The key figures, then the cards, two to a row where there is room. */
export function Dashboard({ summary, filters }: { summary: ReportSummary; filters: SummaryFilters }) {
  return (
    <Stack gap="lg">
      <KeyFigures summary={summary} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <StatusOverTimeCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <TimeToMatchCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <MilestonesCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <DemandCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={12}>
          <CoverageCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={12}>
          <UnmatchedCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <OffersByProviderCard summary={summary} filters={filters} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <AnswerTimesCard summary={summary} filters={filters} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
