import type { EntityManager } from 'typeorm';
import { assertTransition, assertVersion } from '@app/common';
import type { CatalogEvent } from '@app/contracts';
import { decideTransition, SYSTEM_ROLE, type ActorRole, type TransitionDecision, type TransitionTable } from '@app/domain';
import type { Tx } from './unit-of-work';

/** A record with a workflow: the columns the executor reads and writes besides those its lifecycle names. */
export interface WorkflowRecord<S extends string> {
  id: string;
  status: S;
  version: number;
}

/** A decided step: the action the table knows, where it leads, and when it is taken (the time milestones get). */
export interface WorkflowStep<S extends string, A extends string> {
  readonly action: A;
  readonly from: S;
  readonly to: S;
  readonly at: Date;
}

/** A step taken, with the record as it now is. */
export type TakenStep<R, S extends string, A extends string> = WorkflowStep<S, A> & { readonly record: R };

/**
 * What a kind of record declares to get a workflow: its transition table (libs/domain), the milestone times its
 * steps stamp, and the catalogued event each step announces. `C` is what the event needs beyond the record.
 */
export interface Lifecycle<R extends WorkflowRecord<S>, S extends string, A extends string, C = undefined> {
  /** The history and outbox subject type, and how refusals name the record ("Cannot close a request …"). */
  readonly subject: 'request' | 'offer' | 'match';
  readonly table: TransitionTable<S, A>;
  stamp(row: R, step: WorkflowStep<S, A>): void;
  event(row: R, step: WorkflowStep<S, A>, context: C | undefined): CatalogEvent;
}

export interface StepRequest<R, S extends string, A extends string, C> {
  /** As it arrived: a person's action may be unknown, and is refused then. */
  action: string;
  role: ActorRole;
  /** Checked by the table and written to the history entry. */
  reason?: string | null;
  comment?: string | null;
  /** The version the person saw; a stale one is refused (409). */
  version?: number;
  /** A refusal the caller can explain better than the table (a retired suggestion says why). */
  explainRefusal?(decision: Extract<TransitionDecision<S, A>, { ok: false }>): void;
  /** The caller's checks and changes that ride with the step, after the decision and before the status moves. */
  prepare?(row: R, step: WorkflowStep<S, A>): void | Promise<void>;
  /** History details of the step, read once `prepare` has run. */
  details?(row: R, step: WorkflowStep<S, A>): Record<string, unknown> | null;
  /** What the lifecycle's event needs beyond the record. */
  context?: C;
}

/** The system's step: its role is the system's, and it has nothing to explain (a refusal means it no longer applies). */
export type SystemStepRequest<R, S extends string, A extends string, C> = Omit<StepRequest<R, S, A, C>, 'role' | 'version' | 'explainRefusal'> & {
  action: A;
};

/** The record to move: already locked by the caller, or locked here. */
export type StepTarget<R> = R | { lock(manager: EntityManager): Promise<R> };

/**
 * Every state change of a request, an offer or a match, a person's or the system's, goes through here inside
 * the caller's unit of work: lock → decide (the table) → check the version → the caller's checks and changes →
 * stamp the milestones → save → history entry → catalogued outbox event. Consequences (suggestions retired, the
 * request following its matches) are the caller's next writes in the same transaction.
 *
 * A person's step: a refusal throws the API's error (DESIGN §5: 400 unknown, 403 role, 409 status).
 */
export async function executeTransition<R extends WorkflowRecord<S>, S extends string, A extends string, C>(
  tx: Tx,
  lifecycle: Lifecycle<R, S, A, C>,
  target: StepTarget<R>,
  request: StepRequest<R, S, A, C>,
): Promise<TakenStep<R, S, A>> {
  const row = 'lock' in target ? await target.lock(tx.manager) : target;
  const step = await take(tx, lifecycle, row, request);
  if (!step) throw new Error(`A refused ${lifecycle.subject} step was not reported`);
  return step;
}

/**
 * The system's step (an offer exhausted or expired, a match cancelled with its request, a suggestion retired):
 * null when it no longer applies, because the record changed meanwhile or is gone (a lock that finds nothing).
 */
export async function executeSystemStep<R extends WorkflowRecord<S>, S extends string, A extends string, C>(
  tx: Tx,
  lifecycle: Lifecycle<R, S, A, C>,
  target: R | { lock(manager: EntityManager): Promise<R | null> },
  request: SystemStepRequest<R, S, A, C>,
): Promise<TakenStep<R, S, A> | null> {
  const row = 'lock' in target ? await target.lock(tx.manager) : target;
  return row && take(tx, lifecycle, row, { ...request, role: SYSTEM_ROLE }, 'skip');
}

async function take<R extends WorkflowRecord<S>, S extends string, A extends string, C>(
  tx: Tx,
  lifecycle: Lifecycle<R, S, A, C>,
  row: R,
  request: StepRequest<R, S, A, C>,
  ifRefused: 'throw' | 'skip' = 'throw',
): Promise<TakenStep<R, S, A> | null> {
  const decision = decideTransition(lifecycle.table, {
    status: row.status,
    action: request.action,
    role: request.role,
    reason: request.reason,
    comment: request.comment,
  });
  if (!decision.ok) {
    if (ifRefused === 'skip') return null;
    request.explainRefusal?.(decision);
  }
  assertTransition(decision, lifecycle.subject, request.action, row.status);
  assertVersion(request.version, row.version, lifecycle.subject);

  const step: WorkflowStep<S, A> = { action: decision.action, from: row.status, to: decision.to, at: tx.now };
  await request.prepare?.(row, step);
  const record: WorkflowRecord<S> = row;
  record.status = step.to;
  lifecycle.stamp(row, step);
  await tx.manager.save(row);
  await tx.audit({
    subjectType: lifecycle.subject,
    subjectId: row.id,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    comment: request.comment ?? null,
    reason: request.reason ?? null,
    details: request.details?.(row, step) ?? null,
    // A consequence the system draws within a person's transaction is the system's, not theirs.
    bySystem: request.role === SYSTEM_ROLE,
  });
  await tx.emit({ ...lifecycle.event(row, step, request.context), subjectType: lifecycle.subject, subjectId: row.id });
  return { ...step, record: row };
}
