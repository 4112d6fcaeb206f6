import { fieldWithNul } from './validation';

describe('fieldWithNul', () => {
  it('names the field whose string holds U+0000, at any depth', () => {
    expect(fieldWithNul({ title: 'ok', capacity: { budget: { currency: 'E\u0000UR' } } })).toBe('capacity.budget.currency');
    expect(fieldWithNul({ languages: ['en', 'm\u0000n'] })).toBe('languages.1');
    expect(fieldWithNul({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(fieldWithNul('a\u0000', ['id'])).toBe('id');
    expect(fieldWithNul('\u0000')).toBe('(body)');
  });

  it('passes everything else, including other control characters and deep nesting', () => {
    expect(fieldWithNul({ q: 'Монгол улс\t\u0001', n: 3, none: null, list: [] })).toBeNull();
    let deep: unknown = 'fine';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(fieldWithNul(deep)).toBeNull();
  });
});
