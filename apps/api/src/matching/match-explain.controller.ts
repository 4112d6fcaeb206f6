import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { ApiAuthErrors, ApiNotFound, ApiValidationError } from '../common/openapi';
import { ExplainQuery, explainQuerySchema, matchExplanationSchema, uuidParam } from '@app/contracts';
import { MatchExplainService, MatchExplanationView } from './match-explain.service';

@ApiTags('matching')
@Controller()
@Authorize(...COMMITTEE)
@ApiAuthErrors()
export class MatchExplainController {
  constructor(private readonly explainer: MatchExplainService) {}

  @Get('requests/:id/matches/explain')
  @ApiOkResponse({ standardSchema: matchExplanationSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({
    summary: 'Why an offer is or is not suggested for a request',
    description:
      'One of: suggested (rank, score), ineligible (the hard rule that failed, with its values), not_relevant (covers no ' +
      'requested provision and its text relevance is under the threshold), below_threshold (score and components), ' +
      'outranked (score and the lowest suggestion kept), request_not_open. Computed now by the engine the worker runs.',
  })
  explain(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Query({ schema: explainQuerySchema }) q: ExplainQuery): Promise<MatchExplanationView> {
    return this.explainer.explain(user, id, q.offerId);
  }
}
