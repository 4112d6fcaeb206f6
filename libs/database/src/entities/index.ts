import { HistoryEntryEntity } from './history-entry.entity';
import { OrganizationEntity } from './organization.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export { HistoryEntryEntity, OrganizationEntity, OutboxEventEntity, SessionEntity, UserEntity };

/** Every entity, listed explicitly (no globs: see STACK.md). */
export const ENTITIES = [OrganizationEntity, UserEntity, SessionEntity, HistoryEntryEntity, OutboxEventEntity];
