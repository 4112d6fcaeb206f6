export const OBJECTION_WINDOW_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;

function isWeekend(time: Date): boolean {
  const day = time.getUTCDay();
  return day === 0 || day === 6;
}

function nextMondayMidnight(time: Date): Date {
  const daysAhead = (8 - time.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate() + daysAhead));
}

/**
 * When the requesting State's objection window closes. Working days are Monday to Friday in UTC; public
 * holidays are not modelled. The window closes at the same time of day on the `workingDays`-th working day
 * after acknowledgement: Friday 15:00 → the next Friday 15:00, Wednesday 10:00 → the next Wednesday 10:00.
 * An acknowledgement at the weekend counts from Monday 00:00: Saturday or Sunday → the Monday after next, 00:00.
 */
export function objectionWindowCloses(acknowledgedAt: Date, workingDays = OBJECTION_WINDOW_WORKING_DAYS): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`workingDays must be a non-negative integer, got ${workingDays}`);
  }
  let day = isWeekend(acknowledgedAt) ? nextMondayMidnight(acknowledgedAt) : acknowledgedAt;
  let counted = 0;
  while (counted < workingDays) {
    day = new Date(day.getTime() + DAY_MS);
    if (!isWeekend(day)) counted += 1;
  }
  return new Date(day.getTime());
}

export interface CirculationWindow {
  readonly acknowledgedAt: Date;
  /** The State waived its objection window, so the request may circulate at once. */
  readonly waived: boolean;
  readonly now: Date;
  /** When the State objected to circulation (by letter or in the app), if the objection stands. */
  readonly objectedAt?: Date | null;
}

export type CirculationCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly why: 'window_open'; readonly closesAt: Date }
  | { readonly ok: false; readonly why: 'objection'; readonly objectedAt: Date };

/** An objection blocks circulation until it is withdrawn, waiver or not; otherwise the window decides. */
export function canCirculate({ acknowledgedAt, waived, now, objectedAt }: CirculationWindow): CirculationCheck {
  if (objectedAt) return { ok: false, why: 'objection', objectedAt };
  if (waived) return { ok: true };
  const closesAt = objectionWindowCloses(acknowledgedAt);
  return now.getTime() >= closesAt.getTime() ? { ok: true } : { ok: false, why: 'window_open', closesAt };
}

/** The State's coordinator may object in the app while the window is open: acknowledged, not waived, not closed. */
export function objectionWindowOpen({ acknowledgedAt, waived, now }: { acknowledgedAt: Date | null; waived: boolean; now: Date }): boolean {
  if (waived || !acknowledgedAt) return false;
  return now.getTime() < objectionWindowCloses(acknowledgedAt).getTime();
}
