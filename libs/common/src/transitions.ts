import { TransitionDecision } from '@app/domain';
import { DomainError } from './domain-error';

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
      throw new DomainError('invalid', `action: "${action}" is not an action on a ${subject}`, [
        { field: 'action', message: 'is not a known action' },
      ]);
    case 'forbidden':
      throw new DomainError('forbidden', `Your role may not ${action.replace(/_/g, ' ')} a ${subject}`);
    case 'invalid_status':
      throw new DomainError(
        'conflict',
        `Cannot ${action.replace(/_/g, ' ')} a ${subject} that is ${status.replace(/_/g, ' ')}` +
          (decision.allowedFrom?.length ? ` (allowed from: ${decision.allowedFrom.join(', ')})` : ''),
        { status, allowedFrom: decision.allowedFrom },
      );
    case 'reason_required':
      throw new DomainError('invalid', 'reason: is required for this action', [{ field: 'reason', message: 'is required' }]);
    case 'invalid_reason':
      throw new DomainError('invalid', `reason: must be one of ${decision.allowedReasons?.join(', ')}`, [
        { field: 'reason', message: `must be one of ${decision.allowedReasons?.join(', ')}` },
      ]);
    case 'comment_required':
      throw new DomainError('invalid', 'comment: is required for this action', [{ field: 'comment', message: 'is required' }]);
  }
}

/** Optimistic concurrency: a stale version answers 409 and changes nothing. */
export function assertVersion(expected: number | undefined, actual: number, subject: string): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError('conflict', `The ${subject} was changed by someone else (now version ${actual}); reload and try again`, {
      currentVersion: actual,
    });
  }
}
