import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { dataSourceOptions } from './data-source';
import { ActionPlanRepository, EngagementRepository, MatchRepository, NotificationRepository, OfferRepository, RequestRepository } from './repositories';

/** The named queries of each aggregate, injected wherever the API or the worker reads them. */
const REPOSITORIES = [RequestRepository, OfferRepository, MatchRepository, NotificationRepository, ActionPlanRepository, EngagementRepository];

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database.DATABASE_URL, config.database.DATABASE_POOL_SIZE),
    }),
  ],
  providers: REPOSITORIES,
  exports: REPOSITORIES,
})
export class DatabaseModule {}
