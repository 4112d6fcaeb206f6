import { Module } from '@nestjs/common';
import { DataExchangeModule } from '../data-exchange/data-exchange.module';
import { MatchesModule } from '../matches/matches.module';
import { ReportsExportService } from './reports-export.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [DataExchangeModule, MatchesModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsExportService],
})
export class ReportsModule {}
