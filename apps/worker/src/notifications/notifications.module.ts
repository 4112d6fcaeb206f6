import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@app/queue';
import { EventsModule } from '../events/events.module';
import { DigestService } from './digest.service';
import { MailContentService } from './mail-content.service';
import { MailReceiptsService } from './mail-receipts.service';
import { MailSweepService } from './mail-sweep.service';
import { MailTransportService } from './mail-transport.service';
import { MailProcessor } from './mail.processor';
import { NotificationFactsService } from './notification-facts.service';
import { NotificationTriggers } from './notification-triggers';
import { NotificationWriter } from './notification-writer.service';
import { NotificationsProcessor } from './notifications.processor';
import { RecipientResolver } from './recipient-resolver.service';
import { RemindersService } from './reminders.service';

/** DESIGN §7 in the worker: events → inbox items and e-mail deliveries; mail sending; digests; reminders. */
@Module({
  imports: [EventsModule, BullModule.registerQueue({ name: QUEUES.mail }, { name: QUEUES.notifications })],
  providers: [
    NotificationFactsService,
    RecipientResolver,
    NotificationWriter,
    NotificationTriggers,
    MailTransportService,
    MailReceiptsService,
    MailContentService,
    MailProcessor,
    DigestService,
    RemindersService,
    MailSweepService,
    NotificationsProcessor,
  ],
  exports: [MailSweepService],
})
export class NotificationsModule {}
