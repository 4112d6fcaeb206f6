import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Page, uuidParam } from '@app/common';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { HistoryItem } from '../history/history.service';
import {
  CreateOffer,
  createOfferSchema,
  ListOffers,
  listOffersSchema,
  OfferTransition,
  offerTransitionSchema,
  UpdateOffer,
  updateOfferSchema,
} from './dto/offer.schemas';
import { OffersService, OfferView } from './offers.service';

@ApiTags('offers')
@Controller('offers')
@Authorize()
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @ApiOperation({ summary: 'Offers the caller may see, filtered (`servesState` applies the eligibility rule), sorted, paginated' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listOffersSchema }) query: ListOffers): Promise<Page<OfferView>> {
    return this.offers.list(user, query);
  }

  @Post()
  @Authorize('provider_member')
  @ApiOperation({ summary: 'Draft an offer of the caller’s organisation' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createOfferSchema }) body: CreateOffer): Promise<OfferView> {
    return this.offers.create(user, body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<OfferView> {
    return this.offers.get(user, id);
  }

  @Patch(':id')
  @Authorize('provider_member')
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
  @ApiOperation({ summary: 'Take a workflow action (submit, verify, return_to_draft, pause, resume, close)' })
  transition(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: offerTransitionSchema }) body: OfferTransition,
  ): Promise<OfferView> {
    return this.offers.transition(user, id, body);
  }

  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.offers.history(user, id);
  }
}
