import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LoginResultView, loginSchema, MeView } from '@app/contracts';
import { ApiError, api } from './client';

export type { OrganizationKind, Role } from '@app/contracts';

/** The signed-in person (GET /auth/me). */
export type CurrentUser = MeView;

/** What a person types to sign in (POST /auth/login); the client adds the interface language. */
export type Credentials = Omit<z.input<typeof loginSchema>, 'language'>;

export type LoginResponse = LoginResultView;

/** `language`: the interface language now, which a first sign-in keeps as the person's preference. */
export function login(credentials: Credentials, language?: string): Promise<LoginResponse> {
  return api.post<LoginResponse>('/auth/login', { ...credentials, ...(language ? { language } : {}) }, { redirectOnUnauthorized: false });
}

/** Saves the signed-in person's preferred language (interface, e-mails and the API's messages). */
export function savePreferredLanguage(preferredLanguage: string): Promise<CurrentUser> {
  return api.patch<CurrentUser>('/auth/me', { preferredLanguage });
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
