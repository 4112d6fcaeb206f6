import { z } from 'zod';
import { CURRENCIES, isTaxonomyCode, stateName, type TaxonomyCategory } from '@app/domain';
import { matching, rule } from './messages';

/** ISO 3166-1 alpha-3 code of a State the taxonomy knows. */
export const stateCodeSchema = z
  .string()
  .regex(...matching(/^[A-Z]{3}$/, 'stateFormat'))
  .refine((code) => Boolean(stateName(code)), rule('unknownState'));

const LABEL: Record<TaxonomyCategory, string> = {
  provisions: 'provision',
  domains: 'domain',
  assistanceTypes: 'assistance type',
  targetInstitutions: 'target institution',
  deliveryModes: 'delivery mode',
  regions: 'region',
  states: 'State',
  languages: 'language',
  currencies: 'currency',
};

/** One taxonomy code of a category; the message names the unknown code. */
export const taxonomyCode = (category: TaxonomyCategory) =>
  z
    .string()
    .max(40)
    .check((ctx) => {
      if (isTaxonomyCode(category, ctx.value)) return;
      ctx.issues.push({ code: 'custom', input: ctx.value, ...rule('unknownCode', { value: JSON.stringify(ctx.value), kind: LABEL[category] }) });
    });

/** A list of distinct taxonomy codes. */
export const taxonomyCodes = (category: TaxonomyCategory, { min = 0, max = 50 } = {}) =>
  z
    .array(taxonomyCode(category))
    .min(min)
    .max(max)
    .refine((codes) => new Set(codes).size === codes.length, rule('repeatsCode'));

/** The most a cost, budget or capacity may be, in major units of any currency: more is a slip of the keyboard. */
export const MONEY_MAX = 100_000_000_000;

const minorUnitsOf = (currency: string): number | undefined => CURRENCIES[currency as keyof typeof CURRENCIES]?.minorUnits;
const withinMax = (money: { amount: number; currency: string }) => {
  const minorUnits = minorUnitsOf(money.currency);
  return minorUnits === undefined || money.amount <= MONEY_MAX * 10 ** minorUnits;
};

/** Money as an integer amount in minor units plus an ISO 4217 currency (DESIGN §4). */
export const moneySchema = z
  .strictObject({
    amount: z.number().int().min(0).describe('In minor units of the currency (cents for USD)'),
    currency: taxonomyCode('currencies'),
  })
  .check((ctx) => {
    if (withinMax(ctx.value)) return;
    ctx.issues.push({
      code: 'custom',
      input: ctx.value.amount,
      ...rule('moneyTooBig', { max: MONEY_MAX, currency: ctx.value.currency }, ['amount']),
    });
  });

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.iso.date();

/** Dates a programme plans with (desired start and end, availability): years 2000–2100, so a slip like 0202 is caught. */
export const PLANNING_DATES = { min: '2000-01-01', max: '2100-12-31' } as const;
// `pipe`: the range is checked only once the value is a date (one message, not two).
export const planningDate = isoDate.pipe(
  z.string().refine((d) => d >= PLANNING_DATES.min && d <= PLANNING_DATES.max, rule('dateBetween', { ...PLANNING_DATES })),
);

/** Resolution 1540 was adopted on this day: no State's letter about it is older. */
export const RESOLUTION_ADOPTED = '2004-04-28';

/** The latest calendar date anywhere on Earth now (UTC+14): a date a person just wrote as today is never "future". */
export const latestToday = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/** The range a letter date may take, for a date input's min and max. */
export const letterDateRange = () => ({ min: RESOLUTION_ADOPTED, max: latestToday() });

/** The date of a State's letter to the Committee: not before the resolution, not from the future. */
export const letterDate = isoDate.pipe(
  z
    .string()
    .refine((d) => d >= RESOLUTION_ADOPTED, rule('beforeResolution', { min: RESOLUTION_ADOPTED }))
    .refine((d) => d <= latestToday(), rule('future')),
);

/** A text, trimmed, of at most `max` (and at least `min`) characters. */
export const text = (max: number, min = 0) => z.string().trim().min(min).max(max);

/** An id of a record. */
export const uuidSchema = z.uuid();

/** An id in a path or a query (`:id`, `?offerId=`), worded for the person who typed it. */
export const uuidParam = z.uuid({ message: 'must be a UUID' });

/** `?page=&pageSize=` (max 100), DESIGN §9. */
export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A comma-separated list in a query string (`?status=draft,submitted`), each part validated. */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));

/** `?flag=true|false` as a boolean. */
export const queryFlag = z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true');

/** The version of a record a change was made on: the API refuses it once the record has moved on (DESIGN §9). */
export const versionSchema = z.number().int().min(1);

/** Every field of a record optional: the fields a change (PATCH) may carry. */
export const optionalFields = <F extends Record<string, z.ZodType>>(fields: F) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof F]: z.ZodOptional<F[K]> };

/** Changes to a record (PATCH): any of its fields, and the version they were made on. */
export const changesSchema = <F extends Record<string, z.ZodType>>(fields: F) =>
  z.strictObject({ ...optionalFields(fields), version: versionSchema });

/** What a step in a request's or an offer's workflow carries (POST /…/:id/transitions): a match's reason is free text. */
export const transitionFields = {
  action: z.string().min(1).max(40),
  comment: text(5_000).optional(),
  reason: z.string().max(40).optional(),
  version: versionSchema.optional(),
};
