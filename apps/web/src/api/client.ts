// Typed fetch wrapper for the REST API under /api/v1 (DESIGN §9). The session lives in an httpOnly cookie set by
// the server, so every call sends same-origin credentials and no token is ever handled here.
import type { z } from 'zod';

export const API_BASE = '/api/v1';

export interface ApiFieldError {
  field: string;
  message: string;
}

/** The server's error shape: `{ statusCode, error, message, details? }`. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** A list page: `?page=&pageSize=` → `{ items, total, page, pageSize }`. */
export interface Paginated<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A long list's total counted only so far (requests, matches): there are more than `total`. */
  totalIsLowerBound?: boolean;
}

/** Status 0 means the request never got an HTTP answer (network down, server unreachable). */
export const NETWORK_ERROR_STATUS = 0;

export class ApiError extends Error implements ApiErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly details?: unknown;
  /** From a `Retry-After` header in seconds (sent with 429, 503 and a 409 for a create still running). */
  readonly retryAfterSeconds?: number;

  constructor(body: ApiErrorBody, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field-level validation messages, when `details` is an array of `{ field, message }`. */
  get fieldErrors(): ApiFieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(isFieldError);
  }

  get isNetworkError(): boolean {
    return this.statusCode === NETWORK_ERROR_STATUS;
  }
}

function isFieldError(value: unknown): value is ApiFieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiFieldError).field === 'string' &&
    typeof (value as ApiFieldError).message === 'string'
  );
}

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {
  if (window.location.pathname !== '/sign-in') window.location.assign('/sign-in');
};

/** The app replaces the default full-page redirect with a router navigation that keeps the current page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * A query value as the client writes it: text, as the address bar gives a filter (the API refuses a wrong one with
 * 400), or the number or boolean a page number or flag stands for.
 */
type AsQueryValue<T> = unknown extends T
  ? number | string
  : T extends 'true' | 'false'
    ? string | boolean
    : T extends string
      ? string
      : T;

/**
 * The query a route takes: its parameters are the ones of the route's schema in the contract (`z.input`), so a
 * parameter the API does not know fails to compile; each value as `AsQueryValue` (`page: 2`, `ready: true`).
 */
export type QueryOf<S extends z.ZodType> = { [K in keyof z.input<S>]: AsQueryValue<z.input<S>[K]> };

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Off for calls where 401 is an expected answer (login, "who am I"), not an expired session. */
  redirectOnUnauthorized?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, String(item)));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

/** A fresh Idempotency-Key: crypto.randomUUID where the page is a secure context, random bytes otherwise. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// A create is retried automatically when no answer came (network) or the server said to try again (503, or 409
// while the first attempt with the key is still running); it is safe because the retry sends the same key.
const AUTOMATIC_RETRIES = 2;
const MAX_RETRY_WAIT_MS = 5000;

function shouldRetry(error: ApiError): boolean {
  return error.isNetworkError || error.statusCode === 503 || (error.statusCode === 409 && error.retryAfterSeconds !== undefined);
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  // The interface language: the API words its messages in it when no one is signed in (else the user's preference).
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': interfaceLanguage() };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  // One key per call (a user's new attempt is a new call); the automatic retries below reuse it.
  if (method === 'POST') headers['Idempotency-Key'] = newIdempotencyKey();
  const retries = method === 'POST' || method === 'GET' ? AUTOMATIC_RETRIES : 0;

  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce<T>(method, path, headers, options);
    } catch (error) {
      if (!(error instanceof ApiError) || attempt >= retries || !shouldRetry(error)) throw error;
      const waitMs = Math.min((error.retryAfterSeconds ?? 1) * 1000, MAX_RETRY_WAIT_MS);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (options.signal?.aborted) throw error;
    }
  }
}

async function sendOnce<T>(method: string, path: string, headers: Record<string, string>, options: RequestOptions): Promise<T> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      statusCode: NETWORK_ERROR_STATUS,
      error: 'Network Error',
      message: cause instanceof Error ? cause.message : 'Network request failed',
    });
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401 && options.redirectOnUnauthorized !== false) onUnauthorized();
    throw error;
  }

  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : undefined;
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  const body = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<Record<string, unknown>>;
  // Nest's own errors (e.g. from a pipe) may carry `message` as an array of strings.
  const message = Array.isArray(body.message)
    ? body.message.map(String).join('; ')
    : typeof body.message === 'string'
      ? body.message
      : response.statusText || `HTTP ${response.status}`;
  return new ApiError(
    {
      statusCode: typeof body.statusCode === 'number' ? body.statusCode : response.status,
      error: typeof body.error === 'string' ? body.error : response.statusText,
      message,
      details: body.details,
    },
    retryAfterSeconds,
  );
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** The language the interface shows (i18n/index.ts keeps `<html lang>` on it), for the API's messages. */
function interfaceLanguage(): string {
  return (typeof document !== 'undefined' && document.documentElement.lang) || 'en';
}
