import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { listMessagesSchema, postThreadMessageSchema, ThreadMessageView, UnreadThreads } from '@app/contracts';
import { api, type Paginated, type QueryOf } from './client';

export type ThreadMessage = ThreadMessageView;
export type ThreadType = ThreadMessage['threadType'];
export type ThreadPage = Paginated<ThreadMessage> & { unread: number; canPost: boolean };
export type { UnreadThreads };

const base = (type: ThreadType, id: string) => `/${type === 'request' ? 'requests' : 'matches'}/${id}/messages`;

export const threadKeys = {
  all: ['threads'] as const,
  thread: (type: ThreadType, id: string) => ['threads', type, id] as const,
  unread: ['threads', 'unread'] as const,
};

/** The thread, newest first; reading it marks it read for the caller. */
export const threadQuery = (type: ThreadType, id: string, pageSize = 50) =>
  queryOptions({
    queryKey: threadKeys.thread(type, id),
    queryFn: ({ signal }) => api.get<ThreadPage>(base(type, id), { query: { page: 1, pageSize } satisfies QueryOf<typeof listMessagesSchema>, signal }),
  });

export const unreadThreadsQuery = queryOptions({
  queryKey: threadKeys.unread,
  queryFn: ({ signal }) => api.get<UnreadThreads>('/threads/unread', { signal }),
});

/** A message, with a document of the same request or match (uploaded first) when `documentId` is given. */
export function postMessage(type: ThreadType, id: string, body: string, documentId?: string) {
  const input: z.input<typeof postThreadMessageSchema> = documentId ? { body, documentId } : { body };
  return api.post<ThreadMessage>(base(type, id), input);
}
