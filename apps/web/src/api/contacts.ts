import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContactListView, ContactPersonView, MatchContactsView, publicContactSchema, putContactsSchema } from '@app/contracts';
import { api } from './client';

export type ContactPerson = ContactPersonView;
export type ContactList = ContactListView;
export type MatchContacts = MatchContactsView;

export const contactKeys = {
  state: (iso3: string) => ['contacts', 'state', iso3] as const,
  organization: (id: string) => ['contacts', 'organization', id] as const,
  match: (id: string) => ['contacts', 'match', id] as const,
};

/** The address of a State's points of contact or an organisation's contact persons. */
export const contactListPath = (owner: 'state' | 'organization', key: string) =>
  owner === 'state' ? `/states/${key}/contacts` : `/organizations/${key}/contacts`;

export const contactListQuery = (owner: 'state' | 'organization', key: string) =>
  queryOptions({
    queryKey: owner === 'state' ? contactKeys.state(key) : contactKeys.organization(key),
    queryFn: ({ signal }) => api.get<ContactList>(contactListPath(owner, key), { signal }),
  });

export const matchContactsQuery = (id: string) =>
  queryOptions({
    queryKey: contactKeys.match(id),
    queryFn: ({ signal }) => api.get<MatchContacts>(`/matches/${id}/contacts`, { signal }),
  });

export const publicContactQuery = queryOptions({
  queryKey: ['public', 'contact'] as const,
  queryFn: ({ signal }) => api.get<z.infer<typeof publicContactSchema>>('/public/contact', { signal }),
});

export function putContacts(path: string, contacts: ContactPerson[], version: number) {
  const input: z.input<typeof putContactsSchema> = { contacts, version };
  return api.put<ContactList>(path, input);
}
