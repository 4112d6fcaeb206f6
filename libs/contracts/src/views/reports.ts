import { z } from 'zod';
import { timestamp, uuid } from './common';

const counts = z.record(z.string(), z.number().int());

/** Durations in days from a request's first submission to a milestone. */
export const distributionSchema = z.object({
  count: z.number().int().describe('Requests that reached the milestone (the median and p90 are over these)'),
  waiting: z.number().int().describe('Requests still waiting for it (open intervals, not in the median)'),
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

const sideFeedback = z.object({ count: z.number().int(), average: z.number().nullable() });

/** The Committee's figures (GET /reports/summary). */
export const summarySchema = z.object({
  period: z.object({ from: z.string().nullable(), to: z.string().nullable(), state: z.string().nullable(), provider: z.string().nullable() }),
  requests: z.object({
    total: z.number().int(),
    byStatus: counts,
    byProvision: counts,
    byDomain: counts,
    byAssistanceType: counts,
    byState: counts,
  }),
  offers: z.object({
    total: z.number().int(),
    byStatus: counts,
    byProvider: z.array(z.object({ id: uuid, name: z.string(), count: z.number().int(), byStatus: counts })),
  }),
  matches: z.object({ total: z.number().int(), byStatus: counts }),
  matchRate: z.object({ circulated: z.number().int(), withAgreedMatch: z.number().int(), rate: z.number().nullable() }),
  timeToDays: z.object({
    acknowledge: distributionSchema,
    circulate: distributionSchema,
    firstSuggestion: distributionSchema,
    agreedMatch: distributionSchema,
    delivery: distributionSchema,
  }),
  timeToMatchHistogram: z.array(z.object({ bucket: z.string(), count: z.number().int() })),
  unmatched: z.array(
    z.object({ id: uuid, reference: z.string(), title: z.string(), state: z.string(), circulatedAt: z.string(), ageDays: z.number() }),
  ),
  unmatchedTotal: z.number().int().describe('All circulated requests still unmatched (`unmatched` lists the oldest 100)'),
  providerAnswerDays: z.array(z.object({ id: uuid, name: z.string(), answered: z.number().int(), medianDays: z.number().nullable() })),
  feedback: z.object({ requester: sideFeedback, provider: sideFeedback }),
  statusOverTime: z.array(z.object({ month: z.string(), byStatus: counts })),
  coverage: z.array(z.object({ provision: z.string(), domain: z.string(), requested: z.number().int(), offered: z.number().int() })),
});
export type SummaryView = z.infer<typeof summarySchema>;
export type DistributionView = z.infer<typeof distributionSchema>;

/** `reports/mine` for an agency: its State's requests with waiting times (ReportsService.mine). */
export const agencyReportSchema = z.object({
  kind: z.literal('agency'),
  /** The agency's State: an agency organisation always has one. */
  state: z.string(),
  requests: z.array(
    z.object({
      id: uuid,
      reference: z.string(),
      title: z.string(),
      status: z.string(),
      submittedAt: timestamp.nullable(),
      circulatedAt: timestamp.nullable(),
      matchedAt: timestamp.nullable(),
      waitingDays: z.number().nullable().describe('From submission to match, withdrawal, closure or now; null for drafts'),
      matchesProposed: z.number().int(),
    }),
  ),
});
export type AgencyReportView = z.infer<typeof agencyReportSchema>;

/** `reports/mine` for a provider: the uptake of its offers (ReportsService.mine). */
export const providerReportSchema = z.object({
  kind: z.literal('provider'),
  provider: z.string(),
  offers: z.array(
    z.object({
      id: uuid,
      title: z.string(),
      status: z.string(),
      capacityEngagements: z.number().int().nullable(),
      engagementsUsed: z.number().int(),
      endorsed: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      agreed: z.number().int(),
      completed: z.number().int(),
    }),
  ),
});
export type ProviderReportView = z.infer<typeof providerReportSchema>;

export const myReportSchema = z.discriminatedUnion('kind', [agencyReportSchema, providerReportSchema]);
