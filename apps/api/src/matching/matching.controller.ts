import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiAuthErrors, ApiConflict, ApiNotFound, ApiValidationError } from '../common/openapi';
import {
  AllocationPlanInput,
  allocationPlanResultSchema,
  allocationPlanSchema,
  ApplyProposalInput,
  applyProposalResultSchema,
  applyProposalSchema,
  EndorsePlanInput,
  endorsePlanResultSchema,
  endorsePlanSchema,
  ProfileInput,
  profileSchema,
  putProfileResultSchema,
  rescoreViewSchema,
  uuidParam,
  weightsProfileSchema,
  weightsProposalViewSchema,
} from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { MatchingService } from './matching.service';
import { Idempotent } from '../common/idempotency';

@ApiTags('matching')
@Controller('matching')
@Authorize(...COMMITTEE)
@ApiAuthErrors()
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Get('profile')
  @ApiOkResponse({ standardSchema: weightsProfileSchema })
  @ApiOperation({ summary: 'The weights profile in force' })
  profile() {
    return this.matching.getProfile();
  }

  @Put('profile')
  @Authorize('committee_admin')
  @ApiOkResponse({ description: 'The saved profile and the rescore it started', standardSchema: putProfileResultSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Save a new version of the weights; starts a full rescore' })
  putProfile(@CurrentUser() user: AuthUser, @Body({ schema: profileSchema }) body: ProfileInput) {
    return this.matching.putProfile(user, body);
  }

  @Post('rescore')
  @Idempotent()
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: rescoreViewSchema })
  @ApiConflict()
  @ApiOperation({ summary: 'Start a full rescore; returns its progress handle' })
  rescore(@CurrentUser() user: AuthUser) {
    return this.matching.startRescore(user);
  }

  @Get('rescores')
  @ApiOkResponse({ standardSchema: z.array(rescoreViewSchema) })
  rescores() {
    return this.matching.listRescores();
  }

  @Get('rescores/:id')
  @ApiOkResponse({ standardSchema: rescoreViewSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Progress of a rescore' })
  rescoreProgress(@Param('id', { schema: uuidParam }) id: string) {
    return this.matching.getRescore(id);
  }

  @Get('proposals')
  @ApiOkResponse({ standardSchema: z.array(weightsProposalViewSchema) })
  @ApiOperation({ summary: 'Weights profiles fitted from the Committee’s decisions, newest first' })
  proposals() {
    return this.matching.listProposals();
  }

  @Post('proposals')
  @Authorize('committee_admin')
  @Idempotent()
  @HttpCode(202)
  @ApiAcceptedResponse({ standardSchema: weightsProposalViewSchema })
  @ApiOperation({ summary: 'Fit a weights profile from the decisions so far; the worker fills the proposal in' })
  propose(@CurrentUser() user: AuthUser) {
    return this.matching.requestProposal(user);
  }

  @Get('proposals/:id')
  @ApiOkResponse({ standardSchema: weightsProposalViewSchema })
  @ApiNotFound()
  proposal(@Param('id', { schema: uuidParam }) id: string) {
    return this.matching.getProposal(id);
  }

  @Post('proposals/:id/apply')
  @Authorize('committee_admin')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ description: 'The proposal, applied, and the new profile with the rescore it started', standardSchema: applyProposalResultSchema })
  @ApiNotFound()
  @ApiConflict()
  @ApiValidationError()
  @ApiOperation({ summary: 'Make a proposal the weights in force (a new profile version and a full rescore)' })
  apply(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: applyProposalSchema }) body: ApplyProposalInput) {
    return this.matching.applyProposal(user, id, body.comment);
  }

  @Post('proposals/:id/dismiss')
  @Authorize('committee_admin')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: weightsProposalViewSchema })
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Dismiss a proposal' })
  dismiss(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string) {
    return this.matching.dismissProposal(user, id);
  }

  @Post('allocation-plan')
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: allocationPlanResultSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'The exact maximum-total-score set of suggestions within every offer’s capacity' })
  plan(@CurrentUser() user: AuthUser, @Body({ schema: allocationPlanSchema }) body: AllocationPlanInput) {
    return this.matching.allocationPlan(user, body);
  }

  @Post('allocation-plan/endorse')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ standardSchema: endorsePlanResultSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Endorse the plan’s matches in one step' })
  endorse(@CurrentUser() user: AuthUser, @Body({ schema: endorsePlanSchema }) body: EndorsePlanInput) {
    return this.matching.endorsePlan(user, body);
  }
}
