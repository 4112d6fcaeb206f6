import { z } from 'zod';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_FORMAT_VERSION,
  exchangeHistorySchema,
  exchangeMatchSchema,
  exchangeOfferSchema,
  exchangeOrganizationSchema,
  exchangeRequestSchema,
  exchangeUserSchema,
} from './exchange-document.schemas';
import { timestamp, uuid } from '@app/contracts';

/** Describes `ExchangeDocument`: the records as the import reads them; users never carry a password. */
export const exchangeDocumentSchema = z.object({
  format: z.literal(EXCHANGE_FORMAT),
  formatVersion: z.literal(EXCHANGE_FORMAT_VERSION),
  exportedAt: timestamp,
  organizations: z.array(exchangeOrganizationSchema),
  users: z.array(exchangeUserSchema.omit({ password: true })),
  requests: z.array(exchangeRequestSchema),
  offers: z.array(exchangeOfferSchema),
  matches: z.array(exchangeMatchSchema),
  history: z.array(exchangeHistorySchema),
});

const collectionCount = z.number().int();

/** Describes `ImportResult` (exchange-import.service.ts). */
export const importResultSchema = z.object({
  importId: uuid.describe('Subject id of the import’s own history entry'),
  imported: z.object({
    organizations: collectionCount,
    users: collectionCount,
    requests: collectionCount,
    offers: collectionCount,
    matches: collectionCount,
    history: collectionCount,
  }),
  inactiveUsers: z.number().int().describe('Users imported without a password: inactive until an administrator sets one'),
  referenceCounters: z.number().int().describe('(State, year) reference counters raised by the import'),
});
