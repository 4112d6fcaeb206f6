import { textSupport } from './score';
import { COMPONENT_KEYS, type ComponentKey, type ScoreComponent, type WeightsProfile } from './types';
import { assertWeightsProfile } from './weights-profile';

// Learning a weights profile from the Committee's decisions (issue 15 item 2). Every decided suggestion is a label:
// endorsed, accepted or rated well → 1; dismissed, declined, rejected or rated badly → 0. A pair's score is linear in
// the weights once its component values are known — Σ wᵢ·xᵢ / Σ wᵢ with xᵢ = textSupport(t)·vᵢ for every component
// but text and x_text = t (score.ts) — so a logistic regression on x with non-negative coefficients β gives a
// profile directly: w = β / Σβ. The fit is shrunk towards the current profile (an L2 penalty on β − k·w₀, k fitted
// first), so a handful of decisions moves the weights a little and many decisions move them further; the penalty's
// strength is chosen by k-fold cross-validation. Nothing here applies a profile: it is a proposal with its figures.

export interface DecisionExample {
  /** The pair's component values as stored with the match (any order; every key present). */
  components: readonly Pick<ScoreComponent, 'key' | 'value'>[];
  /** 1 when the Committee or the parties took the suggestion up, 0 when they turned it down. */
  label: 0 | 1;
}

export interface HeldOutFigures {
  /** Probability that a taken-up pair scores above a turned-down one (ties count half), on held-out folds. */
  auc: number;
  /** Mean negative log-likelihood of the held-out labels under a logistic curve fitted on the training folds. */
  logLoss: number;
}

export interface LearnedProfile {
  profile: WeightsProfile;
  examples: number;
  positives: number;
  /** The penalty strength cross-validation chose. */
  lambda: number;
  folds: number;
  current: HeldOutFigures;
  proposed: HeldOutFigures;
}

export type LearningOutcome =
  | { ok: true; learned: LearnedProfile }
  | { ok: false; reason: 'too_few_decisions' | 'one_sided_decisions'; examples: number; positives: number };

/** What a stored match says about its suggestion, for learning. */
export interface DecidedMatch {
  status: string;
  requesterRating: number | null;
  providerRating: number | null;
}

const TAKEN_UP_STATUSES = ['endorsed', 'accepted', 'agreed', 'in_progress', 'completed'] as const;
const TURNED_DOWN_STATUSES = ['dismissed', 'declined', 'rejected'] as const;
const TAKEN_UP = new Set<string>(TAKEN_UP_STATUSES);
const TURNED_DOWN = new Set<string>(TURNED_DOWN_STATUSES);
/** The statuses that make a match a decision (feedback only exists on completed matches, one of them). */
export const DECIDED_MATCH_STATUSES: readonly string[] = [...TAKEN_UP_STATUSES, ...TURNED_DOWN_STATUSES];

/**
 * A match's label, or null when it says nothing yet (still suggested, cancelled by events, retired). Taken up
 * (endorsed by the Committee, accepted, agreed, delivered) → 1; dismissed, declined or rejected → 0. Feedback on a
 * delivered match overrides: a mean rating of 2 or less out of 5 says the suggestion was not a good one after all.
 */
export function decisionLabel(match: DecidedMatch): 0 | 1 | null {
  const ratings = [match.requesterRating, match.providerRating].filter((r): r is number => r !== null);
  return statusLabel(match.status, ratings.length > 0 && ratings.reduce((a, b) => a + b, 0) / ratings.length <= 2);
}

/** `decisionLabel` when the ratings are already summed up: `poorlyRated` is a mean rating of 2 or less. */
export function statusLabel(status: string, poorlyRated: boolean): 0 | 1 | null {
  if (poorlyRated) return 0;
  if (TAKEN_UP.has(status)) return 1;
  if (TURNED_DOWN.has(status)) return 0;
  return null;
}

/** Decisions needed before a fit is attempted, and of each kind. */
export const MIN_DECISIONS = 30;
export const MIN_PER_LABEL = 5;
const LAMBDAS = [0.1, 1, 10];
const FOLDS = 5;
const TEXT = COMPONENT_KEYS.indexOf('textRelevance');

/** The features of a stored pair, in COMPONENT_KEYS order: what each weight multiplies in the score. */
export function decisionFeatures(components: DecisionExample['components']): Float64Array {
  const values = new Float64Array(COMPONENT_KEYS.length);
  for (const c of components) {
    const k = COMPONENT_KEYS.indexOf(c.key);
    if (k >= 0) values[k] = Math.min(1, Math.max(0, c.value));
  }
  const support = textSupport(values[TEXT]);
  for (let k = 0; k < values.length; k++) if (k !== TEXT) values[k] *= support;
  return values;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

function dot(a: Float64Array, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

interface Fit {
  intercept: number;
  beta: Float64Array;
}

/**
 * Penalised logistic regression, β ≥ 0, by projected gradient descent with a step that halves until the objective
 * falls (the objective is convex, so this converges). `prior` is what β is shrunk towards.
 */
function fitLogistic(xs: Float64Array[], ys: number[], lambda: number, prior: Float64Array): Fit {
  const d = prior.length;
  let beta = Float64Array.from(prior);
  let intercept = 0;
  const n = xs.length;
  const objective = (b: Float64Array, a: number) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const z = a + dot(b, xs[i]);
      // log(1 + e^z) − y·z, written to stay finite for large |z|
      loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - ys[i] * z;
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) penalty += (b[j] - prior[j]) ** 2;
    return loss / n + (lambda / 2) * penalty;
  };
  let current = objective(beta, intercept);
  let step = 1;
  const grad = new Float64Array(d);
  for (let iteration = 0; iteration < 500; iteration++) {
    grad.fill(0);
    let gIntercept = 0;
    for (let i = 0; i < n; i++) {
      const r = sigmoid(intercept + dot(beta, xs[i])) - ys[i];
      gIntercept += r;
      for (let j = 0; j < d; j++) grad[j] += r * xs[i][j];
    }
    gIntercept /= n;
    for (let j = 0; j < d; j++) grad[j] = grad[j] / n + lambda * (beta[j] - prior[j]);
    let improved = false;
    for (let tries = 0; tries < 30; tries++) {
      const next = beta.map((b, j) => Math.max(0, b - step * grad[j]));
      const nextIntercept = intercept - step * gIntercept;
      const value = objective(next, nextIntercept);
      if (value <= current - 1e-12) {
        const gain = current - value;
        beta = next;
        intercept = nextIntercept;
        current = value;
        step *= 1.5;
        improved = gain > 1e-10;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  return { intercept, beta };
}

/** AUC by ranks: the share of (positive, negative) pairs the scores order correctly, ties counting half. */
export function areaUnderCurve(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const midRank = (i + j + 1) / 2; // ranks i+1 … j, averaged over the tie
    for (let k = i; k < j; k++) {
      if (labels[order[k]] !== 1) continue;
      positives++;
      rankSum += midRank;
    }
    i = j;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

function logLossOf(probabilities: readonly number[], labels: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[i]));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/** Fold of each example: interleaved by label so every fold holds both kinds. Deterministic. */
function foldsOf(labels: readonly number[], folds: number): number[] {
  const out = new Array<number>(labels.length);
  const next = [0, 0];
  for (let i = 0; i < labels.length; i++) out[i] = next[labels[i]]++ % folds;
  return out;
}

/**
 * A proposed profile from decided pairs, or why none can be proposed. `current` supplies the shrinkage target, the
 * threshold, top k and version (the proposal's version is the next one).
 */
export function learnWeightsProfile(examples: readonly DecisionExample[], current: WeightsProfile): LearningOutcome {
  const positives = examples.filter((e) => e.label === 1).length;
  if (examples.length < MIN_DECISIONS)
    return { ok: false, reason: 'too_few_decisions', examples: examples.length, positives };
  if (positives < MIN_PER_LABEL || examples.length - positives < MIN_PER_LABEL) {
    return { ok: false, reason: 'one_sided_decisions', examples: examples.length, positives };
  }
  assertWeightsProfile(current);
  const xs = examples.map((e) => decisionFeatures(e.components));
  const ys = examples.map((e) => e.label);
  const w0 = Float64Array.from(COMPONENT_KEYS, (k) => current.weights[k]);
  const total0 = w0.reduce((a, b) => a + b, 0);
  const direction = w0.map((w) => w / total0);
  const fold = foldsOf(ys, FOLDS);

  // The current profile as a model: a logistic curve on its own score (one slope, one intercept).
  const scaledPrior = (train: number[]) => {
    const fit = fitLogistic(
      train.map((i) => Float64Array.of(dot(direction, xs[i]))),
      train.map((i) => ys[i]),
      0,
      Float64Array.of(1),
    );
    return direction.map((w) => w * fit.beta[0]);
  };

  const heldOut = (lambda: number | null) => {
    const probabilities = new Array<number>(xs.length);
    const scores = new Array<number>(xs.length);
    for (let f = 0; f < FOLDS; f++) {
      const train = ys.map((_, i) => i).filter((i) => fold[i] !== f);
      const prior = scaledPrior(train);
      const fit =
        lambda === null
          ? fitLogistic(
              train.map((i) => Float64Array.of(dot(prior, xs[i]))),
              train.map((i) => ys[i]),
              0,
              Float64Array.of(1),
            )
          : fitLogistic(
              train.map((i) => xs[i]),
              train.map((i) => ys[i]),
              lambda,
              prior,
            );
      for (let i = 0; i < xs.length; i++) {
        if (fold[i] !== f) continue;
        const z =
          lambda === null ? fit.intercept + fit.beta[0] * dot(prior, xs[i]) : fit.intercept + dot(fit.beta, xs[i]);
        probabilities[i] = sigmoid(z);
        scores[i] = z;
      }
    }
    return { auc: areaUnderCurve(scores, ys), logLoss: logLossOf(probabilities, ys) };
  };

  const currentFigures = heldOut(null);
  let best = { lambda: LAMBDAS[0], figures: heldOut(LAMBDAS[0]) };
  for (const lambda of LAMBDAS.slice(1)) {
    const figures = heldOut(lambda);
    if (figures.logLoss < best.figures.logLoss) best = { lambda, figures };
  }

  const all = ys.map((_, i) => i);
  const fit = fitLogistic(xs, ys, best.lambda, scaledPrior(all));
  const sum = fit.beta.reduce((a, b) => a + b, 0);
  // All coefficients at zero means the decisions say nothing the score can use: keep the current weights.
  const weights = Object.fromEntries(
    COMPONENT_KEYS.map((k, j) => [k, sum > 0 ? round(fit.beta[j] / sum) : direction[j]]),
  ) as Record<ComponentKey, number>;
  const profile: WeightsProfile = {
    version: current.version + 1,
    weights,
    threshold: current.threshold,
    topK: current.topK,
  };
  assertWeightsProfile(profile);
  return {
    ok: true,
    learned: {
      profile,
      examples: examples.length,
      positives,
      lambda: best.lambda,
      folds: FOLDS,
      current: currentFigures,
      proposed: best.figures,
    },
  };
}

/** Four decimals: a weight a person reads and can type back into the weights page. */
function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
