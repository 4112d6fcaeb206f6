import {
  areaUnderCurve,
  decisionFeatures,
  decisionLabel,
  learnWeightsProfile,
  MIN_DECISIONS,
  type DecisionExample,
} from './learning';
import { COMPONENT_KEYS } from './types';
import { DEFAULT_WEIGHTS_PROFILE } from './weights-profile';

/** A small deterministic generator (mulberry32), so the examples are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function example(values: number[], label: 0 | 1): DecisionExample {
  return { components: COMPONENT_KEYS.map((key, k) => ({ key, value: values[k] })), label };
}

/** Pairs with random component values, labelled by `decide` on them (with a little noise). */
function decisions(n: number, seed: number, decide: (values: number[]) => number): DecisionExample[] {
  const next = random(seed);
  return Array.from({ length: n }, () => {
    const values = COMPONENT_KEYS.map(() => next());
    const p = decide(values);
    return example(values, next() < p ? 1 : 0);
  });
}

const TEXT = COMPONENT_KEYS.indexOf('textRelevance');
const PROVISIONS = COMPONENT_KEYS.indexOf('provisionCoverage');

describe('areaUnderCurve', () => {
  it('is 1 for a perfect order, 0 for a reversed one, 0.5 for ties or one kind only', () => {
    expect(areaUnderCurve([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(areaUnderCurve([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(areaUnderCurve([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(areaUnderCurve([0.1, 0.2], [1, 1])).toBe(0.5);
    expect(areaUnderCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
  });
});

describe('decisionLabel', () => {
  const match = (status: string, requesterRating: number | null = null, providerRating: number | null = null) => ({
    status,
    requesterRating,
    providerRating,
  });

  it('reads a suggestion taken up as 1, turned down as 0, undecided as nothing', () => {
    for (const status of ['endorsed', 'accepted', 'agreed', 'in_progress', 'completed']) {
      expect(decisionLabel(match(status))).toBe(1);
    }
    for (const status of ['dismissed', 'declined', 'rejected']) expect(decisionLabel(match(status))).toBe(0);
    for (const status of ['suggested', 'cancelled', 'retired']) expect(decisionLabel(match(status))).toBeNull();
  });

  it('lets poor feedback on a delivered match count against its suggestion', () => {
    expect(decisionLabel(match('completed', 1, 3))).toBe(0);
    expect(decisionLabel(match('completed', 2, null))).toBe(0);
    expect(decisionLabel(match('completed', 3, 4))).toBe(1);
  });
});

describe('decisionFeatures', () => {
  it('scales every component but text by the text support, as the score does', () => {
    const none = decisionFeatures(example([1, 1, 1, 1, 0, 1, 1, 1, 1, 1], 1).components);
    expect(none[PROVISIONS]).toBe(0.5);
    expect(none[TEXT]).toBe(0);
    const full = decisionFeatures(example([1, 1, 1, 1, 0.5, 1, 1, 1, 1, 1], 1).components);
    expect(full[PROVISIONS]).toBe(1);
    expect(full[TEXT]).toBe(0.5);
  });
});

describe('learnWeightsProfile', () => {
  it('proposes nothing on too few or one-sided decisions', () => {
    const few = decisions(MIN_DECISIONS - 1, 1, () => 0.5);
    expect(learnWeightsProfile(few, DEFAULT_WEIGHTS_PROFILE)).toMatchObject({ ok: false, reason: 'too_few_decisions' });
    const allYes = decisions(100, 2, () => 1);
    expect(learnWeightsProfile(allYes, DEFAULT_WEIGHTS_PROFILE)).toMatchObject({
      ok: false,
      reason: 'one_sided_decisions',
      positives: 100,
    });
  });

  it('moves weight to what the decisions follow, and predicts held-out decisions better than the current profile', () => {
    // Experts here take a suggestion up when the texts agree, whatever the codes say.
    const examples = decisions(300, 3, (v) => 1 / (1 + Math.exp(-12 * (v[TEXT] - 0.5))));
    const outcome = learnWeightsProfile(examples, DEFAULT_WEIGHTS_PROFILE);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { profile, current, proposed } = outcome.learned;
    const total = COMPONENT_KEYS.reduce((s, k) => s + profile.weights[k], 0);
    expect(total).toBeCloseTo(1, 3);
    expect(profile.weights.textRelevance).toBeGreaterThan(2 * DEFAULT_WEIGHTS_PROFILE.weights.textRelevance);
    expect(profile.weights.textRelevance).toBeGreaterThan(profile.weights.provisionCoverage);
    expect(proposed.auc).toBeGreaterThan(current.auc + 0.1);
    expect(proposed.logLoss).toBeLessThan(current.logLoss);
    expect(profile).toMatchObject({
      version: DEFAULT_WEIGHTS_PROFILE.version + 1,
      threshold: DEFAULT_WEIGHTS_PROFILE.threshold,
      topK: DEFAULT_WEIGHTS_PROFILE.topK,
    });
  });

  it('stays near the current profile when the decisions follow its own score', () => {
    const w = COMPONENT_KEYS.map((k) => DEFAULT_WEIGHTS_PROFILE.weights[k]);
    const examples = decisions(250, 4, (v) => {
      const x = decisionFeatures(example(v, 1).components);
      const score = x.reduce((s, xi, k) => s + xi * w[k], 0);
      return 1 / (1 + Math.exp(-15 * (score - 0.4)));
    });
    const outcome = learnWeightsProfile(examples, DEFAULT_WEIGHTS_PROFILE);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    for (const k of COMPONENT_KEYS) {
      expect(Math.abs(outcome.learned.profile.weights[k] - DEFAULT_WEIGHTS_PROFILE.weights[k])).toBeLessThan(0.08);
    }
  });

  it('gives the same proposal for the same decisions', () => {
    const examples = decisions(80, 5, (v) => v[PROVISIONS]);
    expect(learnWeightsProfile(examples, DEFAULT_WEIGHTS_PROFILE)).toEqual(
      learnWeightsProfile(examples, DEFAULT_WEIGHTS_PROFILE),
    );
  });
});
