import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  type ContentQuery,
  contentQuerySchema,
  documentListSchema,
  DOCUMENT_PURPOSES,
  type DocumentParentType,
  documentViewSchema,
  uuidParam,
} from '@app/contracts';
import { ApiAuthErrors, ApiNotFound, ApiValidationError } from '../common/openapi';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { contentDisposition } from './file-names';
import { DocumentListView, DocumentsService, DocumentView } from './documents.service';

const UPLOAD_BODY = {
  schema: {
    type: 'object' as const,
    required: ['kind', 'title', 'file'],
    properties: {
      kind: { type: 'string' as const, enum: ['note_verbale', 'letter', 'action_plan', 'national_report', 'terms_of_reference', 'delivery_report', 'other'] },
      title: { type: 'string' as const, maxLength: 300 },
      language: { type: 'string' as const, example: 'en' },
      date: { type: 'string' as const, format: 'date' },
      purpose: {
        type: 'string' as const,
        enum: [...DOCUMENT_PURPOSES],
        description: "Requests only. `correspondence`: an attachment for the request's thread, hidden from providers from the upload on",
      },
      file: { type: 'string' as const, format: 'binary', description: 'Last part. PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TXT or CSV (checked by content); DOCUMENT_MAX_BYTES (25 MB)' },
    },
  },
};

/**
 * Documents on requests, offers, matches, action plans, their items and engagements (DESIGN §4b). The routes under a record are spelled out per parent
 * type so the OpenAPI document lists them; each is one call into the service with the parent type.
 */
@ApiTags('documents')
@Controller()
@Authorize()
@ApiAuthErrors()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get('requests/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The request’s documents (metadata), newest first, for whoever sees the request' })
  listForRequest(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'request', id);
  }

  @Get('offers/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The offer’s documents (metadata), newest first, for whoever sees the offer' })
  listForOffer(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'offer', id);
  }

  @Get('matches/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The match’s documents (metadata), newest first, for whoever sees the match' })
  listForMatch(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'match', id);
  }

  @Get('action-plans/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The action plan’s documents (metadata), newest first, for whoever sees the plan' })
  listForActionPlan(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'action_plan', id);
  }

  @Get('action-plan-items/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The action plan item’s documents (metadata), newest first, for whoever sees the item' })
  listForActionPlanItem(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'action_plan_item', id);
  }

  @Get('engagements/:id/documents')
  @ApiOkResponse({ standardSchema: documentListSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'The engagement’s documents (metadata), newest first, for whoever sees the engagement' })
  listForEngagement(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentListView> {
    return this.documents.list(user, 'engagement', id);
  }

  @Post('requests/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart: kind, title, language, date, then file): the requesting agency or the Committee' })
  uploadToRequest(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'request', id, req);
  }

  @Post('offers/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart): the offering provider or the Committee' })
  uploadToOffer(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'offer', id, req);
  }

  @Post('matches/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart): the requesting State, the provider or the Committee' })
  uploadToMatch(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'match', id, req);
  }

  @Post('action-plans/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart): the State’s agencies or the Committee' })
  uploadToActionPlan(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'action_plan', id, req);
  }

  @Post('action-plan-items/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart): the State’s agencies or the Committee' })
  uploadToActionPlanItem(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'action_plan_item', id, req);
  }

  @Post('engagements/:id/documents')
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiCreatedResponse({ standardSchema: documentViewSchema })
  @ApiValidationError()
  @ApiNotFound()
  @ApiOperation({ summary: 'Attach a document (multipart): the Committee, the States concerned and the participants' })
  uploadToEngagement(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string, @Req() req: Request): Promise<DocumentView> {
    return this.upload(user, 'engagement', id, req);
  }

  @Get('documents/:id')
  @ApiOkResponse({ standardSchema: documentViewSchema })
  @ApiNotFound()
  @ApiOperation({ summary: 'One document’s metadata; 404 unless the caller sees its record' })
  get(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<DocumentView> {
    return this.documents.get(user, id);
  }

  @Get('documents/:id/content')
  @ApiOkResponse({
    description: 'The bytes, as an attachment, with the type found at upload and nosniff; `?disposition=inline` shows PDF and images in place',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFound()
  @ApiOperation({ summary: 'Download a document' })
  async content(
    @CurrentUser() user: AuthUser,
    @Param('id', { schema: uuidParam }) id: string,
    @Query({ schema: contentQuerySchema }) query: ContentQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.documents.content(user, id);
    // Only types a browser renders without running anything are shown in place; the rest are always attachments.
    const disposition = query.disposition === 'inline' && file.previewable ? 'inline' : 'attachment';
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('ETag', `"${file.sha256}"`);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: contentDisposition(disposition, file.fileName), length: file.size });
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed: gone from the lists, its bytes deleted, its history kept' })
  @ApiNotFound()
  @ApiOperation({ summary: 'Remove a document: its organisation while the record is a draft, or the Committee' })
  remove(@CurrentUser() user: AuthUser, @Param('id', { schema: uuidParam }) id: string): Promise<void> {
    return this.documents.remove(user, id);
  }

  private upload(user: AuthUser, type: DocumentParentType, id: string, req: Request): Promise<DocumentView> {
    return this.documents.upload(user, type, id, req);
  }
}
