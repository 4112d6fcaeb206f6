import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OutboxEventEntity } from '@app/database';

/** Runs inside the transaction that marks the event processed, so its writes and the mark commit together. */
export type EventHandler = (event: OutboxEventEntity, manager: EntityManager) => Promise<void>;

/** Feature modules register what they do for each event type (`*` for every event). */
@Injectable()
export class EventHandlerRegistry {
  private readonly handlers = new Map<string, { name: string; handle: EventHandler }[]>();

  on(type: string, name: string, handle: EventHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), { name, handle }]);
  }

  handlersFor(type: string): { name: string; handle: EventHandler }[] {
    return [...(this.handlers.get(type) ?? []), ...(this.handlers.get('*') ?? [])];
  }
}
