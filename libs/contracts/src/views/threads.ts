import { z } from 'zod';
import { pageOf, timestamp, uuid } from './common';

export const THREAD_TYPES = ['request', 'match'] as const;
export const THREAD_SIDES = ['committee', 'state', 'provider'] as const;
export const THREAD_MESSAGE_KINDS = [
  'message',
  'clarification_question',
  'clarification_answer',
  'resubmission',
] as const;

/** One message of a request's or a match's thread (DESIGN §4b). */
export const threadMessageViewSchema = z.object({
  id: uuid,
  threadType: z.enum(THREAD_TYPES),
  threadId: uuid,
  kind: z.enum(THREAD_MESSAGE_KINDS),
  body: z.string(),
  /** Which side wrote: the Committee, the requesting State, or the match's provider. */
  side: z.enum(THREAD_SIDES),
  author: z.object({ id: uuid, displayName: z.string(), organization: z.string() }),
  /** An attached document of the same request or match (GET /documents/:id for its metadata). */
  documentId: uuid.nullable(),
  createdAt: timestamp,
  /** Whether the caller had not read it before this answer (their own messages never are). */
  unread: z.boolean(),
});
export type ThreadMessageView = z.infer<typeof threadMessageViewSchema>;

/** GET …/messages: newest first, with how many were unread before the call marked them read. */
export const threadPageSchema = pageOf(threadMessageViewSchema).extend({
  unread: z.number().int(),
  /** Whether the caller may write in this thread. */
  canPost: z.boolean(),
});

/** A thread with messages the caller has not read. */
export const unreadThreadSchema = z.object({
  threadType: z.enum(THREAD_TYPES),
  threadId: uuid,
  requestId: uuid,
  reference: z.string(),
  title: z.string(),
  unread: z.number().int(),
  lastMessageAt: timestamp,
});

/** GET /threads/unread: the home page's counts. */
export const unreadThreadsSchema = z.object({
  total: z.number().int(),
  threads: z.array(unreadThreadSchema),
});
export type UnreadThreads = z.infer<typeof unreadThreadsSchema>;
