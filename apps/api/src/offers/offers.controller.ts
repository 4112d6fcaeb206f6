import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  CreateOffer,
  createOfferSchema,
  historySchema,
  ListOffers,
  listOffersSchema,
  offerPageSchema,
  OfferTransition,
  offerTransitionSchema,
  offerViewSchema,
  UpdateOffer,
  updateOfferSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { HistoryItem } from '../history/history.service';
import { OffersService, OfferView } from './offers.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('offers')
@Controller('offers')
@Authorize()
@ApiAuthErrors()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @ApiOkResponse({ standardSchema: offerPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Offers the caller may see, filtered (`servesState` applies the eligibility rule), sorted, paginated' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listOffersSchema }) query: ListOffers): Promise<Page<OfferView>> {
    return this.offers.list(user, query);
  }

  @Post()
  @Idempotent()
  @Authorize('provider_member')
  @ApiCreatedResponse({ standardSchema: offerViewSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Draft an offer of the caller’s organisation' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createOfferSchema }) body: CreateOffer): Promise<OfferView> {
    return this.offers.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: offerViewSchema })
  @ApiNotFound()
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<OfferView> {
    return this.offers.get(user, id);
  }

  @Patch(':id')
  @Authorize('provider_member')
  @ApiOkResponse({ standardSchema: offerViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Edit an offer of the caller’s organisation; `version` must be the one read' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: updateOfferSchema }) body: UpdateOffer,
  ): Promise<OfferView> {
    return this.offers.update(user, id, body);
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: offerViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Take a workflow action (submit, verify, return_to_draft, pause, resume, close)' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: offerTransitionSchema }) body: OfferTransition,
  ): Promise<OfferView> {
    return this.offers.transition(user, id, body);
  }

  @Get(':id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.offers.history(user, id);
  }
}
