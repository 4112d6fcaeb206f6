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

/** What can be wrong with a field of a profile; the API words each one from its catalogues (`errors.weights.<problem>`). */
export type WeightsProfileProblem = 'nonNegativeInteger' | 'nonNegativeNumber' | 'notAComponent' | 'allZero' | 'unitInterval' | 'positiveInteger';

interface WeightsProfileIssue {
  field: string;
  problem: WeightsProfileProblem;
}

// The same words as the English catalogue, for the errors pure code throws.
const IN_ENGLISH: Record<WeightsProfileProblem, string> = {
  nonNegativeInteger: 'must be a non-negative integer',
  nonNegativeNumber: 'must be a number ≥ 0',
  notAComponent: 'is not a component',
  allZero: 'must not all be zero',
  unitInterval: 'must be in [0, 1]',
  positiveInteger: 'must be a positive integer',
};

/** Everything wrong with a profile, one issue per field; empty when the profile is usable. */
export function weightsProfileIssues(profile: WeightsProfile): WeightsProfileIssue[] {
  const issues: WeightsProfileIssue[] = [];
  if (!Number.isInteger(profile.version) || profile.version < 0) issues.push({ field: 'version', problem: 'nonNegativeInteger' });
  const weights = profile.weights ?? ({} as Record<string, number>);
  let total = 0;
  for (const key of COMPONENT_KEYS) {
    const w = weights[key];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) issues.push({ field: `weights.${key}`, problem: 'nonNegativeNumber' });
    else total += w;
  }
  for (const key of Object.keys(weights)) {
    if (!(COMPONENT_KEYS as readonly string[]).includes(key)) issues.push({ field: `weights.${key}`, problem: 'notAComponent' });
  }
  if (issues.length === 0 && total <= 0) issues.push({ field: 'weights', problem: 'allZero' });
  if (typeof profile.threshold !== 'number' || !(profile.threshold >= 0 && profile.threshold <= 1)) {
    issues.push({ field: 'threshold', problem: 'unitInterval' });
  }
  if (!Number.isInteger(profile.topK) || profile.topK < 1) issues.push({ field: 'topK', problem: 'positiveInteger' });
  return issues;
}

/** Everything wrong with a profile in English, one message per field (`topK must be a positive integer`). */
export function weightsProfileProblems(profile: WeightsProfile): string[] {
  return weightsProfileIssues(profile).map((i) => `${i.field} ${IN_ENGLISH[i.problem]}`);
}

export function assertWeightsProfile(profile: WeightsProfile): void {
  const problems = weightsProfileProblems(profile);
  if (problems.length > 0) throw new RangeError(`invalid weights profile: ${problems.join('; ')}`);
}
