import { objectionWindowCloses, type CloseReason, type RequestStatus } from '@app/domain';
import { chance, int, pick, weighted, type Prng } from '../random';
import type { SyntheticActor, SyntheticStep } from './records';

// Timelines: the steps that lead a request or an offer to its status, placed in time so that they end before now.

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * DAY_MS;
const WORLD_BEGINS = Date.UTC(2019, 0, 1);

/** A step while its timeline is drawn: times in milliseconds, moved about by placeInTime. */
export interface TimedStep {
  action: string;
  from: string | null;
  to: string | null;
  at: number;
  actor: SyntheticActor;
  comment?: string | null;
  reason?: string | null;
}

function isWeekend(time: number): boolean {
  const day = new Date(time).getUTCDay();
  return day === 0 || day === 6;
}

/** Committee work happens on working days: a weekend time moves to the Monday, same time of day. */
export function onWorkingDay(time: number): number {
  let t = time;
  while (isWeekend(t)) t += DAY_MS;
  return t;
}

/**
 * Moves a timeline by whole weeks (weekdays, and so objection windows, are unchanged) so that it ends before
 * `now`: `recent` ones end within the last few weeks, the others start anywhere from 2019 on, recent years more often.
 */
export function placeInTime(rng: Prng, steps: TimedStep[], now: number, recent: boolean): void {
  const first = steps[0].at;
  const last = steps[steps.length - 1].at;
  let weeks: number;
  if (recent) {
    weeks = Math.floor((now - last) / WEEK_MS) - int(rng, 0, 2);
  } else {
    const latest = Math.floor((now - last) / WEEK_MS);
    const earliest = Math.ceil((WORLD_BEGINS - first) / WEEK_MS);
    weeks = latest <= earliest ? latest : latest - Math.floor(Math.pow(rng(), 1.25) * (latest - earliest));
  }
  for (const step of steps) step.at += weeks * WEEK_MS;
}

export const REQUEST_STATUS_WEIGHTS: Record<RequestStatus, number> = {
  draft: 5,
  submitted: 4,
  clarification_requested: 2,
  acknowledged: 4,
  circulated: 40,
  matched: 11,
  in_delivery: 10,
  delivered: 9,
  closed: 11,
  withdrawn: 4,
};

export const REQUEST_RECENT: ReadonlySet<RequestStatus> = new Set([
  'draft',
  'submitted',
  'clarification_requested',
  'acknowledged',
]);

export interface RequestActors {
  author: SyntheticActor;
  coordinator: SyntheticActor;
}

/** The steps that lead to `target`, with times measured from an arbitrary Monday; placeInTime moves them. */
export function requestTimeline(
  rng: Prng,
  target: RequestStatus,
  waived: boolean,
  actors: RequestActors,
): { steps: TimedStep[]; closeReason: CloseReason | null } {
  const origin = Date.UTC(2019, 0, 7) + int(rng, 0, 4) * DAY_MS + int(rng, 1, 12) * HOUR_MS + int(rng, 0, 59) * 60_000;
  const steps: TimedStep[] = [{ action: 'create', from: null, to: 'draft', at: origin, actor: actors.author }];
  let status: string = 'draft';
  let at = origin;
  let closeReason: CloseReason | null = null;
  const take = (
    action: string,
    to: string | null,
    gapDays: [number, number],
    actor: SyntheticActor,
    extra: Partial<TimedStep> = {},
  ) => {
    // Never two steps at the same instant, so the history has one order.
    at += int(rng, gapDays[0], gapDays[1]) * DAY_MS + int(rng, 0, 8) * HOUR_MS + int(rng, 5, 59) * 60_000;
    if (actor === 'committee') at = onWorkingDay(at);
    steps.push({ action, from: to === null ? null : status, to, at, actor, ...extra });
    if (to !== null) status = to;
  };
  const done = () => ({ steps, closeReason });

  // Where a withdrawal happens, if the target is `withdrawn`.
  const withdrawFrom =
    target === 'withdrawn'
      ? weighted<'draft' | 'submitted' | 'acknowledged' | 'circulated' | 'matched'>(rng, {
          draft: 2,
          submitted: 1,
          acknowledged: 1,
          circulated: 5,
          matched: 1,
        })
      : null;
  const withdraw = () => {
    take('withdraw', 'withdrawn', [5, 200], actors.coordinator, {
      comment: pick(rng, ['No longer needed.', 'Covered by bilateral assistance.', 'Superseded by a new request.']),
    });
    return done();
  };

  if (chance(rng, 0.3)) take('update', null, [0, 10], actors.author);
  if (target === 'draft') return done();
  if (withdrawFrom === 'draft') return withdraw();

  take('submit', 'submitted', [1, 30], actors.coordinator);
  // Some requests go back for clarification before they are acknowledged.
  if (target === 'clarification_requested' || chance(rng, 0.08)) {
    take('request_clarification', 'clarification_requested', [1, 10], 'committee', {
      comment: 'Please describe what exists already and give a cost estimate.',
    });
    if (target === 'clarification_requested') return done();
    take('update', null, [3, 40], actors.author);
    take('submit', 'submitted', [0, 3], actors.coordinator);
  }
  if (target === 'submitted') return done();
  if (withdrawFrom === 'submitted') return withdraw();

  take('acknowledge', 'acknowledged', [1, 10], 'committee');
  if (target === 'acknowledged') return done();
  if (withdrawFrom === 'acknowledged') return withdraw();

  const acknowledgedAt = at;
  take('circulate', 'circulated', waived ? [0, 1] : [0, 6], 'committee');
  if (!waived) {
    const closes = objectionWindowCloses(new Date(acknowledgedAt)).getTime();
    const circulation = steps[steps.length - 1];
    if (circulation.at < closes) circulation.at = onWorkingDay(closes + int(rng, 1, 30) * HOUR_MS);
    at = circulation.at;
  }
  if (target === 'circulated') return done();
  if (withdrawFrom === 'circulated') return withdraw();
  if (target === 'closed' && chance(rng, 0.35)) {
    closeReason = chance(rng, 0.6) ? 'no_offer' : 'superseded';
    take('close', 'closed', [180, 900], 'committee', { reason: closeReason });
    return done();
  }

  take('match_agreed', 'matched', [14, 500], 'system');
  if (target === 'matched') return done();
  if (withdrawFrom === 'matched') return withdraw();
  if (target === 'closed' && chance(rng, 0.1)) {
    closeReason = 'superseded';
    take('close', 'closed', [30, 300], 'committee', { reason: closeReason });
    return done();
  }

  take('start_delivery', 'in_delivery', [14, 120], 'system');
  if (target === 'in_delivery') return done();
  take('mark_delivered', 'delivered', [30, 400], 'system');
  if (target === 'delivered') return done();

  closeReason = chance(rng, 0.75) ? 'fulfilled' : 'partially_fulfilled';
  take('close', 'closed', [300, 480], 'committee', {
    reason: closeReason,
    comment: 'Follow-up feedback received.',
  });
  return done();
}

/** The steps as records: times as dates, absent comments and reasons as null. */
export function recordSteps(steps: readonly TimedStep[]): SyntheticStep[] {
  return steps.map((s) => ({
    action: s.action,
    from: s.from,
    to: s.to,
    at: new Date(s.at),
    actor: s.actor,
    comment: s.comment ?? null,
    reason: s.reason ?? null,
  }));
}
