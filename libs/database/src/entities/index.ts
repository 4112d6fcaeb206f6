import { AssistanceOfferEntity } from './assistance-offer.entity';
import { AssistanceRequestEntity } from './assistance-request.entity';
import { DocumentContentEntity, DocumentEntity } from './document.entity';
import { HistoryEntryEntity } from './history-entry.entity';
import { IdempotencyKeyEntity } from './idempotency-key.entity';
import { MatchEntity } from './match.entity';
import { MatchingProfileEntity } from './matching-profile.entity';
import { MatchingWorkEntity } from './matching-work.entity';
import { NotificationDeliveryEntity } from './notification-delivery.entity';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationReminderEntity } from './notification-reminder.entity';
import { NotificationEntity } from './notification.entity';
import { OrganizationEntity } from './organization.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ReferenceCounterEntity } from './reference-counter.entity';
import { RescoreRunEntity } from './rescore-run.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export {
  AssistanceOfferEntity,
  AssistanceRequestEntity,
  DocumentContentEntity,
  DocumentEntity,
  HistoryEntryEntity,
  IdempotencyKeyEntity,
  MatchEntity,
  MatchingProfileEntity,
  MatchingWorkEntity,
  NotificationDeliveryEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  NotificationReminderEntity,
  OrganizationEntity,
  OutboxEventEntity,
  ReferenceCounterEntity,
  RescoreRunEntity,
  SessionEntity,
  UserEntity,
};
export type { RequestPriority, RequestVisibility } from './assistance-request.entity';
export type { MatchOrigin, ScoreComponent } from './match.entity';
export type { RescoreStatus } from './rescore-run.entity';
export type { DeliveryKind, DeliveryStatus } from './notification-delivery.entity';
export type { ReminderKind } from './notification-reminder.entity';

/** Every entity, listed explicitly (no globs: see STACK.md). */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  HistoryEntryEntity,
  OutboxEventEntity,
  AssistanceRequestEntity,
  AssistanceOfferEntity,
  ReferenceCounterEntity,
  MatchEntity,
  MatchingProfileEntity,
  MatchingWorkEntity,
  RescoreRunEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  NotificationReminderEntity,
  IdempotencyKeyEntity,
  DocumentEntity,
  DocumentContentEntity,
];
