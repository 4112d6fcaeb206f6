import { queryOptions } from '@tanstack/react-query';
import { ApiError, api } from './client';

export type Role = 'committee_admin' | 'committee_member' | 'agency_coordinator' | 'agency_member' | 'provider_member';

export type OrganizationKind = 'committee' | 'state_agency' | 'provider';

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organization: {
    id: string;
    name: string;
    shortName: string;
    kind: OrganizationKind;
    /** ISO 3166-1 alpha-3; null for the Committee and international providers. */
    state: string | null;
  };
}

export interface Credentials {
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: unknown;
}

export function login(credentials: Credentials): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', credentials, { redirectOnUnauthorized: false });
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout', undefined, { redirectOnUnauthorized: false });
}

/** The signed-in user, or null when there is no valid session. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me', { signal, redirectOnUnauthorized: false });
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) return null;
    throw error;
  }
}

export const currentUserQueryKey = ['auth', 'me'] as const;

export const currentUserQuery = queryOptions({
  queryKey: currentUserQueryKey,
  queryFn: ({ signal }) => fetchCurrentUser(signal),
  staleTime: 5 * 60_000,
});
