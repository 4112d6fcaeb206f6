import { DomainError } from '@app/common';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '@app/database';
import {
  decideTransition,
  deliverySteps,
  MATCH_EVENT,
  MATCH_OPEN_STATUSES,
  MATCH_WORKFLOW,
  type MatchStatus,
  OFFER_EVENT,
  OFFER_WORKFLOW,
  offerRetirementReason,
  REQUEST_EVENT,
  REQUEST_MILESTONES,
  REQUEST_WORKFLOW,
  requestRetirementReason,
  requestStatusFromMatches,
  SYSTEM_ROLE,
} from '@app/domain';
import { retireSuggestions, type Tx } from '@app/outbox';

/**
 * What follows, in the same transaction, from a change to a request, an offer or a match (DESIGN §5): the
 * request's delivery status from its agreed matches, the offer's capacity, and the retirement of suggestions
 * whose request or offer has left matching. Each consequence writes its own history entry and event.
 */

/** Matches that hold one engagement of the offer's capacity. */
const USES_CAPACITY: readonly MatchStatus[] = ['agreed', 'in_progress', 'completed'];

/** Agreeing a match uses one engagement of the offer; the last one exhausts it (DESIGN §5). */
export async function useOfferCapacity(tx: Tx, offer: AssistanceOfferEntity): Promise<void> {
  if (offer.status !== 'active') throw new DomainError('conflict', `The offer is ${offer.status}; it cannot take on another engagement`);
  offer.engagementsUsed += 1;
  const full = offer.capacityEngagements !== null && offer.engagementsUsed >= offer.capacityEngagements;
  await offerSystemTransition(tx, offer, full ? 'exhaust' : null);
}

export async function releaseOfferCapacity(tx: Tx, offer: AssistanceOfferEntity, from: MatchStatus): Promise<void> {
  if (!USES_CAPACITY.includes(from)) return;
  offer.engagementsUsed = Math.max(0, offer.engagementsUsed - 1);
  await offerSystemTransition(tx, offer, offer.status === 'exhausted' ? 'replenish' : null);
}

async function offerSystemTransition(tx: Tx, offer: AssistanceOfferEntity, action: 'exhaust' | 'replenish' | null): Promise<void> {
  const from = offer.status;
  if (action) {
    const decision = decideTransition(OFFER_WORKFLOW, { status: offer.status, action, role: SYSTEM_ROLE });
    if (decision.ok) offer.status = decision.to;
  }
  await tx.manager.save(offer);
  if (action && offer.status !== from) {
    await tx.audit({ subjectType: 'offer', subjectId: offer.id, action, fromStatus: from, toStatus: offer.status, details: { engagementsUsed: offer.engagementsUsed }, bySystem: true });
    await tx.emit({ type: OFFER_EVENT[action], subjectType: 'offer', subjectId: offer.id, payload: { from, to: offer.status } });
    await retireOfferSuggestions(tx, offer);
  }
}

/** An offer that has left matching (paused, closed, expired, exhausted) keeps no open suggestions. */
export async function retireOfferSuggestions(tx: Tx, offer: AssistanceOfferEntity): Promise<void> {
  const reason = offerRetirementReason(offer.status);
  if (reason) await retireSuggestions(tx, { offerId: offer.id }, reason);
}

/**
 * Brings a (locked) request's status in line with its matches after a match transition: matched, in delivery,
 * delivered, or back to circulated. Each step is the system's, with its milestone, history entry and event.
 */
export async function followAgreedMatches(tx: Tx, request: AssistanceRequestEntity): Promise<void> {
  const rows: { status: MatchStatus }[] = await tx.manager.query(`SELECT status FROM matches WHERE request_id = $1`, [request.id]);
  const target = requestStatusFromMatches(request.status, rows.map((r) => r.status));
  const steps = deliverySteps(request.status, target);
  if (!steps.length) return;
  for (const action of steps) {
    const decision = decideTransition(REQUEST_WORKFLOW, { status: request.status, action, role: SYSTEM_ROLE });
    if (!decision.ok) throw new Error(`Request ${request.reference}: no system step ${action} from ${request.status}`);
    const from = request.status;
    request.status = decision.to;
    stampMilestone(request);
    await tx.audit({ subjectType: 'request', subjectId: request.id, action, fromStatus: from, toStatus: decision.to, bySystem: true });
    await tx.emit({ type: REQUEST_EVENT[action], subjectType: 'request', subjectId: request.id, payload: { from, to: decision.to, state: request.state, reference: request.reference } });
  }
  await tx.manager.save(request);
  await retireRequestSuggestions(tx, request);
}

/**
 * A request withdrawn or closed takes its matches with it: what is still open with a provider is cancelled by
 * the system (freeing the offer's capacity), and suggestions are retired.
 */
export async function endOpenMatches(tx: Tx, request: AssistanceRequestEntity): Promise<void> {
  const open = await tx.manager
    .createQueryBuilder(MatchEntity, 'm')
    .where('m.request_id = :id', { id: request.id })
    .andWhere('m.status IN (:...open)', { open: MATCH_OPEN_STATUSES.filter((s) => s !== 'suggested') })
    .orderBy('m.id')
    .setLock('pessimistic_write')
    .getMany();
  for (const match of open) {
    const decision = decideTransition(MATCH_WORKFLOW, { status: match.status, action: 'cancel', role: SYSTEM_ROLE });
    if (!decision.ok) continue;
    const from = match.status;
    match.status = decision.to;
    await tx.manager.save(match);
    await tx.audit({ subjectType: 'match', subjectId: match.id, action: 'cancel', fromStatus: from, toStatus: decision.to, reason: `request_${request.status}`, bySystem: true });
    await tx.emit({
      type: MATCH_EVENT.cancel,
      subjectType: 'match',
      subjectId: match.id,
      payload: { from, to: decision.to, requestId: request.id, offerId: match.offerId, state: request.state },
    });
    const offer = await tx.manager.findOne(AssistanceOfferEntity, { where: { id: match.offerId }, lock: { mode: 'pessimistic_write' } });
    if (offer) await releaseOfferCapacity(tx, offer, from);
  }
  await retireRequestSuggestions(tx, request);
}

async function retireRequestSuggestions(tx: Tx, request: AssistanceRequestEntity): Promise<void> {
  const reason = requestRetirementReason(request.status);
  if (reason) await retireSuggestions(tx, { requestId: request.id }, reason);
}

/** Stamps the time a request reached its current status, when that status is a milestone. */
export function stampMilestone(request: AssistanceRequestEntity, at = new Date()): void {
  const field = REQUEST_MILESTONES[request.status as keyof typeof REQUEST_MILESTONES];
  if (field) request[field] = at;
}
