import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { Role, UserView } from '@app/contracts';
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

export interface UserListParams {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  organizationId?: string;
  active?: string;
}

export const userListQuery = (params: UserListParams) =>
  queryOptions({
    queryKey: [...userKeys.all, 'list', params],
    queryFn: ({ signal }) => api.get<Paginated<User>>('/users', { query: { ...params }, signal }),
  });

export interface UserInput {
  email: string;
  displayName: string;
  role: Role;
  organizationId: string;
  password: string;
}

export const createUser = (input: UserInput) => api.post<User>('/users', input);

export const setUserActive = (user: User, active: boolean) =>
  api.patch<User>(`/users/${user.id}`, { active, version: user.version });

/** A new password; `activate` also lets a deactivated account (e.g. an imported one) sign in again. */
export const setUserPassword = (user: User, password: string, activate: boolean) =>
  api.patch<User>(`/users/${user.id}`, { password, ...(activate ? { active: true } : {}), version: user.version });
