import { type MessageParams, translator } from '@app/i18n';

/** Error codes a service may throw; the exception filter maps each to one HTTP status. */
export const ERROR_STATUS = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
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
}

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
): DomainError => new DomainError(code, english(key, params), details, { key, params });

/** `what`: Request, Offer, Match, User, Organisation, Notification or Rescore (`errors.notFound.<what>`). */
export const notFound = (what: string): DomainError => localizedError('not_found', `errors.notFound.${what}`);
export const invalidField = (field: string, message: string): DomainError =>
  new DomainError('invalid', `${field}: ${message}`, [{ field, message }]);
