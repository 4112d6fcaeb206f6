import { z } from 'zod';
import { CLOSE_REASONS, REQUEST_STATUSES } from '@app/domain';
import { letterDate, REQUEST_PRIORITIES } from '@app/contracts';
import { csvList, paginationSchema, stateCodeSchema, taxonomyCode, text, uuidParam } from '@app/common';

// The request's input schemas are shared with the web form (libs/contracts): one set of rules and messages.
export { createRequestSchema, updateRequestSchema, type CreateRequest, type UpdateRequest } from '@app/contracts';

export const requestTransitionSchema = z.strictObject({
  action: z.string().min(1).max(40),
  comment: text(5_000).optional(),
  reason: z.string().max(40).optional(),
  version: z.number().int().min(1).optional(),
  /** record_objection, record_waiver: the date of the State's letter (required there). */
  letterDate: letterDate.optional(),
  /** record_objection, record_waiver: the letter as an attached document, once uploaded. */
  documentId: uuidParam.optional(),
});
export type RequestTransition = z.infer<typeof requestTransitionSchema>;

export const REQUEST_SORTS = ['createdAt', 'updatedAt', 'priority', 'reference', 'title', 'submittedAt', 'circulatedAt', 'status'] as const;

export const listRequestsSchema = paginationSchema.extend({
  status: csvList(z.enum(REQUEST_STATUSES)).optional(),
  state: stateCodeSchema.optional(),
  provision: taxonomyCode('provisions').optional(),
  domain: taxonomyCode('domains').optional(),
  type: taxonomyCode('assistanceTypes').optional(),
  institution: taxonomyCode('targetInstitutions').optional(),
  priority: z.enum(REQUEST_PRIORITIES).optional(),
  organizationId: uuidParam.optional(),
  /** `true`: drafts an agency member has marked ready for the coordinator; `false`: the others. */
  ready: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(200).optional(),
  sort: z
    .string()
    .regex(new RegExp(`^-?(${REQUEST_SORTS.join('|')})$`), `must be one of ${REQUEST_SORTS.join(', ')}, optionally prefixed with -`)
    .default('-updatedAt'),
});
export type ListRequests = z.infer<typeof listRequestsSchema>;

export const duplicateCheckSchema = z.strictObject({
  title: text(200, 1),
  description: text(10_000).optional(),
  excludeId: uuidParam.optional(),
});
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export { CLOSE_REASONS };
