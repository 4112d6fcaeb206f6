import { comparesDescription, duplicateSimilarity } from './duplicates';

describe('duplicateSimilarity', () => {
  it('is the title figure alone when the draft has no description to compare', () => {
    expect(duplicateSimilarity(0.436, null)).toEqual({ title: 0.43, description: null, overall: 0.43 });
  });

  it('is the mean of title and description when both were compared', () => {
    expect(duplicateSimilarity(1, 0.2)).toEqual({ title: 1, description: 0.2, overall: 0.6 });
    expect(duplicateSimilarity(0.3, 0.9)).toEqual({ title: 0.3, description: 0.9, overall: 0.6 });
  });

  it('reads 100 % only when everything compared is the same', () => {
    expect(duplicateSimilarity(1, 1).overall).toBe(1);
    expect(duplicateSimilarity(1, null).overall).toBe(1);
    expect(duplicateSimilarity(1, 0.98).overall).toBeLessThan(1);
    expect(duplicateSimilarity(0.996, null).overall).toBe(0.99);
    expect(duplicateSimilarity(0.58, 0.57).overall).toBe(0.57);
  });
});

describe('comparesDescription', () => {
  it('compares a description once it is as long as a request needs', () => {
    expect(comparesDescription(undefined)).toBe(false);
    expect(comparesDescription('  Training.  ')).toBe(false);
    expect(comparesDescription('Training for licensing officers.')).toBe(true);
  });
});
