import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  CreateMatch,
  createMatchSchema,
  Feedback,
  feedbackSchema,
  historySchema,
  ListMatches,
  listMatchesSchema,
  matchPageSchema,
  MatchTransition,
  matchTransitionSchema,
  matchViewSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { HistoryItem } from '../history/history.service';
import { MatchesService, MatchView } from './matches.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('matches')
@Controller()
@Authorize()
@ApiAuthErrors()
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get('requests/:id/matches')
  @ApiOkResponse({ standardSchema: matchPageSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Ranked matches of a request, each with score, components and reason' })
  forRequest(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Query({ schema: listMatchesSchema }) q: ListMatches): Promise<Page<MatchView>> {
    return this.matches.forSubject(user, 'request', id, q);
  }

  @Get('offers/:id/matches')
  @ApiOkResponse({ standardSchema: matchPageSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Ranked matches of an offer' })
  forOffer(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Query({ schema: listMatchesSchema }) q: ListMatches): Promise<Page<MatchView>> {
    return this.matches.forSubject(user, 'offer', id, q);
  }

  @Get('matches')
  @ApiOkResponse({ standardSchema: matchPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Matches the caller may see (committee: all; providers and agencies: endorsed onwards)' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listMatchesSchema }) q: ListMatches): Promise<Page<MatchView>> {
    return this.matches.list(user, q);
  }

  @Post('matches')
  @Idempotent()
  @ApiCreatedResponse({ standardSchema: matchViewSchema })
  @ApiValidationError()
  @ApiConflict()
  @Authorize(...COMMITTEE, 'provider_member')
  @ApiOperation({ summary: 'A committee member’s manual match, or a provider’s expression of interest' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createMatchSchema }) body: CreateMatch): Promise<MatchView> {
    return this.matches.create(user, body);
  }

  @Get('matches/:id')
  @ApiOkResponse({ standardSchema: matchViewSchema })
  @ApiNotFound()
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<MatchView> {
    return this.matches.get(user, id);
  }

  @Get('matches/:id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.matches.history(user, id);
  }

  @Post('matches/:id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: matchViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'endorse, dismiss, accept, decline (reason), confirm, reject (reason), start, complete, cancel' })
  transition(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: matchTransitionSchema }) body: MatchTransition): Promise<MatchView> {
    return this.matches.transition(user, id, body);
  }

  @Post('matches/:id/feedback')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: matchViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Rating 1–5 and comment from either side once completed (resolution 2663 OP20)' })
  feedback(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: feedbackSchema }) body: Feedback): Promise<MatchView> {
    return this.matches.feedback(user, id, body);
  }
}
