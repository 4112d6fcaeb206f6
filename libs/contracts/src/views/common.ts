import { z } from 'zod';

/**
 * A moment: the service hands a Date (or an ISO string it already made) and the client reads an ISO 8601 string,
 * as JSON.stringify writes it. A codec, so a view schema has two faces: `Served<S>` (its input) is what a service
 * returns, `z.infer<S>` (its output) is what the browser and the tests receive, and the OpenAPI document (which
 * renders outputs) shows the string.
 */
export const timestamp = z.codec(z.union([z.date(), z.iso.datetime()]), z.iso.datetime(), {
  decode: (value) => (typeof value === 'string' ? value : value.toISOString()),
  encode: (value) => value,
});

/** A view as a service builds it: timestamps may still be Dates (see `timestamp`). */
export type Served<S extends z.ZodType> = z.input<S>;

/** A calendar day, `YYYY-MM-DD` (PostgreSQL `date` columns come back as these strings). */
export const day = z.iso.date();

/** Any 8-4-4-4-12 hex id, as PostgreSQL stores them (imports may bring non-RFC 4122 ids). */
export const uuid = z.guid();

/** An amount in minor units of its currency (cents for USD). */
export const moneyView = z.object({ amount: z.number(), currency: z.string() });

export type MoneyView = z.infer<typeof moneyView>;

/** `{ id, name, shortName }` of an organisation as embedded in views. */
export const organizationRefSchema = z.object({ id: uuid, name: z.string(), shortName: z.string() });

/** A page of a list: `{ items, total, page, pageSize }`. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** An object with one property per key of a closed list, each of the same schema (counts by status, weights). */
export const recordOf = <K extends string, S extends z.ZodType>(keys: readonly K[], value: S) =>
  z.object(Object.fromEntries(keys.map((key) => [key, value])) as Record<K, S>);

/** The same page as a client reads it, for any item type. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The error shape every failure answers with (the API's exception filter). */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
