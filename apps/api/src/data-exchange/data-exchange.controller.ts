import { Controller, Get, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { ApiAuthErrors, ApiCsvResponse, ApiValidationError } from '../common/openapi';
import {
  exchangeDocumentSchema,
  exchangeEnvelopeSchema,
  importResultSchema,
  OffersCsvQuery,
  offersCsvSchema,
  RequestsCsvQuery,
  requestsCsvSchema,
} from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authorize, CurrentUser } from '../auth/authorize.decorator';
import { csvFile, toCsv } from './csv';
import { OFFER_CSV_COLUMNS, REQUEST_CSV_COLUMNS } from './csv-columns';
import { ExchangeExportService } from './exchange-export.service';
import { ExchangeImportService, ImportResult } from './exchange-import.service';

@ApiTags('data exchange')
@Controller()
@ApiAuthErrors()
export class DataExchangeController {
  constructor(
    private readonly exporter: ExchangeExportService,
    private readonly importer: ExchangeImportService,
  ) {}

  @Get('export')
  // The whole register, States' drafts included (a backup that round-trips): the administrators'.
  @Authorize('committee_admin')
  @ApiOkResponse({ standardSchema: exchangeDocumentSchema })
  @ApiOperation({ summary: 'The whole register, drafts included, as one a1540-exchange JSON document (docs/data-exchange.md)' })
  async exportDocument(): Promise<StreamableFile> {
    // Written as it is read (documents' bytes one at a time), not built whole in memory.
    return new StreamableFile(await this.exporter.exportDocument(), { type: 'application/json; charset=utf-8' });
  }

  @Post('import')
  @Authorize('committee_admin')
  @ApiCreatedResponse({ standardSchema: importResultSchema })
  @ApiValidationError()
  @ApiOperation({
    summary:
      'Import an a1540-exchange document into this database: all records or none; existing ids are refused (up to 50mb)',
  })
  // The body is read as it arrives, by the service (import-gate.ts keeps the global parser off it).
  @ApiBody({ schema: z.toJSONSchema(exchangeEnvelopeSchema, { target: 'openapi-3.0', io: 'input' }) as SchemaObject })
  importDocument(@CurrentUser() user: AuthUser, @Req() body: Request): Promise<ImportResult> {
    return this.importer.importDocument(user, body);
  }

  @Get('export/requests.csv')
  @Authorize()
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({
    summary: 'The requests the caller may see, with the filters and sort of GET /requests, as CSV for spreadsheets',
  })
  async requestsCsv(
    @CurrentUser() user: AuthUser,
    @Query({ schema: requestsCsvSchema }) query: RequestsCsvQuery,
  ): Promise<StreamableFile> {
    return csvFile('requests', toCsv(REQUEST_CSV_COLUMNS, await this.exporter.listAllRequests(user, query)));
  }

  @Get('export/offers.csv')
  @Authorize()
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({
    summary: 'The offers the caller may see, with the filters and sort of GET /offers, as CSV for spreadsheets',
  })
  async offersCsv(
    @CurrentUser() user: AuthUser,
    @Query({ schema: offersCsvSchema }) query: OffersCsvQuery,
  ): Promise<StreamableFile> {
    return csvFile('offers', toCsv(OFFER_CSV_COLUMNS, await this.exporter.listAllOffers(user, query)));
  }
}
