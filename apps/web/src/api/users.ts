import { queryOptions } from '@tanstack/react-query';
import { api, type Paginated } from './client';
import type { Role } from './auth';
import type { Organization } from './organizations';

export const ROLES: readonly Role[] = ['committee_admin', 'committee_member', 'agency_coordinator', 'agency_member', 'provider_member'];

/** Which roles an organisation of each kind may hold (the API refuses the rest). */
export const ROLES_BY_KIND: Record<Organization['kind'], readonly Role[]> = {
  committee: ['committee_admin', 'committee_member'],
  state_agency: ['agency_coordinator', 'agency_member'],
  provider: ['provider_member'],
};

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organization: Organization;
  active: boolean;
  lastLoginAt: string | null;
  version: number;
}

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
