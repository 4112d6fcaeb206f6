import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { stateCodeSchema, type StateTimelineQuery, stateTimelinePageSchema, stateTimelineQuerySchema } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { ApiAuthErrors, ApiNotFound, ApiValidationError } from '../common/openapi';
import { StateTimelineService, StateTimelineView } from './state-timeline.service';

@ApiTags('action plans')
@Controller('states')
@Authorize()
@ApiAuthErrors()
export class StateTimelineController {
  constructor(private readonly timeline: StateTimelineService) {}

  @Get(':state/timeline')
  @ApiOkResponse({ standardSchema: stateTimelinePageSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({
    summary:
      'One State’s plan versions, request milestones, matches, engagements and documents, newest first (filter `kind`; each source bounded). The caller sees what it may see elsewhere; another State’s agency gets 404',
  })
  get(@CurrentUser() user: AuthUser, @Param('state', { schema: stateCodeSchema }) state: string, @Query({ schema: stateTimelineQuerySchema }) query: StateTimelineQuery): Promise<StateTimelineView> {
    return this.timeline.timeline(user, state, query);
  }
}
