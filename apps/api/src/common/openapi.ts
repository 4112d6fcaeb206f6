import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { errorBodySchema } from '@app/contracts';

/**
 * The OpenAPI decorators every controller shares. Response schemas only describe what the services return:
 * @nestjs/swagger converts them (zod → JSON Schema, OpenAPI 3.0 target) through the `standardSchema` option of
 * the `@Api…Response` decorators; nothing validates or strips responses at run time. The response schemas
 * themselves live in libs/contracts (views/), where the web app and the tests read the same ones.
 */
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

/** A document answered as HTML (shown) or PDF (downloaded): the information notes of engagements. */
export const ApiNoteResponse = (description: string) =>
  ApiOkResponse({
    description,
    content: { 'text/html': { schema: { type: 'string' } }, 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  });
