import { z } from 'zod';
import { timestamp, uuid } from './common';

/** A person to contact: a State's national 1540 point of contact, or an organisation's contact person. */
export const contactPersonViewSchema = z.object({
  name: z.string(),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
});
export type ContactPersonView = z.infer<typeof contactPersonViewSchema>;

/** GET/PUT /states/:iso3/contacts and /organizations/:id/contacts. */
export const contactListViewSchema = z.object({
  owner: z.enum(['state', 'organization']),
  key: z.string(),
  contacts: z.array(contactPersonViewSchema),
  /** 0 while nobody has written the list; send it back with a PUT. */
  version: z.number().int(),
  updatedAt: timestamp.nullable(),
  /** Whether the caller may change the list. */
  canEdit: z.boolean(),
});
export type ContactListView = z.infer<typeof contactListViewSchema>;

/** GET /matches/:id/contacts: once a match is agreed, each side's contacts. */
export const matchContactsViewSchema = z.object({
  agreed: z.boolean(),
  state: z.object({ code: z.string(), contacts: z.array(contactPersonViewSchema) }).nullable(),
  requester: z.object({ id: uuid, name: z.string(), contacts: z.array(contactPersonViewSchema) }).nullable(),
  provider: z.object({ id: uuid, name: z.string(), contacts: z.array(contactPersonViewSchema) }).nullable(),
});
export type MatchContactsView = z.infer<typeof matchContactsViewSchema>;

/** GET /public/contact: how to reach the Committee. */
export const publicContactSchema = z.object({ committeeContact: z.string() });
