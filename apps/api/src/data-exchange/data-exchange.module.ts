import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { OffersModule } from '../offers/offers.module';
import { RequestsModule } from '../requests/requests.module';
import { DataExchangeController } from './data-exchange.controller';
import { ExchangeExportService } from './exchange-export.service';
import { ExchangeImportService } from './exchange-import.service';

/** JSON export and import of the whole register, and CSV exports of the lists (DESIGN §9). */
@Module({
  imports: [RequestsModule, OffersModule, DocumentsModule],
  controllers: [DataExchangeController],
  providers: [ExchangeExportService, ExchangeImportService],
  exports: [ExchangeExportService],
})
export class DataExchangeModule {}
