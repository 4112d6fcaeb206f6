import { COMMITTEE_ROLES, SYSTEM_ROLE } from '../roles';
import type { TransitionTable } from './transition-table';

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'clarification_requested',
  'acknowledged',
  'circulated',
  'matched',
  'in_delivery',
  'delivered',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'mark_ready',
  'submit',
  'acknowledge',
  'request_clarification',
  'circulate',
  'match_agreed',
  'start_delivery',
  'mark_delivered',
  'agreements_cancelled',
  'close',
  'withdraw',
  // DESIGN §4b: the State's objection or waiver, by letter (recorded by the Committee) or in the app.
  'record_objection',
  'withdraw_objection',
  'record_waiver',
  'object',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const CLOSE_REASONS = ['fulfilled', 'partially_fulfilled', 'withdrawn', 'superseded', 'no_offer'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The agency edits a request only as a draft or to answer the committee's questions. */
export const REQUEST_EDITABLE_STATUSES: readonly RequestStatus[] = ['draft', 'clarification_requested'];
export const REQUEST_OPEN_FOR_MATCHING_STATUSES: readonly RequestStatus[] = ['circulated', 'matched'];
/** Requests whose delivery is followed up a year later: delivered, or closed after delivery. */
export const REQUEST_FOLLOW_UP_STATUSES: readonly RequestStatus[] = ['delivered', 'closed'];
/** Circulated with no match agreed yet: what the allocation plan allocates and the reports call unmatched. */
export const REQUEST_AWAITING_MATCH_STATUSES: readonly RequestStatus[] = ['circulated'];
export const REQUEST_TERMINAL_STATUSES: readonly RequestStatus[] = ['closed', 'withdrawn'];
/** The statuses that follow from the request's agreed matches (DESIGN §5, "one fact, one place"). */
export const REQUEST_FOLLOWS_MATCHES_STATUSES: readonly RequestStatus[] = ['circulated', 'matched', 'in_delivery', 'delivered'];

/** Which milestone time each status stamps (DESIGN §4: "timestamps of each milestone"). */
export const REQUEST_MILESTONES = {
  submitted: 'submittedAt',
  acknowledged: 'acknowledgedAt',
  circulated: 'circulatedAt',
  matched: 'matchedAt',
  in_delivery: 'deliveryStartedAt',
  delivered: 'deliveredAt',
  closed: 'closedAt',
  withdrawn: 'withdrawnAt',
} as const satisfies Partial<Record<RequestStatus, string>>;

// Circulation is further gated by the objection window (see objection-window.ts); the table only knows statuses.
export const REQUEST_WORKFLOW: TransitionTable<RequestStatus, RequestAction> = {
  statuses: REQUEST_STATUSES,
  actions: REQUEST_ACTIONS,
  rows: [
    // An agency member tells the State's coordinator that a draft (or an answer to a clarification) is ready to
    // submit; the status stays as it is.
    { action: 'mark_ready', from: ['draft'], roles: ['agency_member'], to: 'draft' },
    { action: 'mark_ready', from: ['clarification_requested'], roles: ['agency_member'], to: 'clarification_requested' },
    { action: 'submit', from: ['draft', 'clarification_requested'], roles: ['agency_coordinator'], to: 'submitted' },
    { action: 'acknowledge', from: ['submitted'], roles: COMMITTEE_ROLES, to: 'acknowledged' },
    {
      action: 'request_clarification',
      from: ['submitted', 'acknowledged'],
      roles: COMMITTEE_ROLES,
      to: 'clarification_requested',
      requiresComment: true,
    },
    { action: 'circulate', from: ['acknowledged'], roles: COMMITTEE_ROLES, to: 'circulated' },
    // Delivery follows the request's agreed matches: the system takes these steps in the same transaction as the
    // match transition that calls for them (request-delivery.ts), never a person.
    { action: 'match_agreed', from: ['circulated'], roles: [SYSTEM_ROLE], to: 'matched' },
    { action: 'start_delivery', from: ['matched'], roles: [SYSTEM_ROLE], to: 'in_delivery' },
    { action: 'mark_delivered', from: ['in_delivery'], roles: [SYSTEM_ROLE], to: 'delivered' },
    // Every agreed match was cancelled before anything was delivered: the request is open for matching again.
    { action: 'agreements_cancelled', from: ['matched', 'in_delivery'], roles: [SYSTEM_ROLE], to: 'circulated' },
    {
      action: 'close',
      from: ['circulated', 'matched', 'delivered'],
      roles: COMMITTEE_ROLES,
      to: 'closed',
      requiresReason: CLOSE_REASONS,
    },
    {
      action: 'withdraw',
      // Any time before delivery.
      from: ['draft', 'submitted', 'clarification_requested', 'acknowledged', 'circulated', 'matched', 'in_delivery'],
      roles: ['agency_coordinator', 'agency_member'],
      to: 'withdrawn',
    },
    // Objections and waivers leave the status as it is; an objection standing blocks circulate (objection-window.ts).
    // The Committee records what the State wrote (before or after acknowledgement); the coordinator objects in the
    // app while the window is open (the service checks the window).
    { action: 'record_objection', from: ['submitted'], roles: COMMITTEE_ROLES, to: 'submitted' },
    { action: 'record_objection', from: ['acknowledged'], roles: COMMITTEE_ROLES, to: 'acknowledged' },
    { action: 'withdraw_objection', from: ['submitted'], roles: COMMITTEE_ROLES, to: 'submitted' },
    { action: 'withdraw_objection', from: ['acknowledged'], roles: COMMITTEE_ROLES, to: 'acknowledged' },
    { action: 'record_waiver', from: ['submitted'], roles: COMMITTEE_ROLES, to: 'submitted' },
    { action: 'record_waiver', from: ['acknowledged'], roles: COMMITTEE_ROLES, to: 'acknowledged' },
    { action: 'object', from: ['acknowledged'], roles: ['agency_coordinator'], to: 'acknowledged' },
  ],
};
