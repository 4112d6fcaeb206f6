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
