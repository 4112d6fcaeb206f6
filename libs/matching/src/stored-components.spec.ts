import { componentsFromStored, storedComponents, storedComponentsJson } from './stored-components';
import type { ScoreComponent } from './types';

describe('stored components', () => {
  const components: ScoreComponent[] = [
    { key: 'provisionCoverage', value: 2 / 3, weight: 0.3, contribution: (0.3 * 2) / 3 / 1.7 },
    { key: 'textRelevance', value: 0, weight: 0.25, contribution: 0 },
    { key: 'budgetFit', value: 1e-17, weight: 1, contribution: 5e-324 },
  ];

  it('round-trips every number exactly, through the JSON text the writer makes', () => {
    const text = storedComponentsJson(components);
    expect(JSON.parse(text)).toEqual(storedComponents(components));
    expect(componentsFromStored(JSON.parse(text))).toEqual(components);
  });

  it('is a third shorter than the objects', () => {
    expect(storedComponentsJson(components).length).toBeLessThan(JSON.stringify(components).length * 0.7);
  });

  it('writes non-finite numbers as null, as JSON.stringify does', () => {
    const odd = [{ key: 'timingFit', value: Number.NaN, weight: Infinity, contribution: 0 }] as ScoreComponent[];
    expect(JSON.parse(storedComponentsJson(odd))).toEqual(JSON.parse(JSON.stringify(storedComponents(odd))));
    expect(JSON.parse(storedComponentsJson(odd))).toEqual([['timingFit', null, null, 0]]);
  });

  it('reads rows stored as objects, and nothing as no components', () => {
    expect(componentsFromStored(components)).toEqual(components);
    expect(componentsFromStored(null)).toEqual([]);
    expect(componentsFromStored([])).toEqual([]);
    expect(storedComponentsJson([])).toBe('[]');
  });
});
