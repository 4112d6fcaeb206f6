import { Body, Controller, Get, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type ActionPlanItemListQuery,
  actionPlanItemListQuerySchema,
  actionPlanItemListSchema,
  actionPlanItemViewSchema,
  type ActionPlanListQuery,
  actionPlanListQuerySchema,
  actionPlanPageSchema,
  type ActionPlansCsvQuery,
  actionPlansCsvSchema,
  actionPlanVersionsSchema,
  actionPlanViewSchema,
  type CreateActionPlan,
  type CreateActionPlanItem,
  createActionPlanItemSchema,
  createActionPlanSchema,
  type DeclareItemInterest,
  declareItemInterestSchema,
  historySchema,
  requestViewSchema,
  type UpdateActionPlan,
  type UpdateActionPlanItem,
  updateActionPlanItemSchema,
  updateActionPlanSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { ApiAuthErrors, ApiConflict, ApiCsvResponse, ApiNotFound, ApiValidationError } from '../common/openapi';
import { csvFile, toCsv, type CsvColumn } from '../data-exchange/csv';
import { Idempotent } from '../common/idempotency';
import { HistoryItem } from '../history/history.service';
import { RequestsService, RequestView } from '../requests/requests.service';
import { ActionPlanItemView, ActionPlansService, ActionPlanVersionView, ActionPlanView } from './action-plans.service';

@ApiTags('action plans')
@Controller('action-plans')
@Authorize()
@ApiAuthErrors()
export class ActionPlansController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get()
  @ApiOkResponse({ standardSchema: actionPlanPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'National action plans the caller may see (filter `state`)' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: actionPlanListQuerySchema }) query: ActionPlanListQuery): Promise<Page<ActionPlanView>> {
    return this.plans.list(user, query);
  }

  @Post()
  @Idempotent()
  @Authorize('agency_coordinator')
  @ApiCreatedResponse({ standardSchema: actionPlanViewSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'The State’s coordinator starts (or records as submitted) an action plan' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createActionPlanSchema }) body: CreateActionPlan): Promise<ActionPlanView> {
    return this.plans.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: actionPlanViewSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'A plan with its items in priority order and its progress' })
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<ActionPlanView> {
    return this.plans.get(user, id);
  }

  @Patch(':id')
  @Authorize('agency_coordinator')
  @ApiOkResponse({ standardSchema: actionPlanViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Edit or submit the plan; `version` must be the one read. After submission every change makes a new version' })
  update(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: updateActionPlanSchema }) body: UpdateActionPlan): Promise<ActionPlanView> {
    return this.plans.update(user, id, body);
  }

  @Get(':id/versions')
  @ApiOkResponse({ standardSchema: actionPlanVersionsSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Every version of the plan since submission, with what changed' })
  versions(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<ActionPlanVersionView[]> {
    return this.plans.versions(user, id);
  }

  @Get(':id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.plans.history(user, id);
  }

  @Get(':id/items')
  @ApiOkResponse({ standardSchema: actionPlanItemListSchema })
  @ApiNotFound()
  items(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<ActionPlanItemView[]> {
    return this.plans.items(user, id);
  }

  @Post(':id/items')
  @Idempotent()
  @Authorize('agency_coordinator', 'agency_member')
  @ApiCreatedResponse({ standardSchema: actionPlanItemViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Add an item (the coordinator), or propose one (another agency of the State)' })
  addItem(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: createActionPlanItemSchema }) body: CreateActionPlanItem): Promise<ActionPlanItemView> {
    return this.plans.addItem(user, id, body);
  }
}

@ApiTags('action plans')
@Controller('action-plan-items')
@Authorize()
@ApiAuthErrors()
export class ActionPlanItemsController {
  constructor(
    private readonly plans: ActionPlansService,
    private readonly requests: RequestsService,
  ) {}

  @Get()
  @ApiOkResponse({ standardSchema: actionPlanItemListSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Items across the plans the caller may see: `needsRequest=true` lists items needing assistance with no request yet; `interested=true` a provider’s own interests' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: actionPlanItemListQuerySchema }) query: ActionPlanItemListQuery): Promise<ActionPlanItemView[]> {
    return this.plans.listItems(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: actionPlanItemViewSchema })
  @ApiNotFound()
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<ActionPlanItemView> {
    return this.plans.getItem(user, id);
  }

  @Patch(':id')
  @Authorize('agency_coordinator', 'agency_member', 'committee_admin', 'committee_member')
  @ApiOkResponse({ standardSchema: actionPlanItemViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'The coordinator edits the item (a new `priorityRank` re-ranks the others); agencies add `progressNote`s, the Committee comments' })
  update(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: updateActionPlanItemSchema }) body: UpdateActionPlanItem): Promise<ActionPlanItemView> {
    return this.plans.updateItem(user, id, body);
  }

  @Get(':id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.plans.itemHistory(user, id);
  }

  @Post(':id/interest')
  @Idempotent()
  @Authorize('provider_member')
  @ApiCreatedResponse({ standardSchema: actionPlanItemViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'A provider declares interest in supporting the item (once per offer); on a circulated request it becomes a provider-interest match' })
  interest(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Body({ schema: declareItemInterestSchema }) body: DeclareItemInterest): Promise<ActionPlanItemView> {
    return this.plans.declareInterest(user, id, body);
  }

  @Post(':id/request')
  @Idempotent()
  @Authorize('agency_coordinator', 'agency_member')
  @ApiCreatedResponse({ standardSchema: requestViewSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'Creates the draft request for the item, pre-filled from it and linked to it, and returns it' })
  async request(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<RequestView> {
    return this.requests.get(user, await this.plans.requestFromItem(user, id));
  }
}

const col = (header: string, value: CsvColumn<ActionPlanItemView>['value']): CsvColumn<ActionPlanItemView> => ({ header, value });

/** Columns of `GET /export/action-plan-items.csv`; headers are the item view's field names. */
export const ACTION_PLAN_ITEM_CSV_COLUMNS: readonly CsvColumn<ActionPlanItemView>[] = [
  col('state', (i) => i.state),
  col('planId', (i) => i.planId),
  col('id', (i) => i.id),
  col('code', (i) => i.code),
  col('title', (i) => i.title),
  col('priorityRank', (i) => i.priorityRank),
  col('priorityLevel', (i) => i.priorityLevel),
  col('status', (i) => i.status),
  col('assistanceNeeded', (i) => i.assistanceNeeded),
  col('provisions', (i) => i.provisions),
  col('domains', (i) => i.domains),
  col('leadAgency', (i) => i.leadAgency?.name),
  col('targetDate', (i) => i.targetDate),
  col('requests', (i) => i.requests.map((r) => `${r.reference} (${r.status})`)),
  col('interests', (i) => i.interests.map((x) => x.provider.shortName)),
];

@ApiTags('action plans')
@Controller('export')
@Authorize()
@ApiAuthErrors()
export class ActionPlanExportController {
  constructor(private readonly plans: ActionPlansService) {}

  @Get('action-plan-items.csv')
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({ summary: 'The action plan items the caller may see, with the filters of GET /action-plan-items, as CSV' })
  async itemsCsv(@CurrentUser() user: AuthUser, @Query({ schema: actionPlanItemListQuerySchema }) query: ActionPlanItemListQuery): Promise<StreamableFile> {
    return csvFile('action-plan-items', toCsv(ACTION_PLAN_ITEM_CSV_COLUMNS, await this.plans.listItems(user, query)));
  }

  @Get('action-plans.csv')
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({ summary: 'The action plans the caller may see, with the filters of GET /action-plans, one row per plan with its progress, as CSV' })
  async plansCsv(@CurrentUser() user: AuthUser, @Query({ schema: actionPlansCsvSchema }) query: ActionPlansCsvQuery): Promise<StreamableFile> {
    return csvFile('action-plans', toCsv(ACTION_PLAN_CSV_COLUMNS, await this.plans.listAll(user, query)));
  }
}

const planCol = (header: string, value: CsvColumn<ActionPlanView>['value']): CsvColumn<ActionPlanView> => ({ header, value });

/** Columns of `GET /export/action-plans.csv`: the plan view's field names, its progress counts flattened. */
export const ACTION_PLAN_CSV_COLUMNS: readonly CsvColumn<ActionPlanView>[] = [
  planCol('state', (p) => p.state),
  planCol('id', (p) => p.id),
  planCol('title', (p) => p.title),
  planCol('organization', (p) => p.organization?.name),
  planCol('status', (p) => p.status),
  planCol('submittedOn', (p) => p.submittedOn),
  planCol('revision', (p) => p.revision),
  planCol('sharedWithProviders', (p) => p.sharedWithProviders),
  planCol('items', (p) => p.progress.total),
  planCol('itemsPlanned', (p) => p.progress.planned),
  planCol('itemsInProgress', (p) => p.progress.in_progress),
  planCol('itemsDone', (p) => p.progress.done),
  planCol('itemsDropped', (p) => p.progress.dropped),
  planCol('itemsAssistanceNeeded', (p) => p.progress.assistanceNeeded),
  planCol('itemsWithRequest', (p) => p.progress.withRequest),
  planCol('createdAt', (p) => p.createdAt),
  planCol('updatedAt', (p) => p.updatedAt),
  planCol('publicSummary', (p) => p.publicSummary),
  planCol('description', (p) => p.description),
];
