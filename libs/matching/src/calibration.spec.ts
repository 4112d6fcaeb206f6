import { calibrationAt, calibrationBands, scoreBand } from './calibration';

describe('calibration', () => {
  it('puts scores in tenths, the last band closed at 1', () => {
    expect([0, 0.09, 0.1, 0.55, 0.999, 1].map(scoreBand)).toEqual([0, 0, 1, 5, 9, 9]);
  });

  it('counts decisions as the weights learning labels them and ignores undecided statuses', () => {
    const bands = calibrationBands([
      { band: 7, status: 'endorsed', poorlyRated: false, count: 4 },
      { band: 7, status: 'completed', poorlyRated: true, count: 1 },
      { band: 7, status: 'dismissed', poorlyRated: false, count: 2 },
      { band: 7, status: 'suggested', poorlyRated: false, count: 30 },
      { band: 2, status: 'declined', poorlyRated: false, count: 1 },
    ]);
    expect(bands[7]).toEqual({ from: 0.7, to: 0.8, decided: 7, takenUp: 4 });
    expect(bands[2]).toEqual({ from: 0.2, to: 0.3, decided: 1, takenUp: 0 });
    expect(bands.reduce((n, b) => n + b.decided, 0)).toBe(8);
  });

  it('says nothing for a band with fewer than five decisions, or an unscored match', () => {
    const bands = calibrationBands([
      { band: 7, status: 'endorsed', poorlyRated: false, count: 5 },
      { band: 3, status: 'endorsed', poorlyRated: false, count: 4 },
    ]);
    expect(calibrationAt(0.75, bands)).toEqual({ from: 0.7, to: 0.8, decided: 5, takenUp: 5 });
    expect(calibrationAt(0.35, bands)).toBeNull();
    expect(calibrationAt(null, bands)).toBeNull();
  });
});
