import { z } from 'zod';
import {
  EXCHANGE_COLLECTIONS,
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  exchangeActionPlanItemInterestSchema,
  exchangeActionPlanItemNoteSchema,
  exchangeActionPlanItemSchema,
  exchangeActionPlanSchema,
  exchangeActionPlanVersionSchema,
  exchangeContactListSchema,
  exchangeDocumentRecordSchema,
  exchangeEngagementFollowUpSchema,
  exchangeEngagementPrioritisationSchema,
  exchangeEngagementSchema,
  exchangeThreadMessageSchema,
  exchangeHistorySchema,
  exchangeMatchSchema,
  exchangeOfferSchema,
  exchangeOrganizationSchema,
  exchangeRequestSchema,
  exchangeUserSchema,
} from '../data-exchange';
import { timestamp, uuid } from './common';

/** Describes `ExchangeDocument`: the records as the import reads them; users never carry a password. */
export const exchangeDocumentSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  formatVersion: z.literal(EXCHANGE_FORMAT_VERSION),
  exportedAt: timestamp,
  organizations: z.array(exchangeOrganizationSchema),
  users: z.array(exchangeUserSchema.omit({ password: true })),
  contactLists: z.array(exchangeContactListSchema),
  engagements: z.array(exchangeEngagementSchema),
  engagementFollowUps: z.array(exchangeEngagementFollowUpSchema),
  actionPlans: z.array(exchangeActionPlanSchema),
  actionPlanVersions: z.array(exchangeActionPlanVersionSchema),
  actionPlanItems: z.array(exchangeActionPlanItemSchema),
  requests: z.array(exchangeRequestSchema),
  offers: z.array(exchangeOfferSchema),
  matches: z.array(exchangeMatchSchema),
  actionPlanItemNotes: z.array(exchangeActionPlanItemNoteSchema),
  actionPlanItemInterests: z.array(exchangeActionPlanItemInterestSchema),
  engagementPrioritisations: z.array(exchangeEngagementPrioritisationSchema),
  documents: z.array(exchangeDocumentRecordSchema),
  threadMessages: z.array(exchangeThreadMessageSchema),
  history: z.array(exchangeHistorySchema),
});

const collectionCount = z.number().int();

/** Describes `ImportResult` (exchange-import.service.ts). */
export const importResultSchema = z.object({
  importId: uuid.describe('Subject id of the import’s own history entry'),
  imported: z.object(
    Object.fromEntries(Object.keys(EXCHANGE_COLLECTIONS).map((c) => [c, collectionCount])) as {
      [C in keyof typeof EXCHANGE_COLLECTIONS]: typeof collectionCount;
    },
  ),
  inactiveUsers: z.number().int().describe('Users imported without a password: inactive until an administrator sets one'),
  referenceCounters: z.number().int().describe('(State, year) reference counters raised by the import'),
});
