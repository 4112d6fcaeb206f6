import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import type { AuthUser } from '../auth/auth-user';
import { AGENCY, Authorize, CurrentUser } from '../auth/authorize.decorator';
import { HistoryItem } from '../history/history.service';
import {
  createdRequestSchema,
  CreateRequest,
  createRequestSchema,
  DuplicateCheck,
  duplicateCheckSchema,
  historySchema,
  ListRequests,
  listRequestsSchema,
  possibleDuplicateSchema,
  requestPageSchema,
  RequestTransition,
  requestTransitionSchema,
  requestViewSchema,
  UpdateRequest,
  updateRequestSchema,
  uuidParam,
} from '@app/contracts';
import { PossibleDuplicate, RequestPage, RequestsService, RequestView } from './requests.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('requests')
@Controller('requests')
@Authorize()
@ApiAuthErrors()
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: requestPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Requests the caller may see, filtered, sorted and paginated (`q` searches title and description)' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listRequestsSchema }) query: ListRequests): Promise<RequestPage> {
    return this.requests.list(user, query);
  }

  @Post()
  @Idempotent()
  @Authorize(...AGENCY)
  @ApiCreatedResponse({
    description: 'The new draft; `possibleDuplicates` lists open requests of the State that read much like it',
    standardSchema: createdRequestSchema,
  })
  @ApiValidationError()
  @ApiOperation({ summary: 'Draft a request for the caller’s State; the answer lists possible duplicates' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createRequestSchema }) body: CreateRequest) {
    return this.requests.create(user, body);
  }

  @Post('duplicate-check')
  @HttpCode(200)
  @Authorize(...AGENCY)
  @ApiOkResponse({ standardSchema: z.array(possibleDuplicateSchema) })
  @ApiValidationError()
  @ApiOperation({ summary: 'Open requests of the caller’s State that read much like a draft (DESIGN §6.8)' })
  duplicates(@CurrentUser() user: AuthUser, @Body({ schema: duplicateCheckSchema }) body: DuplicateCheck): Promise<PossibleDuplicate[]> {
    return this.requests.findPossibleDuplicates(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: requestViewSchema })
  @ApiNotFound()
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<RequestView> {
    return this.requests.get(user, id);
  }

  @Patch(':id')
  @Authorize(...AGENCY)
  @ApiOkResponse({ standardSchema: requestViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Edit a draft or a request under clarification; `version` must be the one read' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: updateRequestSchema }) body: UpdateRequest,
  ): Promise<RequestView> {
    return this.requests.update(user, id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: requestViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Take a workflow action (submit, acknowledge, request_clarification, circulate, …)' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: requestTransitionSchema }) body: RequestTransition,
  ): Promise<RequestView> {
    return this.requests.transition(user, id, body);
  }

  @Get(':id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Every step of the request, oldest first, with actor and time' })
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.requests.history(user, id);
  }
}
