import fc from 'fast-check';
import { canCirculate, objectionWindowCloses, objectionWindowOpen } from './objection-window';

const at = (iso: string) => new Date(iso);

describe('objectionWindowCloses', () => {
  it.each([
    ['Friday 15:00 → next Friday 15:00', '2024-03-01T15:00:00Z', '2024-03-08T15:00:00Z'],
    ['Wednesday 10:00 → next Wednesday 10:00', '2024-03-06T10:00:00Z', '2024-03-13T10:00:00Z'],
    ['Monday 00:00 → next Monday 00:00', '2024-03-04T00:00:00Z', '2024-03-11T00:00:00Z'],
    ['Friday 23:59 → next Friday 23:59', '2024-03-01T23:59:59Z', '2024-03-08T23:59:59Z'],
    ['Saturday → the Monday after next, 00:00', '2024-03-02T10:00:00Z', '2024-03-11T00:00:00Z'],
    ['Sunday 23:59 → the Monday after next, 00:00', '2024-03-03T23:59:00Z', '2024-03-11T00:00:00Z'],
    ['leap-day Thursday → Thursday in March', '2024-02-29T12:00:00Z', '2024-03-07T12:00:00Z'],
    ['New Year’s Eve → into the next year', '2024-12-31T08:30:00Z', '2025-01-07T08:30:00Z'],
    ['Mongolia, Friday 15 May 2020 → Friday 22 May', '2020-05-15T06:00:00Z', '2020-05-22T06:00:00Z'],
  ])('%s', (_, acknowledged, closes) => {
    expect(objectionWindowCloses(at(acknowledged))).toEqual(at(closes));
  });

  it('counts other window lengths in working days', () => {
    expect(objectionWindowCloses(at('2024-03-01T15:00:00Z'), 1)).toEqual(at('2024-03-04T15:00:00Z'));
    expect(objectionWindowCloses(at('2024-03-04T09:00:00Z'), 10)).toEqual(at('2024-03-18T09:00:00Z'));
    expect(objectionWindowCloses(at('2024-03-06T10:00:00Z'), 0)).toEqual(at('2024-03-06T10:00:00Z'));
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => objectionWindowCloses(at('2024-03-01T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => objectionWindowCloses(at('2024-03-01T00:00:00Z'), 2.5)).toThrow(RangeError);
  });

  it('adds two weekend days for every weekend a weekday acknowledgement crosses', () => {
    const weekday = fc
      .date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .filter((date) => date.getUTCDay() >= 1 && date.getUTCDay() <= 5);
    fc.assert(
      fc.property(weekday, fc.integer({ min: 0, max: 40 }), (acknowledged, days) => {
        const mondayBased = acknowledged.getUTCDay() - 1;
        const calendarDays = days + 2 * Math.floor((mondayBased + days) / 5);
        expect(objectionWindowCloses(acknowledged, days).getTime()).toBe(
          acknowledged.getTime() + calendarDays * 86_400_000,
        );
      }),
    );
  });

  it('does not mutate its input', () => {
    const acknowledged = at('2024-03-01T15:00:00Z');
    objectionWindowCloses(acknowledged);
    expect(acknowledged).toEqual(at('2024-03-01T15:00:00Z'));
  });
});

describe('canCirculate', () => {
  const acknowledgedAt = at('2024-03-01T15:00:00Z');
  const closesAt = at('2024-03-08T15:00:00Z');

  it('waits for the window while it is open', () => {
    expect(canCirculate({ acknowledgedAt, waived: false, now: at('2024-03-08T14:59:59Z') })).toEqual({
      ok: false,
      why: 'window_open',
      closesAt,
    });
  });

  it('allows circulation from the moment the window closes', () => {
    expect(canCirculate({ acknowledgedAt, waived: false, now: closesAt })).toEqual({ ok: true });
    expect(canCirculate({ acknowledgedAt, waived: false, now: at('2024-04-01T00:00:00Z') })).toEqual({ ok: true });
  });

  it('allows circulation at once when the State waived the window', () => {
    expect(canCirculate({ acknowledgedAt, waived: true, now: acknowledgedAt })).toEqual({ ok: true });
  });
});

describe('objections', () => {
  const acknowledgedAt = new Date('2024-03-01T15:00:00Z');
  it('an objection blocks circulation even after the window and with a waiver', () => {
    const objectedAt = new Date('2024-03-02T10:00:00Z');
    expect(canCirculate({ acknowledgedAt, waived: true, now: new Date('2024-04-01T00:00:00Z'), objectedAt })).toEqual({ ok: false, why: 'objection', objectedAt });
  });
  it('the coordinator may object only while the window is open', () => {
    expect(objectionWindowOpen({ acknowledgedAt, waived: false, now: new Date('2024-03-08T14:59:59Z') })).toBe(true);
    expect(objectionWindowOpen({ acknowledgedAt, waived: false, now: new Date('2024-03-08T15:00:00Z') })).toBe(false);
    expect(objectionWindowOpen({ acknowledgedAt, waived: true, now: new Date('2024-03-04T10:00:00Z') })).toBe(false);
    expect(objectionWindowOpen({ acknowledgedAt: null, waived: false, now: new Date('2024-03-04T10:00:00Z') })).toBe(false);
  });
});
