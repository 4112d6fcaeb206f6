import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { offerInput, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * Summary figures on a small world with fixed dates in 1990 (no other test writes there), built with SQL the
 * way the workflow would have: each milestone is a history entry.
 */
describe('committee reports', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let expert: ApiClient;
  let orgId: string;
  let bafaOfferId: string;

  const request = async (ref: string, status: string, steps: [string, string, string][]): Promise<string> => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
       VALUES ($1, $2, 'FJI', $3, $4, 'A request of the 1990 test world for the reports.', '{OP3d}', '{NUCLEAR}', '{TRAINING}', $5, 'providers', 1)`,
      [id, ref, orgId, `Report test ${ref}`, status],
    );
    for (const [action, to, at] of steps) {
      await ds.query(
        `INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at) VALUES ('request', $1, $2, $3, 'system', $4)`,
        [id, action, to, at],
      );
      if (action === 'circulate') await ds.query(`UPDATE assistance_requests SET circulated_at = $2 WHERE id = $1`, [id, at]);
    }
    return id;
  };

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    expert = await ApiClient.as(api.baseUrl, 'expert');
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    orgId = (await admin.post('/api/v1/organizations', { name: `Fiji Customs ${randomUUID().slice(0, 6)}`, shortName: 'FRCS', kind: 'state_agency', state: 'FJI' })).body.id;
    const [bafa] = await ds.query(`SELECT id FROM organizations WHERE short_name = 'BAFA'`);
    bafaOfferId = randomUUID();
    await ds.query(
      `INSERT INTO assistance_offers (id, organization_id, title, description, provisions, domains, assistance_types, eligible_regions, status, version)
       VALUES ($1, $2, 'Report test offer', 'An offer of the 1990 test world.', '{OP3d}', '{NUCLEAR}', '{TRAINING}', '{GLOBAL}', 'active', 1)`,
      [bafaOfferId, bafa.id],
    );
    // R1: acknowledged after 2 days, circulated after 10, agreed after 50; not delivered yet (open interval).
    const r1 = await request('FJI-1990-001', 'matched', [
      ['create', 'draft', '1990-01-05T09:00Z'], ['submit', 'submitted', '1990-01-10T00:00Z'], ['acknowledge', 'acknowledged', '1990-01-12T00:00Z'],
      ['circulate', 'circulated', '1990-01-20T00:00Z'], ['match_agreed', 'matched', '1990-03-01T00:00Z'],
    ]);
    await ds.query(
      `INSERT INTO matches (request_id, offer_id, origin, status, endorsed_at, answered_at, agreed_at, score, requester_rating, version)
       VALUES ($1, $2, 'committee', 'agreed', '1990-02-01T00:00Z', '1990-02-04T12:00Z', '1990-03-01T00:00Z', 0.8, NULL, 1)`,
      [r1, bafaOfferId],
    );
    // R2: acknowledged after 4 days, circulated after 10, still unmatched.
    await request('FJI-1990-002', 'circulated', [
      ['submit', 'submitted', '1990-02-01T00:00Z'], ['acknowledge', 'acknowledged', '1990-02-05T00:00Z'], ['circulate', 'circulated', '1990-02-11T00:00Z'],
    ]);
    // R3: withdrawn before acknowledgement: not waiting for anything.
    await request('FJI-1990-003', 'withdrawn', [['submit', 'submitted', '1990-03-01T00:00Z'], ['withdraw', 'withdrawn', '1990-03-05T00:00Z']]);
    // R4: a draft never sent to the Committee: not in the figures.
    await request('FJI-1990-004', 'draft', [['create', 'draft', '1990-03-01T00:00Z']]);
  });
  afterAll(() => api.close());

  const summary = async (query: string) => {
    const res = await expert.get(`/api/v1/reports/summary?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('counts, match rate and time-to-X distributions, with open intervals and withdrawn requests apart', async () => {
    const s = await summary('from=1990-01-01&to=1990-12-31&state=FJI');
    expect(s.requests).toMatchObject({ total: 3, byStatus: { matched: 1, circulated: 1, withdrawn: 1 }, byProvision: { OP3d: 3 }, byState: { FJI: 3 } });
    expect(s.matchRate).toEqual({ circulated: 2, withAgreedMatch: 1, rate: 0.5 });
    expect(s.timeToDays.acknowledge).toEqual({ count: 2, waiting: 0, medianDays: 3, p90Days: 3.8 });
    expect(s.timeToDays.circulate).toEqual({ count: 2, waiting: 0, medianDays: 10, p90Days: 10 });
    expect(s.timeToDays.agreedMatch).toEqual({ count: 1, waiting: 1, medianDays: 50, p90Days: 50 });
    expect(s.timeToDays.delivery).toEqual({ count: 0, waiting: 1, medianDays: null, p90Days: null });
    expect(s.timeToMatchHistogram.find((b: any) => b.bucket === '31–90 days').count).toBe(1);
    expect(s.unmatched).toEqual([expect.objectContaining({ reference: 'FJI-1990-002', circulatedAt: '1990-02-11T00:00:00.000Z', ageDays: expect.any(Number) })]);
    expect(s.unmatched[0].ageDays).toBeGreaterThan(365 * 30);
    expect(s.providerAnswerDays.find((p: any) => p.name.startsWith('BAFA'))).toMatchObject({ answered: 1, medianDays: 3.5 });
    expect(s.matches.byStatus).toEqual({ agreed: 1 });
    const jan = s.statusOverTime.find((m: any) => m.month === '1990-01');
    expect(jan.byStatus).toEqual({ circulated: 1 });
    const mar = s.statusOverTime.find((m: any) => m.month === '1990-03');
    expect(mar.byStatus).toEqual({ matched: 1, circulated: 1, withdrawn: 1 });
    expect(s.coverage.find((c: any) => c.provision === 'OP3d' && c.domain === 'NUCLEAR')).toMatchObject({ requested: 2 });
  });

  it('answers zeros and nulls when there is no data', async () => {
    const s = await summary('from=1991-01-01&to=1991-12-31&state=TUV');
    expect(s.requests.total).toBe(0);
    expect(s.matchRate).toEqual({ circulated: 0, withAgreedMatch: 0, rate: null });
    expect(s.timeToDays.agreedMatch).toEqual({ count: 0, waiting: 0, medianDays: null, p90Days: null });
    expect(s.unmatched).toEqual([]);
  });

  it('agrees with the rows of the export', async () => {
    // Other files move MNG requests while this runs: compare an export taken between two equal summaries.
    const exportRows = async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/reports/export.csv?entity=requests&state=MNG`, {
        headers: { authorization: `Bearer ${(expert as any).token}` },
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
      return parseCsv(bytes.subarray(3).toString('utf8')).filter((r) => r.length > 1);
    };
    const figures = (x: any) => JSON.stringify([x.requests.byStatus, x.matchRate.circulated]);
    let s: any, table: string[][];
    for (let attempt = 1; ; attempt++) {
      s = await summary('state=MNG');
      table = await exportRows();
      if (figures(await summary('state=MNG')) === figures(s) || attempt === 10) break;
    }
    const [header, ...rows] = table;
    const col = (name: string) => header.indexOf(name);
    // The export lists every request the committee sees (drafts excepted): those sent to the Committee.
    const sent = rows.filter((r) => r[col('submittedAt')] !== '');
    const byStatus: Record<string, number> = {};
    for (const r of sent) byStatus[r[col('status')]] = (byStatus[r[col('status')]] ?? 0) + 1;
    expect(byStatus).toEqual(s.requests.byStatus);
    const circulated = sent.filter((r) => r[col('circulatedAt')] !== '').length;
    expect(circulated).toBe(s.matchRate.circulated);
  });

  it('validates filters and keeps the figures to the committee', async () => {
    const bad = await expert.get('/api/v1/reports/summary?from=2020-05-01&to=2020-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('to');
    expect((await expert.get('/api/v1/reports/summary?state=XX')).status).toBe(400);
    const bafa = await ApiClient.as(api.baseUrl, 'bafa');
    expect((await bafa.get('/api/v1/reports/summary')).status).toBe(403);
    expect((await bafa.get('/api/v1/reports/export.csv?entity=history')).status).toBe(403);
    expect((await expert.get('/api/v1/reports/export.csv?entity=people')).status).toBe(400);
    const mine = await bafa.get('/api/v1/reports/mine');
    expect(mine.body).toMatchObject({ kind: 'provider', offers: expect.any(Array) });
    const coordinator = await ApiClient.as(api.baseUrl, 'coordinator');
    expect((await coordinator.get('/api/v1/reports/mine')).body).toMatchObject({ kind: 'agency', state: 'MNG' });
  });

  it("keeps drafts out of the history export until they are submitted", async () => {
    const customs = await ApiClient.as(api.baseUrl, 'customs');
    const bafa = await ApiClient.as(api.baseUrl, 'bafa');
    const draft = (await customs.post('/api/v1/requests', requestInput())).body;
    const draftOffer = (await bafa.post('/api/v1/offers', offerInput())).body;
    const historyIds = async () => {
      const res = await fetch(`${api.baseUrl}/api/v1/reports/export.csv?entity=history`, { headers: { authorization: `Bearer ${(expert as any).token}` } });
      const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
      return new Set(rows.map((r) => r[header.indexOf('subject_id')]));
    };
    let ids = await historyIds();
    expect(ids.has(draft.id)).toBe(false);
    expect(ids.has(draftOffer.id)).toBe(false);
    const coordinator = await ApiClient.as(api.baseUrl, 'coordinator');
    expect((await coordinator.post(`/api/v1/requests/${draft.id}/transitions`, { action: 'submit' })).status).toBe(200);
    ids = await historyIds();
    expect(ids.has(draft.id)).toBe(true);
  });
});
