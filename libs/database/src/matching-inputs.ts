import { EntityManager } from 'typeorm';
import { sqlValue } from '@app/common';
import { isOfferMatchable, remainingEngagements, statesInRegion, type MatchStatus, type RegionCode } from '@app/domain';
import {
  DEFAULT_WEIGHTS_PROFILE,
  MatchingEngine,
  taxonomyName,
  type MatchableOffer,
  type MatchableRequest,
  type ScoringContext,
  type WeightsProfile,
} from '@app/matching';
import { AssistanceOfferEntity } from './entities/assistance-offer.entity';
import { AssistanceRequestEntity } from './entities/assistance-request.entity';
import { MatchingProfileEntity } from './entities/matching-profile.entity';

// What the matching engine scores, read from the tables: the worker's jobs and the API's "why not this offer?"
// build their engines here, so both score a pair from the same inputs with the same code.

export function toMatchableRequest(r: AssistanceRequestEntity): MatchableRequest {
  return {
    id: r.id,
    state: r.state,
    provisions: r.provisions,
    domains: r.domains,
    assistanceTypes: r.assistanceTypes,
    targetInstitutions: r.targetInstitutions,
    title: r.title,
    description: r.description,
    languages: r.languages,
    estimatedCost: r.estimatedCostAmount === null ? null : { amount: r.estimatedCostAmount, currency: r.estimatedCostCurrency! },
    desiredStart: r.desiredStart,
    desiredEnd: r.desiredEnd,
    preferredProviderIds: r.preferredProviderIds,
  };
}

export function toMatchableOffer(o: AssistanceOfferEntity): MatchableOffer {
  return {
    id: o.id,
    providerId: o.organizationId,
    provisions: o.provisions,
    domains: o.domains,
    assistanceTypes: o.assistanceTypes,
    targetInstitutions: o.targetInstitutions,
    eligibleRegions: o.eligibleRegions,
    eligibleStates: o.eligibleStates,
    deliveryModes: o.deliveryModes,
    languages: o.languages,
    capacity: {
      engagements: o.capacityEngagements,
      budget: o.capacityBudgetAmount === null ? null : { amount: o.capacityBudgetAmount, currency: o.capacityBudgetCurrency! },
    },
    remainingEngagements: remainingEngagements(o.capacityEngagements, o.engagementsUsed),
    active: isOfferMatchable(o.status),
    availableFrom: o.availableFrom,
    availableUntil: o.availableUntil,
    title: o.title,
    description: o.description,
  };
}

/** The newest weights profile, or the default one before any was saved. */
export async function loadWeightsProfile(manager: EntityManager): Promise<WeightsProfile> {
  const [row] = await manager.getRepository(MatchingProfileEntity).find({ order: { version: 'DESC' }, take: 1 });
  return row ? { version: row.version, weights: row.weights, threshold: row.threshold, topK: row.topK } : DEFAULT_WEIGHTS_PROFILE;
}

/** An engine over the active offers, with the weights in force, region membership and completed work. */
export async function loadMatchingEngine(manager: EntityManager): Promise<MatchingEngine> {
  const [offers, profile, prior] = await Promise.all([
    manager.getRepository(AssistanceOfferEntity).findBy({ status: 'active' }),
    loadWeightsProfile(manager),
    manager.query<{ provider: string; state: string; n: number }[]>(
      `SELECT o.organization_id AS provider, r.state, count(*)::int AS n FROM matches m
         JOIN assistance_offers o ON o.id = m.offer_id JOIN assistance_requests r ON r.id = m.request_id
        WHERE m.status = ${sqlValue('completed' satisfies MatchStatus)} GROUP BY 1, 2`,
    ),
  ]);
  const priorWork = new Map(prior.map((p) => [`${p.provider}:${p.state}`, p.n]));
  const context: ScoringContext = {
    regionStates: (region) => statesInRegion(region as RegionCode),
    priorCompletedWork: (providerId, state) => priorWork.get(`${providerId}:${state}`) ?? 0,
    // Reasons name codes as the pickers show them, never as raw codes.
    describe: taxonomyName,
  };
  return new MatchingEngine(offers.map(toMatchableOffer), context, profile);
}
