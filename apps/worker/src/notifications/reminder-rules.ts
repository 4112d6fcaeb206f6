import { followUpDue, objectionWindowCloses, OFFER_RUNNING_STATUSES, REQUEST_FOLLOW_UP_STATUSES } from '@app/domain';
import type { EventPayload } from '@app/contracts';
import type { ReminderKind } from '@app/database';

/** Reminders fall due on these (DESIGN §7). */
export const MATCH_ANSWER_DAYS = 14;
export const OFFER_EXPIRY_NOTICE_DAYS = 14;
/** A follow-up more than this late is no longer sent (a worker down for months, or old imported data). */
export const FOLLOW_UP_GRACE_DAYS = 90;

const DAY_MS = 86_400_000;

export interface Due<K extends ReminderKind> {
  kind: K;
  /** Names the occasion: a new acknowledgement, endorsement, end date or delivery is a new reminder. */
  subjectKey: string;
  subjectType: 'request' | 'match' | 'offer' | 'engagement_follow_up';
  subjectId: string;
  /** The catalogued `reminder.<kind>` event it sends (libs/contracts events.ts). */
  event: { type: `reminder.${K}`; payload: EventPayload<`reminder.${K}`> };
}

export type DueReminder = { [K in ReminderKind]: Due<K> }[ReminderKind];

/** An acknowledged request whose State did not waive its objection window, once the window has closed. */
export function objectionWindowReminder(
  r: { id: string; status: string; acknowledgedAt: Date | null; objectionWindowWaived: boolean },
  now: Date,
): Due<'objection_window_over'> | null {
  if (r.status !== 'acknowledged' || !r.acknowledgedAt || r.objectionWindowWaived) return null;
  const closesAt = objectionWindowCloses(r.acknowledgedAt);
  if (closesAt.getTime() > now.getTime()) return null;
  const subjectKey = `${r.id}@${r.acknowledgedAt.toISOString()}`;
  return {
    kind: 'objection_window_over',
    subjectKey,
    subjectType: 'request',
    subjectId: r.id,
    event: { type: 'reminder.objection_window_over', payload: { closesAt: closesAt.toISOString(), subjectKey } },
  };
}

/** A match endorsed at least 14 days ago that the provider has neither accepted nor declined. */
export function unansweredMatchReminder(m: { id: string; status: string; endorsedAt: Date | null }, now: Date): Due<'match_unanswered'> | null {
  if (m.status !== 'endorsed' || !m.endorsedAt) return null;
  if (now.getTime() - m.endorsedAt.getTime() < MATCH_ANSWER_DAYS * DAY_MS) return null;
  const subjectKey = `${m.id}@${m.endorsedAt.toISOString()}`;
  return {
    kind: 'match_unanswered',
    subjectKey,
    subjectType: 'match',
    subjectId: m.id,
    event: { type: 'reminder.match_unanswered', payload: { endorsedAt: m.endorsedAt.toISOString(), subjectKey } },
  };
}

/** An active or paused offer whose last available day is within 14 days (today counts). */
export function expiringOfferReminder(o: { id: string; status: string; availableUntil: string | null }, now: Date): Due<'offer_expiring'> | null {
  if (!OFFER_RUNNING_STATUSES.some((s) => s === o.status) || !o.availableUntil) return null;
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + OFFER_EXPIRY_NOTICE_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (o.availableUntil < today || o.availableUntil > horizon) return null;
  const subjectKey = `${o.id}@${o.availableUntil}`;
  return {
    kind: 'offer_expiring',
    subjectKey,
    subjectType: 'offer',
    subjectId: o.id,
    event: { type: 'reminder.offer_expiring', payload: { availableUntil: o.availableUntil, subjectKey } },
  };
}

/** 12 months after delivery (resolution 2663 OP20), for a request delivered or closed after delivery. */
export function followUpReminder(r: { id: string; status: string; deliveredAt: Date | null }, now: Date): Due<'follow_up_due'> | null {
  if (!r.deliveredAt || !REQUEST_FOLLOW_UP_STATUSES.some((s) => s === r.status)) return null;
  const due = followUpDue(r.deliveredAt);
  if (due.getTime() > now.getTime() || now.getTime() - due.getTime() > FOLLOW_UP_GRACE_DAYS * DAY_MS) return null;
  const subjectKey = `${r.id}@${r.deliveredAt.toISOString()}`;
  return {
    kind: 'follow_up_due',
    subjectKey,
    subjectType: 'request',
    subjectId: r.id,
    event: { type: 'reminder.follow_up_due', payload: { deliveredAt: r.deliveredAt.toISOString(), dueAt: due.toISOString(), subjectKey } },
  };
}

/** How many days ahead an engagement's follow-up action is announced to its owner (the day itself counts). */
export const ENGAGEMENT_ACTION_NOTICE_DAYS = 7;

/**
 * An open follow-up action of an engagement, once its due date is within a week (or passed, up to the grace
 * period): its owner is told once per due date, so moving the date reminds again.
 */
export function engagementActionReminder(
  a: { id: string; engagementId: string; status: string; dueDate: string },
  now: Date,
): Due<'engagement_action_due'> | null {
  if (a.status !== 'open') return null;
  const horizon = new Date(now.getTime() + ENGAGEMENT_ACTION_NOTICE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const oldest = new Date(now.getTime() - FOLLOW_UP_GRACE_DAYS * DAY_MS).toISOString().slice(0, 10);
  if (a.dueDate > horizon || a.dueDate < oldest) return null;
  const subjectKey = `${a.id}@${a.dueDate}`;
  return {
    kind: 'engagement_action_due',
    subjectKey,
    subjectType: 'engagement_follow_up',
    subjectId: a.id,
    event: { type: 'reminder.engagement_action_due', payload: { engagementId: a.engagementId, dueDate: a.dueDate, subjectKey } },
  };
}
