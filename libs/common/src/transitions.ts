import { TransitionDecision } from '@app/domain';
import { localizedError, localizedIssue, subjectKey } from './domain-error';

/** Turns a refused workflow decision into the error the API answers with (DESIGN §5: 409 status, 403 role). */
export function assertTransition<S extends string, A extends string>(
  decision: TransitionDecision<S, A>,
  subject: string,
  action: string,
  status: string,
): asserts decision is Extract<TransitionDecision<S, A>, { ok: true }> {
  if (decision.ok) return;
  switch (decision.reason) {
    case 'unknown_action':
      throw localizedError('invalid', 'errors.workflow.unknownAction', { action }, [localizedIssue('action', 'errors.workflow.notAKnownAction')], { subject: subjectKey(subject) });
    case 'forbidden':
      throw localizedError('forbidden', 'errors.workflow.roleMayNot', { action: action.replace(/_/g, ' ') }, undefined, { subject: subjectKey(subject) });
    case 'invalid_status':
      throw localizedError(
        'conflict',
        decision.allowedFrom?.length ? 'errors.workflow.invalidStatusFrom' : 'errors.workflow.invalidStatus',
        { action: action.replace(/_/g, ' '), status: status.replace(/_/g, ' '), allowed: decision.allowedFrom?.join(', ') ?? '' },
        { status, allowedFrom: decision.allowedFrom },
        { subject: subjectKey(subject) },
      );
    case 'reason_required':
      throw localizedError('invalid', 'errors.workflow.reasonRequired', {}, [localizedIssue('reason', 'validation.required')]);
    case 'invalid_reason':
      throw localizedError('invalid', 'errors.workflow.reasonOneOf', { values: decision.allowedReasons?.join(', ') ?? '' }, [
        localizedIssue('reason', 'validation.oneOf', { values: decision.allowedReasons?.join(', ') ?? '' }),
      ]);
    case 'comment_required':
      throw localizedError('invalid', 'errors.workflow.commentRequired', {}, [localizedIssue('comment', 'validation.required')]);
  }
}

/** Optimistic concurrency: a stale version answers 409 and changes nothing. */
export function assertVersion(expected: number | undefined, actual: number, subject: string): void {
  if (expected !== undefined && expected !== actual) {
    throw localizedError('conflict', 'errors.workflow.stale', { version: actual }, { currentVersion: actual }, { subject: subjectKey(subject) });
  }
}
