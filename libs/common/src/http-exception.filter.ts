import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type AnswerLanguage, pickAnswerLanguage, translator } from '@app/i18n';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_STATUS, type FieldIssue, MESSAGE_SOURCE, sayIn } from './domain-error';
import { OUTAGE_RETRY_AFTER_SECONDS, outageOf } from './outage';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const english = translator('en');
// The filter's own messages, by their English text: the key to answer another language with.
const FILTER_KEYS = ['databaseUnavailable', 'dependencyUnavailable', 'exists', 'wrongFormat', 'bodyTooLarge', 'bodyNotJson', 'internal'] as const;
const FILTER_MESSAGES = new Map(FILTER_KEYS.map((key) => [english(`errors.${key}`), `errors.${key}`]));
const say = (key: (typeof FILTER_KEYS)[number]) => english(`errors.${key}`);

/** Maps anything thrown to the DESIGN §9 error shape. SQL and stack details never reach the client. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = ERROR_STATUS[exception.code];
    return { statusCode, error: REASONS[statusCode], message: exception.message, details: exception.details };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const res = exception.getResponse();
    const body = typeof res === 'object' && res !== null ? (res as Record<string, unknown>) : { message: res };
    const raw = body.message;
    const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
    return {
      statusCode,
      error: REASONS[statusCode] ?? String(body.error ?? 'Error'),
      message,
      ...(body.details ? { details: body.details } : {}),
    };
  }
  const outage = outageOf(exception);
  if (outage) {
    // A write may or may not have committed before the connection dropped: the client retries with the same
    // Idempotency-Key, which replays the stored answer if it had.
    return {
      statusCode: 503,
      error: REASONS[503],
      message: say(outage === 'database' ? 'databaseUnavailable' : 'dependencyUnavailable'),
      details: { dependency: outage, retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS },
    };
  }
  // Through TypeORM, or straight from the pool (the hot reads' prepared statements and entity rows).
  const databaseError = exception instanceof QueryFailedError ? exception.driverError : exception instanceof DatabaseError ? exception : undefined;
  if (databaseError) {
    const code = (databaseError as { code?: string }).code;
    if (code === '23505') return { statusCode: 409, error: REASONS[409], message: say('exists') };
    if (code === '22P02' || code === '22003' || code === '22007' || code === '22008' || code === '22021') {
      return { statusCode: 400, error: REASONS[400], message: say('wrongFormat') };
    }
  }
  // Errors raised by Express' body parser carry a status (413 too large, 400 bad JSON, 415 charset).
  const status = (exception as { status?: unknown; type?: string })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    const message =
      type === 'entity.too.large'
        ? say('bodyTooLarge')
        : type === 'entity.parse.failed'
          ? say('bodyNotJson')
          : String((exception as Error).message);
    return { statusCode: status, error: REASONS[status] ?? 'Error', message };
  }
  return { statusCode: 500, error: REASONS[500], message: say('internal') };
}

const fieldIssues = (details: unknown): FieldIssue[] | null =>
  Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'field' in d && 'message' in d) ? (details as FieldIssue[]) : null;

/**
 * The same answer in the reader's language: only the words change. `statusCode`, `error` (the HTTP reason) and
 * each detail's `field` stay as they are for programs; a message without a catalogue source stays English.
 */
export function localizeErrorBody(body: ErrorBody, exception: unknown, locale: AnswerLanguage): ErrorBody {
  if (locale === 'en') return body;
  const t = translator(locale);
  const issues = fieldIssues(body.details);
  const details = issues?.map((d) => {
    const source = d[MESSAGE_SOURCE];
    return source ? { field: d.field, message: sayIn(t, source) } : { field: d.field, message: d.message };
  });
  const own = exception instanceof DomainError ? exception.source : undefined;
  const fromFilter = FILTER_MESSAGES.get(body.message);
  // Nest's answer to a path no route serves ("Cannot GET /api/v1/nowhere"), worded as errors.noRoute.
  const noRoute = exception instanceof NotFoundException ? /^Cannot ([A-Z]+) (\S+)$/.exec(body.message) : null;
  const message = own
    ? sayIn(t, own)
    : fromFilter
      ? t(fromFilter)
      : noRoute
        ? t('errors.noRoute', { method: noRoute[1], path: noRoute[2] })
        : details && issues!.some((d) => d[MESSAGE_SOURCE])
          ? details.map((d) => `${d.field}: ${d.message}`).join('; ')
          : body.message;
  return { ...body, message, ...(details ? { details } : {}) };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { user?: { preferredLanguage?: string } }>();
    const locale = pickAnswerLanguage(req?.user?.preferredLanguage, req?.headers?.['accept-language']);
    const body = localizeErrorBody(toErrorBody(exception), exception, locale);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) this.logger.warn(`503: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    {
      // 429, 503, and a 409 for a create still in progress say when to try again.
      const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (retryAfter && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfter));
    }
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }
}
