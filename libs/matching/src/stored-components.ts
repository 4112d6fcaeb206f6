import type { ComponentKey, ScoreComponent } from './types';

/**
 * A score component as `matches.components` stores it: `[key, value, weight, contribution]`. A full rescore writes
 * about 100,000 rows of ten components each; without the four property names in every component a row is about a
 * third shorter, and its bytes are most of what the worker sends and PostgreSQL writes (docs/performance.md,
 * "Fifth round"). Readers always get the objects (`componentsFromStored`).
 */
export type StoredComponent = [key: string, value: number | null, weight: number | null, contribution: number | null];

/** A component of this engine or of an earlier one (whose keys may differ), as documents and old rows hold them. */
type AnyComponent = Omit<ScoreComponent, 'key'> & { key: string };

/** JSON's text of a number (non-finite numbers are null, as JSON.stringify writes them). */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** The stored form's JSON text, written directly (the writer makes one per suggestion). */
export function storedComponentsJson(components: readonly AnyComponent[]): string {
  let out = '[';
  for (let i = 0; i < components.length; i++) {
    const c = components[i];
    out += `${i ? ',' : ''}[${JSON.stringify(c.key)},${jsonNumber(c.value)},${jsonNumber(c.weight)},${jsonNumber(c.contribution)}]`;
  }
  return `${out}]`;
}

export function storedComponents(components: readonly AnyComponent[]): StoredComponent[] {
  return components.map((c) => [c.key, c.value, c.weight, c.contribution]);
}

/**
 * The components of a stored row. Rows written before the stored form (and fixtures written by hand) hold the
 * objects themselves, which are returned as they are.
 */
export function componentsFromStored(stored: unknown): ScoreComponent[] {
  if (!Array.isArray(stored)) return [];
  return stored.map((c: StoredComponent | ScoreComponent) =>
    Array.isArray(c) ? { key: c[0] as ComponentKey, value: c[1] as number, weight: c[2] as number, contribution: c[3] as number } : c,
  );
}
