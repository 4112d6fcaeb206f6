import { MATCH_EVENT, OFFER_EVENT, REQUEST_EVENT } from '@app/contracts';
import type { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '@app/database';
import {
  MATCH_WORKFLOW,
  OFFER_WORKFLOW,
  REQUEST_MILESTONES,
  REQUEST_WORKFLOW,
  type MatchAction,
  type MatchStatus,
  type OfferAction,
  type OfferStatus,
  type RequestAction,
  type RequestStatus,
} from '@app/domain';
import type { Lifecycle } from './workflow-executor';

const REQUEST_STAMPS: Partial<Record<RequestStatus, (typeof REQUEST_MILESTONES)[keyof typeof REQUEST_MILESTONES]>> = REQUEST_MILESTONES;

/** A request stamps the time it reached each milestone status (request.workflow.ts), its event names its State. */
export const REQUEST_LIFECYCLE: Lifecycle<AssistanceRequestEntity, RequestStatus, RequestAction> = {
  subject: 'request',
  table: REQUEST_WORKFLOW,
  stamp(request, { from, to, at }) {
    if (from === to) return;
    const field = REQUEST_STAMPS[to];
    if (field) request[field] = at;
  },
  event: (request, { action, from, to }) => ({
    type: REQUEST_EVENT[action],
    payload: { from, to, state: request.state, reference: request.reference },
  }),
};

const OFFER_MILESTONES: Partial<Record<OfferAction, 'submittedAt' | 'verifiedAt' | 'closedAt'>> = {
  submit: 'submittedAt',
  verify: 'verifiedAt',
  close: 'closedAt',
};

export const OFFER_LIFECYCLE: Lifecycle<AssistanceOfferEntity, OfferStatus, OfferAction> = {
  subject: 'offer',
  table: OFFER_WORKFLOW,
  stamp(offer, { action, at }) {
    const field = OFFER_MILESTONES[action];
    if (field) offer[field] = at;
  },
  event: (_offer, { action, from, to }) => ({ type: OFFER_EVENT[action], payload: { from, to } }),
};

const MATCH_MILESTONES: Partial<Record<MatchAction, 'endorsedAt' | 'answeredAt' | 'agreedAt' | 'completedAt'>> = {
  endorse: 'endorsedAt',
  accept: 'answeredAt',
  decline: 'answeredAt',
  confirm: 'agreedAt',
  complete: 'completedAt',
};

/** What a match's event says beyond the match: the request's State, and the provider when a person acted. */
export interface MatchEventContext {
  state?: string;
  providerId?: string;
}

export const MATCH_LIFECYCLE: Lifecycle<MatchEntity, MatchStatus, MatchAction, MatchEventContext> = {
  subject: 'match',
  table: MATCH_WORKFLOW,
  stamp(match, { action, at }) {
    const field = MATCH_MILESTONES[action];
    if (field) match[field] = at;
  },
  event(match, { action, from, to }, context) {
    const step = { from, to, requestId: match.requestId, offerId: match.offerId };
    if (action !== 'retire') return { type: MATCH_EVENT[action], payload: { ...step, ...context } };
    if (!match.retiredReason) throw new Error(`Match ${match.id}: a retired suggestion needs its reason`);
    return { type: MATCH_EVENT.retire, payload: { ...step, reason: match.retiredReason } };
  },
};
