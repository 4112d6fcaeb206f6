import {
  availableActions,
  decideTransition,
  TRANSITION_REFUSAL_HTTP_STATUS,
  type TransitionTable,
} from './transition-table';

// A small table exercising what the real workflows do not: several rows per action and a computed target.
type DoorStatus = 'open' | 'closed' | 'locked' | 'sealed';
type DoorAction = 'close' | 'open' | 'lock' | 'seal';

const DOOR: TransitionTable<DoorStatus, DoorAction, { hasKey: boolean }> = {
  statuses: ['open', 'closed', 'locked', 'sealed'],
  actions: ['close', 'open', 'lock', 'seal'],
  rows: [
    { action: 'close', from: ['open'], roles: ['agency_member', 'committee_admin'], to: 'closed' },
    { action: 'open', from: ['closed'], roles: ['agency_member'], to: 'open' },
    {
      action: 'open',
      from: ['closed', 'locked'],
      roles: ['committee_admin'],
      to: ({ status, context }) => (status === 'locked' && !context?.hasKey ? 'locked' : 'open'),
    },
    { action: 'lock', from: ['closed'], roles: ['committee_admin'], to: 'locked', requiresComment: true },
    { action: 'seal', from: ['locked'], roles: ['system'], to: 'sealed', requiresReason: ['court_order', 'hazard'] },
  ],
};

describe('decideTransition', () => {
  it('names an action the table does not know', () => {
    expect(decideTransition(DOOR, { status: 'open', action: 'paint', role: 'committee_admin' })).toEqual({
      ok: false,
      reason: 'unknown_action',
    });
  });

  it('forbids a role that may never take the action, whatever the status', () => {
    expect(decideTransition(DOOR, { status: 'locked', action: 'seal', role: 'committee_admin' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(decideTransition(DOOR, { status: 'open', action: 'lock', role: 'agency_member' })).toEqual({
      ok: false,
      reason: 'forbidden',
    });
  });

  it('refuses the wrong status with the statuses this role could act from', () => {
    expect(decideTransition(DOOR, { status: 'locked', action: 'open', role: 'agency_member' })).toEqual({
      ok: false,
      reason: 'invalid_status',
      allowedFrom: ['closed'],
    });
    expect(decideTransition(DOOR, { status: 'open', action: 'open', role: 'committee_admin' })).toEqual({
      ok: false,
      reason: 'invalid_status',
      allowedFrom: ['closed', 'locked'],
    });
  });

  it('reports a wrong status before a missing comment or reason', () => {
    expect(decideTransition(DOOR, { status: 'open', action: 'lock', role: 'committee_admin' })).toMatchObject({
      reason: 'invalid_status',
    });
  });

  it('requires a non-blank comment where the row asks for one', () => {
    const lock = { status: 'closed', action: 'lock', role: 'committee_admin' } as const;
    expect(decideTransition(DOOR, lock)).toEqual({ ok: false, reason: 'comment_required' });
    expect(decideTransition(DOOR, { ...lock, comment: ' \n ' })).toEqual({ ok: false, reason: 'comment_required' });
    expect(decideTransition(DOOR, { ...lock, comment: 'Night shift.' })).toEqual({ ok: true, to: 'locked', action: 'lock' });
  });

  it('requires one of the listed reason codes where the row lists them', () => {
    const seal = { status: 'locked', action: 'seal', role: 'system' } as const;
    expect(decideTransition(DOOR, seal)).toEqual({ ok: false, reason: 'reason_required' });
    expect(decideTransition(DOOR, { ...seal, reason: 'boredom' })).toEqual({
      ok: false,
      reason: 'invalid_reason',
      allowedReasons: ['court_order', 'hazard'],
    });
    expect(decideTransition(DOOR, { ...seal, reason: ' hazard ' })).toEqual({ ok: true, to: 'sealed', action: 'seal' });
  });

  it('computes a target from the request and its context', () => {
    const open = { status: 'locked', action: 'open', role: 'committee_admin' } as const;
    expect(decideTransition(DOOR, { ...open, context: { hasKey: true } })).toEqual({ ok: true, to: 'open', action: 'open' });
    expect(decideTransition(DOOR, { ...open, context: { hasKey: false } })).toEqual({ ok: true, to: 'locked', action: 'open' });
  });

  it('maps each refusal to its HTTP status', () => {
    expect(TRANSITION_REFUSAL_HTTP_STATUS).toEqual({
      unknown_action: 400,
      forbidden: 403,
      invalid_status: 409,
      reason_required: 400,
      invalid_reason: 400,
      comment_required: 400,
    });
  });
});

describe('availableActions', () => {
  it('lists what a role may do from a status, in table order', () => {
    expect(availableActions(DOOR, 'closed', 'committee_admin')).toEqual(['open', 'lock']);
    expect(availableActions(DOOR, 'closed', 'agency_member')).toEqual(['open']);
    expect(availableActions(DOOR, 'locked', 'system')).toEqual(['seal']);
    expect(availableActions(DOOR, 'sealed', 'committee_admin')).toEqual([]);
  });
});
