import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssistanceOfferEntity, AssistanceRequestEntity, MatchingProfileEntity } from '@app/database';
import { REQUEST_OPEN_FOR_MATCHING_STATUSES, statesInRegion, RegionCode, taxonomyLabel } from '@app/domain';
import { DEFAULT_WEIGHTS_PROFILE, MatchableOffer, MatchableRequest, MatchingEngine, ScoringContext, WeightsProfile } from '@app/matching';

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
    remainingEngagements: o.capacityEngagements === null ? null : Math.max(o.capacityEngagements - o.engagementsUsed, 0),
    active: o.status === 'active',
    availableFrom: o.availableFrom,
    availableUntil: o.availableUntil,
    title: o.title,
    description: o.description,
  };
}

/**
 * Loads what the engine scores from PostgreSQL and keeps one engine per worker process, rebuilt when the
 * offers or the weights change (their fingerprint is checked before each job and again before its write).
 */
@Injectable()
export class MatchingDataService {
  private cached: MatchingEngine | null = null;
  /** The fingerprint each engine was built from. */
  private readonly built = new WeakMap<MatchingEngine, string>();

  constructor(private readonly dataSource: DataSource) {}

  async profile(manager: EntityManager = this.dataSource.manager): Promise<WeightsProfile> {
    const [row] = await manager.getRepository(MatchingProfileEntity).find({ order: { version: 'DESC' }, take: 1 });
    return row ? { version: row.version, weights: row.weights as WeightsProfile['weights'], threshold: row.threshold, topK: row.topK } : DEFAULT_WEIGHTS_PROFILE;
  }

  /**
   * Every row version of every offer (xmin changes with each UPDATE, however it was written), the newest weights
   * and the count of completed matches. A max(updated_at) would miss a change whose transaction started before,
   * but committed after, another one's.
   */
  private async fingerprint(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ fingerprint }] = await manager.query(
      `SELECT concat_ws(':', (SELECT md5(coalesce(string_agg(id::text || '.' || xmin::text, ',' ORDER BY id), '')) FROM assistance_offers),
              (SELECT max(version) FROM matching_profiles),
              (SELECT count(*) FROM matches WHERE status = 'completed')) AS fingerprint`,
    );
    return fingerprint;
  }

  /** Whether `engine` still reflects the offers and weights as `manager` sees them now. */
  async isCurrent(engine: MatchingEngine, manager: EntityManager): Promise<boolean> {
    return this.built.get(engine) === (await this.fingerprint(manager));
  }

  async engine(): Promise<MatchingEngine> {
    const fingerprint = await this.fingerprint();
    if (this.cached && this.built.get(this.cached) === fingerprint) return this.cached;
    const [offers, profile, prior] = await Promise.all([
      this.dataSource.getRepository(AssistanceOfferEntity).findBy({ status: 'active' }),
      this.profile(),
      this.dataSource.query(
        `SELECT o.organization_id AS provider, r.state, count(*)::int AS n FROM matches m
           JOIN assistance_offers o ON o.id = m.offer_id JOIN assistance_requests r ON r.id = m.request_id
          WHERE m.status = 'completed' GROUP BY 1, 2`,
      ) as Promise<{ provider: string; state: string; n: number }[]>,
    ]);
    const priorWork = new Map(prior.map((p) => [`${p.provider}:${p.state}`, p.n]));
    const context: ScoringContext = {
      regionStates: (region) => statesInRegion(region as RegionCode),
      priorCompletedWork: (providerId, state) => priorWork.get(`${providerId}:${state}`) ?? 0,
      describe: taxonomyLabel,
    };
    const engine = new MatchingEngine(offers.map(toMatchableOffer), context, profile);
    this.cached = engine;
    this.built.set(engine, fingerprint);
    return engine;
  }

  async openRequests(ids?: string[], range?: { fromId: string | null; toId: string }): Promise<AssistanceRequestEntity[]> {
    const qb = this.dataSource
      .getRepository(AssistanceRequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...open)', { open: REQUEST_OPEN_FOR_MATCHING_STATUSES })
      .orderBy('r.id');
    if (ids) qb.andWhere('r.id = ANY(:ids)', { ids });
    if (range) {
      qb.andWhere('r.id <= :toId', { toId: range.toId });
      if (range.fromId) qb.andWhere('r.id > :fromId', { fromId: range.fromId });
    }
    return qb.getMany();
  }
}
