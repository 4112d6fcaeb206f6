import { ActionPlanItemInterestEntity, AssistanceOfferEntity, AssistanceRequestEntity, MatchEntity } from '@app/database';
import { REQUEST_OPEN_FOR_MATCHING_STATUSES } from '@app/domain';
import type { Tx } from '@app/outbox';

/**
 * Provider interests declared on an action plan item become provider-interest matches on the item's request
 * (DESIGN §4a) — no retyping. The moment is the request's circulation (providers may see it from then on; a match
 * before that would show a draft to a provider), or the interest's declaration when the request is circulated
 * already. Exactly once: the interest keeps the match it became (`matchId`), and a (request, offer) pair that is
 * matched already is linked, not matched again. Interests without an offer, and offers not active, wait.
 */
export async function matchItemInterests(tx: Tx, request: AssistanceRequestEntity, onlyInterestId?: string): Promise<string[]> {
  if (!request.actionPlanItemId || !REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(request.status)) return [];
  const qb = tx.manager
    .createQueryBuilder(ActionPlanItemInterestEntity, 'x')
    .where('x.item_id = :itemId AND x.offer_id IS NOT NULL AND x.match_id IS NULL', { itemId: request.actionPlanItemId })
    .orderBy('x.created_at')
    .setLock('pessimistic_write');
  if (onlyInterestId) qb.andWhere('x.id = :onlyInterestId', { onlyInterestId });
  const interests = await qb.getMany();
  const created: string[] = [];
  for (const interest of interests) {
    const offer = await tx.manager.findOneBy(AssistanceOfferEntity, { id: interest.offerId! });
    if (!offer || offer.status !== 'active' || offer.organizationId !== interest.providerOrganizationId) continue;
    let match = await tx.manager.findOneBy(MatchEntity, { requestId: request.id, offerId: offer.id });
    if (!match) {
      const notes = interest.note ?? 'Interest declared on the action plan item';
      match = await tx.manager.save(
        tx.manager.create(MatchEntity, {
          requestId: request.id,
          offerId: offer.id,
          origin: 'provider_interest',
          status: 'suggested',
          notes,
          createdById: interest.createdById,
        }),
      );
      await tx.audit({
        subjectType: 'match',
        subjectId: match.id,
        action: 'create',
        toStatus: 'suggested',
        comment: notes,
        details: { origin: 'provider_interest', actionPlanItemId: request.actionPlanItemId, interestId: interest.id },
        bySystem: true,
      });
      await tx.emit({ type: 'match.created', subjectType: 'match', subjectId: match.id, payload: { origin: 'provider_interest', requestId: request.id, offerId: offer.id } });
      created.push(match.id);
    }
    await tx.manager.update(ActionPlanItemInterestEntity, { id: interest.id }, { matchId: match.id });
  }
  return created;
}
