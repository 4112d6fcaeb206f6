import { z } from 'zod';
import { ENGAGEMENT_KINDS, FOLLOW_UP_STATUSES } from '@app/domain';
import { day, pageOf, timestamp, uuid } from './common';

export const engagementPartyViewSchema = z.object({
  organizationId: uuid.nullable(),
  name: z.string(),
  note: z.string().nullable(),
});
export type EngagementPartyView = z.infer<typeof engagementPartyViewSchema>;

export const followUpViewSchema = z.object({
  id: uuid,
  engagementId: uuid,
  description: z.string(),
  ownerUserId: uuid.nullable(),
  ownerOrganizationId: uuid.nullable(),
  /** The owner's name, as the page shows it. */
  ownerName: z.string().nullable(),
  dueDate: day,
  status: z.enum(FOLLOW_UP_STATUSES),
  doneAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

export const prioritisationViewSchema = z.object({
  id: uuid,
  actionPlanId: uuid,
  /** The plan's revision that carries these priorities. */
  planVersion: z.number().int(),
  ranking: z.array(z.object({ itemId: uuid, rank: z.number().int().nullable(), level: z.string().nullable() })),
  interests: z.array(z.object({ itemId: uuid, providerId: uuid, offerId: uuid.nullable(), note: z.string().nullable() })),
  decidedById: uuid.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: timestamp,
});
export type PrioritisationView = z.infer<typeof prioritisationViewSchema>;

/** An engagement as the caller may see it (GET /engagements/:id and every write on one). */
export const engagementViewSchema = z.object({
  id: uuid,
  kind: z.enum(ENGAGEMENT_KINDS),
  title: z.string(),
  startDate: day,
  endDate: day,
  venue: z.string().nullable(),
  online: z.boolean(),
  organisers: z.array(engagementPartyViewSchema),
  participants: z.array(engagementPartyViewSchema),
  states: z.array(z.string()),
  background: z.string(),
  highlights: z.string(),
  outcomes: z.string(),
  additionalComments: z.string(),
  notePublished: z.boolean(),
  notePublishedAt: timestamp.nullable(),
  /** Follow-up actions and prioritisations: for the Committee, the States concerned and the participants. */
  followUps: z.array(followUpViewSchema),
  prioritisations: z.array(prioritisationViewSchema),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Whether the caller may edit it (the Committee). */
  canEdit: z.boolean(),
  /** Whether the caller may record a prioritisation (a roundtable: the Committee or the State's coordinator). */
  canPrioritise: z.boolean(),
});
export type EngagementView = z.infer<typeof engagementViewSchema>;

export const engagementPageSchema = pageOf(engagementViewSchema);

/** A published information note on the public register. */
export const publicEngagementSchema = z.object({
  id: uuid,
  kind: z.enum(ENGAGEMENT_KINDS),
  title: z.string(),
  startDate: day,
  endDate: day,
  venue: z.string().nullable(),
  online: z.boolean(),
  states: z.array(z.string()),
  notePublishedAt: timestamp,
});
export type PublicEngagementView = z.infer<typeof publicEngagementSchema>;
export const publicEngagementPageSchema = pageOf(publicEngagementSchema);
