/** Resolution 2663 OP20: the committee asks both sides for feedback a year after delivery. */
export const FOLLOW_UP_MONTHS = 12;

/**
 * The same UTC day and time `months` calendar months later (or earlier, when negative). When the target
 * month is shorter, the result is its last day: 31 January + 1 month is 28 (or 29) February.
 */
export function addMonths(date: Date, months: number): Date {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  const firstOfTarget = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const daysInTarget = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(
    firstOfTarget.getUTCFullYear(),
    firstOfTarget.getUTCMonth(),
    Math.min(date.getUTCDate(), daysInTarget),
  );
  return result;
}

export function followUpDue(deliveredAt: Date): Date {
  return addMonths(deliveredAt, FOLLOW_UP_MONTHS);
}
