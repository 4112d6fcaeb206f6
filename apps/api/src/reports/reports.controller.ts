import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuthErrors, ApiCsvResponse, ApiValidationError } from '../common/openapi';
import {
  myReportSchema,
  ReportExportQuery,
  reportExportSchema,
  SummaryQuery,
  summaryQuerySchema,
  summarySchema,
} from '@app/contracts';
import { localizedError } from '@app/common';
import { csvFile } from '../data-exchange/csv';
import type { AuthUser } from '../auth/auth-user';
import { AGENCY, Authorize, COMMITTEE, CurrentUser } from '../auth/authorize.decorator';
import { ReportsExportService } from './reports-export.service';
import { ReportsService, Summary } from './reports.service';

@ApiTags('reports')
@Controller('reports')
@ApiAuthErrors()
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly exports: ReportsExportService,
  ) {}

  @Get('summary')
  @Authorize(...COMMITTEE)
  @ApiOkResponse({ standardSchema: summarySchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Counts, match rate, time-to-X distributions, unmatched ageing, coverage (docs/reports.md)' })
  summary(@Query({ schema: summaryQuerySchema }) q: SummaryQuery): Promise<Summary> {
    return this.reports.summary(q);
  }

  @Get('export.csv')
  @Authorize()
  @ApiCsvResponse('One CSV file (UTF-8, Excel-friendly)')
  @ApiValidationError()
  @ApiOperation({ summary: 'requests, offers, matches (what the caller may see) or history (committee) as Excel-friendly CSV' })
  async exportCsv(@CurrentUser() user: AuthUser, @Query({ schema: reportExportSchema }) q: ReportExportQuery): Promise<StreamableFile> {
    if (q.entity === 'history' && !ReportsExportService.mayExportHistory(user)) {
      throw localizedError('forbidden', 'errors.historyExport');
    }
    return csvFile(q.entity, await this.exports.csv(user, q));
  }

  @Get('mine')
  @Authorize(...AGENCY, 'provider_member')
  @ApiOkResponse({ description: 'An agency’s waiting times (`kind: agency`) or a provider’s uptake (`kind: provider`)', standardSchema: myReportSchema })
  @ApiOperation({ summary: 'An agency’s waiting times or a provider’s uptake' })
  mine(@CurrentUser() user: AuthUser): Promise<unknown> {
    return this.reports.mine(user);
  }
}
