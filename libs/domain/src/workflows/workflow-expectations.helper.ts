// Test support: checks a transition table against expectations written separately, as text, from DESIGN §5.
// Pure on purpose (no jest globals), so the build compiles it like any other file.
import { ACTOR_ROLES, COMMITTEE_ROLES, type ActorRole } from '../roles';
import { availableActions, decideTransition, type TransitionRequest, type TransitionTable } from './transition-table';

export interface WorkflowExpectations<S extends string> {
  readonly statuses: readonly S[];
  readonly actions: readonly string[];
  /**
   * One line per allowed move: `action | roles | from statuses | to | needs`, where roles may say `committee`
   * for both committee roles and needs is empty, `comment`, `reason`, or `reason: code code …`.
   */
  readonly transitions: string;
}

interface Move<S extends string> {
  readonly action: string;
  readonly roles: readonly ActorRole[];
  readonly from: readonly S[];
  readonly to: S;
  readonly needsComment: boolean;
  readonly needsReason: boolean;
  readonly reasonCodes?: readonly string[];
}

const UNKNOWN_ACTION = 'launch_rocket';

function parseMoves<S extends string>(spec: WorkflowExpectations<S>): Move<S>[] {
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const known = <T extends string>(values: readonly T[], word: string): T => {
    if (!values.includes(word as T)) throw new Error(`expectation names an unknown value: ${word}`);
    return word as T;
  };
  return spec.transitions
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [action, roles, from, to, needs = ''] = line.split('|').map((cell) => cell.trim());
      const [need, codes] = needs.split(':');
      return {
        action: known(spec.actions, action),
        roles: words(roles).flatMap<ActorRole>((role) =>
          role === 'committee' ? COMMITTEE_ROLES : [known(ACTOR_ROLES, role)],
        ),
        from: words(from).map((status) => known(spec.statuses, status)),
        to: known(spec.statuses, to),
        needsComment: need === 'comment',
        needsReason: need === 'reason',
        reasonCodes: codes === undefined ? undefined : words(codes),
      };
    });
}

function sorted(values: Iterable<string>): string {
  return [...new Set(values)].sort().join(',');
}

function expectedOutcome<S extends string>(moves: readonly Move<S>[], status: S, action: string, role: ActorRole) {
  const forAction = moves.filter((move) => move.action === action);
  if (forAction.length === 0) return 'unknown_action';
  const forRole = forAction.filter((move) => move.roles.includes(role));
  if (forRole.length === 0) return 'forbidden';
  const move = forRole.find((candidate) => candidate.from.includes(status));
  return move ? `→ ${move.to}` : `invalid_status from ${sorted(forRole.flatMap((m) => m.from))}`;
}

function actualOutcome<S extends string>(table: TransitionTable<S, string>, request: TransitionRequest<S>) {
  const decision = decideTransition(table, request);
  if (decision.ok) return `→ ${decision.to}`;
  return decision.reason === 'invalid_status'
    ? `invalid_status from ${sorted(decision.allowedFrom ?? [])}`
    : decision.reason;
}

function validInputs<S extends string>(moves: readonly Move<S>[], action: string) {
  const codes = moves.find((move) => move.action === action)?.reasonCodes;
  return { reason: codes?.[0] ?? 'the ministry changed its plans', comment: 'see the attached note' };
}

/** Every (status, action, role), an unknown action included, decided with a valid reason and comment supplied. */
export function decisionMismatches<S extends string>(
  table: TransitionTable<S, string>,
  spec: WorkflowExpectations<S>,
): string[] {
  const moves = parseMoves(spec);
  const mismatches: string[] = [];
  for (const status of spec.statuses) {
    for (const action of [...spec.actions, UNKNOWN_ACTION]) {
      for (const role of ACTOR_ROLES) {
        const expected = expectedOutcome(moves, status, action, role);
        const actual = actualOutcome(table, { status, action, role, ...validInputs(moves, action) });
        if (actual !== expected)
          mismatches.push(`${status} · ${action} · ${role}: expected ${expected}, got ${actual}`);
      }
    }
  }
  return mismatches;
}

/** Every allowed move tried without a reason, with a blank one, with one that is no code, and without a comment. */
export function requirementMismatches<S extends string>(
  table: TransitionTable<S, string>,
  spec: WorkflowExpectations<S>,
): string[] {
  const moves = parseMoves(spec);
  const mismatches: string[] = [];
  for (const move of moves) {
    const allowed = `→ ${move.to}`;
    const cases = [
      { label: 'no reason', input: { reason: undefined }, refusal: move.needsReason && 'reason_required' },
      { label: 'blank reason', input: { reason: '  ' }, refusal: move.needsReason && 'reason_required' },
      { label: 'reason not a code', input: { reason: 'whim' }, refusal: move.reasonCodes && 'invalid_reason' },
      { label: 'no comment', input: { comment: null }, refusal: move.needsComment && 'comment_required' },
    ];
    for (const status of move.from) {
      for (const role of move.roles) {
        for (const { label, input, refusal } of cases) {
          const request = { status, action: move.action, role, ...validInputs(moves, move.action), ...input };
          const [expected, actual] = [refusal || allowed, actualOutcome(table, request)];
          if (actual !== expected) {
            mismatches.push(`${status} · ${move.action} · ${role}, ${label}: expected ${expected}, got ${actual}`);
          }
        }
      }
    }
  }
  return mismatches;
}

/** For every (status, role): exactly the actions the UI should offer. */
export function availableActionMismatches<S extends string>(
  table: TransitionTable<S, string>,
  spec: WorkflowExpectations<S>,
): string[] {
  const moves = parseMoves(spec);
  const mismatches: string[] = [];
  for (const status of spec.statuses) {
    for (const role of ACTOR_ROLES) {
      const mine = moves.filter((move) => move.roles.includes(role) && move.from.includes(status));
      const [expected, actual] = [
        sorted(mine.map((move) => move.action)),
        sorted(availableActions(table, status, role)),
      ];
      if (actual !== expected) mismatches.push(`${status} · ${role}: expected [${expected}], got [${actual}]`);
    }
  }
  return mismatches;
}
