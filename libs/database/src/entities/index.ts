import {
  ActionPlanEntity,
  ActionPlanItemEntity,
  ActionPlanItemInterestEntity,
  ActionPlanItemNoteEntity,
  ActionPlanVersionEntity,
} from './action-plan.entity';
import { AssistanceOfferEntity } from './assistance-offer.entity';
import { AssistanceRequestEntity } from './assistance-request.entity';
import { EngagementEntity, EngagementFollowUpEntity, EngagementPrioritisationEntity } from './engagement.entity';
import { DocumentContentEntity, DocumentEntity, DocumentUploadEntity } from './document.entity';
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
import { RequestFirstSuggestionEntity } from './request-first-suggestion.entity';
import { ReportCodeEntity, RequestMilestonesEntity, RequestStatusStepEntity } from './request-report-facts.entity';
import { RescoreRunEntity } from './rescore-run.entity';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { WeightsProposalEntity } from './weights-proposal.entity';
import { ThreadMessageEntity, ThreadReadEntity } from './thread-message.entity';
import { ContactListEntity } from './contact-list.entity';

export {
  ActionPlanEntity,
  ActionPlanItemEntity,
  ActionPlanItemInterestEntity,
  ActionPlanItemNoteEntity,
  ActionPlanVersionEntity,
  AssistanceOfferEntity,
  AssistanceRequestEntity,
  EngagementEntity,
  EngagementFollowUpEntity,
  EngagementPrioritisationEntity,
  DocumentContentEntity,
  DocumentEntity,
  DocumentUploadEntity,
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
  RequestFirstSuggestionEntity,
  ReportCodeEntity,
  RequestMilestonesEntity,
  RequestStatusStepEntity,
  RescoreRunEntity,
  SessionEntity,
  UserEntity,
  WeightsProposalEntity,
  ThreadMessageEntity,
  ThreadReadEntity,
  ContactListEntity,
};
export type { ThreadType, ThreadSide, ThreadMessageKind } from './thread-message.entity';
export type { ContactOwner, ContactPerson } from './contact-list.entity';
export type { RequestPriority, RequestVisibility } from './assistance-request.entity';
export type { ActionPlanItemStatus, ActionPlanNoteKind, ActionPlanPriorityLevel, ActionPlanStatus } from './action-plan.entity';
export type { MatchOrigin } from './match.entity';
export type { RescoreStatus } from './rescore-run.entity';
export type { DeliveryKind, DeliveryStatus } from './notification-delivery.entity';
export type { ReminderKind } from './notification-reminder.entity';
export type { EngagementParty } from './engagement.entity';

/** Every entity, listed explicitly (no globs: see STACK.md). */
export const ENTITIES = [
  ThreadMessageEntity,
  ThreadReadEntity,
  ContactListEntity,
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  HistoryEntryEntity,
  OutboxEventEntity,
  AssistanceRequestEntity,
  RequestFirstSuggestionEntity,
  ReportCodeEntity,
  RequestMilestonesEntity,
  RequestStatusStepEntity,
  AssistanceOfferEntity,
  ReferenceCounterEntity,
  MatchEntity,
  MatchingProfileEntity,
  MatchingWorkEntity,
  RescoreRunEntity,
  WeightsProposalEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  NotificationReminderEntity,
  IdempotencyKeyEntity,
  ActionPlanEntity,
  ActionPlanVersionEntity,
  ActionPlanItemEntity,
  ActionPlanItemNoteEntity,
  ActionPlanItemInterestEntity,
  EngagementEntity,
  EngagementFollowUpEntity,
  EngagementPrioritisationEntity,
  DocumentEntity,
  DocumentContentEntity,
  DocumentUploadEntity,
];
