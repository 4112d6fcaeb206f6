import { z } from 'zod';
import { ENGAGEMENT_KINDS } from '@app/domain';
import { paginationSchema, stateCodeSchema } from '@app/common';

// The engagement's input schemas are shared with the web form (libs/contracts).
export {
  createEngagementSchema,
  updateEngagementSchema,
  createFollowUpSchema,
  updateFollowUpSchema,
  prioritisationSchema,
  type CreateEngagement,
  type UpdateEngagement,
  type CreateFollowUp,
  type UpdateFollowUp,
  type Prioritisation,
} from '@app/contracts';

export const listEngagementsSchema = paginationSchema.extend({
  state: stateCodeSchema.optional(),
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
});
export type ListEngagements = z.infer<typeof listEngagementsSchema>;

// The list's filters without pagination: the CSV holds every engagement they select.
export const engagementsCsvSchema = listEngagementsSchema.omit({ page: true, pageSize: true });
export type EngagementsCsvQuery = z.infer<typeof engagementsCsvSchema>;

export const noteFormatSchema = z.strictObject({ format: z.enum(['html', 'pdf']).default('html') });
export type NoteFormat = z.infer<typeof noteFormatSchema>;

export const publicEngagementsSchema = paginationSchema.extend({ state: stateCodeSchema.optional() });
export type PublicEngagements = z.infer<typeof publicEngagementsSchema>;
