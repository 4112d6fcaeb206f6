import type { EventType } from '@app/contracts';
import { QUEUES } from '@app/queue';

/** Request events that set the matching engine to work (DESIGN §6.6; the handlers are in the worker's MatchingTriggers). */
export const REQUEST_TRIGGERS = [
  'request.circulated',
  'request.updated',
  'request.withdrawn',
  'request.closed',
  'request.matched',
  'request.agreements_cancelled',
] as const satisfies readonly EventType[];
/** Offer events that set the matching engine to work. */
export const OFFER_TRIGGERS = [
  'offer.verified',
  'offer.updated',
  'offer.paused',
  'offer.resumed',
  'offer.closed',
  'offer.expired',
  'offer.exhausted',
  'offer.replenished',
] as const satisfies readonly EventType[];

/** Every event with a matching handler. */
export const MATCHING_EVENT_TYPES: ReadonlySet<string> = new Set<EventType>([...REQUEST_TRIGGERS, ...OFFER_TRIGGERS, 'match.created', 'matching.rescore_requested']);

/**
 * The queue an outbox event travels on. Events that set matching to work have a lane of their own
 * (`matching-events`, its own workers), so they never wait behind a burst of notification-only events — a
 * morning's reminders, a digest — in `events` (issue 16, goal 6). Either lane delivers the same way (EventsProcessor).
 */
export function eventQueueOf(type: string): typeof QUEUES.events | typeof QUEUES.matchingEvents {
  return MATCHING_EVENT_TYPES.has(type) ? QUEUES.matchingEvents : QUEUES.events;
}
