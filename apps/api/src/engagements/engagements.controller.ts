import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateEngagement,
  createEngagementSchema,
  CreateFollowUp,
  createFollowUpSchema,
  engagementPageSchema,
  EngagementsCsvQuery,
  engagementsCsvSchema,
  engagementViewSchema,
  historySchema,
  ListEngagements,
  listEngagementsSchema,
  NoteFormat,
  noteFormatSchema,
  Prioritisation,
  prioritisationSchema,
  UpdateEngagement,
  updateEngagementSchema,
  UpdateFollowUp,
  updateFollowUpSchema,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import { ApiAuthErrors, ApiConflict, ApiCsvResponse, ApiNotFound, ApiNoteResponse, ApiValidationError } from '../common/openapi';
import { csvFile, toCsv, type CsvColumn } from '../data-exchange/csv';
import { Idempotent } from '../common/idempotency';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { HistoryItem } from '../history/history.service';
import { EngagementsService, EngagementView } from './engagements.service';
import type { Request } from 'express';
import { requestAnswerLanguage } from '../common/request-locale';
import { noteFile } from './information-note';

@ApiTags('engagements')
@Controller('engagements')
@Authorize()
@ApiAuthErrors()
export class EngagementsController {
  constructor(private readonly engagements: EngagementsService) {}

  @Get()
  @ApiOkResponse({ standardSchema: engagementPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Engagements the caller may see (filters `state`, `kind`), newest first, paginated' })
  list(@CurrentUser() user: AuthUser, @Query({ schema: listEngagementsSchema }) query: ListEngagements): Promise<Page<EngagementView>> {
    return this.engagements.list(user, query);
  }

  @Post()
  @Idempotent()
  @Authorize(...COMMITTEE)
  @ApiCreatedResponse({ standardSchema: engagementViewSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Record an engagement (roundtable, workshop, country visit, webinar, peer review)' })
  create(@CurrentUser() user: AuthUser, @Body({ schema: createEngagementSchema }) body: CreateEngagement): Promise<EngagementView> {
    return this.engagements.create(user, body);
  }

  @Get(':id')
  @ApiOkResponse({ standardSchema: engagementViewSchema })
  @ApiNotFound()
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<EngagementView> {
    return this.engagements.get(user, id);
  }

  @Patch(':id')
  @Authorize(...COMMITTEE)
  @ApiOkResponse({ standardSchema: engagementViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Edit an engagement or publish its information note (`notePublished`); `version` must be the one read' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: updateEngagementSchema }) body: UpdateEngagement,
  ): Promise<EngagementView> {
    return this.engagements.update(user, id, body);
  }

  @Get(':id/history')
  @ApiOkResponse({ standardSchema: historySchema })
  @ApiNotFound()
  history(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<HistoryItem[]> {
    return this.engagements.history(user, id);
  }

  @Post(':id/follow-ups')
  @Authorize(...COMMITTEE)
  @ApiCreatedResponse({ standardSchema: engagementViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Add a follow-up action (owner: a user or an organisation; due date); its owner is reminded when it falls due' })
  addFollowUp(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: createFollowUpSchema }) body: CreateFollowUp,
  ): Promise<EngagementView> {
    return this.engagements.addFollowUp(user, id, body);
  }

  @Patch(':id/follow-ups/:actionId')
  @ApiOkResponse({ standardSchema: engagementViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Update a follow-up action (the Committee; its owner may change its status)' })
  updateFollowUp(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Param('actionId', { schema: uuidParam }) actionId: string,
    @Body({ schema: updateFollowUpSchema }) body: UpdateFollowUp,
  ): Promise<EngagementView> {
    return this.engagements.updateFollowUp(user, id, actionId, body);
  }

  @Post(':id/prioritisation')
  @HttpCode(200)
  @Authorize(...COMMITTEE, 'agency_coordinator')
  @ApiOkResponse({ standardSchema: engagementViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiConflict()
  @ApiOperation({ summary: 'Record a roundtable’s prioritisation of an action plan: new priorities (a new plan version) and provider interests; replaying the same body changes nothing' })
  prioritise(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Body({ schema: prioritisationSchema }) body: Prioritisation,
  ): Promise<EngagementView> {
    return this.engagements.prioritise(user, id, body);
  }

  @Get(':id/information-note')
  @ApiNoteResponse('The Committee’s information note, as HTML or PDF')
  @ApiValidationError()
  @ApiNotFound()
  @Header('Vary', 'Accept-Language')
  @ApiOperation({ summary: 'The information note of an engagement (`format=html|pdf`), in the reader’s language' })
  async note(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Query({ schema: noteFormatSchema }) q: NoteFormat,
    @Req() req: Request,
  ): Promise<StreamableFile> {
    return noteFile(await this.engagements.note(user, id), q.format, q.lang ?? requestAnswerLanguage(req));
  }
}

const col = (header: string, value: CsvColumn<EngagementView>['value']): CsvColumn<EngagementView> => ({ header, value });
const today = () => new Date().toISOString().slice(0, 10);

/** Columns of `GET /export/engagements.csv`: the engagement view's field names, its follow-ups counted. */
export const ENGAGEMENT_CSV_COLUMNS: readonly CsvColumn<EngagementView>[] = [
  col('id', (e) => e.id),
  col('kind', (e) => e.kind),
  col('title', (e) => e.title),
  col('startDate', (e) => e.startDate),
  col('endDate', (e) => e.endDate),
  col('venue', (e) => e.venue),
  col('online', (e) => e.online),
  col('states', (e) => e.states),
  col('organisers', (e) => e.organisers.map((p) => p.name)),
  col('participants', (e) => e.participants.map((p) => p.name)),
  col('notePublishedAt', (e) => e.notePublishedAt),
  col('followUps', (e) => e.followUps.length),
  col('followUpsOpen', (e) => e.followUps.filter((f) => f.status === 'open').length),
  col('followUpsOverdue', (e) => e.followUps.filter((f) => f.status === 'open' && f.dueDate < today()).length),
  col('followUpsDone', (e) => e.followUps.filter((f) => f.status === 'done').length),
  col('prioritisations', (e) => e.prioritisations.length),
  col('createdAt', (e) => e.createdAt),
  col('updatedAt', (e) => e.updatedAt),
  col('background', (e) => e.background),
  col('highlights', (e) => e.highlights),
  col('outcomes', (e) => e.outcomes),
  col('additionalComments', (e) => e.additionalComments),
];

@ApiTags('engagements')
@Controller('export')
@Authorize()
@ApiAuthErrors()
export class EngagementExportController {
  constructor(private readonly engagements: EngagementsService) {}

  @Get('engagements.csv')
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({ summary: 'The engagements the caller may see, with the filters of GET /engagements, one row per engagement, as CSV' })
  async engagementsCsv(@CurrentUser() user: AuthUser, @Query({ schema: engagementsCsvSchema }) query: EngagementsCsvQuery): Promise<StreamableFile> {
    return csvFile('engagements', toCsv(ENGAGEMENT_CSV_COLUMNS, await this.engagements.listAll(user, query)));
  }
}
