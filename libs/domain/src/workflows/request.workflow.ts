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
  'submit',
  'acknowledge',
  'request_clarification',
  'circulate',
  'match_agreed',
  'start_delivery',
  'mark_delivered',
  'close',
  'withdraw',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const CLOSE_REASONS = ['fulfilled', 'partially_fulfilled', 'withdrawn', 'superseded', 'no_offer'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** The agency edits a request only as a draft or to answer the committee's questions. */
export const REQUEST_EDITABLE_STATUSES: readonly RequestStatus[] = ['draft', 'clarification_requested'];
export const REQUEST_OPEN_FOR_MATCHING_STATUSES: readonly RequestStatus[] = ['circulated', 'matched'];
export const REQUEST_TERMINAL_STATUSES: readonly RequestStatus[] = ['closed', 'withdrawn'];

// Circulation is further gated by the objection window (see objection-window.ts); the table only knows statuses.
export const REQUEST_WORKFLOW: TransitionTable<RequestStatus, RequestAction> = {
  statuses: REQUEST_STATUSES,
  actions: REQUEST_ACTIONS,
  rows: [
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
    { action: 'match_agreed', from: ['circulated'], roles: [SYSTEM_ROLE], to: 'matched' },
    {
      action: 'start_delivery',
      from: ['matched'],
      roles: [...COMMITTEE_ROLES, 'agency_coordinator'],
      to: 'in_delivery',
    },
    {
      action: 'mark_delivered',
      from: ['in_delivery'],
      roles: [...COMMITTEE_ROLES, 'agency_coordinator'],
      to: 'delivered',
    },
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
  ],
};
