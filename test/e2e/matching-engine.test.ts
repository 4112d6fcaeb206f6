import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource, seedSyntheticWorld } from '@app/database';
import { activeOffer, circulatedRequest, offerInput } from '../factories';
import { ApiClient } from '../support/http';
import { RunningProcess, spawnApp, waitFor } from '../support/platform';

describe('matching engine in the worker', () => {
  let api: RunningProcess;
  let ds: DataSource;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    api = await spawnApp('api');
    ds = await createDataSource(loadConfig().database.DATABASE_URL).initialize();
    workers.push(await spawnApp('worker'));
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await api.stop();
    await ds.destroy();
  });

  it('suggests export-control programmes for a dual-use list request within seconds, with readable reasons', async () => {
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    const exportControl = await activeOffer(api.baseUrl, 'exbs', offerInput({
      title: 'Strategic trade control: licensing and control list implementation',
      description: 'Helps States draft national control lists of dual-use items, set up licensing and train licensing officers.',
      provisions: ['OP3d'], assistanceTypes: ['LEGISLATIVE', 'TRAINING'], targetInstitutions: ['LICENSING'], eligibleRegions: ['GLOBAL'],
    }));
    const unrelated = await activeOffer(api.baseUrl, 'unoda', offerInput({
      title: 'National report drafting workshop',
      description: 'A workshop on preparing the national report to the 1540 Committee and national action plans.',
      provisions: ['REPORTING', 'OP3d'], assistanceTypes: ['WORKSHOP'], targetInstitutions: ['FOREIGN_AFFAIRS'], eligibleRegions: ['GLOBAL'],
    }));
    const request = await circulatedRequest(api.baseUrl, {
      title: 'Drafting the national control list of dual-use items',
      description: 'Mongolia asks for help drafting its national list of dual-use items and the licensing rules that use it.',
      provisions: ['OP3d'], assistanceTypes: ['LEGISLATIVE', 'EXPERTISE'], targetInstitutions: ['LICENSING'],
    });
    // The seeded demo offers share these codes, so the unrelated offer may fall outside the request's top-k;
    // the export-control offer must be suggested either way.
    const ranked = await waitFor(async () => {
      const res = await expert.get(`/api/v1/requests/${request.id}/matches?pageSize=50`);
      return res.body.items.some((m: any) => m.offer.id === exportControl.id) ? res.body.items : null;
    }, 45_000, 'suggestions for the request');
    const position = (id: string) => ranked.findIndex((m: any) => m.offer.id === id);
    // Scored side by side: the unrelated offer as a suggestion, or else as a manual match the worker scores.
    let unrelatedScore = ranked[position(unrelated.id)]?.score;
    if (unrelatedScore === undefined) {
      const manual = await expert.post('/api/v1/matches', { requestId: request.id, offerId: unrelated.id });
      const matchId = manual.status === 201 ? manual.body.id : manual.body.details?.matchId;
      expect(matchId).toEqual(expect.any(String));
      unrelatedScore = await waitFor(async () => (await expert.get(`/api/v1/matches/${matchId}`)).body.score ?? null, 45_000, 'a score for the manual match');
    }
    const top = ranked[position(exportControl.id)];
    expect(top.score).toBeGreaterThan(unrelatedScore);
    expect(top).toMatchObject({ origin: 'engine', status: 'suggested', engineVersion: expect.any(String), weightsVersion: expect.any(Number) });
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
    // Provisions as the pickers show them, never raw codes.
    expect(top.reason).toMatch(/^covers OP3\(d\) — 1 of 1 requested provision; offers Legislative drafting and review; serves Mongolia /);
    expect(top.components.map((c: any) => c.key)).toEqual(expect.arrayContaining(['provisionCoverage', 'assistanceTypeCoverage', 'textRelevance']));
    const sum = top.components.reduce((s: number, c: any) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(top.score, 6);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    // The first suggestion's time is kept once, and the request's page shows it.
    const [first] = await ds.query('SELECT suggested_at FROM request_first_suggestions WHERE request_id = $1', [request.id]);
    expect(first?.suggested_at).toEqual(expect.any(Date));
    expect((await expert.get(`/api/v1/requests/${request.id}`)).body.firstSuggestionAt).toBe(first.suggested_at.toISOString());

    // Pausing the offer retires its suggestion in the same transaction: it stays on record, says why, and is
    // no longer a suggestion anyone can endorse.
    const exbs = await ApiClient.as(api.baseUrl, 'exbs');
    await exbs.post(`/api/v1/offers/${exportControl.id}/transitions`, { action: 'pause' });
    const after = await expert.get(`/api/v1/requests/${request.id}/matches?pageSize=50`);
    const paused = after.body.items.filter((m: any) => m.offer.id === exportControl.id);
    expect(paused.map((m: any) => [m.status, m.retiredReason])).toEqual([['retired', 'offer_paused']]);
  });

  it('completes a full rescore shared by two workers although one is killed mid-way, leaving no duplicate match', async () => {
    await seedSyntheticWorld(ds, { requests: 3000, offers: 300, seed: 7 });
    workers.push(await spawnApp('worker'));
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    const started = await expert.post('/api/v1/matching/rescore');
    expect(started.status).toBe(202);
    await waitFor(async () => (await expert.get(`/api/v1/matching/rescores/${started.body.id}`)).body.progress.done >= 1, 60_000, 'the first chunk');
    const victim = workers.shift()!;
    victim.proc.kill('SIGKILL');
    expect(await victim.exited).toBe('SIGKILL');
    const done = await waitFor(async () => {
      const res = await expert.get(`/api/v1/matching/rescores/${started.body.id}`);
      return res.body.status === 'completed' ? res.body : null;
    }, 120_000, 'the rescore to complete');
    expect(done.progress).toEqual({ done: done.progress.total, total: done.progress.total, percent: 100 });
    expect(done.progress.total).toBeGreaterThan(2);
    const [dupes] = await ds.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM matches GROUP BY request_id, offer_id HAVING count(*) > 1) d`);
    expect(dupes.n).toBe(0);
    const profile = (await expert.get('/api/v1/matching/profile')).body;
    const [over] = await ds.query(
      `SELECT count(*)::int AS n FROM (SELECT request_id FROM matches WHERE origin = 'engine' AND status = 'suggested' GROUP BY request_id HAVING count(*) > $1) o`,
      [profile.topK],
    );
    expect(over.n).toBe(0);
    const [scored] = await ds.query(`SELECT count(DISTINCT request_id)::int AS n FROM matches WHERE origin = 'engine'`);
    expect(scored.n).toBeGreaterThan(100);
  }, 180_000);
});
