import { z } from 'zod';
import { isTaxonomyCode, stateName, TaxonomyCategory } from '@app/domain';

/** ISO 3166-1 alpha-3 code of a State the taxonomy knows. */
export const stateCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as MNG')
  .refine((code) => Boolean(stateName(code)), 'is not a known State code');

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
  z.string().max(40).refine((code) => isTaxonomyCode(category, code), {
    error: (issue) => `${JSON.stringify(issue.input)} is not a known ${LABEL[category]} code (see GET /api/v1/taxonomy)`,
  });

/** A list of distinct taxonomy codes. */
export const taxonomyCodes = (category: TaxonomyCategory, { min = 0, max = 50 } = {}) =>
  z
    .array(taxonomyCode(category))
    .min(min, min === 1 ? 'must name at least one code' : `must name at least ${min} codes`)
    .max(max)
    .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a code');

/** Money as an integer amount in minor units plus an ISO 4217 currency (DESIGN §4). */
export const moneySchema = z.strictObject({
  amount: z.number().int('must be a whole number of minor units (e.g. cents)').min(0).max(1e13),
  currency: taxonomyCode('currencies'),
});

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = z.iso.date({ message: 'must be a date like 2026-03-31' });

/** A date a programme plans with (desired start and end, availability): years 2000–2100, so a slip like 0202 is caught. */
// `pipe`: the range is checked only once the value is a date (one message, not two).
export const planningDate = isoDate.pipe(z.string().refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'must be between 2000-01-01 and 2100-12-31'));

/** The latest calendar date anywhere on Earth now (UTC+14): a date a person just wrote as today is never "future". */
const latestToday = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/** The date of a State's letter to the Committee: resolution 1540 was adopted on 2004-04-28; no letter is from the future. */
export const letterDate = isoDate.pipe(
  z
    .string()
    .refine((d) => d >= '2004-04-28', 'must not be before 2004-04-28, when resolution 1540 was adopted')
    .refine((d) => d <= latestToday(), 'must not be in the future'),
);

export const text = (max: number, min = 0) => z.string().trim().min(min).max(max, `must be at most ${max} characters`);

/** A comma-separated list in a query string (`?status=draft,submitted`), each part validated. */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
