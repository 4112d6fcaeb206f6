import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Paginated, type QueryOf } from './client';
import type { createUserSchema, listUsersSchema, Role, updateUserSchema, UserView } from '@app/contracts';
import type { Organization } from './organizations';

export { ROLES } from '@app/contracts/vocabulary';

/** Which roles an organisation of each kind may hold (the API refuses the rest). */
export const ROLES_BY_KIND: Record<Organization['kind'], readonly Role[]> = {
  committee: ['committee_admin', 'committee_member'],
  state_agency: ['agency_coordinator', 'agency_member'],
  provider: ['provider_member'],
};

/** GET /users/:id: a user with their organisation. */
export type User = UserView;

export const userKeys = { all: ['users'] as const };

/** GET /users. */
export type UserListParams = QueryOf<typeof listUsersSchema>;

export const userListQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: [...userKeys.all, 'list', params],
    queryFn: ({ signal }) => api.get<Paginated<User>>('/users', { query: { ...params }, signal }),
  });

/** A new user as POST /users takes it. */
export type UserInput = z.input<typeof createUserSchema>;

export const createUser = (input: UserInput) => api.post<User>('/users', input);

type UserChanges = z.input<typeof updateUserSchema>;

export const setUserActive = (user: User, active: boolean) =>
  api.patch<User>(`/users/${user.id}`, { active, version: user.version } satisfies UserChanges);

/** A new password; `activate` also lets a deactivated account (e.g. an imported one) sign in again. */
export const setUserPassword = (user: User, password: string, activate: boolean) =>
  api.patch<User>(`/users/${user.id}`, {
    password,
    ...(activate ? { active: true } : {}),
    version: user.version,
  } satisfies UserChanges);
