// The words the API and the web app share: statuses, actions and the other closed lists a view carries, as plain
// tuples. Zod-free and imported file by file from the libraries that own each list (never through a library's
// index, which would bring the taxonomy and the matching engine along), so the web app's first load can import
// it at run time: `@app/contracts/vocabulary`. enums.ts wraps each list in a zod enum for the view schemas.
export {
  CLOSE_REASONS,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type CloseReason,
  type RequestAction,
  type RequestStatus,
} from '../../domain/src/workflows/request.workflow';
export { OFFER_ACTIONS, OFFER_STATUSES, type OfferAction, type OfferStatus } from '../../domain/src/workflows/offer.workflow';
export {
  MATCH_ACTIONS,
  MATCH_STATUSES,
  RETIREMENT_REASONS,
  type MatchAction,
  type MatchStatus,
  type RetirementReason,
} from '../../domain/src/workflows/match.workflow';
export { ORGANIZATION_KINDS, ROLES, type OrganizationKind, type Role } from '../../domain/src/roles';
export { EMAIL_MODES, NOTIFICATION_CATEGORIES, type EmailMode, type NotificationCategory } from '../../domain/src/notification-categories';
export { COMPONENT_KEYS, type ComponentKey } from '../../matching/src/types';

export * from './document-vocabulary';

export const REQUEST_PRIORITIES = ['high', 'medium', 'low'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];
/** Who may read a circulated request besides its State and the Committee. */
export const REQUEST_VISIBILITIES = ['public', 'providers', 'committee'] as const;
export type RequestVisibility = (typeof REQUEST_VISIBILITIES)[number];

/** The fields a list sorts by (`?sort=title`, `-` first for descending). */
export const REQUEST_SORTS = ['createdAt', 'updatedAt', 'priority', 'reference', 'title', 'submittedAt', 'circulatedAt', 'status'] as const;
export const OFFER_SORTS = ['createdAt', 'updatedAt', 'submittedAt', 'title', 'availableUntil', 'status'] as const;
/** A match list's orders, the direction included. */
export const MATCH_SORTS = ['-score', 'score', '-updatedAt', 'updatedAt', '-createdAt'] as const;

/** Where a match came from: the engine's suggestion, a committee member's pairing, or a provider's interest. */
export const MATCH_ORIGINS = ['engine', 'committee', 'provider_interest'] as const;
export type MatchOrigin = (typeof MATCH_ORIGINS)[number];

/** A full rescore's progress (rescore_runs.status). */
export const RESCORE_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RescoreStatus = (typeof RESCORE_STATUSES)[number];

/**
 * A weights proposal fitted from the Committee's decisions (weights_proposals.status): being fitted by the worker,
 * proposed, not fitted for want of decisions, applied as a new profile version, or dismissed.
 */
export const WEIGHTS_PROPOSAL_STATUSES = ['fitting', 'proposed', 'not_enough_decisions', 'applied', 'dismissed'] as const;
export type WeightsProposalStatus = (typeof WEIGHTS_PROPOSAL_STATUSES)[number];

/** An e-mail delivery's progress (notification_deliveries.status). */
export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Why the engine did or did not suggest an offer for a request (GET /requests/:id/matches/explain). */
export const EXPLANATION_OUTCOMES = ['suggested', 'ineligible', 'not_relevant', 'below_threshold', 'outranked', 'request_not_open'] as const;
export type ExplanationOutcome = (typeof EXPLANATION_OUTCOMES)[number];

/**
 * A list in the order a screen shows it, when that differs from the owner's order: the compiler refuses an order
 * that misses a word or invents one. `displayOrder<RequestStatus>()(['draft', …])`.
 */
export const displayOrder =
  <Word extends string>() =>
  <const Order extends readonly Word[]>(order: Order & ([Word] extends [Order[number]] ? unknown : never)): Order =>
    order;

/** A national action plan's state (DESIGN §4a): a draft the State prepares, or submitted to the Committee. */
export const ACTION_PLAN_STATUSES = ['draft', 'submitted'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];
/** An action plan item's progress. */
export const ACTION_PLAN_ITEM_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionPlanItemStatus = (typeof ACTION_PLAN_ITEM_STATUSES)[number];
export const ACTION_PLAN_PRIORITY_LEVELS = ['high', 'medium', 'low'] as const;
export type ActionPlanPriorityLevel = (typeof ACTION_PLAN_PRIORITY_LEVELS)[number];
/** A note on an item: the State's progress notes, the Committee's comments. */
export const ACTION_PLAN_NOTE_KINDS = ['progress', 'comment'] as const;
export type ActionPlanNoteKind = (typeof ACTION_PLAN_NOTE_KINDS)[number];

export { ENGAGEMENT_KINDS, FOLLOW_UP_STATUSES, type EngagementKind, type FollowUpStatus } from '../../domain/src/engagements';
