import { dayNumber } from './dates';
import { GLOBAL_REGION, isAllDomains } from './taxonomy-codes';
import type { MatchableOffer, MatchableRequest, ScoringContext } from './types';

// Hard filters of DESIGN §6.1. The request's own status (circulated or matched) is the caller's filter: the
// worker only hands open requests to the engine.

export type IneligibilityReason =
  'offer_inactive' | 'no_capacity' | 'state_not_served' | 'no_domain_overlap' | 'availability_disjoint';

/** How an offer reaches a State, for the "serves MNG via OSCE" part of an explanation. */
export type EligibilityRoute = { kind: 'state' } | { kind: 'region'; region: string } | { kind: 'global' };

export type Eligibility =
  { eligible: true; via: EligibilityRoute } | { eligible: false; reason: IneligibilityReason; detail: string };

/** `true` when `state` belongs to `region`. `GLOBAL` is answered by the caller, never by this function. */
export type RegionMembership = (region: string, state: string) => boolean;

/** Reads each region once from the context and answers membership from a Set afterwards. */
export function createRegionMembership(context: ScoringContext): RegionMembership {
  const cache = new Map<string, ReadonlySet<string>>();
  return (region, state) => {
    let states = cache.get(region);
    if (!states) {
      states = new Set(context.regionStates(region));
      cache.set(region, states);
    }
    return states.has(state);
  };
}

export function hasCapacityLeft(offer: MatchableOffer): boolean {
  return offer.remainingEngagements === null || offer.remainingEngagements > 0;
}

/**
 * The route by which the offer serves the State, or null. An explicit State entry wins over a region, a named
 * region over `GLOBAL`, so the explanation is as specific as the offer is.
 */
export function offerServesState(
  offer: MatchableOffer,
  state: string,
  membership: RegionMembership,
): EligibilityRoute | null {
  if (offer.eligibleStates.includes(state)) return { kind: 'state' };
  let global = false;
  for (const region of offer.eligibleRegions) {
    if (region === GLOBAL_REGION) global = true;
    else if (membership(region, state)) return { kind: 'region', region };
  }
  return global ? { kind: 'global' } : null;
}

/** A request naming no domain accepts any; an offer naming none (or all five) serves all. */
export function domainsOverlap(requestDomains: readonly string[], offerDomains: readonly string[]): boolean {
  if (requestDomains.length === 0 || isAllDomains(offerDomains)) return true;
  return requestDomains.some((d) => offerDomains.includes(d));
}

/**
 * Windows are compared bound by bound: the request must not start after the offer ends, and the offer must not
 * start after the request ends. A bound that is absent on either side constrains nothing, so two complete
 * windows must overlap and a half-open one is checked on the side it has.
 */
export function windowsOverlap(
  requestStart: number | null,
  requestEnd: number | null,
  offerFrom: number | null,
  offerUntil: number | null,
): boolean {
  if (requestStart !== null && offerUntil !== null && requestStart > offerUntil) return false;
  if (offerFrom !== null && requestEnd !== null && offerFrom > requestEnd) return false;
  return true;
}

export function checkEligibility(
  request: MatchableRequest,
  offer: MatchableOffer,
  context: ScoringContext,
  membership: RegionMembership = (region, state) => context.regionStates(region).includes(state),
): Eligibility {
  if (!offer.active) return { eligible: false, reason: 'offer_inactive', detail: `offer ${offer.id} is not active` };
  if (!hasCapacityLeft(offer)) {
    return { eligible: false, reason: 'no_capacity', detail: `offer ${offer.id} has no engagements left` };
  }
  const via = offerServesState(offer, request.state, membership);
  if (!via) {
    return { eligible: false, reason: 'state_not_served', detail: `offer ${offer.id} does not serve ${request.state}` };
  }
  if (!domainsOverlap(request.domains, offer.domains)) {
    return {
      eligible: false,
      reason: 'no_domain_overlap',
      detail: `offer ${offer.id} covers ${offer.domains.join(', ')}, request asks for ${request.domains.join(', ')}`,
    };
  }
  const overlap = windowsOverlap(
    dayNumber(request.desiredStart),
    dayNumber(request.desiredEnd),
    dayNumber(offer.availableFrom),
    dayNumber(offer.availableUntil),
  );
  if (!overlap) {
    return {
      eligible: false,
      reason: 'availability_disjoint',
      detail: `offer ${offer.id} is available ${offer.availableFrom ?? '…'} to ${offer.availableUntil ?? '…'}, request wants ${request.desiredStart ?? '…'} to ${request.desiredEnd ?? '…'}`,
    };
  }
  return { eligible: true, via };
}
