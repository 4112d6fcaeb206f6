import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { ClockModule } from '@app/common';
import { APP_CONFIG, AppConfig, AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { OutboxModule } from '@app/outbox';
import { QUEUES, QueueModule } from '@app/queue';
import { CanaryProcessor } from './canary/canary.processor';
import { EventsModule } from './events/events.module';
import { MatchingModule } from './matching/matching.module';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { NotificationsModule } from './notifications/notifications.module';
import { OfferExpiryService } from './maintenance/offer-expiry.service';
import { OutboxPoller } from './outbox/outbox-poller';
import { RecoveryModule } from './recovery/recovery.module';
import { RecoveryService } from './recovery/recovery.service';

@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: { level: config.app.NODE_ENV === 'test' ? 'warn' : config.app.LOG_LEVEL },
      }),
    }),
    DatabaseModule,
    QueueModule,
    OutboxModule,
    RecoveryModule,
    BullModule.registerQueue({ name: QUEUES.canary }, { name: QUEUES.maintenance }),
    EventsModule,
    MatchingModule,
    NotificationsModule,
  ],
  providers: [OutboxPoller, RecoveryService, CanaryProcessor, MaintenanceProcessor, OfferExpiryService],
})
export class WorkerModule {}
