import {
  MATCH_ACTIONS,
  MATCH_OPEN_STATUSES,
  MATCH_RESCORE_PROTECTED_STATUSES,
  MATCH_STATUSES,
  MATCH_TERMINAL_STATUSES,
  MATCH_WORKFLOW,
  type MatchStatus,
} from './match.workflow';
import { availableActions, decideTransition } from './transition-table';
import {
  availableActionMismatches,
  decisionMismatches,
  requirementMismatches,
  type WorkflowExpectations,
} from './workflow-expectations.helper';

// Written from DESIGN §5 and the brief, not from the table.
const EXPECTED: WorkflowExpectations<MatchStatus> = {
  statuses: [
    'suggested',
    'endorsed',
    'accepted',
    'declined',
    'agreed',
    'rejected',
    'in_progress',
    'completed',
    'dismissed',
    'cancelled',
    'retired',
  ],
  actions: ['endorse', 'dismiss', 'accept', 'decline', 'confirm', 'reject', 'start', 'complete', 'cancel', 'retire', 'revive'],
  transitions: `
    endorse  | committee                 | suggested                                      | endorsed
    dismiss  | committee                 | suggested                                      | dismissed
    accept   | provider_member           | endorsed                                       | accepted
    decline  | provider_member           | endorsed                                       | declined  | reason
    confirm  | agency_coordinator        | accepted                                       | agreed
    reject   | agency_coordinator        | accepted                                       | rejected  | reason
    start    | committee provider_member | agreed                                         | in_progress
    complete | committee provider_member | in_progress                                    | completed
    cancel   | committee system          | suggested endorsed accepted agreed in_progress | cancelled
    retire   | system                    | suggested                                      | retired
    revive   | system                    | retired                                        | suggested
  `,
};

describe('match workflow', () => {
  it('has the statuses and actions of DESIGN §5', () => {
    expect(MATCH_STATUSES).toEqual(EXPECTED.statuses);
    expect(MATCH_ACTIONS).toEqual(EXPECTED.actions);
  });

  it('decides every (status, action, role) as expected', () => {
    expect(decisionMismatches(MATCH_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('enforces reasons and comments on every allowed move', () => {
    expect(requirementMismatches(MATCH_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('offers exactly the allowed actions for every (status, role)', () => {
    expect(availableActionMismatches(MATCH_WORKFLOW, EXPECTED)).toEqual([]);
  });

  it('asks a declining provider why', () => {
    const decline = { status: 'endorsed', action: 'decline', role: 'provider_member' } as const;
    expect(decideTransition(MATCH_WORKFLOW, decline)).toEqual({ ok: false, reason: 'reason_required' });
    expect(decideTransition(MATCH_WORKFLOW, { ...decline, reason: 'No trainers free in 2026.' })).toEqual({
      ok: true,
      to: 'declined',
      action: 'decline',
    });
  });

  it('shows an endorsed match to the provider as accept or decline', () => {
    expect(availableActions(MATCH_WORKFLOW, 'endorsed', 'provider_member')).toEqual(['accept', 'decline']);
  });

  it('splits statuses into open and terminal, and protects all but suggested from a rescore', () => {
    expect([...MATCH_OPEN_STATUSES, ...MATCH_TERMINAL_STATUSES].sort()).toEqual([...EXPECTED.statuses].sort());
    expect(MATCH_OPEN_STATUSES).toEqual(['suggested', 'endorsed', 'accepted', 'agreed', 'in_progress']);
    expect(MATCH_RESCORE_PROTECTED_STATUSES).not.toContain('suggested');
    // A retired suggestion comes back to life when the engine ranks its pair again (its offer is active again).
    expect(MATCH_RESCORE_PROTECTED_STATUSES).not.toContain('retired');
    expect(MATCH_RESCORE_PROTECTED_STATUSES).toHaveLength(EXPECTED.statuses.length - 2);
  });
});
