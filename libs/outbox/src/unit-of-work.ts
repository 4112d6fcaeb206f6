import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, markIdempotentCommit } from '@app/common';
import type { EventPayload, EventType } from '@app/contracts';
import { HistoryEntryEntity, OutboxEventEntity } from '@app/database';
import { OutboxRelay } from './outbox-relay';

export interface Actor {
  id: string;
  role: string;
}

/**
 * An event of the catalogue (libs/contracts events.ts) about one subject: its name decides its payload's type.
 * Events whose payload is empty may leave it out.
 */
export type DomainEvent = {
  [T in EventType]: { type: T; subjectType: string; subjectId: string } & (Record<string, never> extends EventPayload<T> ? { payload?: EventPayload<T> } : { payload: EventPayload<T> });
}[EventType];

export interface AuditEntry {
  subjectType: string;
  subjectId: string;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  comment?: string | null;
  reason?: string | null;
  details?: Record<string, unknown> | null;
  /** A consequence the system draws (an offer exhausted by an agreed match), not the actor's own step. */
  bySystem?: boolean;
}

/** What a unit of work can do inside its transaction. */
export interface Tx {
  manager: EntityManager;
  actor: Actor | null;
  /** The process clock's time when the unit of work began: what its workflow steps and milestones are stamped with. */
  now: Date;
  /** Appends a history entry, attributed to the actor. */
  audit(entry: AuditEntry): Promise<void>;
  /** Records an outbox event; it is enqueued only if the transaction commits. */
  emit(event: DomainEvent): Promise<void>;
}

/**
 * A state change, its history entries and its outbox events commit together or not at all (DESIGN §7).
 * After the commit the relay is kicked so events reach the queue at once; if this process dies first,
 * the worker's relay finds them.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async run<T>(actor: Actor | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted = 0;
    let subject: { type: string; id: string } | null = null;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx: Tx = {
        manager,
        actor,
        now: this.clock.now(),
        audit: async ({ bySystem, ...entry }) => {
          const by = bySystem ? null : actor;
          await manager.save(manager.create(HistoryEntryEntity, { ...entry, actorId: by?.id ?? null, actorRole: by?.role ?? 'system' }));
        },
        emit: async (event) => {
          emitted++;
          subject ??= { type: event.subjectType, id: event.subjectId };
          await manager.save(
            manager.create(OutboxEventEntity, {
              type: event.type,
              subjectType: event.subjectType,
              subjectId: event.subjectId,
              payload: event.payload ?? {},
              actorId: actor?.id ?? null,
            }),
          );
        },
      };
      const done = await work(tx);
      // A create sent with an Idempotency-Key commits its key's mark with it (idempotency-scope.ts).
      await markIdempotentCommit(manager, subject);
      return done;
    });
    if (emitted > 0) {
      // Fault injection for the outbox test: die between the commit and the enqueue.
      if (process.env.FAULT_INJECTION === 'exit-after-commit' && process.env.NODE_ENV !== 'production') {
        process.exit(86);
      }
      this.relay.flush().catch((err: Error) => this.logger.warn(`Outbox relay deferred to worker: ${err.message}`));
    }
    return result;
  }
}
