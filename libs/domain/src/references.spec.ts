import fc from 'fast-check';
import { formatRequestReference, parseRequestReference } from './references';
import { STATE_CODES } from './taxonomy';

describe('request references', () => {
  it('formats State, year and a three-digit sequence', () => {
    expect(formatRequestReference('MNG', 2020, 3)).toBe('MNG-2020-003');
    expect(formatRequestReference('KAZ', 2024, 1234)).toBe('KAZ-2024-1234');
  });

  it.each([
    ['an unknown State', 'XXX', 2020, 1],
    ['a lower-case State', 'mng', 2020, 1],
    ['a two-digit year', 'MNG', 20, 1],
    ['sequence zero', 'MNG', 2020, 0],
    ['a fractional sequence', 'MNG', 2020, 1.5],
  ])('refuses to format %s', (_, state, year, seq) => {
    expect(() => formatRequestReference(state, year, seq)).toThrow(RangeError);
  });

  it('parses a reference into its parts', () => {
    expect(parseRequestReference('MNG-2020-003')).toEqual({ state: 'MNG', year: 2020, seq: 3 });
    expect(parseRequestReference('KAZ-2024-1234')).toEqual({ state: 'KAZ', year: 2024, seq: 1234 });
  });

  it.each([
    'mng-2020-003',
    'MNG-2020-03',
    'MNG-2020-0003',
    'MNG-2020-000',
    'XXX-2020-001',
    'MNG-0999-001',
    ' MNG-2020-003',
    'MNG/2020/003',
    '',
  ])('rejects %j', (reference) => {
    expect(parseRequestReference(reference)).toBeNull();
  });

  it('round-trips every reference it formats', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATE_CODES),
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (state, year, seq) => {
          expect(parseRequestReference(formatRequestReference(state, year, seq))).toEqual({ state, year, seq });
        },
      ),
    );
  });
});
