import type { ThreadMessageKind, ThreadSide, ThreadType } from '@app/database';
import { ThreadMessageEntity } from '@app/database';
import { isAgency, isCommittee, type RequestAction, type Role } from '@app/domain';
import type { Tx } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';

/** The side of a thread a person writes for (DESIGN §4b). */
export function sideOf(role: Role): ThreadSide {
  return isCommittee(role) ? 'committee' : isAgency(role) ? 'state' : 'provider';
}

/** Writes one message into a thread, in the caller's transaction. */
export async function writeThreadMessage(
  tx: Tx,
  user: AuthUser,
  thread: { type: ThreadType; id: string },
  message: { kind: ThreadMessageKind; body: string; documentId?: string | null },
): Promise<ThreadMessageEntity> {
  const row = await tx.manager.save(
    tx.manager.create(ThreadMessageEntity, {
      threadType: thread.type,
      threadId: thread.id,
      authorId: user.id,
      authorRole: user.role,
      authorOrganizationId: user.organization.id,
      authorSide: sideOf(user.role),
      kind: message.kind,
      body: message.body,
      documentId: message.documentId ?? null,
    }),
  );
  await tx.audit({
    subjectType: 'message',
    subjectId: row.id,
    action: 'message_posted',
    details: { threadType: thread.type, threadId: thread.id, kind: message.kind },
  });
  return row;
}

/**
 * DESIGN §5: the Committee's question goes into the request's thread, and the resubmission after it says so.
 * The transition's own event tells the other side, so these messages announce nothing more.
 */
export async function recordWorkflowMessage(
  tx: Tx,
  user: AuthUser,
  step: { action: RequestAction; from: string; record: { id: string } },
  comment: string | null,
): Promise<void> {
  const thread = { type: 'request' as const, id: step.record.id };
  if (step.action === 'request_clarification') {
    await writeThreadMessage(tx, user, thread, { kind: 'clarification_question', body: comment ?? '' });
  } else if (step.action === 'submit' && step.from === 'clarification_requested') {
    await writeThreadMessage(tx, user, thread, { kind: 'resubmission', body: comment ?? '' });
  }
}
