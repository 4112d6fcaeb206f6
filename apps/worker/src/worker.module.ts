import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { OutboxModule } from '@app/outbox';
import { QUEUES, QueueModule } from '@app/queue';
import { CanaryProcessor } from './canary/canary.processor';
import { EventHandlerRegistry } from './events/event-handler.registry';
import { EventsProcessor } from './events/events.processor';
import { OutboxPoller } from './outbox/outbox-poller';

const config = loadConfig();

@Module({
  imports: [
    AppConfigModule,
    LoggerModule.forRoot({ pinoHttp: { level: config.app.NODE_ENV === 'test' ? 'warn' : config.app.LOG_LEVEL } }),
    DatabaseModule,
    QueueModule,
    OutboxModule,
    BullModule.registerQueue({ name: QUEUES.canary }),
  ],
  providers: [EventHandlerRegistry, EventsProcessor, OutboxPoller, CanaryProcessor],
  exports: [EventHandlerRegistry],
})
export class WorkerModule {}
