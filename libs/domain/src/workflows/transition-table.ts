import type { ActorRole } from '../roles';

/** What a caller asks of a workflow. `action` is a plain string: it arrives from outside and may be unknown. */
export interface TransitionRequest<S extends string, C = unknown> {
  readonly status: S;
  readonly action: string;
  readonly role: ActorRole;
  readonly reason?: string | null;
  readonly comment?: string | null;
  /** Whatever a computed target needs to know beyond the subject's status. */
  readonly context?: C;
}

export interface TransitionRow<S extends string, A extends string, C = unknown> {
  readonly action: A;
  readonly from: readonly S[];
  readonly roles: readonly ActorRole[];
  readonly to: S | ((request: TransitionRequest<S, C>) => S);
  /** `true`: any non-blank text; a list: one of these codes. */
  readonly requiresReason?: true | readonly string[];
  readonly requiresComment?: true;
}

/** DESIGN §5: the one place that says which (status, action, role) leads to which status. */
export interface TransitionTable<S extends string, A extends string, C = unknown> {
  readonly statuses: readonly S[];
  readonly actions: readonly A[];
  readonly rows: readonly TransitionRow<S, A, C>[];
}

export type TransitionRefusal =
  'unknown_action' | 'forbidden' | 'invalid_status' | 'reason_required' | 'invalid_reason' | 'comment_required';

export type TransitionDecision<S extends string, A extends string = string> =
  // The action, once the table knows it, comes back typed: callers act on it without casting the input.
  | { readonly ok: true; readonly to: S; readonly action: A }
  | {
      readonly ok: false;
      readonly reason: TransitionRefusal;
      /** invalid_status: the statuses from which this role may take the action. */
      readonly allowedFrom?: readonly S[];
      /** invalid_reason: the reason codes the action accepts. */
      readonly allowedReasons?: readonly string[];
    };

export const TRANSITION_REFUSAL_HTTP_STATUS: Readonly<Record<TransitionRefusal, number>> = {
  unknown_action: 400,
  forbidden: 403,
  invalid_status: 409,
  reason_required: 400,
  invalid_reason: 400,
  comment_required: 400,
};

/**
 * Decides a transition without side effects. Checks run from the coarsest to the finest, so a caller learns
 * first that the action does not exist, then that their role may never take it (403), then that it is not
 * allowed from the current status (409), and only then that a reason or comment is missing (400).
 * Organisation scope (own State, own offer) is the caller's business, not the table's.
 */
export function decideTransition<S extends string, A extends string, C>(
  table: TransitionTable<S, A, C>,
  request: TransitionRequest<S, C>,
): TransitionDecision<S, A> {
  const rows = table.rows.filter((row) => row.action === request.action);
  if (rows.length === 0) return { ok: false, reason: 'unknown_action' };

  const rowsForRole = rows.filter((row) => row.roles.includes(request.role));
  if (rowsForRole.length === 0) return { ok: false, reason: 'forbidden' };

  const row = rowsForRole.find((candidate) => candidate.from.includes(request.status));
  if (!row) {
    const allowedFrom = table.statuses.filter((status) => rowsForRole.some((r) => r.from.includes(status)));
    return { ok: false, reason: 'invalid_status', allowedFrom };
  }

  const reason = request.reason?.trim() ?? '';
  if (row.requiresReason && !reason) return { ok: false, reason: 'reason_required' };
  if (typeof row.requiresReason === 'object' && !row.requiresReason.includes(reason)) {
    return { ok: false, reason: 'invalid_reason', allowedReasons: row.requiresReason };
  }
  if (row.requiresComment && !request.comment?.trim()) return { ok: false, reason: 'comment_required' };

  return { ok: true, to: typeof row.to === 'function' ? row.to(request) : row.to, action: row.action };
}

/** The actions a role may take from a status, in the table's order: what the UI offers as buttons. */
export function availableActions<S extends string, A extends string, C>(
  table: TransitionTable<S, A, C>,
  status: S,
  role: ActorRole,
): readonly A[] {
  return table.actions.filter((action) =>
    table.rows.some((row) => row.action === action && row.roles.includes(role) && row.from.includes(status)),
  );
}
