import { z } from 'zod';
import { requestStatusSchema } from '../enums';
import { ACTION_PLAN_ITEM_STATUSES, ACTION_PLAN_NOTE_KINDS, ACTION_PLAN_PRIORITY_LEVELS, ACTION_PLAN_STATUSES } from '../vocabulary';
import { day, organizationRefSchema, pageOf, timestamp, uuid } from './common';

/** A request made from an item, as the item shows it. */
export const itemRequestRefSchema = z.object({ id: uuid, reference: z.string(), status: requestStatusSchema });

/** A provider's interest in an item. */
export const itemInterestViewSchema = z.object({
  id: uuid,
  provider: organizationRefSchema,
  offer: z.object({ id: uuid, title: z.string() }).nullable(),
  programme: z.string().nullable(),
  note: z.string().nullable(),
  engagementId: uuid.nullable(),
  /** The provider-interest match it became once the item's request was circulated. */
  matchId: uuid.nullable(),
  createdAt: timestamp,
});
export type ItemInterestView = z.infer<typeof itemInterestViewSchema>;

export const itemNoteViewSchema = z.object({
  id: uuid,
  kind: z.enum(ACTION_PLAN_NOTE_KINDS),
  text: z.string(),
  author: z.object({ id: uuid, displayName: z.string(), organization: z.string().nullable() }).nullable(),
  createdAt: timestamp,
});

/** An action plan item as the caller may see it. */
export const actionPlanItemViewSchema = z.object({
  id: uuid,
  planId: uuid,
  state: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  provisions: z.array(z.string()),
  domains: z.array(z.string()),
  leadAgency: organizationRefSchema.nullable(),
  partnerAgencies: z.array(organizationRefSchema),
  priorityRank: z.number().int().nullable(),
  priorityLevel: z.enum(ACTION_PLAN_PRIORITY_LEVELS),
  prioritisedAt: timestamp.nullable(),
  prioritisedBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  prioritisedInEngagementId: uuid.nullable(),
  targetDate: day.nullable(),
  status: z.enum(ACTION_PLAN_ITEM_STATUSES),
  assistanceNeeded: z.boolean(),
  proposed: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  requests: z.array(itemRequestRefSchema),
  interests: z.array(itemInterestViewSchema),
  notes: z.array(itemNoteViewSchema),
  /** Whether the caller may edit the item (the API decides). */
  canEdit: z.boolean(),
});
export type ActionPlanItemView = z.infer<typeof actionPlanItemViewSchema>;

/** Counts of a plan's items by status. */
export const planProgressSchema = z.object({
  total: z.number().int(),
  planned: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  assistanceNeeded: z.number().int(),
  withRequest: z.number().int(),
});

/** A plan as the caller may see it (GET /action-plans/:id; lists leave out `items`). */
export const actionPlanViewSchema = z.object({
  id: uuid,
  state: z.string(),
  organization: organizationRefSchema.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(ACTION_PLAN_STATUSES),
  submittedOn: day.nullable(),
  revision: z.number().int(),
  sharedWithProviders: z.boolean(),
  publicSummary: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  progress: planProgressSchema,
  items: z.array(actionPlanItemViewSchema).optional(),
  canEdit: z.boolean(),
  /** Whether the caller may add items (the coordinator; agency members as proposals). */
  canAddItems: z.boolean(),
});
export type ActionPlanView = z.infer<typeof actionPlanViewSchema>;

export const actionPlanPageSchema = pageOf(actionPlanViewSchema);

/** One version of a plan (GET /action-plans/:id/versions), oldest first. */
export const actionPlanVersionViewSchema = z.object({
  revision: z.number().int(),
  createdAt: timestamp,
  createdBy: z.object({ id: uuid, displayName: z.string() }).nullable(),
  note: z.string().nullable(),
  engagementId: uuid.nullable(),
  changes: z.array(
    z.object({
      subject: z.enum(['plan', 'item']),
      action: z.string(),
      itemId: uuid.optional(),
      title: z.string().optional(),
      fields: z.array(z.string()),
    }),
  ),
  snapshot: z.record(z.string(), z.unknown()),
});
export type ActionPlanVersionView = z.infer<typeof actionPlanVersionViewSchema>;
export const actionPlanVersionsSchema = z.array(actionPlanVersionViewSchema);

/** Items across plans (GET /action-plan-items). */
export const actionPlanItemListSchema = z.array(actionPlanItemViewSchema);

/**
 * A plan on the public register (GET /public/action-plans, no sign-in): only what the State chose to publish,
 * its public summary, with the plan's title and submission date.
 */
export const publicActionPlanSchema = z.object({
  id: uuid,
  state: z.string(),
  title: z.string(),
  submittedOn: day.nullable(),
  summary: z.string(),
});
export type PublicActionPlanView = z.infer<typeof publicActionPlanSchema>;
export const publicActionPlanPageSchema = pageOf(publicActionPlanSchema);
