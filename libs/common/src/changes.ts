/**
 * The keys of `after` whose values differ from `before`'s, compared by value (arrays in order, nested objects
 * by their JSON form; undefined as null). An edit records and announces only these.
 */
export function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.keys(after).filter((key) => !same(before[key], after[key]));
}

/** The values of `keys` on `record`, for `changedKeys` before and after an edit. */
export function pickValues<T extends object>(record: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, (record as Record<string, unknown>)[key]]));
}
