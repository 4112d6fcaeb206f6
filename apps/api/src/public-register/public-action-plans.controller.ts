import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  publicActionPlanPageSchema,
  type PublicActionPlansQuery,
  type publicActionPlanSchema,
  publicActionPlansSchema,
  type Served,
} from '@app/contracts';
import { Page } from '@app/common';
import { ActionPlanRepository } from '@app/database';
import { Public } from '../auth/authorize.decorator';
import { ApiValidationError } from '../common/openapi';

type PublicActionPlan = Served<typeof publicActionPlanSchema>;

/**
 * The public register's action plans: a submitted plan appears only when its State wrote a public summary, and
 * only that summary with the plan's title and submission date (no items, progress or versions).
 */
@ApiTags('public')
@Public()
@Controller('public/action-plans')
export class PublicActionPlansController {
  constructor(private readonly repository: ActionPlanRepository) {}

  @Get()
  @ApiOkResponse({ standardSchema: publicActionPlanPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Public summaries of the national action plans whose State chose to publish one (no sign-in)' })
  async list(@Query({ schema: publicActionPlansSchema }) f: PublicActionPlansQuery): Promise<Page<PublicActionPlan>> {
    const { rows, total } = await this.repository.publicSummariesPage(f);
    return {
      items: rows.map((p) => ({ id: p.id, state: p.state, title: p.title, submittedOn: p.submittedOn, summary: p.publicSummary!.trim() })),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }
}
