import { randomUUID } from 'node:crypto';
import { MESSAGE_SOURCE } from '@app/common';
import { exchangeEnvelopeSchema, exchangeThreadMessageSchema } from '@app/contracts';
import { envelope, historyEntry, match, offer, organization, readDocument, request, user } from './import-fixtures.helper';
import { DocumentReader, inDocumentOrder } from './import-document';

describe('reading an import document', () => {
  it('reads a valid document into typed records', () => {
    const org = organization();
    const reader = new DocumentReader();
    expect(reader.read('organizations', 0, org)).toMatchObject({ id: org.id });
    expect(reader.read('users', 0, user(org.id, { password: 'a-long-password' }))?.password).toBe('a-long-password');
    expect(reader.read('requests', 0, request(org.id))).toMatchObject({
      reference: 'KAZ-2024-001',
      estimatedCost: { amount: 150_000, currency: 'USD' },
    });
    expect(reader.issues).toEqual([]);
    // Of each record it keeps only what the checks between records read.
    expect(reader.records.requests[0]).toEqual({
      id: expect.any(String),
      reference: 'KAZ-2024-001',
      state: 'KAZ',
      organizationId: org.id,
      createdById: null,
      preferredProviderIds: [],
      actionPlanItemId: null,
      objectionDocumentId: null,
      waiverDocumentId: null,
    });
  });

  it('keeps the first problems of each collection and counts them all', () => {
    const reader = new DocumentReader(2);
    for (let i = 0; i < 5; i++) reader.read('history', i, { id: randomUUID() });
    expect(reader.issues.map((i) => i.field)).toEqual(['history[0].subjectType', 'history[0].subjectId']);
    expect(reader.issueCount).toBeGreaterThan(10);
    expect(reader.records.history).toEqual([null, null, null, null, null]);
    expect(reader.declaredIds.history.size).toBe(5);
  });

  it('names each problem by collection, index and field, for every bad record', () => {
    const org = organization();
    const read = readDocument(
      envelope({
        organizations: [org],
        requests: [
          request(org.id, 1),
          request(org.id, 2, { provisions: ['OP3c', 'OP9'], secret: 1, extra: 2 }),
          request(org.id, 3, { estimatedCost: { amount: 12.5, currency: 'XYZ' } }),
        ],
        history: [historyEntry('request', randomUUID(), { createdAt: '2024-03-01 09:30' })],
      }),
    );
    expect(read.issues.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'requests[1].provisions[1]', message: expect.stringContaining('"OP9" is not a known provision code') },
      { field: 'requests[1].secret', message: 'is not a field of the exchange format' },
      { field: 'requests[1].extra', message: 'is not a field of the exchange format' },
      { field: 'requests[2].estimatedCost.amount', message: expect.stringContaining('whole number') },
      {
        field: 'requests[2].estimatedCost.currency',
        message: expect.stringContaining('"XYZ" is not a known currency code'),
      },
      { field: 'history[0].createdAt', message: expect.stringContaining('ISO 8601') },
    ]);
    expect(read.records.requests.map((r) => r?.reference ?? null)).toEqual(['KAZ-2024-001', null, null]);
    // A bad record's id still counts as present, so references to it are not reported a second time.
    expect(read.declaredIds.requests.size).toBe(3);
  });

  it.each([
    ['a reference that is not STATE-YEAR-NNN', { reference: 'KAZ-24-1' }, 'reference'],
    ['a reference of another State', { reference: 'MNG-2024-001' }, 'reference'],
    ['an unknown status', { status: 'approved' }, 'status'],
    ['an unknown State', { state: 'XXX' }, 'state'],
    ['a date that does not exist', { desiredStart: '2024-02-30' }, 'desiredStart'],
    ['an end before the start', { desiredStart: '2024-06-01', desiredEnd: '2024-01-01' }, 'desiredEnd'],
    ['an id that is not a UUID', { id: 'req-1' }, 'id'],
    ['a repeated code', { domains: ['NUCLEAR', 'NUCLEAR'] }, 'domains'],
    ['a missing field', { title: undefined }, 'title'],
    ['a NUL character, which PostgreSQL cannot store', { title: 'Border\u0000control' }, 'title'],
    ['a reference longer than its column', { reference: 'KAZ-2024-123456789012345' }, 'reference'],
    ['a version beyond a 32-bit integer', { version: 2 ** 31 }, 'version'],
  ])('refuses a request with %s', (_, overrides, field) => {
    const org = organization();
    const read = readDocument(envelope({ organizations: [org], requests: [request(org.id, 1, overrides)] }));
    expect(read.issues.map((i) => i.field)).toContain(`requests[0].${field}`);
  });

  it('refuses history details that PostgreSQL cannot store', () => {
    const read = readDocument(
      envelope({ history: [historyEntry('request', randomUUID(), { details: { note: 'a\u0000b' } })] }),
    );
    // In English, and by its catalogue key for readers of other languages.
    expect(read.issues).toEqual([
      { field: 'history[0].details', message: 'must not contain a NUL character', [MESSAGE_SOURCE]: { key: 'validation.noNul', params: {} } },
    ]);
  });

  it('reads a match’s reason clauses, null when a document from before them has none, and names a bad clause', () => {
    const agency = organization();
    const provider = organization({ kind: 'provider', state: null });
    const req = request(agency.id);
    const off = offer(provider.id);
    const parts = [
      { key: 'coversSome', provisions: ['OP3c'], count: 2 },
      { key: 'textLow', text: '0.12', least: '0.30' },
      { key: 'servesVia', state: 'KAZ', region: 'CENTRAL_ASIA' },
      { key: 'budget', percent: 40 },
      { key: 'mentioned', terms: ['customs'] },
    ];
    const reader = new DocumentReader();
    expect(reader.read('matches', 0, match(req.id, off.id, { reasonParts: parts }))).toMatchObject({ reasonParts: parts });
    expect(reader.read('matches', 1, match(req.id, off.id))).toMatchObject({ reasonParts: null });
    expect(reader.issues).toEqual([]);

    const bad = readDocument(
      envelope({
        matches: [
          match(req.id, off.id, { reasonParts: [{ key: 'coversSome', provisions: ['OP9'], count: 1 }, { key: 'budget', percent: 140 }] }),
          match(req.id, off.id, { reasonParts: [{ key: 'coversEverything' }, { key: 'preferred', note: 'x' }] }),
          match(req.id, off.id, { reasonParts: 'covers OP3c' }),
        ],
      }),
    );
    expect(bad.issues.map(({ field, message }) => ({ field, message }))).toEqual([
      { field: 'matches[0].reasonParts[0].provisions[0]', message: expect.stringContaining('"OP9" is not a known provision code') },
      { field: 'matches[0].reasonParts[1].percent', message: 'must be at most 100' },
      { field: 'matches[1].reasonParts[0].key', message: expect.stringMatching(/^must be one of "noProvisions", .*"mentioned"$/) },
      { field: 'matches[1].reasonParts[1].note', message: 'is not a field of the exchange format' },
      { field: 'matches[2].reasonParts', message: 'must be a list' },
    ]);
  });

  it('refuses upper-case e-mail addresses and a committee role spelled wrong', () => {
    const org = organization();
    const read = readDocument(
      envelope({ organizations: [org], users: [user(org.id, { email: 'Officer@Customs.example', role: 'admin' })] }),
    );
    expect(read.issues.map((i) => i.field)).toEqual(['users[0].email', 'users[0].role']);
  });

  it('checks the outer shape: format, version, unknown collections', () => {
    const result = exchangeEnvelopeSchema.safeParse({ format: 'a1540-exchange', formatVersion: 2, notes: [] });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.') || ('keys' in i ? i.keys.join() : ''))).toEqual([
      'formatVersion',
      'notes',
    ]);
    expect(exchangeEnvelopeSchema.parse({ format: 'a1540-exchange', formatVersion: 1 })).toMatchObject({
      organizations: [],
      history: [],
    });
  });

  it('orders problems record by record, as a person fixes them', () => {
    expect(
      inDocumentOrder([
        { field: 'history[0].actorId', message: 'a' },
        { field: 'requests[10].title', message: 'b' },
        { field: 'requests[2].title', message: 'c' },
        { field: 'organizations[1].name', message: 'd' },
        { field: 'requests[2].state', message: 'e' },
      ]).map((i) => i.message),
    ).toEqual(['d', 'c', 'e', 'b', 'a']);
  });
});

describe('thread messages in an import document', () => {
  const message = (kind: string, body: string) => ({
    id: randomUUID(),
    threadType: 'request',
    threadId: randomUUID(),
    authorId: randomUUID(),
    authorRole: 'committee_member',
    authorOrganizationId: randomUUID(),
    authorSide: 'committee',
    kind,
    body,
    documentId: null,
    createdAt: '2024-03-01T10:00:00.000000Z',
  });

  it('takes back a workflow step’s message without a comment, as the platform writes it', () => {
    expect(exchangeThreadMessageSchema.safeParse(message('resubmission', '')).success).toBe(true);
    expect(exchangeThreadMessageSchema.safeParse(message('clarification_question', '')).success).toBe(true);
  });

  it('still refuses a body past its limit', () => {
    expect(exchangeThreadMessageSchema.safeParse(message('message', 'x'.repeat(10_001))).success).toBe(false);
  });
});
