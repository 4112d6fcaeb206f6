import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  evaluate,
  ndcgAtK,
  parseEvaluationSet,
  precisionAtK,
  rankByTaxonomyJaccard,
  taxonomyJaccard,
} from './evaluation';
import type { MatchableOffer, MatchableRequest } from './types';

const loadSet = () =>
  parseEvaluationSet(JSON.parse(readFileSync(join(__dirname, '../eval/evaluation-set.json'), 'utf8')));

describe('ranking metrics', () => {
  const grades = { a: 2, b: 1, c: 1 };

  it('precision@k counts judged offers among the first k, gaps as misses', () => {
    expect(precisionAtK(['a', 'x', 'b'], grades, 3)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK(['a'], grades, 3)).toBeCloseTo(1 / 3, 12);
    expect(precisionAtK([], grades, 3)).toBe(0);
  });

  it('nDCG@k is 1 for the ideal order and lower when a grade-2 offer drops', () => {
    expect(ndcgAtK(['a', 'b', 'c'], grades, 5)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['a', 'c', 'b'], grades, 5)).toBeCloseTo(1, 12);
    const swapped = ndcgAtK(['b', 'a', 'c'], grades, 5);
    expect(swapped).toBeLessThan(1);
    expect(swapped).toBeGreaterThan(ndcgAtK(['x', 'b', 'c', 'a'], grades, 5));
    expect(ndcgAtK([], {}, 5)).toBe(1);
    expect(ndcgAtK(['x'], {}, 5)).toBe(0);
  });

  it('taxonomy Jaccard compares codes axis by axis', () => {
    const r = {
      provisions: ['OP3d'],
      domains: ['NUCLEAR'],
      assistanceTypes: ['TRAINING'],
      targetInstitutions: [],
    } as unknown as MatchableRequest;
    const o = {
      id: 'o',
      provisions: ['OP3d', 'OP3c'],
      domains: [],
      assistanceTypes: ['TRAINING'],
      targetInstitutions: [],
    } as unknown as MatchableOffer;
    expect(taxonomyJaccard(r, o)).toBeCloseTo(2 / 4, 12);
    expect(rankByTaxonomyJaccard(r, [o, { ...o, id: 'none', provisions: [], assistanceTypes: [] }])).toEqual(['o']);
  });
});

describe('evaluation set', () => {
  it('is well formed: unique ids, known regions, judgements on known offers for every request', () => {
    const set = loadSet();
    expect(set.requests.length).toBeGreaterThanOrEqual(32);
    expect(set.offers.length).toBeGreaterThanOrEqual(44);
    expect(set.requests.filter((r) => r.id.startsWith('MNG-2020-'))).toHaveLength(4);
    expect(() => parseEvaluationSet({ ...set, judgements: { ...set.judgements, nope: {} } })).toThrow(
      /unknown request/,
    );
    expect(() => parseEvaluationSet({ ...set, judgements: { [set.requests[0].id]: { ghost: 2 } } })).toThrow(
      /unknown offer/,
    );
  });

  it('the engine ranks at least as well as taxonomy overlap alone', () => {
    const [engine, jaccard, filtered] = evaluate(loadSet()).systems;
    expect(engine.name).toBe('engine');
    expect(engine.ndcgAt5).toBeGreaterThanOrEqual(jaccard.ndcgAt5);
    expect(engine.ndcgAt5).toBeGreaterThanOrEqual(filtered.ndcgAt5);
    expect(engine.precisionAt3).toBeGreaterThanOrEqual(jaccard.precisionAt3);
  });
});
