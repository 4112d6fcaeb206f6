import { Module } from '@nestjs/common';
import { DemoMailboxService } from './demo-mailbox.service';
import { DevMailboxController } from './dev-mailbox.controller';
import { NotificationDeliveriesService } from './notification-deliveries.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The inbox, e-mail preferences, the committee's delivery log and the demo mailbox (DESIGN §7, §9). */
@Module({
  controllers: [NotificationsController, NotificationPreferencesController, DevMailboxController],
  providers: [NotificationsService, NotificationPreferencesService, NotificationDeliveriesService, DemoMailboxService],
})
export class NotificationsModule {}
