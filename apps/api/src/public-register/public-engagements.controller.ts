import { Controller, Get, Header, Param, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  NoteFormat,
  noteFormatSchema,
  publicEngagementPageSchema,
  PublicEngagements,
  type publicEngagementSchema,
  publicEngagementsSchema,
  type Served,
  uuidParam,
} from '@app/contracts';
import { Page } from '@app/common';
import { EngagementRepository } from '@app/database';
import { Public } from '../auth/authorize.decorator';
import { ApiNotFound, ApiNoteResponse, ApiValidationError } from '../common/openapi';
import { EngagementsService } from '../engagements/engagements.service';
import { noteFile } from '../engagements/information-note';
import type { Request } from 'express';
import { requestAnswerLanguage } from '../common/request-locale';

type PublicEngagement = Served<typeof publicEngagementSchema>;

/** The public register's engagements: those whose information note the Committee published (no sign-in). */
@ApiTags('public')
@Public()
@Controller('public/engagements')
export class PublicEngagementsController {
  constructor(
    private readonly repository: EngagementRepository,
    private readonly engagements: EngagementsService,
  ) {}

  @Get()
  @ApiOkResponse({ standardSchema: publicEngagementPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Engagements whose information note the Committee published' })
  async list(@Query({ schema: publicEngagementsSchema }) f: PublicEngagements): Promise<Page<PublicEngagement>> {
    const { rows, total } = await this.repository.publishedPage(f);
    return {
      items: rows.map((e) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        startDate: e.startDate,
        endDate: e.endDate,
        venue: e.venue,
        online: e.online,
        states: e.states,
        notePublishedAt: e.notePublishedAt!,
      })),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  @Get(':id/information-note')
  @ApiNoteResponse('A published information note, as HTML or PDF')
  @ApiNotFound()
  @Header('Vary', 'Accept-Language')
  @ApiOperation({ summary: 'A published information note (`format=html|pdf`), in the reader’s language' })
  async note(@Param('id', { schema: uuidParam }) id: string, @Query({ schema: noteFormatSchema }) q: NoteFormat, @Req() req: Request): Promise<StreamableFile> {
    return noteFile(await this.engagements.note(null, id), q.format, q.lang ?? requestAnswerLanguage(req));
  }
}
