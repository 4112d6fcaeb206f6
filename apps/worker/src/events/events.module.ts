import { Module } from '@nestjs/common';
import { EventHandlerRegistry } from './event-handler.registry';
import { EventsProcessor } from './events.processor';

/** Delivers outbox events to the handlers feature modules register. */
@Module({ providers: [EventHandlerRegistry, EventsProcessor], exports: [EventHandlerRegistry] })
export class EventsModule {}
