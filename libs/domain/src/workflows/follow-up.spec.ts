import fc from 'fast-check';
import { addMonths, followUpDue } from './follow-up';

const at = (iso: string) => new Date(iso);

describe('addMonths', () => {
  it.each([
    ['mid-month', '2024-05-15T10:00:00Z', 1, '2024-06-15T10:00:00Z'],
    ['into the next year', '2024-12-15T10:00:00Z', 1, '2025-01-15T10:00:00Z'],
    ['31 January → 28 February', '2023-01-31T23:00:00Z', 1, '2023-02-28T23:00:00Z'],
    ['31 January → 29 February in a leap year', '2024-01-31T00:00:00Z', 1, '2024-02-29T00:00:00Z'],
    ['31 May → 30 June', '2024-05-31T12:00:00Z', 1, '2024-06-30T12:00:00Z'],
    ['leap day + 12 → 28 February', '2024-02-29T09:00:00Z', 12, '2025-02-28T09:00:00Z'],
    ['leap day + 48 → leap day', '2024-02-29T09:00:00Z', 48, '2028-02-29T09:00:00Z'],
    ['backwards from 31 March', '2024-03-31T00:00:00Z', -1, '2024-02-29T00:00:00Z'],
    ['backwards across a year', '2024-01-10T00:00:00Z', -13, '2022-12-10T00:00:00Z'],
    ['zero months', '2024-01-31T05:06:07.089Z', 0, '2024-01-31T05:06:07.089Z'],
  ])('%s', (_, from, months, to) => {
    expect(addMonths(at(from), months)).toEqual(at(to));
  });

  it('rejects a fractional number of months', () => {
    expect(() => addMonths(at('2024-01-01T00:00:00Z'), 1.5)).toThrow(RangeError);
  });

  it('lands in the target month, on the same day or the last day of a shorter month, at the same time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: at('1900-01-01T00:00:00Z'), max: at('2200-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -240, max: 240 }),
        (date, months) => {
          const result = addMonths(date, months);
          const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
          expect(monthIndex(result) - monthIndex(date)).toBe(months);
          const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
          expect(result.getUTCDate()).toBe(Math.min(date.getUTCDate(), lastDay));
          expect(result.toISOString().slice(11)).toBe(date.toISOString().slice(11));
        },
      ),
    );
  });
});

describe('followUpDue', () => {
  it('falls due twelve months after delivery', () => {
    expect(followUpDue(at('2022-12-06T09:30:00Z'))).toEqual(at('2023-12-06T09:30:00Z'));
  });
});
