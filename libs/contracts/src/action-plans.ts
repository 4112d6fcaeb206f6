import { z } from 'zod';
import { paginationSchema, planningDate, stateCodeSchema, taxonomyCodes, text, uuidSchema } from './fields';
import { ACTION_PLAN_ITEM_STATUSES, ACTION_PLAN_PRIORITY_LEVELS, ACTION_PLAN_STATUSES } from './vocabulary';

/** The lengths of a plan's and an item's texts: the API refuses more, the forms count against them. */
export const ACTION_PLAN_TEXT_LIMITS = {
  title: { min: 3, max: 200 },
  description: { min: 0, max: 10_000 },
  publicSummary: { min: 0, max: 5_000 },
  code: { min: 0, max: 20 },
  note: { min: 1, max: 5_000 },
  programme: { min: 0, max: 200 },
  changeNote: { min: 0, max: 2_000 },
} as const;
const limited = (field: keyof typeof ACTION_PLAN_TEXT_LIMITS) => text(ACTION_PLAN_TEXT_LIMITS[field].max, ACTION_PLAN_TEXT_LIMITS[field].min);

/** Every field of a plan a person writes. `status: submitted` submits it (the Committee is told). */
export const actionPlanFields = {
  title: limited('title'),
  description: limited('description').nullable(),
  status: z.enum(ACTION_PLAN_STATUSES),
  submittedOn: planningDate.nullable(),
  sharedWithProviders: z.boolean(),
  publicSummary: limited('publicSummary').nullable(),
};

/** A new plan (POST /action-plans). The committee names the State; a State's coordinator writes its own. */
export const createActionPlanSchema = z.strictObject({
  state: stateCodeSchema.optional(),
  title: actionPlanFields.title,
  description: actionPlanFields.description.optional(),
  status: actionPlanFields.status.default('draft'),
  submittedOn: actionPlanFields.submittedOn.optional(),
  sharedWithProviders: actionPlanFields.sharedWithProviders.default(false),
  publicSummary: actionPlanFields.publicSummary.optional(),
});
export type CreateActionPlan = z.infer<typeof createActionPlanSchema>;

/** Changes to a plan (PATCH /action-plans/:id), the version they were made on, and an optional note for the new version. */
export const updateActionPlanSchema = z.strictObject({
  title: actionPlanFields.title.optional(),
  description: actionPlanFields.description.optional(),
  status: actionPlanFields.status.optional(),
  submittedOn: actionPlanFields.submittedOn.optional(),
  sharedWithProviders: actionPlanFields.sharedWithProviders.optional(),
  publicSummary: actionPlanFields.publicSummary.optional(),
  changeNote: limited('changeNote').optional(),
  version: z.number().int().min(1),
});
export type UpdateActionPlan = z.infer<typeof updateActionPlanSchema>;

/** Every field of an item a person writes (DESIGN §4a). */
export const actionPlanItemFields = {
  code: limited('code').nullable(),
  title: limited('title'),
  description: limited('description'),
  provisions: taxonomyCodes('provisions'),
  domains: taxonomyCodes('domains'),
  leadAgencyId: uuidSchema.nullable(),
  partnerAgencyIds: z.array(uuidSchema).max(30),
  priorityLevel: z.enum(ACTION_PLAN_PRIORITY_LEVELS),
  priorityRank: z.number().int().min(1).max(10_000).nullable(),
  targetDate: planningDate.nullable(),
  status: z.enum(ACTION_PLAN_ITEM_STATUSES),
  assistanceNeeded: z.boolean(),
};

/** A new item (POST /action-plans/:id/items). An agency member's item is added as a proposal. */
export const createActionPlanItemSchema = z.strictObject({
  code: actionPlanItemFields.code.optional(),
  title: actionPlanItemFields.title,
  description: actionPlanItemFields.description.default(''),
  provisions: actionPlanItemFields.provisions.default([]),
  domains: actionPlanItemFields.domains.default([]),
  leadAgencyId: actionPlanItemFields.leadAgencyId.optional(),
  partnerAgencyIds: actionPlanItemFields.partnerAgencyIds.default([]),
  priorityLevel: actionPlanItemFields.priorityLevel.default('medium'),
  priorityRank: actionPlanItemFields.priorityRank.optional(),
  targetDate: actionPlanItemFields.targetDate.optional(),
  status: actionPlanItemFields.status.default('planned'),
  assistanceNeeded: actionPlanItemFields.assistanceNeeded.default(false),
});
export type CreateActionPlanItem = z.infer<typeof createActionPlanItemSchema>;

/**
 * Changes to an item (PATCH /action-plan-items/:id) on `version`. `progressNote` adds a progress note (a State's
 * agency) or a comment (the Committee); `proposed: false` takes an agency's proposal into the plan.
 */
export const updateActionPlanItemSchema = z.strictObject({
  code: actionPlanItemFields.code.optional(),
  title: actionPlanItemFields.title.optional(),
  description: actionPlanItemFields.description.optional(),
  provisions: actionPlanItemFields.provisions.optional(),
  domains: actionPlanItemFields.domains.optional(),
  leadAgencyId: actionPlanItemFields.leadAgencyId.optional(),
  partnerAgencyIds: actionPlanItemFields.partnerAgencyIds.optional(),
  priorityLevel: actionPlanItemFields.priorityLevel.optional(),
  priorityRank: actionPlanItemFields.priorityRank.optional(),
  targetDate: actionPlanItemFields.targetDate.optional(),
  status: actionPlanItemFields.status.optional(),
  assistanceNeeded: actionPlanItemFields.assistanceNeeded.optional(),
  proposed: z.literal(false).optional(),
  progressNote: limited('note').optional(),
  version: z.number().int().min(1),
});
export type UpdateActionPlanItem = z.infer<typeof updateActionPlanItemSchema>;

/** A provider's interest in an item (POST /action-plan-items/:id/interest): the offer or programme, and a note. */
export const declareItemInterestSchema = z.strictObject({
  offerId: uuidSchema.nullable().optional(),
  programme: limited('programme').nullable().optional(),
  note: limited('note').nullable().optional(),
});
export type DeclareItemInterest = z.infer<typeof declareItemInterestSchema>;

/** The list of plans (GET /action-plans). */
export const actionPlanListQuerySchema = z.strictObject({
  state: stateCodeSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ActionPlanListQuery = z.infer<typeof actionPlanListQuerySchema>;

/** The list's filters without pagination: the CSV holds every plan they select (GET /export/action-plans.csv). */
export const actionPlansCsvSchema = actionPlanListQuerySchema.omit({ page: true, pageSize: true });
export type ActionPlansCsvQuery = z.infer<typeof actionPlansCsvSchema>;

/** Items of a plan, or across plans (GET /action-plans/:id/items, GET /action-plan-items). */
export const actionPlanItemListQuerySchema = z.strictObject({
  state: stateCodeSchema.optional(),
  status: z.enum(ACTION_PLAN_ITEM_STATUSES).optional(),
  provision: z.string().max(40).optional(),
  /** `true`: items that need assistance and have no request yet. */
  needsRequest: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** `true`: items the caller's organisation declared interest in (providers). */
  interested: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ActionPlanItemListQuery = z.infer<typeof actionPlanItemListQuerySchema>;

/** The plans whose public summary is shared (GET /public/action-plans). */
export const publicActionPlansSchema = paginationSchema.extend({ state: stateCodeSchema.optional() });
export type PublicActionPlansQuery = z.infer<typeof publicActionPlansSchema>;
