import { COMPONENT_KEYS, type WeightsProfile } from './types';

/**
 * What a request asks for first: which provisions and which kinds of help. Those two carry just over half the
 * weight, so an offer sharing neither can reach at most 1 − 0.52 = 0.48 — an explicit bound the candidate index
 * relies on (see candidate-index.ts). Domain, institution and text refine the order among offers that do share
 * codes; budget, timing, language, preference and track record break near-ties.
 */
export const DEFAULT_WEIGHTS_PROFILE: WeightsProfile = Object.freeze({
  version: 1,
  weights: Object.freeze({
    provisionCoverage: 0.3,
    assistanceTypeCoverage: 0.22,
    domainCoverage: 0.08,
    targetInstitutionFit: 0.1,
    textRelevance: 0.12,
    budgetFit: 0.03,
    timingFit: 0.03,
    languageFit: 0.05,
    preferredProvider: 0.03,
    priorWork: 0.04,
  }),
  threshold: 0.35,
  topK: 10,
});

/** Everything wrong with a profile, one message per field; empty when the profile is usable. */
export function weightsProfileProblems(profile: WeightsProfile): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(profile.version) || profile.version < 0)
    problems.push('version must be a non-negative integer');
  const weights = profile.weights ?? ({} as Record<string, number>);
  let total = 0;
  for (const key of COMPONENT_KEYS) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) problems.push(`weights.${key} must be a number ≥ 0`);
    else total += w;
  }
  for (const key of Object.keys(weights)) {
    if (!(COMPONENT_KEYS as readonly string[]).includes(key)) problems.push(`weights.${key} is not a component`);
  }
  if (problems.length === 0 && total <= 0) problems.push('weights must not all be zero');
  if (typeof profile.threshold !== 'number' || !(profile.threshold >= 0 && profile.threshold <= 1)) {
    problems.push('threshold must be in [0, 1]');
  }
  if (!Number.isInteger(profile.topK) || profile.topK < 1) problems.push('topK must be a positive integer');
  return problems;
}

export function assertWeightsProfile(profile: WeightsProfile): void {
  const problems = weightsProfileProblems(profile);
  if (problems.length > 0) throw new RangeError(`invalid weights profile: ${problems.join('; ')}`);
}
