import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventHandlerRegistry } from '../events/event-handler.registry';
import { isSilent, NOTIFICATION_RULES } from './notification-rules';
import { NotificationWriter } from './notification-writer.service';

/** Registers a handler for every event the rules notify about (silent events get none). */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    private readonly registry: EventHandlerRegistry,
    private readonly writer: NotificationWriter,
  ) {}

  onModuleInit(): void {
    for (const [type, rule] of Object.entries(NOTIFICATION_RULES)) {
      if (isSilent(rule)) continue;
      this.registry.on(type, 'notifications', async (event, manager) => {
        await this.writer.notify(event, rule, manager);
      });
    }
  }
}
