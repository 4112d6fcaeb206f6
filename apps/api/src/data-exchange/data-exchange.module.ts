import { Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { OffersModule } from '../offers/offers.module';
import { RequestsModule } from '../requests/requests.module';
import { DataExchangeController } from './data-exchange.controller';
import { ExchangeExportService } from './exchange-export.service';
import { ExchangeImportService } from './exchange-import.service';
import { IMPORT_PATH, importBodyParser } from './import-body-parser';

/** JSON export and import of the whole register, and CSV exports of the lists (DESIGN §9). */
@Module({
  imports: [RequestsModule, OffersModule],
  controllers: [DataExchangeController],
  providers: [ExchangeExportService, ExchangeImportService],
})
export class DataExchangeModule {
  constructor(adapterHost: HttpAdapterHost) {
    // Modules are built inside NestFactory.create, before configureApp adds the global 1mb JSON parser, so
    // this route-scoped parser comes first in Express' chain and the global one skips the body it has read.
    adapterHost.httpAdapter?.use(IMPORT_PATH, importBodyParser());
  }
}
