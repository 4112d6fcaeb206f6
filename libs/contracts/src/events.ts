import { z } from 'zod';
import {
  MATCH_STATUSES,
  OFFER_STATUSES,
  REQUEST_STATUSES,
  RETIREMENT_REASONS,
  type MatchAction,
  type OfferAction,
  type RequestAction,
} from '@app/domain';
import { DOCUMENT_KINDS, DOCUMENT_PARENT_TYPES } from './document-vocabulary';

/**
 * The event catalogue (DESIGN §7): every outbox event's name and the schema of its payload. The API and the
 * worker emit through it (a wrong payload does not compile), the worker's handlers register per name and get
 * the payload parsed with its schema, and the notification rules must cover exactly these names.
 */

const nothing = z.object({});
const changedFields = z.object({ fields: z.array(z.string()) });

const requestStep = z.object({
  from: z.enum(REQUEST_STATUSES),
  to: z.enum(REQUEST_STATUSES),
  state: z.string(),
  reference: z.string(),
});
const offerStep = z.object({ from: z.enum(OFFER_STATUSES), to: z.enum(OFFER_STATUSES) });
const matchStep = z.object({
  from: z.enum(MATCH_STATUSES),
  to: z.enum(MATCH_STATUSES),
  requestId: z.string(),
  offerId: z.string(),
  // A person's step names the offer's provider and the request's State; the system's cancel the State only.
  providerId: z.string().optional(),
  state: z.string().optional(),
});
/** Who wrote (which side of the thread), and the start of the text for the notification. */
const threadMessage = z.object({
  messageId: z.string(),
  side: z.enum(['committee', 'state', 'provider']),
  kind: z.enum(['message', 'clarification_answer']),
  excerpt: z.string(),
});
/** Reminders carry the occasion (`subjectKey`) and the dates their wording needs, as ISO strings. */
const reminder = <T extends z.ZodRawShape>(shape: T) => z.object({ subjectKey: z.string(), ...shape });

export const EVENTS = {
  'request.created': nothing,
  'request.updated': changedFields,
  'request.ready_for_coordinator': requestStep,
  'request.submitted': requestStep,
  'request.acknowledged': requestStep,
  'request.clarification_requested': requestStep,
  'request.circulated': requestStep,
  'request.matched': requestStep,
  'request.delivery_started': requestStep,
  'request.delivered': requestStep,
  'request.agreements_cancelled': requestStep,
  'request.closed': requestStep,
  'request.withdrawn': requestStep,
  'request.objection_recorded': requestStep,
  'request.objection_withdrawn': requestStep,
  'request.waiver_recorded': requestStep,
  'request.objected': requestStep,
  // A message in a request's or a match's thread (DESIGN §4b); the event's subject is the request or the match.
  'request.message_posted': threadMessage,
  'match.message_posted': threadMessage,

  'offer.created': nothing,
  'offer.updated': changedFields.extend({ status: z.enum(OFFER_STATUSES) }),
  'offer.submitted': offerStep,
  'offer.verified': offerStep,
  'offer.returned': offerStep,
  'offer.paused': offerStep,
  'offer.resumed': offerStep,
  'offer.closed': offerStep,
  'offer.exhausted': offerStep,
  'offer.replenished': offerStep,
  'offer.expired': offerStep,

  'match.created': z.object({ origin: z.enum(['committee', 'provider_interest']), requestId: z.string(), offerId: z.string() }),
  'match.endorsed': matchStep,
  'match.dismissed': matchStep,
  'match.accepted': matchStep,
  'match.declined': matchStep,
  'match.agreed': matchStep,
  'match.rejected': matchStep,
  'match.started': matchStep,
  'match.completed': matchStep,
  'match.cancelled': matchStep,
  'match.retired': matchStep.extend({ reason: z.enum(RETIREMENT_REASONS) }),
  'match.revived': matchStep,
  'match.feedback': z.object({ side: z.enum(['requester', 'provider']), rating: z.number().int() }),

  'reminder.objection_window_over': reminder({ closesAt: z.iso.datetime() }),
  'reminder.match_unanswered': reminder({ endorsedAt: z.iso.datetime() }),
  'reminder.offer_expiring': reminder({ availableUntil: z.iso.date() }),
  'reminder.follow_up_due': reminder({ deliveredAt: z.iso.datetime(), dueAt: z.iso.datetime() }),

  'action_plan.created': z.object({ state: z.string() }),
  'action_plan.submitted': z.object({ state: z.string(), revision: z.number().int() }),
  'action_plan.updated': changedFields.extend({ state: z.string(), revision: z.number().int() }),
  'action_plan_item.created': z.object({ planId: z.string(), state: z.string(), proposed: z.boolean() }),
  'action_plan_item.updated': changedFields.extend({ planId: z.string(), state: z.string() }),
  'action_plan_item.assistance_needed': z.object({ planId: z.string(), state: z.string() }),
  'action_plan_item.interest_declared': z.object({ planId: z.string(), state: z.string(), providerId: z.string(), offerId: z.string().nullable() }),
  'action_plan_item.request_created': z.object({ planId: z.string(), state: z.string(), requestId: z.string() }),

  'reminder.engagement_action_due': reminder({ engagementId: z.string(), dueDate: z.iso.date() }),

  'engagement.created': z.object({ kind: z.string(), states: z.array(z.string()) }),
  'engagement.updated': changedFields,
  'engagement.note_published': z.object({ published: z.boolean() }),
  'engagement.follow_up_added': z.object({ followUpId: z.string() }),
  'engagement.follow_up_updated': changedFields.extend({ followUpId: z.string() }),
  'engagement.prioritisation_recorded': z.object({ actionPlanId: z.string(), planVersion: z.number().int(), interests: z.number().int() }),
  'document.uploaded': z.object({ parentType: z.enum(DOCUMENT_PARENT_TYPES), parentId: z.string(), kind: z.enum(DOCUMENT_KINDS) }),
  'document.removed': z.object({ parentType: z.enum(DOCUMENT_PARENT_TYPES), parentId: z.string(), kind: z.enum(DOCUMENT_KINDS) }),

  'user.created': nothing,
  'organization.created': nothing,
  'contacts.updated': z.object({ owner: z.enum(['state', 'organization']), key: z.string(), count: z.number().int() }),
  'matching.rescore_requested': z.object({
    trigger: z.enum(['weights_changed', 'manual', 'nightly', 'seed']),
    version: z.number().int().optional(),
  }),
  'matching.weights_proposal_requested': nothing,
} as const;

export type EventType = keyof typeof EVENTS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENTS)[T]>;

/** One event of the catalogue: its name with the payload that name carries. */
export type CatalogEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENTS, type);
}

export const EVENT_TYPES: readonly EventType[] = Object.keys(EVENTS).filter(isEventType);

// Indexed by a generic name, this mapped view keeps the name's own payload type (a plain EVENTS[T] would not).
const SCHEMAS: { readonly [T in EventType]: z.ZodType<EventPayload<T>> } = EVENTS;

/** The payload as its event's schema reads it; throws a readable error naming the event when it does not fit. */
export function parseEventPayload<T extends EventType>(type: T, payload: unknown): EventPayload<T> {
  const parsed = SCHEMAS[type].safeParse(payload);
  if (!parsed.success) throw new Error(`Event ${type}: malformed payload: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The event each workflow action announces, in the past tense the notification rules read. */
export const REQUEST_EVENT = {
  mark_ready: 'request.ready_for_coordinator',
  submit: 'request.submitted',
  acknowledge: 'request.acknowledged',
  request_clarification: 'request.clarification_requested',
  circulate: 'request.circulated',
  match_agreed: 'request.matched',
  start_delivery: 'request.delivery_started',
  mark_delivered: 'request.delivered',
  agreements_cancelled: 'request.agreements_cancelled',
  close: 'request.closed',
  withdraw: 'request.withdrawn',
  record_objection: 'request.objection_recorded',
  withdraw_objection: 'request.objection_withdrawn',
  record_waiver: 'request.waiver_recorded',
  object: 'request.objected',
} as const satisfies Record<RequestAction, EventType>;

export const OFFER_EVENT = {
  submit: 'offer.submitted',
  verify: 'offer.verified',
  return_to_draft: 'offer.returned',
  pause: 'offer.paused',
  resume: 'offer.resumed',
  close: 'offer.closed',
  exhaust: 'offer.exhausted',
  replenish: 'offer.replenished',
  expire: 'offer.expired',
} as const satisfies Record<OfferAction, EventType>;

export const MATCH_EVENT = {
  endorse: 'match.endorsed',
  dismiss: 'match.dismissed',
  accept: 'match.accepted',
  decline: 'match.declined',
  confirm: 'match.agreed',
  reject: 'match.rejected',
  start: 'match.started',
  complete: 'match.completed',
  cancel: 'match.cancelled',
  retire: 'match.retired',
  revive: 'match.revived',
} as const satisfies Record<MatchAction, EventType>;
