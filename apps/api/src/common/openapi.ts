import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';

/**
 * Response schemas for the OpenAPI document. They only describe what the services return: @nestjs/swagger
 * converts them (zod → JSON Schema, OpenAPI 3.0 target) through the `standardSchema` option of the
 * `@Api…Response` decorators; nothing validates or strips responses at run time.
 */

/** Dates leave the API as ISO 8601 strings (JSON.stringify of a Date). */
export const isoDateTime = z.iso.datetime();
/** Any 8-4-4-4-12 hex id, as PostgreSQL stores them (imports may bring non-RFC 4122 ids). */
export const uuid = z.guid();

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

/** The DESIGN §9 error shape every failure answers with (AllExceptionsFilter). */
export const errorBodySchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

const error = (description: string) => ({ description, standardSchema: errorBodySchema });

/** 400: the body, query or path parameters failed validation (or a domain rule refused the input). */
export const ApiValidationError = () => ApiBadRequestResponse(error('Invalid input'));
/** 404 for routes addressing one record. */
export const ApiNotFound = () => ApiNotFoundResponse(error('No such record, or not visible to the caller'));
/** 409 for writes guarded by `version` or by the workflow state. */
export const ApiConflict = () => ApiConflictResponse(error('Stale `version` or an action the current status does not allow'));
/** 401/403 on controllers and routes behind @Authorize(). */
export const ApiAuthErrors = () =>
  applyDecorators(ApiUnauthorizedResponse(error('Not signed in')), ApiForbiddenResponse(error('The caller’s role may not do this')));

/**
 * CSV downloads: a `text/csv` string body. The media type is set on the 200 response only (not with
 * `@ApiProduces`, which would also mark the JSON error responses as CSV).
 */
export const ApiCsvResponse = (description: string) =>
  ApiOkResponse({ description, content: { 'text/csv': { schema: { type: 'string' } } } });
