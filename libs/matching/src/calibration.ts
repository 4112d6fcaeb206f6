import { statusLabel } from './learning';

// What a score has meant so far (issue 15 item 5): of the suggestions the Committee and the parties decided on,
// how many at about this score were taken up. Scores are grouped in bands of CALIBRATION_BAND_WIDTH; a band says
// something once it holds MIN_CALIBRATION_DECISIONS decisions. A decision is labelled as the weights learning
// labels it (learning.ts: endorsed, accepted, agreed, delivered → taken up; dismissed, declined, rejected or
// poorly rated → turned down).

export const CALIBRATION_BAND_WIDTH = 0.1;
export const CALIBRATION_BANDS = Math.round(1 / CALIBRATION_BAND_WIDTH);
export const MIN_CALIBRATION_DECISIONS = 5;

/** Decided matches counted by score band, status and whether their feedback was poor (a query's rows). */
export interface DecisionCount {
  band: number;
  status: string;
  poorlyRated: boolean;
  count: number;
}

/** One band's record: scores in [from, to), the decisions made on suggestions there, and how many were taken up. */
export interface ScoreBand {
  from: number;
  to: number;
  decided: number;
  takenUp: number;
}

/** The band a score falls in: 0 for [0, 0.1), …, the last one closed at 1. */
export function scoreBand(score: number): number {
  return Math.min(CALIBRATION_BANDS - 1, Math.max(0, Math.floor(score * CALIBRATION_BANDS)));
}

/** Every band, from the counts; statuses that are not decisions are left out. */
export function calibrationBands(counts: readonly DecisionCount[]): ScoreBand[] {
  const bands = Array.from({ length: CALIBRATION_BANDS }, (_, b) => ({
    from: round(b * CALIBRATION_BAND_WIDTH),
    to: round((b + 1) * CALIBRATION_BAND_WIDTH),
    decided: 0,
    takenUp: 0,
  }));
  for (const c of counts) {
    const label = statusLabel(c.status, c.poorlyRated);
    const band = bands[Math.min(CALIBRATION_BANDS - 1, Math.max(0, c.band))];
    if (label === null) continue;
    band.decided += c.count;
    if (label === 1) band.takenUp += c.count;
  }
  return bands;
}

/** The record of the score's band, or null when the score is unknown or the band has too few decisions. */
export function calibrationAt(score: number | null, bands: readonly ScoreBand[]): ScoreBand | null {
  if (score === null) return null;
  const band = bands[scoreBand(score)];
  return band && band.decided >= MIN_CALIBRATION_DECISIONS ? band : null;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
