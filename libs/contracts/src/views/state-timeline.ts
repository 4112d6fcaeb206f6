import { z } from 'zod';
import { pageOf, timestamp, uuid } from './common';

/** What a State's timeline puts together (GET /states/:state/timeline). */
export const STATE_TIMELINE_KINDS = ['action_plan', 'request', 'match', 'engagement', 'document'] as const;
export type StateTimelineKind = (typeof STATE_TIMELINE_KINDS)[number];

/**
 * What happened, per kind: a plan version (submitted, updated, or re-prioritised in an engagement); a request's
 * dated milestones; a match's; an engagement held and its note published; a document added.
 */
export const STATE_TIMELINE_MILESTONES = [
  'plan_submitted',
  'plan_updated',
  'plan_prioritised',
  'submitted',
  'acknowledged',
  'circulated',
  'matched',
  'delivery_started',
  'delivered',
  'closed',
  'withdrawn',
  'proposed',
  'endorsed',
  'answered',
  'agreed',
  'completed',
  'held',
  'note_published',
  'uploaded',
] as const;
export type StateTimelineMilestone = (typeof STATE_TIMELINE_MILESTONES)[number];

/** One dated event on a State's timeline, newest first; `record` is where it belongs (a document's parent). */
export const stateTimelineEventSchema = z.object({
  at: timestamp,
  kind: z.enum(STATE_TIMELINE_KINDS),
  milestone: z.enum(STATE_TIMELINE_MILESTONES),
  /** The record the event is about: the plan, request, match, engagement or document. */
  id: uuid,
  title: z.string(),
  /** A request's reference (for a match or a document on a request, that request's), or the plan's revision. */
  reference: z.string().nullable(),
  /**
   * The page to open: the plan, the engagement, or the request (for a match, the request it concerns; for a
   * document, its parent's page: the plan for a document on an item, the request for one on a match).
   */
  record: z.object({ type: z.enum(['action_plan', 'request', 'engagement']), id: uuid }),
});
export type StateTimelineEvent = z.infer<typeof stateTimelineEventSchema>;

export const stateTimelinePageSchema = pageOf(stateTimelineEventSchema).extend({
  state: z.string(),
  /** True when a source had more rows than the timeline reads (the oldest are left out). */
  truncated: z.boolean(),
});
export type StateTimelinePage = z.infer<typeof stateTimelinePageSchema>;

/** GET /states/:state/timeline?kind=&page=&pageSize= */
export const stateTimelineQuerySchema = z.strictObject({
  kind: z.enum(STATE_TIMELINE_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export type StateTimelineQuery = z.infer<typeof stateTimelineQuerySchema>;
