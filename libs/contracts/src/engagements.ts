import { z } from 'zod';
import { ENGAGEMENT_KINDS, FOLLOW_UP_STATUSES, PRIORITY_LEVELS } from '@app/domain';
import { optionalFields, paginationSchema, planningDate, stateCodeSchema, text, versionSchema } from './fields';
import { LOCALES } from '../../i18n/src/locales';
import { rule } from './messages';

/** The lengths of an engagement's texts: the API refuses more, the form counts against them. */
export const ENGAGEMENT_TEXT_LIMITS = {
  title: { min: 5, max: 300 },
  venue: { min: 0, max: 300 },
  narrative: { min: 0, max: 20_000 },
  partyName: { min: 1, max: 200 },
  partyNote: { min: 0, max: 300 },
  action: { min: 3, max: 2_000 },
} as const;

/** An organisation at an engagement: on the platform (`organizationId`) or named in free text (`name`). */
export const engagementPartySchema = z
  .strictObject({
    organizationId: z.uuid().nullable().optional(),
    name: text(ENGAGEMENT_TEXT_LIMITS.partyName.max).optional(),
    note: text(ENGAGEMENT_TEXT_LIMITS.partyNote.max).nullable().optional(),
  })
  .refine((p) => Boolean(p.organizationId) || Boolean(p.name), rule('partyName', {}, ['name']));
export type EngagementPartyInput = z.infer<typeof engagementPartySchema>;

const narrative = text(ENGAGEMENT_TEXT_LIMITS.narrative.max);

/** Every field of an engagement a Committee member writes. */
export const engagementFields = {
  kind: z.enum(ENGAGEMENT_KINDS),
  title: text(ENGAGEMENT_TEXT_LIMITS.title.max, ENGAGEMENT_TEXT_LIMITS.title.min),
  startDate: planningDate,
  endDate: planningDate,
  venue: text(ENGAGEMENT_TEXT_LIMITS.venue.max).nullable(),
  online: z.boolean(),
  organisers: z.array(engagementPartySchema).max(50),
  participants: z.array(engagementPartySchema).max(300),
  states: z.array(stateCodeSchema).max(50).refine((s) => new Set(s).size === s.length, rule('repeatsState')),
  background: narrative,
  highlights: narrative,
  outcomes: narrative,
  additionalComments: narrative,
};

const datesInOrder = (e: { startDate?: string; endDate?: string }) => !e.startDate || !e.endDate || e.startDate <= e.endDate;
const datesRule = rule('beforeStart', {}, ['endDate']);

/** A new engagement (POST /engagements). */
export const createEngagementSchema = z
  .strictObject({
    ...engagementFields,
    venue: engagementFields.venue.optional(),
    online: engagementFields.online.default(false),
    organisers: engagementFields.organisers.default([]),
    participants: engagementFields.participants.default([]),
    states: engagementFields.states.default([]),
    background: narrative.default(''),
    highlights: narrative.default(''),
    outcomes: narrative.default(''),
    additionalComments: narrative.default(''),
  })
  .refine(datesInOrder, datesRule);
export type CreateEngagement = z.infer<typeof createEngagementSchema>;

/** Changes to an engagement (PATCH /engagements/:id), with the version read; `notePublished` publishes its note. */
export const updateEngagementSchema = z
  .strictObject({
    ...optionalFields(engagementFields),
    notePublished: z.boolean().optional(),
    version: versionSchema,
  })
  .refine(datesInOrder, datesRule);
export type UpdateEngagement = z.infer<typeof updateEngagementSchema>;

const oneOwner = (a: { ownerUserId?: string | null; ownerOrganizationId?: string | null }) =>
  a.ownerUserId === undefined && a.ownerOrganizationId === undefined ? true : Boolean(a.ownerUserId) !== Boolean(a.ownerOrganizationId);
const ownerRule = rule('oneOwner', {}, ['ownerUserId']);

/** A follow-up action (POST /engagements/:id/follow-ups). */
export const createFollowUpSchema = z
  .strictObject({
    description: text(ENGAGEMENT_TEXT_LIMITS.action.max, ENGAGEMENT_TEXT_LIMITS.action.min),
    ownerUserId: z.uuid().nullable().default(null),
    ownerOrganizationId: z.uuid().nullable().default(null),
    dueDate: planningDate,
    status: z.enum(FOLLOW_UP_STATUSES).default('open'),
  })
  .refine(oneOwner, ownerRule);
export type CreateFollowUp = z.infer<typeof createFollowUpSchema>;

/** Changes to a follow-up action (PATCH /engagements/:id/follow-ups/:actionId). */
export const updateFollowUpSchema = z
  .strictObject({
    description: text(ENGAGEMENT_TEXT_LIMITS.action.max, ENGAGEMENT_TEXT_LIMITS.action.min).optional(),
    ownerUserId: z.uuid().nullable().optional(),
    ownerOrganizationId: z.uuid().nullable().optional(),
    dueDate: planningDate.optional(),
    status: z.enum(FOLLOW_UP_STATUSES).optional(),
    version: z.number().int().min(1),
  })
  .refine((a) => (a.ownerUserId === undefined) === (a.ownerOrganizationId === undefined), rule('ownerPair', {}, ['ownerUserId']))
  .refine(oneOwner, ownerRule);
export type UpdateFollowUp = z.infer<typeof updateFollowUpSchema>;

const distinct = (ids: string[]) => new Set(ids).size === ids.length;

/**
 * A roundtable's prioritisation of a plan (POST /engagements/:id/prioritisation): the items in the order agreed
 * (`order`, first = rank 1) and/or a level per item (`levels`), and the interests providers declared.
 */
export const prioritisationSchema = z
  .strictObject({
    actionPlanId: z.uuid(),
    order: z.array(z.uuid()).max(500).refine(distinct, rule('repeatsItem')).default([]),
    levels: z
      .array(z.strictObject({ itemId: z.uuid(), level: z.enum(PRIORITY_LEVELS) }))
      .max(500)
      .refine((l) => distinct(l.map((x) => x.itemId)), rule('repeatsItem'))
      .default([]),
    interests: z
      .array(
        z.strictObject({
          itemId: z.uuid(),
          providerOrganizationId: z.uuid(),
          offerId: z.uuid().nullable().optional(),
          programme: text(200).nullable().optional(),
          note: text(2_000).nullable().optional(),
        }),
      )
      .max(1_000)
      .default([]),
    note: text(2_000).nullable().optional(),
  })
  .refine((p) => p.order.length > 0 || p.levels.length > 0, rule('orderOrLevels', {}, ['order']));
export type Prioritisation = z.infer<typeof prioritisationSchema>;

/** The list of engagements (GET /engagements). */
export const listEngagementsSchema = paginationSchema.extend({
  state: stateCodeSchema.optional(),
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
});
export type ListEngagements = z.infer<typeof listEngagementsSchema>;

/** The list's filters without pagination: the CSV holds every engagement they select (GET /export/engagements.csv). */
export const engagementsCsvSchema = listEngagementsSchema.omit({ page: true, pageSize: true });
export type EngagementsCsvQuery = z.infer<typeof engagementsCsvSchema>;

/** An engagement's information note as a page or a PDF (GET …/information-note). */
/**
 * How an information note is served: HTML or PDF, and the language of its fixed words (headings, labels, dates,
 * footnote). Without `lang`, the reader's: their preferred language, else Accept-Language. The web app passes the
 * language it shows, so a visitor who picked one on the public register gets the note in it.
 */
export const noteFormatSchema = z.strictObject({ format: z.enum(['html', 'pdf']).default('html'), lang: z.enum(LOCALES).optional() });
export type NoteFormat = z.infer<typeof noteFormatSchema>;

/** The engagements whose notes are published (GET /public/engagements). */
export const publicEngagementsSchema = paginationSchema.extend({ state: stateCodeSchema.optional() });
export type PublicEngagements = z.infer<typeof publicEngagementsSchema>;
