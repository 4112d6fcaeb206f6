import { fromMinorUnits, toMinorUnits } from '../format';
import type { TaxonomyLookup } from '../taxonomy/use-taxonomy';

interface Money {
  amount: number;
  currency: string;
}

/** How many minor units the currency has (2 when unknown or unset). */
export function minorUnitsOf(lookup: TaxonomyLookup | undefined, currency: string | null | undefined): number {
  return currency ? (lookup?.currency(currency)?.minorUnits ?? 2) : 2;
}

/** A stored amount as the form shows it: in major units, or empty. */
export function moneyToMajor(money: Money | null | undefined, lookup: TaxonomyLookup | undefined): number | string {
  return money ? fromMinorUnits(money.amount, minorUnitsOf(lookup, money.currency)) : '';
}

/** A typed amount (major units) and currency as the API takes them, or null when either is missing. */
export function moneyFromMajor(
  amount: number | string,
  currency: string | null,
  lookup: TaxonomyLookup | undefined,
): Money | null {
  const major = typeof amount === 'number' ? amount : Number.parseFloat(amount);
  return Number.isFinite(major) && currency
    ? { amount: toMinorUnits(major, minorUnitsOf(lookup, currency)), currency }
    : null;
}

/**
 * Whether a typed amount has more decimals than its currency's minor units (12.345 USD): the form refuses it
 * with a message instead of rounding it, as the API only ever sees whole minor units.
 */
export function hasTooManyDecimals(amount: number | string, minorUnits: number): boolean {
  const major = typeof amount === 'number' ? amount : Number.parseFloat(amount);
  if (!Number.isFinite(major)) return false;
  const minor = major * 10 ** minorUnits;
  // Binary fractions make 12.34 * 100 come out as 1233.9999…: only a real remainder counts.
  return Math.abs(minor - Math.round(minor)) > 1e-6;
}
