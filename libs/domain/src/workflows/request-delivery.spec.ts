import fc from 'fast-check';
import { SYSTEM_ROLE, type ActorRole } from '../roles';
import { MATCH_WORKFLOW, type MatchStatus } from './match.workflow';
import { deliverySteps, requestRetirementReason, requestStatusFromMatches } from './request-delivery';
import { REQUEST_OPEN_FOR_MATCHING_STATUSES, REQUEST_WORKFLOW, type RequestStatus } from './request.workflow';
import { decideTransition } from './transition-table';

describe('request status from matches', () => {
  const cases: [RequestStatus, MatchStatus[], RequestStatus][] = [
    ['circulated', [], 'circulated'],
    ['circulated', ['suggested', 'endorsed', 'accepted'], 'circulated'],
    ['circulated', ['agreed'], 'matched'],
    ['matched', ['in_progress'], 'in_delivery'],
    ['matched', ['agreed', 'in_progress'], 'in_delivery'],
    ['in_delivery', ['completed', 'agreed'], 'in_delivery'],
    ['in_delivery', ['completed'], 'delivered'],
    ['in_delivery', ['completed', 'cancelled'], 'delivered'],
    // The first started match was cancelled; delivery has begun for the request and another agreed match waits.
    ['in_delivery', ['cancelled', 'agreed'], 'in_delivery'],
    ['matched', ['cancelled'], 'circulated'],
    ['in_delivery', ['cancelled'], 'circulated'],
    // A person's decisions are not overridden.
    ['withdrawn', ['completed'], 'withdrawn'],
    ['closed', ['agreed'], 'closed'],
    ['acknowledged', [], 'acknowledged'],
  ];
  it.each(cases)('%s with %j → %s', (current, matches, expected) => {
    expect(requestStatusFromMatches(current, matches)).toBe(expected);
  });

  it('walks the system steps of the request workflow', () => {
    expect(deliverySteps('circulated', 'delivered')).toEqual(['match_agreed', 'start_delivery', 'mark_delivered']);
    expect(deliverySteps('matched', 'in_delivery')).toEqual(['start_delivery']);
    expect(deliverySteps('in_delivery', 'circulated')).toEqual(['agreements_cancelled']);
    expect(deliverySteps('delivered', 'delivered')).toEqual([]);
  });
});

// A model of the platform's orchestration (matches.service + match-consequences) over the pure rules: every
// match step goes through the match table, then the request follows its matches through the system's steps of
// the request table; a request that leaves matching retires its suggestions, one withdrawn or closed cancels
// what is open with providers.
type Step =
  | { kind: 'propose' }
  | { kind: 'match'; index: number; action: string; role: ActorRole }
  | { kind: 'request'; action: 'withdraw' | 'close'; role: ActorRole; reason?: string };

interface World {
  request: RequestStatus;
  matches: MatchStatus[];
}

const matchRoles: ActorRole[] = ['committee_member', 'provider_member', 'agency_coordinator', SYSTEM_ROLE];
const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'propose' }),
  fc.record({
    kind: fc.constant('match' as const),
    index: fc.nat(5),
    action: fc.constantFrom(...MATCH_WORKFLOW.actions),
    role: fc.constantFrom(...matchRoles),
  }),
  fc.record({
    kind: fc.constant('request' as const),
    action: fc.constantFrom('withdraw' as const, 'close' as const),
    role: fc.constantFrom<ActorRole>('agency_coordinator', 'committee_member'),
    reason: fc.constantFrom('fulfilled', 'no_offer'),
  }),
);

function followMatches(world: World): void {
  const target = requestStatusFromMatches(world.request, world.matches);
  for (const action of deliverySteps(world.request, target)) {
    const decision = decideTransition(REQUEST_WORKFLOW, { status: world.request, action, role: SYSTEM_ROLE });
    if (!decision.ok) throw new Error(`system step ${action} refused from ${world.request}`);
    world.request = decision.to;
  }
  if (requestRetirementReason(world.request)) world.matches = world.matches.map((m) => (m === 'suggested' ? 'retired' : m));
}

function apply(world: World, step: Step): void {
  if (step.kind === 'propose') {
    if (REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(world.request)) world.matches.push('suggested');
    return;
  }
  if (step.kind === 'request') {
    const decision = decideTransition(REQUEST_WORKFLOW, { status: world.request, action: step.action, role: step.role, reason: step.reason });
    if (!decision.ok) return;
    world.request = decision.to;
    world.matches = world.matches.map((m) => (m === 'suggested' ? 'retired' : ['endorsed', 'accepted', 'agreed', 'in_progress'].includes(m) ? 'cancelled' : m));
    return;
  }
  const current = world.matches[step.index];
  if (current === undefined) return;
  // Providers and States act only on matches whose request is still theirs to act on; the table decides the rest.
  const decision = decideTransition(MATCH_WORKFLOW, { status: current, action: step.action, role: step.role, reason: 'r', comment: 'c' });
  if (!decision.ok) return;
  world.matches[step.index] = decision.to;
  followMatches(world);
}

describe('request and matches together (property)', () => {
  it('never leave a completed match under a request that is not in delivery or later', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 60 }), (steps) => {
        const world: World = { request: 'circulated', matches: [] };
        for (const step of steps) {
          apply(world, step);
          if (world.matches.includes('completed')) {
            expect(['in_delivery', 'delivered', 'closed', 'withdrawn']).toContain(world.request);
          }
          // The status that follows the matches is always the one they imply.
          expect(requestStatusFromMatches(world.request, world.matches)).toBe(world.request);
          if (world.request === 'delivered') {
            expect(world.matches.some((m) => m === 'agreed' || m === 'in_progress')).toBe(false);
          }
          // No suggestion stays endorsable on a request that has left matching.
          if (!REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(world.request)) expect(world.matches).not.toContain('suggested');
        }
      }),
      { numRuns: 500 },
    );
  });
});
