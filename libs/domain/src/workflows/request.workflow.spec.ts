import {
  CLOSE_REASONS,
  REQUEST_ACTIONS,
  REQUEST_EDITABLE_STATUSES,
  REQUEST_OPEN_FOR_MATCHING_STATUSES,
  REQUEST_STATUSES,
  REQUEST_WORKFLOW,
  type RequestStatus,
} from './request.workflow';
import { decideTransition } from './transition-table';
import {
  availableActionMismatches,
  decisionMismatches,
  requirementMismatches,
  type WorkflowExpectations,
} from './workflow-expectations.helper';

// Written from DESIGN §5 and the brief, not from the table.
const EXPECTED: WorkflowExpectations<RequestStatus> = {
  statuses: [
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
  ],
  actions: [
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
    'record_objection',
    'withdraw_objection',
    'record_waiver',
    'object',
  ],
  transitions: `
    mark_ready            | agency_member                | draft                          | draft
    mark_ready            | agency_member                | clarification_requested        | clarification_requested
    submit                | agency_coordinator           | draft clarification_requested  | submitted
    acknowledge           | committee                    | submitted                      | acknowledged
    request_clarification | committee                    | submitted acknowledged         | clarification_requested | comment
    circulate             | committee                    | acknowledged                   | circulated
    match_agreed          | system                       | circulated                     | matched
    start_delivery        | system                       | matched                        | in_delivery
    mark_delivered        | system                       | in_delivery                    | delivered
    agreements_cancelled  | system                       | matched in_delivery            | circulated
    close                 | committee                    | delivered circulated matched   | closed | reason: fulfilled partially_fulfilled withdrawn superseded no_offer
    withdraw              | agency_coordinator agency_member | draft submitted clarification_requested acknowledged circulated matched in_delivery | withdrawn
    record_objection      | committee                    | submitted                      | submitted
    record_objection      | committee                    | acknowledged                   | acknowledged
    withdraw_objection    | committee                    | submitted                      | submitted
    withdraw_objection    | committee                    | acknowledged                   | acknowledged
    record_waiver         | committee                    | submitted                      | submitted
    record_waiver         | committee                    | acknowledged                   | acknowledged
    object                | agency_coordinator           | acknowledged                   | acknowledged
  `,
};

describe('request workflow', () => {
  it('has the statuses and actions of DESIGN §5', () => {
    expect(REQUEST_STATUSES).toEqual(EXPECTED.statuses);
    expect(REQUEST_ACTIONS).toEqual(EXPECTED.actions);
    expect(CLOSE_REASONS).toEqual(['fulfilled', 'partially_fulfilled', 'withdrawn', 'superseded', 'no_offer']);
  });

  it('decides every (status, action, role) as expected', () => {
    expect(decisionMismatches(REQUEST_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('enforces reasons and comments on every allowed move', () => {
    expect(requirementMismatches(REQUEST_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('offers exactly the allowed actions for every (status, role)', () => {
    expect(availableActionMismatches(REQUEST_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('refuses a member submitting (403) and a coordinator submitting twice (409)', () => {
    expect(decideTransition(REQUEST_WORKFLOW, { status: 'draft', action: 'submit', role: 'agency_member' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(
      decideTransition(REQUEST_WORKFLOW, { status: 'submitted', action: 'submit', role: 'agency_coordinator' }),
    ).toEqual({ ok: false, reason: 'invalid_status', allowedFrom: ['draft', 'clarification_requested'] });
  });

  it('closes only with one of the close reasons', () => {
    const close = { status: 'matched', action: 'close', role: 'committee_member' } as const;
    expect(decideTransition(REQUEST_WORKFLOW, { ...close, reason: 'no_offer' })).toEqual({ ok: true, to: 'closed', action: 'close' });
    expect(decideTransition(REQUEST_WORKFLOW, { ...close, reason: 'bored' })).toEqual({
      ok: false,
      reason: 'invalid_reason',
      allowedReasons: CLOSE_REASONS,
    });
  });

  it('lets the agency edit only drafts and requests under clarification', () => {
    expect(REQUEST_EDITABLE_STATUSES).toEqual(['draft', 'clarification_requested']);
    expect(REQUEST_OPEN_FOR_MATCHING_STATUSES).toEqual(['circulated', 'matched']);
  });
});
