import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES, type EventType } from '@app/contracts';
import { EventHandlerRegistry } from '../events/event-handler.registry';
import { isSilent, NOTIFICATION_RULES, type NotificationRule } from './notification-rules';
import { NotificationWriter } from './notification-writer.service';

/** Registers a handler for every event the rules notify about (silent events get none). */
@Injectable()
export class NotificationTriggers implements OnModuleInit {
  constructor(
    private readonly registry: EventHandlerRegistry,
    private readonly writer: NotificationWriter,
  ) {}

  onModuleInit(): void {
    for (const type of EVENT_TYPES) this.watch(type);
  }

  private watch<T extends EventType>(type: T): void {
    const rule: NotificationRule<T> = NOTIFICATION_RULES[type];
    if (isSilent(rule)) return;
    this.registry.on(type, 'notifications', async (event, manager) => {
      await this.writer.notify(event, rule, manager);
    });
  }
}
