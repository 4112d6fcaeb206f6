import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule } from '@app/common';
import { APP_CONFIG, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { OutboxModule } from '@app/outbox';
import { QueueModule } from '@app/queue';
import { ActionPlansModule } from './action-plans/action-plans.module';
import { AuthModule } from './auth/auth.module';
import { DocumentsModule } from './documents/documents.module';
import { DataExchangeModule } from './data-exchange/data-exchange.module';
import { EngagementsModule } from './engagements/engagements.module';
import { SameOriginMiddleware } from './auth/same-origin.middleware';
import { HealthController } from './health/health.controller';
import { HistoryModule } from './history/history.module';
import { MatchesModule } from './matches/matches.module';
import { MatchingModule } from './matching/matching.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OffersModule } from './offers/offers.module';
import { StateTimelineModule } from './state-timeline/state-timeline.module';
import { PublicRegisterController } from './public-register/public-register.controller';
import { ReportsModule } from './reports/reports.module';
import { RequestsModule } from './requests/requests.module';
import { ThreadsModule } from './threads/threads.module';
import { ContactsModule } from './contacts/contacts.module';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { loggerOptions } from './logging';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';
import { builtWebApp, webAppStaticOptions } from './web-delivery';

const webDist = builtWebApp();

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggerOptions }),
    DatabaseModule,
    QueueModule,
    OutboxModule,
    AuthModule,
    ActionPlansModule,
    OrganizationsModule,
    UsersModule,
    HistoryModule,
    RequestsModule,
    OffersModule,
    DataExchangeModule,
    DocumentsModule,
    MatchesModule,
    MatchingModule,
    NotificationsModule,
    ReportsModule,
    ThreadsModule,
    ContactsModule,
    EngagementsModule,
    StateTimelineModule,
    // The built web app, when present (demo and production builds); API and health routes stay the API's.
    ...(webDist ? [ServeStaticModule.forRoot(webAppStaticOptions(webDist))] : []),
  ],
  controllers: [HealthController, TaxonomyController, PublicRegisterController],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(SameOriginMiddleware).forRoutes('{*path}');
  }
}
