import { majorUnits } from './csv-columns';

describe('money in CSV cells', () => {
  it.each([
    [150_000_00, 'USD', '150000.00'],
    [5, 'EUR', '0.05'],
    [0, 'USD', '0.00'],
    [1234, 'JPY', '1234'],
    [1_234_567, 'KWD', '1234.567'],
  ])('%d minor units of %s are %s', (amount, currency, cell) => {
    expect(majorUnits(amount, currency)).toBe(cell);
  });

  it('is empty without an amount', () => {
    expect(majorUnits(null, 'USD')).toBeNull();
    expect(majorUnits(undefined, undefined)).toBeNull();
  });
});
