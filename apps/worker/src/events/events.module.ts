import { Module } from '@nestjs/common';
import { EventHandlerRegistry } from './event-handler.registry';
import { EventsProcessor, MatchingEventsProcessor } from './events.processor';

/** Delivers outbox events to the handlers feature modules register. */
@Module({ providers: [EventHandlerRegistry, EventsProcessor, MatchingEventsProcessor], exports: [EventHandlerRegistry] })
export class EventsModule {}
