import { changedKeys, pickValues } from './changes';

describe('changedKeys', () => {
  it('lists only the keys whose values differ', () => {
    const before = { title: 'A', provisions: ['OP3d'], start: null, cost: [100, 'USD'] };
    expect(changedKeys(before, { title: 'A', provisions: ['OP3d'], start: undefined, cost: [100, 'USD'] })).toEqual([]);
    expect(changedKeys(before, { title: 'B', provisions: ['OP3d', 'OP2'], start: '2027-01-01', cost: [100, 'EUR'] })).toEqual([
      'title',
      'provisions',
      'start',
      'cost',
    ]);
  });

  it('compares what was picked from a record', () => {
    const row = { title: 'A', description: 'x', version: 3 };
    expect(pickValues(row, ['title', 'description'])).toEqual({ title: 'A', description: 'x' });
  });
});
