import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventPayload, EventType } from '@app/contracts';
import type { OutboxEventEntity } from '@app/database';

/** An outbox event as a handler sees it: its name from the catalogue and its payload parsed with that name's schema. */
export type HandledEvent<T extends EventType = EventType> = Omit<OutboxEventEntity, 'type' | 'payload'> & {
  type: T;
  payload: EventPayload<T>;
};

/** Runs inside the transaction that marks the event processed, so its writes and the mark commit together. */
export type EventHandler<T extends EventType> = (event: HandledEvent<T>, manager: EntityManager) => Promise<void>;

type Handlers = { [T in EventType]?: { name: string; handle: EventHandler<T> }[] };

/** Feature modules register what they do for each catalogued event; a handler gets that event's payload type. */
@Injectable()
export class EventHandlerRegistry {
  private readonly handlers: Handlers = {};

  on<T extends EventType>(type: T, name: string, handle: EventHandler<T>): void {
    const handlers: Handlers[T] = (this.handlers[type] ??= []);
    handlers?.push({ name, handle });
  }

  /** Runs the event's handlers in the order they registered. */
  async dispatch<T extends EventType>(event: HandledEvent<T>, manager: EntityManager): Promise<void> {
    const handlers: Handlers[T] = this.handlers[event.type];
    for (const handler of handlers ?? []) await handler.handle(event, manager);
  }
}
