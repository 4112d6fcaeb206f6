import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  createdRequestSchema,
  historySchema,
  inboxPageSchema,
  matchPageSchema,
  meSchema,
  myReportSchema,
  offerPageSchema,
  organizationPageSchema,
  requestViewSchema,
  taxonomySchema,
} from '@app/contracts';
import { requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: unknown;
};
type MediaType = { schema?: Schema };
type Operation = { responses: Record<string, { content?: Record<string, MediaType> }> };
type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

describe('OpenAPI document', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    api = await startApiInProcess();
    const res = await fetch(`${api.baseUrl}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as OpenApiDocument;
  });
  afterAll(() => api.close());

  const operations = (): [string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
    );

  const resolve = (schema: Schema): Schema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop() as string;
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
    return resolve(target);
  };

  const okSchema = (path: string, method: string, status: string): Schema => {
    const schema = doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no ${status} JSON schema for ${method.toUpperCase()} ${path}`);
    return resolve(schema);
  };

  it('documents a success response for every operation', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(40);
    const missing = ops.filter(([, op]) => !Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s))).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  // The routes as committed: moving the response schemas (libs/contracts) or any refactor must not add, drop or
  // rename one unnoticed. A deliberate route change updates openapi-routes.json in the same commit.
  it('lists the committed routes, no more and no fewer', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, 'openapi-routes.json'), 'utf8')) as string[];
    expect(operations().map(([name]) => name).sort()).toEqual(committed);
  });

  it('gives every JSON success response (not 204, not CSV, not an HTML/PDF document or a file download) a schema', () => {
    const described = (s: Schema | undefined) => !!s && ['type', 'properties', '$ref', 'oneOf', 'anyOf', 'allOf'].some((k) => k in s);
    const missing: string[] = [];
    for (const [name, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const content = response.content ?? {};
        if (content['text/csv'] || content['application/pdf'] || content['application/octet-stream']) continue;
        if (!described(content['application/json']?.schema)) missing.push(`${name} ${status}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('describes a request view', () => {
    const view = okSchema('/api/v1/requests/{id}', 'get', '200');
    expect(Object.keys(view.properties ?? {})).toEqual(expect.arrayContaining(['reference', 'status', 'availableActions', 'canEdit']));
    const page = okSchema('/api/v1/requests', 'get', '200');
    expect(Object.keys(page.properties ?? {})).toEqual(expect.arrayContaining(['items', 'total', 'page', 'pageSize']));
  });

  it('documents the error shape and the CSV downloads', () => {
    const bad = doc.paths['/api/v1/requests']?.post?.responses['400']?.content?.['application/json']?.schema;
    expect(Object.keys(resolve(bad as Schema).properties ?? {})).toEqual(expect.arrayContaining(['statusCode', 'error', 'message']));
    expect(doc.paths['/api/v1/requests']?.get?.responses['401']).toBeDefined();
    expect(doc.paths['/api/v1/export/requests.csv']?.get?.responses['200']?.content?.['text/csv']?.schema).toMatchObject({ type: 'string' });
  });

  it('lists every key of real responses among the documented properties', async () => {
    const customs = await ApiClient.as(api.baseUrl, 'customs');
    const undocumented = (schema: Schema, body: Record<string, unknown>) =>
      Object.keys(body).filter((key) => !(key in (schema.properties ?? {})));

    const created = await customs.post('/api/v1/requests', requestInput());
    expect(created.status).toBe(201);
    expect(undocumented(okSchema('/api/v1/requests', 'post', '201'), created.body)).toEqual([]);

    const read = await customs.get(`/api/v1/requests/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(undocumented(okSchema('/api/v1/requests/{id}', 'get', '200'), read.body)).toEqual([]);

    const history = await customs.get(`/api/v1/requests/${created.body.id}/history`);
    const item = resolve(okSchema('/api/v1/requests/{id}/history', 'get', '200').items as Schema);
    expect(history.body.length).toBeGreaterThan(0);
    expect(undocumented(item, history.body[0])).toEqual([]);

    const me = await customs.get('/api/v1/auth/me');
    expect(undocumented(okSchema('/api/v1/auth/me', 'get', '200'), me.body)).toEqual([]);

    const itemOf = (path: string) => resolve(okSchema(path, 'get', '200').properties?.items?.items as Schema);
    for (const path of ['/api/v1/offers', '/api/v1/organizations', '/api/v1/notifications', '/api/v1/matches']) {
      const page = await customs.get(path);
      expect(page.status).toBe(200);
      expect(undocumented(okSchema(path, 'get', '200'), page.body)).toEqual([]);
      for (const item of page.body.items) expect(undocumented(itemOf(path), item)).toEqual([]);
    }

    const mine = await customs.get('/api/v1/reports/mine');
    expect(mine.status).toBe(200);
    const variant = okSchema('/api/v1/reports/mine', 'get', '200').oneOf?.find((v) => v.properties?.kind && JSON.stringify(v.properties.kind).includes(`"${mine.body.kind}"`));
    expect(variant).toBeDefined();
    expect(undocumented(variant as Schema, mine.body)).toEqual([]);
    const row = resolve((variant as Schema).properties?.requests?.items as Schema);
    for (const r of mine.body.requests) expect(undocumented(row, r)).toEqual([]);
  });

  // The same schemas the document renders (libs/contracts views/) read the real answers: what the web app's types
  // say is what arrives.
  it('answers what the view schemas of libs/contracts say', async () => {
    const customs = await ApiClient.as(api.baseUrl, 'customs');
    const problems = (schema: z.ZodType, body: unknown) => {
      const result = schema.safeParse(body);
      return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const created = await customs.post('/api/v1/requests', requestInput());
    expect(problems(createdRequestSchema, created.body)).toEqual([]);
    const reads: [string, z.ZodType][] = [
      [`/api/v1/requests/${created.body.id}`, requestViewSchema],
      [`/api/v1/requests/${created.body.id}/history`, historySchema],
      ['/api/v1/auth/me', meSchema],
      ['/api/v1/offers', offerPageSchema],
      ['/api/v1/organizations', organizationPageSchema],
      ['/api/v1/notifications', inboxPageSchema],
      ['/api/v1/matches', matchPageSchema],
      ['/api/v1/reports/mine', myReportSchema],
      ['/api/v1/taxonomy', taxonomySchema],
    ];
    for (const [path, schema] of reads) {
      const res = await customs.get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, problems(schema, res.body)]).toEqual([path, []]);
    }
  });
});
