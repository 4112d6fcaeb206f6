import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { isEventType, parseEventPayload, type EventType } from '@app/contracts';
import { OutboxEventEntity } from '@app/database';
import { EventJob, QUEUES, retryingOutages } from '@app/queue';
import { EventHandlerRegistry, type HandledEvent } from './event-handler.registry';

/**
 * Delivers each outbox event to its handlers exactly once: the event row is locked, handlers run in the
 * same transaction, and the row is marked processed before commit. A duplicate job (same event re-enqueued
 * after a crash) finds the mark and does nothing; a crash before commit rolls everything back for the retry.
 * A PostgreSQL or Redis outage postpones the job without using an attempt, so no event ends `failed` for it.
 */
abstract class EventDelivery extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: EventHandlerRegistry,
  ) {
    super();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(`${job?.name ?? 'job'} ${job?.id ?? ''} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
  }

  async process(job: Job<EventJob>, token?: string): Promise<'processed' | 'duplicate' | 'missing'> {
    return retryingOutages(job, token, () => this.deliver(job));
  }

  private async deliver(job: Job<EventJob>): Promise<'processed' | 'duplicate' | 'missing'> {
    return this.dataSource.transaction(async (manager) => {
      const event = await manager.findOne(OutboxEventEntity, {
        where: { id: job.data.eventId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!event) {
        this.logger.warn(`Event ${job.data.eventId} not found`);
        return 'missing';
      }
      if (event.processedAt) return 'duplicate';
      await this.registry.dispatch(handledEvent(event), manager);
      await manager.update(OutboxEventEntity, { id: event.id }, { processedAt: new Date(), deliveries: () => 'deliveries + 1' });
      return 'processed';
    });
  }
}

// A killed worker's events are taken over once their 15 s lock expires (checked every 5 s).
@Processor(QUEUES.events, { concurrency: 4, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class EventsProcessor extends EventDelivery {
  // Each processor names its own dependencies: Nest reads them from the decorated class.
  constructor(dataSource: DataSource, registry: EventHandlerRegistry) {
    super(dataSource, registry);
  }
}

/**
 * The lane of events that set matching to work (eventQueueOf in libs/outbox): its own workers, so a rescore or
 * a request's scoring never waits behind thousands of reminder or notification events in `events`.
 */
@Processor(QUEUES.matchingEvents, { concurrency: 2, lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 2 })
export class MatchingEventsProcessor extends EventDelivery {
  constructor(dataSource: DataSource, registry: EventHandlerRegistry) {
    super(dataSource, registry);
  }
}

/**
 * The stored row as the catalogue reads it. An unknown name or a payload its schema refuses fails the job at
 * once and says why: no retry would make it readable, and no handler should see it half-understood.
 */
export function handledEvent(row: OutboxEventEntity): HandledEvent {
  const { type } = row;
  if (!isEventType(type)) throw new UnrecoverableError(`Event ${row.id}: "${type}" is not in the event catalogue`);
  return withPayload(row, type);
}

function withPayload<T extends EventType>(row: OutboxEventEntity, type: T): HandledEvent<T> {
  try {
    return { ...row, type, payload: parseEventPayload(type, row.payload) };
  } catch (err) {
    throw new UnrecoverableError(`Event ${row.id}: ${(err as Error).message}`);
  }
}
