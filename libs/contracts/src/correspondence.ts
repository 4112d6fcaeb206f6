import { z } from 'zod';
import { paginationSchema, taxonomyCodes, text, uuidSchema } from './fields';
import { matching } from './messages';

/** The longest thread message. */
export const THREAD_MESSAGE_MAX = 10_000;

/** POST /requests/:id/messages and /matches/:id/messages. */
export const postThreadMessageSchema = z.strictObject({
  body: text(THREAD_MESSAGE_MAX, 1),
  /** An attached document: one of the same request's or match's documents, uploaded first (else 400). */
  documentId: uuidSchema.optional(),
});
export type PostThreadMessage = z.infer<typeof postThreadMessageSchema>;

/** GET /requests/:id/messages and /matches/:id/messages. */
export const listMessagesSchema = paginationSchema.extend({
  /** `false`: read without marking the messages read. */
  markRead: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true'),
});
export type ListMessages = z.infer<typeof listMessagesSchema>;

export const contactPersonSchema = z.strictObject({
  name: text(200, 1),
  title: text(200).nullable().default(null),
  agency: text(200).nullable().default(null),
  email: z.email().max(254),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(...matching(/^[+0-9 ()./-]*$/, 'telephone'))
    .nullable()
    .default(null),
  languages: taxonomyCodes('languages', { max: 10 }).default([]),
});
export type ContactPersonInput = z.infer<typeof contactPersonSchema>;

/** PUT …/contacts: the whole list, and the version it was read at (0 for a list nobody wrote yet). */
export const putContactsSchema = z.strictObject({
  contacts: z.array(contactPersonSchema).max(20),
  version: z.number().int().min(0).optional(),
});
export type PutContacts = z.infer<typeof putContactsSchema>;
