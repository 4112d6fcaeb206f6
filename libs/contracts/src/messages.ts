import { IntlMessageFormat } from 'intl-messageformat';
import { z } from 'zod';
// The server catalogue's English (libs/i18n): one copy of the words, pure JSON, so the browser can bundle it too.
import englishCatalogue from '../../i18n/src/locales/en.json';

/**
 * Every validation message a person may read, in English, by code: the API answers with these texts (in the
 * reader's language, from the same key in libs/i18n/src/locales/<locale>.json), and the web app's i18n takes its
 * `validation.*` keys from there, so a form says what the API would say. ICU MessageFormat: `{name}` is filled from
 * the issue, `{max, number}` with digit grouping, `{count, plural, …}` by the locale's plural rules.
 */
export const VALIDATION_MESSAGES = englishCatalogue.validation;

/** A message's code: its key in the catalogues' `validation` section. */
export type ValidationCode = keyof typeof VALIDATION_MESSAGES;
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

// A `.regex` check's issue names its pattern, not a code: the message of each pattern, so the API words it in the
// reader's language too (describeIssue).
const PATTERN_MESSAGES = new Map<string, ValidationMessage>();

/** A `.regex` check and its message by code: `z.string().regex(...matching(/^[A-Z]{3}$/, 'stateFormat'))`. */
export function matching(pattern: RegExp, code: ValidationCode, params: MessageParams = {}): [RegExp, ReturnType<typeof inWords>] {
  PATTERN_MESSAGES.set(pattern.toString(), { code, params });
  return [pattern, inWords(code, params)];
}

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
    case 'invalid_union':
      // A tag of a discriminated union that names none of its shapes: the tags it takes.
      return 'options' in issue && Array.isArray(issue.options) && issue.options.length > 0
        ? { code: 'oneOf', params: { values: list(issue.options) } }
        : undefined;
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return { code: 'uuid', params: {} };
      if (issue.format === 'email') return { code: 'email', params: {} };
      if (issue.format === 'date') return { code: 'date', params: {} };
      if (issue.format === 'datetime') return { code: 'dateTime', params: {} };
      if (issue.format === 'regex' && 'pattern' in issue && typeof issue.pattern === 'string') return PATTERN_MESSAGES.get(issue.pattern);
      return undefined;
    default:
      return undefined;
  }
}

const formats = new Map<ValidationCode, IntlMessageFormat>();

/** A message in English, as the API answers it when the reader's language is not known. */
export function renderMessage({ code, params }: ValidationMessage): string {
  let format = formats.get(code);
  if (!format) {
    format = new IntlMessageFormat(VALIDATION_MESSAGES[code] ?? code, 'en', undefined, { ignoreTag: true });
    formats.set(code, format);
  }
  return String(format.format(params));
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
