import { z } from 'zod';

/**
 * Every validation message a person may read, in English, by code: the API answers with these texts, and the
 * web app's i18n takes its `validation.*` keys from here, so a form says what the API would say. `{{name}}` is
 * filled from the issue (`{{name, number}}` with digit grouping); `_one`/`_other` are picked by `count`, as
 * i18next does.
 */
export const VALIDATION_MESSAGES = {
  required: 'is required',
  wrongType: 'must be a {{expected}}',
  notAList: 'must be a list',
  wholeNumber: 'must be a whole number',
  notEmpty: 'must not be empty',
  tooShort: 'must be at least {{min}} characters',
  tooLong: 'must be at most {{max}} characters',
  tooFew_other: 'must have at least {{count}} items',
  tooMany_one: 'must have at most {{count}} item',
  tooMany_other: 'must have at most {{count}} items',
  atLeast: 'must be at least {{min}}',
  atMost: 'must be at most {{max}}',
  notNegative: 'must not be negative',
  notAllowed_one: 'field {{keys}} is not allowed',
  notAllowed_other: 'fields {{keys}} are not allowed',
  oneOf: 'must be one of {{values}}',
  uuid: 'must be a UUID',
  email: 'must be an e-mail address',
  date: 'must be a date like 2026-03-31',
  dateBetween: 'must be between {{min}} and {{max}}',
  beforeResolution: 'must not be before {{min}}, when resolution 1540 was adopted',
  future: 'must not be in the future',
  past: 'must not be in the past',
  beforeStart: 'must not be before the start date',
  moneyTooBig: 'must be at most {{max, number}} {{currency}}',
  pickOne: 'must name at least one',
  repeatsCode: 'must not repeat a code',
  repeatsState: 'must not repeat a State',
  unknownCode: '{{value}} is not a known {{kind}} code (see GET /api/v1/taxonomy)',
  stateFormat: 'must be an ISO 3166-1 alpha-3 code such as MNG',
  unknownState: 'is not a known State code',
  noEligibility: 'name at least one region (GLOBAL for all) or State',
} as const;

type MessageKey = keyof typeof VALIDATION_MESSAGES;
/** A message's code: its key without the plural suffix. */
export type ValidationCode = MessageKey extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;
export type MessageParams = Record<string, string | number>;
export interface ValidationMessage {
  code: ValidationCode;
  params: MessageParams;
}

/** The refinement options that give a rule its message: `.refine(check, rule('future'))`. */
export const rule = (code: ValidationCode, params: MessageParams = {}, path?: string[]) => ({
  params: { code, ...params },
  ...(path ? { path } : {}),
});

/** The message of a built-in check (`.regex(…, inWords('stateFormat'))`), whose issue cannot carry a code. */
export const inWords = (code: ValidationCode, params: MessageParams = {}) => ({ error: () => renderMessage({ code, params }) });

// A raw issue (as the error map sees it) or a finished one (as safeParse returns it, with `reportInput`).
type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The code and parameters of an issue's message, or undefined for zod's own wording. */
export function describeIssue(issue: Issue): ValidationMessage | undefined {
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as { code?: ValidationCode } & MessageParams;
      return code ? { code, params } : undefined;
    }
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required', params: {} };
      if (issue.expected === 'array') return { code: 'notAList', params: {} };
      if (issue.expected === 'int') return { code: 'wholeNumber', params: {} };
      return { code: 'wrongType', params: { expected: issue.expected } };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n === 1 ? { code: 'notEmpty', params: {} } : { code: 'tooShort', params: { min: n } };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return n === 1 ? { code: 'pickOne', params: {} } : { code: 'tooFew', params: { count: n } };
      }
      return n === 0 && issue.inclusive !== false ? { code: 'notNegative', params: {} } : { code: 'atLeast', params: { min: n } };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'tooLong', params: { max: n } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'tooMany', params: { count: n } };
      return { code: 'atMost', params: { max: n } };
    }
    case 'unrecognized_keys':
      return { code: 'notAllowed', params: { keys: list(issue.keys), count: issue.keys.length } };
    case 'invalid_value':
      return { code: 'oneOf', params: { values: list(issue.values) } };
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { code: 'uuid', params: {} };
      if (issue.format === 'email') return { code: 'email', params: {} };
      if (issue.format === 'date') return { code: 'date', params: {} };
      return undefined;
    default:
      return undefined;
  }
}

const plural = new Intl.PluralRules('en');
const grouped = new Intl.NumberFormat('en');

/** A message in English, as the API answers it. */
export function renderMessage({ code, params }: ValidationMessage): string {
  const key = typeof params.count === 'number' ? `${code}_${plural.select(params.count)}` : code;
  const template: string = VALIDATION_MESSAGES[key as MessageKey] ?? VALIDATION_MESSAGES[code as MessageKey];
  return template.replace(/\{\{\s*(\w+)\s*(,\s*number\s*)?\}\}/g, (_, name: string, number?: string) => {
    const value = params[name];
    return number && typeof value === 'number' ? grouped.format(value) : String(value);
  });
}

/**
 * The error map of every process that imports the contracts: messages a person reads next to a form field
 * ("must be at least 5 characters") instead of zod's defaults. A schema's own message still wins.
 */
export function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const message = describeIssue(issue);
  return message && renderMessage(message);
}

z.config({ customError: friendlyMessage });
