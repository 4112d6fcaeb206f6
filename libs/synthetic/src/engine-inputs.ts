import { isOfferMatchable, remainingEngagements, statesInRegion, type RegionCode } from '@app/domain';
import type { MatchableOffer, MatchableRequest, ScoringContext } from '@app/matching';
import type { RegistryWorld, SyntheticOffer, SyntheticRequest } from './registry/records';

// The registry world as the matching engine's inputs, for the engine's benchmarks and property tests: what the
// worker would load (libs/database/src/matching-inputs.ts) once the seeder had inserted the world, with ids made up
// from positions instead of uuids and organisations named by their e-mail, the key the records link by. Region
// membership is the real one, as the worker's; the records hold no completed engagements (nor does a freshly seeded
// database), so prior work is 0 everywhere.

export interface EngineInputs {
  /** Every request, whatever its status (the engine does not look at it), as `req-000001`, `req-000002` … */
  requests: MatchableRequest[];
  /** Every offer as `off-00001`, `off-00002` …; only active ones with capacity left are eligible. */
  offers: MatchableOffer[];
  context: ScoringContext;
  /** The States with agencies in the world. */
  states: string[];
  /** The providers' ids (e-mails). */
  providers: string[];
}

export interface EngineInputOptions {
  /** Prefix of the request ids (default `req`), so requests of another world do not clash. */
  requestIdPrefix?: string;
}

/** The engine's id for the world's `index`-th offer (from 0): `off-00001` for the first. */
export function engineOfferId(index: number): string {
  return `off-${String(index + 1).padStart(5, '0')}`;
}

export function engineRequest(r: SyntheticRequest, id: string): MatchableRequest {
  return {
    id,
    state: r.state,
    provisions: r.provisions,
    domains: r.domains,
    assistanceTypes: r.assistanceTypes,
    targetInstitutions: r.targetInstitutions,
    title: r.title,
    description: r.description,
    languages: r.languages,
    estimatedCost: r.estimatedCost,
    desiredStart: r.desiredStart,
    desiredEnd: r.desiredEnd,
    preferredProviderIds: r.preferredProviders,
  };
}

export function engineOffer(o: SyntheticOffer, id: string): MatchableOffer {
  return {
    id,
    providerId: o.provider,
    provisions: o.provisions,
    domains: o.domains,
    assistanceTypes: o.assistanceTypes,
    targetInstitutions: o.targetInstitutions,
    eligibleRegions: o.eligibleRegions,
    eligibleStates: o.eligibleStates,
    deliveryModes: o.deliveryModes,
    languages: o.languages,
    capacity: { engagements: o.capacityEngagements, budget: o.budget },
    remainingEngagements: remainingEngagements(o.capacityEngagements, o.engagementsUsed),
    active: isOfferMatchable(o.status),
    availableFrom: o.availableFrom,
    availableUntil: o.availableUntil,
    title: o.title,
    description: o.description,
  };
}

/** The world's requests and offers as the engine takes them, and the context the worker would give it. */
export function toEngineInputs(world: RegistryWorld, options: EngineInputOptions = {}): EngineInputs {
  const prefix = options.requestIdPrefix ?? 'req';
  const context: ScoringContext = {
    regionStates: (region) => statesInRegion(region as RegionCode) ?? [],
    priorCompletedWork: () => 0,
  };
  return {
    requests: world.requests.map((r, i) => engineRequest(r, `${prefix}-${String(i + 1).padStart(6, '0')}`)),
    offers: world.offers.map((o, i) => engineOffer(o, engineOfferId(i))),
    context,
    states: [...new Set(world.organisations.flatMap((o) => (o.kind === 'state_agency' && o.state ? [o.state] : [])))],
    providers: world.organisations.filter((o) => o.kind === 'provider').map((o) => o.email),
  };
}
