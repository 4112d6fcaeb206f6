import { localizedError } from '@app/common';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '@app/database';
import {
  deliverySteps,
  MATCH_OPEN_STATUSES,
  type MatchStatus,
  offerRetirementReason,
  requestRetirementReason,
  requestStatusFromMatches,
} from '@app/domain';
import { executeSystemStep, MATCH_LIFECYCLE, OFFER_LIFECYCLE, REQUEST_LIFECYCLE, retireSuggestions, type Tx } from '@app/outbox';

/**
 * What follows, in the same transaction, from a change to a request, an offer or a match (DESIGN §5): the
 * request's delivery status from its agreed matches, the offer's capacity, and the retirement of suggestions
 * whose request or offer has left matching. Each consequence writes its own history entry and event.
 */

/** Matches that hold one engagement of the offer's capacity. */
const USES_CAPACITY: readonly MatchStatus[] = ['agreed', 'in_progress', 'completed'];

/** Agreeing a match uses one engagement of the offer; the last one exhausts it (DESIGN §5). */
export async function useOfferCapacity(tx: Tx, offer: AssistanceOfferEntity): Promise<void> {
  if (offer.status !== 'active') throw localizedError('conflict', 'errors.match.offerBusy', { status: offer.status });
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
  const step = action && (await executeSystemStep(tx, OFFER_LIFECYCLE, offer, { action, details: (o) => ({ engagementsUsed: o.engagementsUsed }) }));
  if (!step) {
    // Capacity changed without a change of status.
    await tx.manager.save(offer);
    return;
  }
  await retireOfferSuggestions(tx, offer);
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
    const step = await executeSystemStep(tx, REQUEST_LIFECYCLE, request, { action });
    if (!step) throw new Error(`Request ${request.reference}: no system step ${action} from ${request.status}`);
  }
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
    const step = await executeSystemStep(tx, MATCH_LIFECYCLE, match, { action: 'cancel', reason: `request_${request.status}`, context: { state: request.state } });
    if (!step) continue;
    const offer = await tx.manager.findOne(AssistanceOfferEntity, { where: { id: match.offerId }, lock: { mode: 'pessimistic_write' } });
    if (offer) await releaseOfferCapacity(tx, offer, step.from);
  }
  await retireRequestSuggestions(tx, request);
}

async function retireRequestSuggestions(tx: Tx, request: AssistanceRequestEntity): Promise<void> {
  const reason = requestRetirementReason(request.status);
  if (reason) await retireSuggestions(tx, { requestId: request.id }, reason);
}
