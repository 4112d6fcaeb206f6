import { randomUUID } from 'node:crypto';
import {
  EXCHANGE_COLLECTIONS,
  type ExchangeCollection,
  type ExchangeEnvelope,
  exchangeEnvelopeSchema,
} from '@app/contracts';
import { DocumentReader } from './import-document';

// Valid records of the exchange format, for the unit specs of the import; override what a test is about.
const at = '2024-03-01T09:30:00.123456Z';
const times = { version: 1, createdAt: at, updatedAt: at };

export const organization = (overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  name: `Customs Committee ${randomUUID().slice(0, 6)}`,
  shortName: 'Customs',
  kind: 'state_agency',
  state: 'KAZ',
  contactEmail: null,
  active: true,
  ...times,
  ...overrides,
});

export const user = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  email: `officer.${randomUUID().slice(0, 6)}@customs.kz.example`,
  displayName: 'Officer',
  role: 'agency_member',
  organizationId,
  active: true,
  preferredLanguage: 'ru',
  lastLoginAt: null,
  ...times,
  ...overrides,
});

export const request = (organizationId: string, seq = 1, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  reference: `KAZ-2024-${String(seq).padStart(3, '0')}`,
  state: 'KAZ',
  organizationId,
  createdById: null,
  title: 'Border control training',
  description: 'Training for customs officers on strategic goods.',
  provisions: ['OP3c'],
  domains: ['NUCLEAR'],
  assistanceTypes: ['TRAINING'],
  targetInstitutions: [],
  priority: 'medium',
  estimatedCost: { amount: 150_000, currency: 'USD' },
  desiredStart: '2024-06-01',
  desiredEnd: '2024-12-31',
  languages: ['ru'],
  preferredProviderIds: [],
  assistanceReceived: null,
  napReference: null,
  letterDate: '2024-02-20',
  visibility: 'providers',
  objectionWindowWaived: false,
  status: 'submitted',
  closeReason: null,
  submittedAt: at,
  acknowledgedAt: null,
  circulatedAt: null,
  matchedAt: null,
  deliveryStartedAt: null,
  deliveredAt: null,
  closedAt: null,
  withdrawnAt: null,
  ...times,
  ...overrides,
});

export const offer = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  organizationId,
  createdById: null,
  title: 'Customs training',
  description: 'Courses on strategic goods.',
  programme: null,
  provisions: ['OP3c'],
  domains: [],
  assistanceTypes: ['TRAINING'],
  targetInstitutions: [],
  eligibleRegions: ['GLOBAL'],
  eligibleStates: [],
  deliveryModes: ['VIRTUAL'],
  languages: ['en'],
  capacity: { engagements: null, budget: null, engagementsUsed: 0 },
  availableFrom: null,
  availableUntil: null,
  status: 'active',
  submittedAt: at,
  verifiedAt: at,
  closedAt: null,
  ...times,
  ...overrides,
});

export const match = (requestId: string, offerId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  requestId,
  offerId,
  score: 0.5,
  components: [{ key: 'provisions', value: 1, weight: 1, contribution: 0.5 }],
  reason: 'covers OP3c',
  engineVersion: 'v1',
  weightsVersion: 1,
  scoredAt: at,
  origin: 'engine',
  status: 'suggested',
  notes: null,
  createdById: null,
  endorsedAt: null,
  answeredAt: null,
  agreedAt: null,
  completedAt: null,
  declineReason: null,
  requesterRating: null,
  requesterComment: null,
  providerRating: null,
  providerComment: null,
  ...times,
  ...overrides,
});

export const historyEntry = (subjectType: string, subjectId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  subjectType,
  subjectId,
  action: 'submit',
  fromStatus: 'draft',
  toStatus: 'submitted',
  actorId: null,
  actorRole: 'system',
  comment: null,
  reason: null,
  details: null,
  createdAt: at,
  ...overrides,
});

export const actionPlan = (organizationId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  state: 'KAZ',
  organizationId,
  title: 'National action plan',
  description: null,
  status: 'submitted',
  submittedOn: '2024-02-01',
  revision: 1,
  sharedWithProviders: false,
  publicSummary: null,
  createdById: null,
  ...times,
  ...overrides,
});

export const actionPlanItem = (planId: string, overrides: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  planId,
  code: '1.1',
  title: 'Licensing of strategic goods',
  description: '',
  provisions: ['OP3d'],
  domains: [],
  leadAgencyId: null,
  partnerAgencyIds: [],
  priorityRank: 1,
  priorityLevel: 'high',
  prioritisedAt: null,
  prioritisedById: null,
  prioritisedInEngagementId: null,
  targetDate: null,
  status: 'planned',
  assistanceNeeded: true,
  proposed: false,
  createdById: null,
  ...times,
  ...overrides,
});

export const envelope = (parts: Record<string, unknown[]>): ExchangeEnvelope =>
  exchangeEnvelopeSchema.parse({ format: 'a1540-exchange', formatVersion: 1, exportedAt: at, ...parts });

/** A whole document read record by record, as the import reads a body. */
export function readDocument(env: ExchangeEnvelope): DocumentReader {
  const reader = new DocumentReader();
  for (const collection of Object.keys(EXCHANGE_COLLECTIONS) as ExchangeCollection[]) {
    env[collection].forEach((raw, index) => reader.read(collection, index, raw));
  }
  return reader;
}
