import { z } from 'zod';
import { exchangeDocumentRecordSchema } from './data-exchange';
import { stateCodeSchema } from './fields';
import { describeIssue, renderMessage } from './messages';
import { listOffersSchema } from './offers';

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('friendly validation messages', () => {
  const schema = z.strictObject({ title: z.string().min(5).max(10), tags: z.array(z.string()).min(1), kind: z.enum(['a', 'b']), id: z.uuid() });

  it('reads like a form hint', () => {
    expect(messages(schema, { title: 'abc', tags: [], kind: 'c', id: 'x', extra: 1 }).sort()).toEqual([
      ': field "extra" is not allowed',
      'id: must be a UUID',
      'kind: must be one of "a", "b"',
      'tags: must name at least one',
      'title: must be at least 5 characters',
    ]);
    expect(messages(schema, { title: 'far too long a title', tags: 'x', kind: 'a' })).toEqual([
      'title: must be at most 10 characters',
      'tags: must be a list',
      'id: is required',
    ]);
  });

  it('says "not negative" for a minimum of 0 and counts in the plural', () => {
    expect(messages(z.number().min(0), -1)).toEqual([': must not be negative']);
    expect(messages(z.array(z.number()).max(2), [1, 2, 3])).toEqual([': must have at most 2 items']);
    expect(messages(z.strictObject({}), { a: 1, b: 2 })).toEqual([': fields "a", "b" are not allowed']);
  });

  it('keeps a schema’s own message', () => {
    expect(messages(z.string().min(3, 'too short!'), 'a')).toEqual([': too short!']);
  });
});

describe('one wording for the API and the web app', () => {
  it('renders parameters as i18next would, digits grouped where the template asks', () => {
    expect(renderMessage({ code: 'moneyTooBig', params: { max: 100_000_000_000, currency: 'USD' } })).toBe('must be at most 100,000,000,000 USD');
    expect(renderMessage({ code: 'tooLong', params: { max: 10000 } })).toBe('must be at most 10000 characters');
  });

  it('finds the same code in a finished issue (what the web app translates) as in the raw one (what the API words)', () => {
    const schema = z.strictObject({ title: z.string().max(3), n: z.number().min(0), missing: z.string() });
    const result = schema.safeParse({ title: 'abcd', n: -1 }, { reportInput: true });
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      const described = describeIssue(issue);
      expect(described).toBeDefined();
      expect(renderMessage(described!)).toBe(issue.message);
    }
  });
});

describe('checks of a pattern or a rule of the contracts, by code', () => {
  it('gives each contract’s regex check a catalogue code, its English the same as before', () => {
    const cases: [z.ZodType, unknown, string, string][] = [
      [stateCodeSchema, 'mng', 'stateFormat', 'must be an ISO 3166-1 alpha-3 code such as MNG'],
      [listOffersSchema, { sort: 'price' }, 'sortOneOf', 'must be one of '],
      [exchangeDocumentRecordSchema, { sha256: 'ABC' }, 'sha256', 'must be a SHA-256 in lower-case hex'],
    ];
    for (const [schema, input, code, english] of cases) {
      const issues = schema.safeParse(input).error!.issues.filter((i) => describeIssue(i)?.code === code);
      expect(issues).toHaveLength(1);
      expect(issues[0].message.startsWith(english)).toBe(true);
      expect(renderMessage(describeIssue(issues[0])!)).toBe(issues[0].message);
    }
  });
});

describe('a document record of data exchange', () => {
  const uuid = '0b8f9d5e-3c4a-4f7e-9a2b-1c2d3e4f5a6b';
  const record = (parentType: string, forCorrespondence: boolean) => ({
    id: uuid,
    parentType,
    parentId: uuid,
    kind: 'other',
    title: 'Letter',
    language: null,
    documentDate: null,
    fileName: 'letter.pdf',
    contentType: 'application/pdf',
    size: 1,
    sha256: 'a'.repeat(64),
    uploadedById: uuid,
    organizationId: uuid,
    createdAt: '2026-12-03T10:00:00.000Z',
    removedAt: null,
    removedById: null,
    forCorrespondence,
    contentBase64: 'AA==',
  });

  it('carries correspondence only on a request’s document, as an upload’s purpose does', () => {
    expect(exchangeDocumentRecordSchema.safeParse(record('request', true)).success).toBe(true);
    expect(exchangeDocumentRecordSchema.safeParse(record('match', false)).success).toBe(true);
    const refused = exchangeDocumentRecordSchema.safeParse(record('match', true));
    expect(refused.error?.issues.map((i) => [i.path.join('.'), describeIssue(i)?.code])).toEqual([['forCorrespondence', 'correspondenceOfRequest']]);
  });
});
