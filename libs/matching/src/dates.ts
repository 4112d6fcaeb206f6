const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Days since 1970-01-01 for a `YYYY-MM-DD` string (a longer ISO timestamp is cut to its date). Missing or
 * malformed dates read as "no bound", so a typo widens a window instead of excluding an offer.
 */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}
