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
}

export type CirculationCheck = { readonly ok: true } | { readonly ok: false; readonly closesAt: Date };

export function canCirculate({ acknowledgedAt, waived, now }: CirculationWindow): CirculationCheck {
  if (waived) return { ok: true };
  const closesAt = objectionWindowCloses(acknowledgedAt);
  return now.getTime() >= closesAt.getTime() ? { ok: true } : { ok: false, closesAt };
}
