import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

// A 4xx answer will not change on retry; network failures and 5xx get two more tries.
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.statusCode >= 400 && error.statusCode < 500) return false;
  return failureCount < 2;
}

/**
 * The one cache of API answers. Only the frames and pages that read the API import it, not the entry: the sign-in page
 * and the entry load without TanStack Query (docs/performance.md), and each frame mounts it with
 * `QueryClientProvider`.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
