import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { DocumentParents } from './document-parents';
import { DOCUMENT_STORE, type DocumentStore } from './document-store';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { PostgresDocumentStore } from './postgres-document.store';
import { S3DocumentStore } from './s3-document.store';

@Module({
  controllers: [DocumentsController],
  providers: [
    DocumentParents,
    DocumentsService,
    {
      provide: DOCUMENT_STORE,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource): DocumentStore =>
        config.documents.DOCUMENT_STORE === 's3' ? new S3DocumentStore(config.documents) : new PostgresDocumentStore(dataSource),
    },
  ],
  exports: [DocumentParents, DocumentsService, DOCUMENT_STORE],
})
export class DocumentsModule {}
