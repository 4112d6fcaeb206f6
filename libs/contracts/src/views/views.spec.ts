import { z } from 'zod';
import { historyItemSchema } from './history';
import { matchViewSchema } from './matches';
import { requestViewSchema } from './requests';
import { timestamp } from './common';

const request = {
  id: '8a7c1c1e-0000-4000-8000-000000000001',
  reference: 'MNG-2026-001',
  state: 'MNG',
  organizationId: '8a7c1c1e-0000-4000-8000-000000000002',
  title: 'Border control training',
  description: 'Training for customs officers on detecting dual-use goods at the border.',
  provisions: ['OP3c'],
  domains: ['NUCLEAR'],
  assistanceTypes: ['TRAINING'],
  targetInstitutions: [],
  priority: 'medium',
  estimatedCost: null,
  desiredStart: '2027-01-01',
  desiredEnd: null,
  languages: [],
  preferredProviderIds: [],
  assistanceReceived: null,
  napReference: null,
  actionPlanItemId: null,
  letterDate: null,
  visibility: 'providers',
  objectionWindowWaived: false,
  objectedAt: null,
  objectionSource: null,
  objectionLetterDate: null,
  objectionDocumentId: null,
  waiverLetterDate: null,
  waiverDocumentId: null,
  status: 'submitted',
  closeReason: null,
  submittedAt: new Date('2026-11-02T09:30:00Z'),
  acknowledgedAt: null,
  circulatedAt: null,
  firstSuggestionAt: null,
  readyForCoordinatorAt: null,
  matchedAt: null,
  deliveryStartedAt: null,
  deliveredAt: null,
  closedAt: null,
  withdrawnAt: null,
  version: 2,
  createdAt: new Date('2026-11-01T08:00:00Z'),
  updatedAt: '2026-11-02T09:30:00.000Z',
  organization: null,
  availableActions: ['acknowledge'],
  objectionWindowClosesAt: null,
  canEdit: false,
};

describe('view schemas', () => {
  it('turn the Dates a service hands over into the ISO strings the client reads, as JSON.stringify does', () => {
    const wire = requestViewSchema.parse(request);
    expect(wire.createdAt).toBe('2026-11-01T08:00:00.000Z');
    expect(wire.submittedAt).toBe('2026-11-02T09:30:00.000Z');
    expect(wire.updatedAt).toBe('2026-11-02T09:30:00.000Z');
    expect(wire).toEqual(JSON.parse(JSON.stringify(request)));
  });

  it('read a response body as it came over the wire', () => {
    const body: unknown = JSON.parse(JSON.stringify(request));
    expect(requestViewSchema.safeParse(body).success).toBe(true);
  });

  it('refuse a status or an action the workflow does not know', () => {
    expect(requestViewSchema.safeParse({ ...request, status: 'approved' }).success).toBe(false);
    expect(requestViewSchema.safeParse({ ...request, availableActions: ['approve'] }).success).toBe(false);
    expect(matchViewSchema.shape.status.safeParse('suggested').success).toBe(true);
    expect(matchViewSchema.shape.status.safeParse('proposed').success).toBe(false);
  });

  it('tell the system from a person in a history entry', () => {
    const system = { id: null, displayName: 'System', role: 'system', organization: null };
    expect(historyItemSchema.shape.actor.safeParse(system).success).toBe(true);
    expect(historyItemSchema.shape.actor.safeParse({ ...system, displayName: 'Someone' }).success).toBe(false);
  });

  it('document timestamps as date-time strings', () => {
    expect(z.toJSONSchema(timestamp, { io: 'output' })).toMatchObject({ type: 'string', format: 'date-time' });
  });
});
