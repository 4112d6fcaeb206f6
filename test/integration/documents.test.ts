import { request as httpRequest } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { documentListSchema, documentViewSchema } from '@app/contracts';
import { sweepAbandonedUploads } from '@app/database';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { multipart, SAMPLES } from '../support/multipart';
import { startApiInProcess, waitFor } from '../support/platform';

describe('documents', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let customs: ApiClient, nec: ApiClient, coordinator: ApiClient, expert: ApiClient, bafa: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [customs, nec, coordinator, expert, bafa] = await Promise.all((['customs', 'nec', 'coordinator', 'expert', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
  });
  afterAll(() => api.close());

  const draft = async () => (await customs.post('/api/v1/requests', requestInput())).body;
  const upload = (c: ApiClient, path: string, file: { name: string; data: Buffer; encoded?: boolean }, fields: Record<string, string> = {}) => {
    const { body, contentType } = multipart({ kind: 'note_verbale', title: 'Note verbale of 5 May 2020', language: 'en', date: '2020-05-05', ...fields }, file);
    return c.request('POST', path, body, { 'content-type': contentType });
  };
  const orphans = async () => Number((await ds.query('SELECT count(*) AS n FROM document_contents c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.storage_key = c.storage_key)'))[0].n);
  const documentsOf = async (parentId: string) => Number((await ds.query('SELECT count(*) AS n FROM documents WHERE parent_id = $1', [parentId]))[0].n);

  it('stores a PDF with its type found from the bytes, lists it and gives it back as an attachment', async () => {
    const request = await draft();
    const res = await upload(customs, `/api/v1/requests/${request.id}/documents`, { name: 'note-verbale.pdf', data: SAMPLES.pdf });
    expect(res.status).toBe(201);
    const doc = documentViewSchema.parse(res.body);
    expect(doc).toMatchObject({
      parentType: 'request',
      parentId: request.id,
      kind: 'note_verbale',
      title: 'Note verbale of 5 May 2020',
      language: 'en',
      documentDate: '2020-05-05',
      fileName: 'note-verbale.pdf',
      contentType: 'application/pdf',
      size: SAMPLES.pdf.length,
      sha256: createHash('sha256').update(SAMPLES.pdf).digest('hex'),
      canRemove: true,
    });

    const list = documentListSchema.parse((await coordinator.get(`/api/v1/requests/${request.id}/documents`)).body);
    expect(list.items.map((d) => d.id)).toEqual([doc.id]);
    expect(list.canUpload).toBe(true);

    const content = await coordinator.bytes(doc.contentUrl);
    expect(content.status).toBe(200);
    expect(content.bytes.equals(SAMPLES.pdf)).toBe(true);
    expect(content.headers.get('content-type')).toBe('application/pdf');
    expect(content.headers.get('x-content-type-options')).toBe('nosniff');
    expect(content.headers.get('content-disposition')).toBe(`attachment; filename="note-verbale.pdf"; filename*=UTF-8''note-verbale.pdf`);
    expect((await coordinator.bytes(`${doc.contentUrl}?disposition=inline`)).headers.get('content-disposition')).toMatch(/^inline;/);

    // History on the request and an outbox event, in the upload's transaction.
    const history = (await customs.get(`/api/v1/requests/${request.id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ action: 'document_uploaded', details: { documentId: doc.id, fileName: 'note-verbale.pdf' } });
    const [event] = await ds.query(`SELECT type, payload FROM outbox_events WHERE subject_id = $1`, [doc.id]);
    expect(event).toEqual({ type: 'document.uploaded', payload: { parentType: 'request', parentId: request.id, kind: 'note_verbale' } });
  });

  it('refuses an HTML page renamed .pdf, text named .pdf and a ZIP that is no office file, and stores nothing', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const html = await upload(customs, path, { name: 'annex.pdf', data: SAMPLES.html });
    expect(html.status).toBe(415);
    expect(html.body.message).toMatch(/web page or markup/);
    const text = await upload(customs, path, { name: 'annex.pdf', data: SAMPLES.text });
    expect(text.status).toBe(415);
    expect(text.body.message).toMatch(/named \.pdf but its content is plain text/);
    const zip = await upload(customs, path, { name: 'annex.docx', data: SAMPLES.zip });
    expect(zip.status).toBe(415);
    expect(zip.body.message).toMatch(/ZIP archive but not a Word/);
    expect(await documentsOf(request.id)).toBe(0);
    expect(await orphans()).toBe(0);

    // The real thing is accepted by its content, whatever type the client claimed.
    const docx = await upload(customs, path, { name: 'plan.docx', data: SAMPLES.docx });
    expect(docx.status).toBe(201);
    expect(docx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const csv = await upload(customs, path, { name: 'items.csv', data: SAMPLES.text });
    expect(csv.body.contentType).toBe('text/csv; charset=utf-8');
    // Text is never shown in place: it stays an attachment even when asked inline.
    expect((await customs.bytes(`${csv.body.contentUrl}?disposition=inline`)).headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it('names the field that is wrong, and asks for the file', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const kind = await upload(customs, path, { name: 'a.pdf', data: SAMPLES.pdf }, { kind: 'memo' });
    expect(kind.status).toBe(400);
    expect(kind.body.details).toEqual([{ field: 'kind', message: expect.stringContaining('note_verbale') }]);
    const date = await upload(customs, path, { name: 'a.pdf', data: SAMPLES.pdf }, { date: '2999-01-01' });
    expect(date.body.details[0].field).toBe('date');
    const { body, contentType } = multipart({ kind: 'letter', title: 'No file' });
    const missing = await customs.request('POST', path, body, { 'content-type': contentType });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('file');
    const json = await customs.post(path, { kind: 'letter' });
    expect(json.status).toBe(415);
    expect(await documentsOf(request.id)).toBe(0);
  });

  it('answers 413 to 30 MB, announced or streamed, without keeping a byte', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const big = Buffer.concat([SAMPLES.pdf, Buffer.alloc(30 * 1024 * 1024, 0x20)]);
    const announced = await upload(customs, path, { name: 'big.pdf', data: big });
    expect(announced.status).toBe(413);
    expect(announced.body.message).toMatch(/larger than the limit of 25 MB/);

    // Streamed in chunks with no Content-Length: refused once 25 MB have passed.
    const { body, contentType } = multipart({ kind: 'letter', title: 'Big' }, { name: 'big.pdf', data: big });
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${api.baseUrl}${path}`, { method: 'POST', headers: { ...customs.authHeaders(), 'content-type': contentType, 'transfer-encoding': 'chunked' } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      let at = 0;
      const pump = () => {
        while (at < body.length) {
          const chunk = body.subarray(at, at + 256 * 1024);
          at += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).message).toMatch(/larger than the limit/);
    expect(await documentsOf(request.id)).toBe(0);
    expect(await orphans()).toBe(0);
  });

  it('leaves nothing behind when an upload is cut off halfway', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const { body, contentType } = multipart({ kind: 'letter', title: 'Cut off' }, { name: 'long.pdf', data: Buffer.concat([SAMPLES.pdf, Buffer.alloc(4 * 1024 * 1024, 0x20)]) });
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${api.baseUrl}${path}`, { method: 'POST', headers: { ...customs.authHeaders(), 'content-type': contentType, 'content-length': String(body.length) } });
      req.on('error', () => resolve());
      req.write(body.subarray(0, body.length / 2), () => setTimeout(() => {
        req.destroy();
        resolve();
      }, 300));
    });
    // The server notices, rolls back and removes what it had stored of the file (on a loaded machine, a moment later).
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && (await orphans()) > 0) await new Promise((r) => setTimeout(r, 100));
    expect(await documentsOf(request.id)).toBe(0);
    expect(await orphans()).toBe(0);
    // And the next upload goes through.
    expect((await upload(customs, path, { name: 'ok.pdf', data: SAMPLES.pdf })).status).toBe(201);
  });

  it('makes file names safe: no path, no control characters, at most 200 characters with the extension kept', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const names = async (raw: string, encoded = false) => (await upload(customs, path, { name: raw, data: SAMPLES.text, encoded })).body.fileName;
    expect(await names('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(await names('C:\\Users\\bold\\annex.txt')).toBe('annex.txt');
    expect(await names('list\u0001\u0007 of \u202eitems.txt', true)).toBe('list of items.txt');
    const long = await names(`${'ж'.repeat(300)}.txt`);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.txt')).toBe(true);
    // The download's header carries the UTF-8 name encoded and an ASCII fallback.
    const doc = (await customs.get(`/api/v1/requests/${request.id}/documents`)).body.items.find((d: any) => d.fileName === long);
    const disposition = (await customs.bytes(doc.contentUrl)).headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="_+\.txt"; filename\*=UTF-8''(%D0%B6){196}\.txt$/);
  });

  it('shows a document only to those who see its record: a provider gets 404 on a confidential request’s', async () => {
    const confidential = await circulatedRequest(api.baseUrl, { visibility: 'committee' });
    const open = await circulatedRequest(api.baseUrl, { visibility: 'providers' });
    const hidden = (await upload(coordinator, `/api/v1/requests/${confidential.id}/documents`, { name: 'n.pdf', data: SAMPLES.pdf })).body;
    const shown = (await upload(coordinator, `/api/v1/requests/${open.id}/documents`, { name: 'n.pdf', data: SAMPLES.pdf })).body;
    for (const url of [`/api/v1/documents/${hidden.id}`, `/api/v1/documents/${hidden.id}/content`, `/api/v1/requests/${confidential.id}/documents`]) {
      expect([url, (await bafa.get(url)).status]).toEqual([url, 404]);
    }
    expect((await bafa.request('DELETE', `/api/v1/documents/${hidden.id}`)).status).toBe(404);
    expect((await bafa.get(`/api/v1/documents/${shown.id}`)).status).toBe(200);
    expect((await bafa.bytes(`/api/v1/documents/${shown.id}/content`)).bytes.equals(SAMPLES.pdf)).toBe(true);
    // Seeing is not adding: a provider may not attach to a State's request.
    const refused = await upload(bafa, `/api/v1/requests/${open.id}/documents`, { name: 'n.pdf', data: SAMPLES.pdf });
    expect(refused.status).toBe(403);
    expect((await bafa.get(`/api/v1/requests/${open.id}/documents`)).body.canUpload).toBe(false);
  });

  it('lets the uploading organisation remove while the request is a draft, then only the Committee', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const first = (await upload(customs, path, { name: 'a.pdf', data: SAMPLES.pdf })).body;
    const second = (await upload(customs, path, { name: 'b.pdf', data: SAMPLES.pdf })).body;
    // Another agency of the State sees it but did not upload it.
    expect((await nec.get(`/api/v1/documents/${first.id}`)).body.canRemove).toBe(false);
    expect((await nec.request('DELETE', `/api/v1/documents/${first.id}`)).status).toBe(403);
    // The Committee does not see drafts at all.
    expect((await expert.request('DELETE', `/api/v1/documents/${first.id}`)).status).toBe(404);
    const removed = await customs.request('DELETE', `/api/v1/documents/${first.id}`);
    expect(removed.status).toBe(204);
    expect((await customs.get(`/api/v1/documents/${first.id}`)).status).toBe(404);
    expect((await customs.get(path)).body.items.map((d: any) => d.id)).toEqual([second.id]);
    const [{ n }] = await ds.query('SELECT count(*) AS n FROM document_contents c JOIN documents d ON d.storage_key = c.storage_key WHERE d.id = $1', [first.id]);
    expect(Number(n)).toBe(0);
    const history = (await customs.get(`/api/v1/requests/${request.id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ action: 'document_removed', details: { documentId: first.id } });
    expect((await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [first.id])).map((e: any) => e.type)).toEqual(['document.uploaded', 'document.removed']);

    // Submitted, the request is no longer a draft: its agency may not remove, the Committee may.
    expect((await coordinator.post(`/api/v1/requests/${request.id}/transitions`, { action: 'submit' })).status).toBe(200);
    const late = await customs.request('DELETE', `/api/v1/documents/${second.id}`);
    expect(late.status).toBe(403);
    expect(late.body.message).toMatch(/no longer a draft/);
    expect((await expert.request('DELETE', `/api/v1/documents/${second.id}`)).status).toBe(204);
    expect((await expert.request('DELETE', `/api/v1/documents/${second.id}`)).status).toBe(404);
  });

  it('attaches a document of the thread’s own request to a message, and refuses another record’s', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const other = await circulatedRequest(api.baseUrl);
    const doc = (await upload(coordinator, `/api/v1/requests/${request.id}/documents`, { name: 'answer.pdf', data: SAMPLES.pdf }, { kind: 'letter' })).body;
    const elsewhere = (await upload(coordinator, `/api/v1/requests/${other.id}/documents`, { name: 'other.pdf', data: SAMPLES.pdf })).body;
    const posted = await coordinator.post(`/api/v1/requests/${request.id}/messages`, { body: 'Our answer is attached.', documentId: doc.id });
    expect(posted.status).toBe(201);
    expect(posted.body.documentId).toBe(doc.id);
    expect((await expert.get(`/api/v1/requests/${request.id}/messages`)).body.items[0]).toMatchObject({ body: 'Our answer is attached.', documentId: doc.id });
    const wrong = await coordinator.post(`/api/v1/requests/${request.id}/messages`, { body: 'Wrong attachment.', documentId: elsewhere.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('documentId');
  });

  it('serves offers and matches the same way', async () => {
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const request = await circulatedRequest(api.baseUrl);
    const offerDoc = await upload(bafa, `/api/v1/offers/${offer.id}/documents`, { name: 'terms.png', data: SAMPLES.png }, { kind: 'terms_of_reference' });
    expect(offerDoc.status).toBe(201);
    expect(offerDoc.body.contentType).toBe('image/png');
    expect((await upload(coordinator, `/api/v1/offers/${offer.id}/documents`, { name: 'x.pdf', data: SAMPLES.pdf })).status).toBe(403);

    const match = (await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id })).body;
    expect((await expert.post(`/api/v1/matches/${match.id}/transitions`, { action: 'endorse' })).status).toBe(200);
    const report = await upload(bafa, `/api/v1/matches/${match.id}/documents`, { name: 'report.pdf', data: SAMPLES.pdf }, { kind: 'delivery_report' });
    expect(report.status).toBe(201);
    expect((await coordinator.get(`/api/v1/matches/${match.id}/documents`)).body.items.map((d: any) => d.id)).toEqual([report.body.id]);
    // A match has no draft stage: only the Committee removes its documents.
    expect((await bafa.request('DELETE', `/api/v1/documents/${report.body.id}`)).status).toBe(403);
    expect((await expert.request('DELETE', `/api/v1/documents/${report.body.id}`)).status).toBe(204);
  });
});

describe('documents on a small connection pool', () => {
  // Three connections for ten uploads: an upload holds none while its client sends (docs/documents.md).
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let customs: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess({ DATABASE_POOL_SIZE: '3' });
    ds = api.app.get(DataSource);
    customs = await ApiClient.as(api.baseUrl, 'customs');
  });
  afterAll(() => api.close());

  const draft = async () => (await customs.post('/api/v1/requests', requestInput())).body;
  const pending = async () => Number((await ds.query('SELECT count(*) AS n FROM document_uploads'))[0].n);

  /** Sends the first `sendBytes` of an upload, then holds the connection open until `release` is called. */
  const stalledUpload = (path: string, data: Buffer, sendBytes: number) => {
    const { body, contentType } = multipart({ kind: 'letter', title: 'Slow' }, { name: 'slow.pdf', data });
    const req = httpRequest(`${api.baseUrl}${path}`, { method: 'POST', headers: { ...customs.authHeaders(), 'content-type': contentType, 'content-length': String(body.length) } });
    const closed = new Promise<void>((resolve) => {
      req.on('error', () => resolve());
      req.on('close', () => resolve());
    });
    const sent = new Promise<void>((resolve) => req.write(body.subarray(0, sendBytes), () => resolve()));
    return { sent, abort: () => req.destroy(), closed };
  };

  it('takes ten uploads of a few MB at once, each 201 and downloadable byte for byte', async () => {
    const request = await draft();
    const files = Array.from({ length: 10 }, () => Buffer.concat([SAMPLES.pdf, randomBytes(3 * 1024 * 1024)]));
    const answers = await Promise.all(
      files.map((data, i) => {
        const { body, contentType } = multipart({ kind: 'other', title: `Annex ${i}` }, { name: `annex-${i}.pdf`, data });
        return customs.request('POST', `/api/v1/requests/${request.id}/documents`, body, { 'content-type': contentType });
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(files.map(() => 201));
    for (const [i, answer] of answers.entries()) {
      const content = await customs.bytes(answer.body.contentUrl);
      expect(content.status).toBe(200);
      expect(content.bytes.equals(files[i])).toBe(true);
    }
    // Committed: none of them is still registered as pending.
    const [{ n }] = await ds.query('SELECT count(*) AS n FROM document_uploads u JOIN documents d ON d.storage_key = u.storage_key WHERE d.parent_id = $1', [request.id]);
    expect(Number(n)).toBe(0);
  });

  it('holds no connection while clients stall mid-upload, and leaves nothing when they give up', async () => {
    const request = await draft();
    const path = `/api/v1/requests/${request.id}/documents`;
    const data = Buffer.concat([SAMPLES.pdf, randomBytes(2 * 1024 * 1024)]);
    // More stalled uploads than connections: with a transaction per upload the pool would be empty now.
    const stalled = Array.from({ length: 5 }, () => stalledUpload(path, data, 1024 * 1024));
    await Promise.all(stalled.map((u) => u.sent));
    await waitFor(async () => (await pending()) >= 5, 10_000, 'the five uploads to be pending');
    const keys: string[] = (await ds.query('SELECT storage_key FROM document_uploads')).map((r: { storage_key: string }) => r.storage_key);
    const started = Date.now();
    const list = await customs.get(path);
    expect(list.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    // Nothing waits on a client inside a transaction.
    const [{ n: idle }] = await ds.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND query ILIKE '%document%'`);
    expect(Number(idle)).toBe(0);

    for (const u of stalled) u.abort();
    await Promise.all(stalled.map((u) => u.closed));
    const left = async () =>
      Number((await ds.query('SELECT (SELECT count(*) FROM document_uploads WHERE storage_key = ANY($1)) + (SELECT count(*) FROM document_contents WHERE storage_key = ANY($1)) AS n', [keys]))[0].n);
    await waitFor(async () => (await left()) === 0, 10_000, 'the aborted uploads to be cleaned');
    expect(Number((await ds.query('SELECT count(*) AS n FROM documents WHERE parent_id = $1', [request.id]))[0].n)).toBe(0);
  });

  it('sweeps the pending chunks of an upload whose process died, and leaves live ones alone', async () => {
    await ds.query(`INSERT INTO document_uploads (storage_key, touched_at) VALUES ('documents/dead', now() - interval '2 hours'), ('documents/live', now())`);
    await ds.query(`INSERT INTO document_contents (storage_key, seq, data) VALUES ('documents/dead', 0, '\\x00'), ('documents/dead', 1, '\\x00'), ('documents/live', 0, '\\x00')`);
    expect(await sweepAbandonedUploads(ds)).toBe(1);
    const left: { storage_key: string }[] = await ds.query(`SELECT storage_key FROM document_contents WHERE storage_key IN ('documents/dead', 'documents/live')`);
    expect(left.map((r) => r.storage_key)).toEqual(['documents/live']);
    expect((await ds.query(`SELECT storage_key FROM document_uploads WHERE storage_key IN ('documents/dead', 'documents/live')`)).map((r: { storage_key: string }) => r.storage_key)).toEqual(['documents/live']);
    await ds.query(`DELETE FROM document_contents WHERE storage_key = 'documents/live'`);
    await ds.query(`DELETE FROM document_uploads WHERE storage_key = 'documents/live'`);
  });
});
