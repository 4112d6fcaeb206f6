import {
  OFFER_ACTIONS,
  OFFER_MATCHABLE_STATUSES,
  OFFER_STATUSES,
  OFFER_TERMINAL_STATUSES,
  OFFER_WORKFLOW,
  isOfferMatchable,
  remainingEngagements,
  type OfferStatus,
} from './offer.workflow';
import { decideTransition } from './transition-table';
import {
  availableActionMismatches,
  decisionMismatches,
  requirementMismatches,
  type WorkflowExpectations,
} from './workflow-expectations.helper';

// Written from DESIGN §5 and the brief, not from the table.
const EXPECTED: WorkflowExpectations<OfferStatus> = {
  statuses: ['draft', 'pending_verification', 'active', 'paused', 'exhausted', 'closed', 'expired'],
  actions: ['submit', 'verify', 'return_to_draft', 'pause', 'resume', 'close', 'exhaust', 'replenish', 'expire'],
  transitions: `
    submit          | provider_member           | draft                                                 | pending_verification
    verify          | committee                 | pending_verification                                  | active
    return_to_draft | committee                 | pending_verification                                  | draft   | comment
    pause           | provider_member committee | active                                                | paused
    resume          | provider_member committee | paused                                                | active
    close           | provider_member committee | draft pending_verification active paused exhausted    | closed
    exhaust         | system                    | active                                                | exhausted
    replenish       | system                    | exhausted                                             | active
    expire          | system                    | draft pending_verification active paused exhausted    | expired
  `,
};

describe('offer workflow', () => {
  it('has the statuses and actions of DESIGN §5', () => {
    expect(OFFER_STATUSES).toEqual(EXPECTED.statuses);
    expect(OFFER_ACTIONS).toEqual(EXPECTED.actions);
  });

  it('decides every (status, action, role) as expected', () => {
    expect(decisionMismatches(OFFER_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('enforces reasons and comments on every allowed move', () => {
    expect(requirementMismatches(OFFER_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('offers exactly the allowed actions for every (status, role)', () => {
    expect(availableActionMismatches(OFFER_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('returns an offer to draft only with a comment for the provider', () => {
    const back = { status: 'pending_verification', action: 'return_to_draft', role: 'committee_admin' } as const;
    expect(decideTransition(OFFER_WORKFLOW, back)).toEqual({ ok: false, reason: 'comment_required' });
    expect(decideTransition(OFFER_WORKFLOW, { ...back, comment: 'Add the budget.' })).toEqual({
      ok: true,
      to: 'draft',
      action: 'return_to_draft',
    });
  });

  it('keeps users away from automatic transitions', () => {
    expect(decideTransition(OFFER_WORKFLOW, { status: 'active', action: 'expire', role: 'committee_admin' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('matches only active offers and ends in closed or expired', () => {
    expect(OFFER_MATCHABLE_STATUSES).toEqual(['active']);
    expect(OFFER_TERMINAL_STATUSES).toEqual(['closed', 'expired']);
    expect(OFFER_STATUSES.filter(isOfferMatchable)).toEqual(['active']);
  });

  it('counts the engagements left, never below zero, and none when capacity is not counted', () => {
    expect(remainingEngagements(5, 2)).toBe(3);
    expect(remainingEngagements(2, 3)).toBe(0);
    expect(remainingEngagements(null, 4)).toBeNull();
  });
});
