import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '@app/common';
import type { matchExplanationSchema, Served } from '@app/contracts';
import {
  AssistanceOfferEntity,
  loadMatchingEngine,
  MatchEntity,
  OfferRepository,
  OrganizationEntity,
  RequestRepository,
  toMatchableOffer,
  toMatchableRequest,
} from '@app/database';
import { REQUEST_OPEN_FOR_MATCHING_STATUSES } from '@app/domain';
import { explainOffer, type OfferExplanation } from '@app/matching';
import type { AuthUser } from '../auth/auth-user';
import { reasonLineIn } from './reason-line';

export type MatchExplanationView = Served<typeof matchExplanationSchema>;

/**
 * "Why is this offer (not) suggested for this request?" for the Committee: the engine's own decision for the pair,
 * computed now by the code the worker runs (libs/matching explainOffer), on an engine built from the same inputs
 * (loadMatchingEngine: the active offers, the weights in force, regions and completed work).
 */
@Injectable()
export class MatchExplainService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly offers: OfferRepository,
  ) {}

  async explain(user: AuthUser, requestId: string, offerId: string): Promise<MatchExplanationView> {
    const manager = this.dataSource.manager;
    // Each record as its own route would show it to the caller; anything else is not found.
    const [request, offer] = await Promise.all([
      this.requests.findVisible(user, requestId),
      this.offers.findVisible(user, offerId),
    ]);
    if (!request) throw notFound('Request');
    if (!offer) throw notFound('Offer');

    const engine = await loadMatchingEngine(manager);
    const [provider, match] = await Promise.all([
      manager.findOneByOrFail(OrganizationEntity, { id: offer.organizationId }),
      manager.findOneBy(MatchEntity, { requestId, offerId }),
    ]);
    const base: MatchExplanationView = {
      outcome: 'request_not_open',
      request: { id: request.id, reference: request.reference, status: request.status, state: request.state },
      offer: { id: offer.id, title: offer.title, status: offer.status, provider: { id: provider.id, name: provider.name, shortName: provider.shortName } },
      weightsVersion: engine.profile.version,
      threshold: engine.profile.threshold,
      topK: engine.profile.topK,
      score: null,
      components: null,
      reason: null,
      relevance: null,
      rank: null,
      kept: null,
      lowestKept: null,
      ineligible: null,
      match: match ? { id: match.id, status: match.status } : null,
    };
    // The engine scores open requests only (the worker's filter); a closed one has no suggestions to be in.
    if (!REQUEST_OPEN_FOR_MATCHING_STATUSES.includes(request.status)) return base;

    const explanation = explainOffer(engine, toMatchableRequest(request), toMatchableOffer(offer));
    return { ...base, ...(await this.details(explanation, offer, user)) };
  }

  /** The parts of the view each outcome fills in. */
  private async details(explanation: OfferExplanation, offer: AssistanceOfferEntity, user: AuthUser): Promise<Partial<MatchExplanationView>> {
    if (explanation.outcome === 'ineligible') {
      const facts = explanation.ineligible;
      return { outcome: 'ineligible', ineligible: facts.rule === 'offer_inactive' ? { ...facts, offerStatus: offer.status } : facts };
    }
    const { pair } = explanation;
    const scored: Partial<MatchExplanationView> = {
      outcome: explanation.outcome,
      score: pair.score,
      components: pair.components,
      // The reason line in the reader's language; the components stay as they are.
      reason: pair.reasonParts.length ? reasonLineIn(user.preferredLanguage, pair.reasonParts) : pair.reason,
      relevance: { ...pair.relevance, offered: offer.provisions },
    };
    if (explanation.outcome === 'suggested') return { ...scored, rank: explanation.rank, kept: explanation.kept };
    if (explanation.outcome !== 'outranked') return scored;
    const kept = explanation.lowestKept;
    const [row] = await this.dataSource
      .getRepository(AssistanceOfferEntity)
      .createQueryBuilder('o')
      .innerJoin(OrganizationEntity, 'p', 'p.id = o.organization_id')
      .select(['o.title AS title', 'p.short_name AS provider'])
      .where('o.id = :id', { id: kept.offerId })
      .getRawMany<{ title: string; provider: string }>();
    return { ...scored, lowestKept: { ...kept, title: row?.title ?? '', provider: row?.provider ?? '' } };
  }
}
