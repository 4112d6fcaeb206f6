import { type MessageParams, pickAnswerLanguage, type Translate, translator } from '@app/i18n';

/** Error codes a service may throw; the exception filter maps each to one HTTP status. */
export const ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
  /** Where the message's words are in the catalogues, for answering in the reader's language (not sent as JSON). */
  [MESSAGE_SOURCE]?: MessageSource;
}

/** A catalogue key (libs/i18n/src/locales) and its parameters. */
export interface MessageSource {
  key: string;
  params?: MessageParams;
  /** Parameters whose words are themselves catalogue keys (`{ subject: 'errors.subjects.request' }`). */
  keys?: Record<string, string>;
  /** Parameters that are whole messages with parameters of their own (a summary quoting its first problem). */
  sources?: Record<string, MessageSource>;
}

/** A source's words in one language: nested keys and messages first, then the message. */
export const sayIn = (t: Translate, source: MessageSource): string => {
  const nested = Object.fromEntries(Object.entries(source.keys ?? {}).map(([name, key]) => [name, t(key)]));
  const quoted = Object.fromEntries(Object.entries(source.sources ?? {}).map(([name, inner]) => [name, sayIn(t, inner)]));
  return t(source.key, { ...source.params, ...nested, ...quoted });
};

/** A symbol, so JSON bodies never show it while the exception filter still finds it. */
export const MESSAGE_SOURCE = Symbol('messageSource');

const english = translator('en');

/** Thrown by services and pure code alike; never an HTTP exception (a worker may throw it too). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[] | Record<string, unknown>,
    /** The message's catalogue key: the exception filter answers in the reader's language from it. */
    readonly source?: MessageSource,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An error whose message comes from the catalogues (`errors.*`): English here, the reader's language in the answer. */
export const localizedError = (
  code: ErrorCode,
  key: string,
  params: MessageParams = {},
  details?: FieldIssue[] | Record<string, unknown>,
  keys?: Record<string, string>,
  sources?: Record<string, MessageSource>,
): DomainError => new DomainError(code, sayIn(english, { key, params, keys, sources }), details, { key, params, keys, sources });

/** An error's message in a reader's language (`preferredLanguage`, any tag): for answers that carry several errors. */
export const errorMessageIn = (language: string, err: DomainError): string =>
  err.source ? sayIn(translator(pickAnswerLanguage(language, undefined)), err.source) : err.message;

/** A field's problem whose words come from the catalogues (`validation.*`, `errors.*`). */
export const localizedIssue = (field: string, key: string, params: MessageParams = {}, keys?: Record<string, string>): FieldIssue => ({
  field,
  message: sayIn(english, { key, params, keys }),
  [MESSAGE_SOURCE]: { key, params, ...(keys ? { keys } : {}) },
});

/** A 400 that names each field's problem; its message lists them, in the reader's language when each has its source. */
export const invalidIssues = (issues: FieldIssue[]): DomainError =>
  new DomainError('invalid', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);

/** A 400 for one field, its problem in the catalogues' words (`invalidFieldIn('endDate', 'validation.beforeStart')`). */
export const invalidFieldIn = (field: string, key: string, params: MessageParams = {}, keys?: Record<string, string>): DomainError =>
  invalidIssues([localizedIssue(field, key, params, keys)]);

/** A record type's name in the catalogues, for messages that name it (`action plan item` → `errors.subjects.actionPlanItem`). */
export const subjectKey = (subject: string): string =>
  `errors.subjects.${subject.toLowerCase().replace(/[\s_-]+(\w)/g, (_, c: string) => c.toUpperCase())}`;

/** `what`: Request, Offer, Match, Document, … (`errors.notFound.<what>`; a unit test checks every call's key exists). */
export const notFound = (what: string): DomainError => localizedError('not_found', `errors.notFound.${notFoundKey(what)}`);
/** `Follow-up action` → `FollowUpAction`. */
export const notFoundKey = (what: string): string =>
  what
    .split(/[\s-]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
