import { DataSource } from 'typeorm';
import { createDataSource } from '@app/database';
import { componentsFromStored, MATCHING_ENGINE_VERSION, type MatchResult } from '@app/matching';
import { MatchWriter } from '../../apps/worker/src/matching/match-writer.service';
import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess, waitFor } from '../support/platform';

/** The worker's writes of a request's suggestions, as several jobs may run them at once. */
describe('match writer', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('leaves exactly one top-k when writes for the same request run concurrently', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offers = await Promise.all(Array.from({ length: 12 }, () => activeOffer(api.baseUrl, 'bafa')));
    const writer = new MatchWriter(ds);
    const result = (offerId: string, score: number): MatchResult => ({ requestId: request.id, offerId, score, components: [], reason: 'test' });
    // Each job found a different top-3 (the data changed between them); whichever commits last wins whole.
    const tops = Array.from({ length: 8 }, (_, i) => [0, 1, 2].map((j) => result(offers[(i * 3 + j) % offers.length].id, 0.5)));
    await Promise.all(tops.map((top) => writer.replaceSuggestions([request.id], top, 1)));
    const rows: { offer_id: string }[] = await ds.query(
      `SELECT offer_id FROM matches WHERE request_id = $1 AND origin = 'engine' AND status = 'suggested'`,
      [request.id],
    );
    expect(rows).toHaveLength(3);
    expect(tops.map((top) => top.map((r) => r.offerId).sort().join())).toContain(rows.map((r) => r.offer_id).sort().join());
  });

  it('rescoring a match someone acted on keeps its last-changed time', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const writer = new MatchWriter(ds);
    const result = (score: number): MatchResult => ({ requestId: request.id, offerId: offer.id, score, components: [], reason: 'test' });
    await writer.replaceSuggestions([request.id], [result(0.5)], 1);
    await ds.query(
      `UPDATE matches SET status = 'agreed', updated_at = '2022-03-07T09:00:00Z' WHERE request_id = $1 AND offer_id = $2`,
      [request.id, offer.id],
    );
    const read = async () =>
      (await ds.query(`SELECT id, score, status, updated_at FROM matches WHERE request_id = $1 AND offer_id = $2`, [request.id, offer.id]))[0];
    await writer.replaceSuggestions([request.id], [result(0.7)], 1);
    const row = await read();
    expect(row.score).toBeCloseTo(0.7);
    expect(row.status).toBe('agreed');
    expect(new Date(row.updated_at).toISOString()).toBe('2022-03-07T09:00:00.000Z');
    // Nor does refreshing the score of a match people proposed.
    await writer.updatePairScores([{ ...result(0.9), matchId: row.id }], 1);
    const again = await read();
    expect(again.score).toBeCloseTo(0.9);
    expect(new Date(again.updated_at).toISOString()).toBe('2022-03-07T09:00:00.000Z');
  });

  it('leaves out what was scored from data that changed meanwhile, and says which requests to score again', async () => {
    const [a, b] = await Promise.all([circulatedRequest(api.baseUrl), circulatedRequest(api.baseUrl)]);
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const writer = new MatchWriter(ds);
    const result = (requestId: string): MatchResult => ({ requestId, offerId: offer.id, score: 0.5, components: [], reason: 'test' });
    const suggested = async (requestId: string) =>
      (await ds.query(`SELECT count(*)::int AS n FROM matches WHERE request_id = $1 AND origin = 'engine'`, [requestId]))[0].n;

    // Request a changed after the job read it (its version then is not its version now); b is as read.
    const [{ version: bVersion }] = await ds.query('SELECT version FROM assistance_requests WHERE id = $1', [b.id]);
    const read = { requestVersions: new Map([[a.id, -1], [b.id, bVersion]]), engineCurrent: async () => true };
    const out = await writer.replaceSuggestions([a.id, b.id], [result(a.id), result(b.id)], 1, read);
    expect(out).toEqual({ written: 1, stale: [a.id] });
    expect([await suggested(a.id), await suggested(b.id)]).toEqual([0, 1]);

    // An engine older than the offers it scored: nothing is written, everything is to be scored again.
    const old = await writer.replaceSuggestions([a.id, b.id], [], 1, { requestVersions: new Map(), engineCurrent: async () => false });
    expect(old).toEqual({ written: 0, stale: [a.id, b.id] });
    expect(await suggested(b.id)).toBe(1); // not deleted by the stale write
  });

  it('brings back a suggestion retired while its offer was paused once the engine ranks the pair again', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offer = await activeOffer(api.baseUrl, 'exbs');
    const writer = new MatchWriter(ds);
    const top: MatchResult[] = [{ requestId: request.id, offerId: offer.id, score: 0.6, components: [], reason: 'test' }];
    await writer.replaceSuggestions([request.id], top, 1);
    const exbs = await ApiClient.as(api.baseUrl, 'exbs');
    await exbs.post(`/api/v1/offers/${offer.id}/transitions`, { action: 'pause' });
    const status = async () => (await ds.query(`SELECT id, status, retired_reason FROM matches WHERE request_id = $1 AND offer_id = $2`, [request.id, offer.id]))[0];
    expect(await status()).toMatchObject({ status: 'retired', retired_reason: 'offer_paused' });

    // Resumed, the offer is ranked again: the same match is a suggestion again, with its history and event.
    await exbs.post(`/api/v1/offers/${offer.id}/transitions`, { action: 'resume' });
    await writer.replaceSuggestions([request.id], top, 1);
    const revived = await status();
    expect(revived).toMatchObject({ status: 'suggested', retired_reason: null });
    const history = await ds.query(`SELECT action, actor_role FROM history_entries WHERE subject_id = $1 ORDER BY created_at`, [revived.id]);
    expect(history.map((h: { action: string }) => h.action)).toEqual(['retire', 'revive']);
    const events = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 ORDER BY created_at`, [revived.id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['match.retired', 'match.revived']);
  });

  it("writes a request's first suggestions straight into matches, with every column the upsert would set", async () => {
    const request = await circulatedRequest(api.baseUrl);
    const offers = await Promise.all(Array.from({ length: 2 }, () => activeOffer(api.baseUrl, 'japan')));
    const top: MatchResult[] = offers.map((offer, i) => ({ requestId: request.id, offerId: offer.id, score: 0.8 - i / 10, components: [], reason: `first ${i}` }));
    // This path writes the scored time as text: written from sessions that spell timestamps otherwise (India's "IST"
    // reads back as Israel's in PostgreSQL's default abbreviations), it must still be the transaction's time.
    const url = new URL((ds.options as { url: string }).url);
    url.searchParams.set('options', '-c DateStyle=SQL,DMY -c TimeZone=Asia/Kolkata');
    const elsewhere = await createDataSource(url.toString()).initialize();
    try {
      await new MatchWriter(elsewhere).replaceSuggestions([request.id], top, 7);
    } finally {
      await elsewhere.destroy();
    }
    const rows = await ds.query(
      `SELECT origin, status, version, engine_version, weights_version, score, reason, scored_at = created_at AND created_at = updated_at AS one_time,
              scored_at = (SELECT suggested_at FROM request_first_suggestions WHERE request_id = m.request_id) AS stamped_then
         FROM matches m WHERE request_id = $1 ORDER BY score DESC`,
      [request.id],
    );
    expect(rows).toEqual(
      [0, 1].map((i) => ({
        origin: 'engine',
        status: 'suggested',
        version: 1,
        engine_version: String(MATCHING_ENGINE_VERSION),
        weights_version: 7,
        score: 0.8 - i / 10,
        reason: `first ${i}`,
        one_time: true,
        stamped_then: true,
      })),
    );
  });

  it("writes a request's first suggestions by the upsert when a person proposes one of the pairs meanwhile", async () => {
    const [request, other] = await Promise.all([circulatedRequest(api.baseUrl), circulatedRequest(api.baseUrl)]);
    const offers = await Promise.all(Array.from({ length: 3 }, () => activeOffer(api.baseUrl, 'wco')));
    const writer = new MatchWriter(ds);
    const top = (requestId: string, score: number): MatchResult[] =>
      offers.map((offer, i) => ({
        requestId,
        offerId: offer.id,
        score: score - i / 10,
        components: [],
        reason: `first ${i}`,
      }));
    // A committee member pairs the request with the first offer in a transaction still open when the write starts:
    // the writer sees no match for the request (a first scoring), and its COPY then waits on the pair.
    const proposal = ds.createQueryRunner();
    await proposal.connect();
    await proposal.startTransaction();
    await proposal.query(
      `INSERT INTO matches (request_id, offer_id, origin, status, reason, version) VALUES ($1, $2, 'committee', 'endorsed', 'paired by hand', 1)`,
      [request.id, offers[0].id],
    );
    const writing = writer.replaceSuggestions([request.id, other.id], [...top(request.id, 0.9), ...top(other.id, 0.5)], 1);
    try {
      await waitFor(
        async () =>
          (await ds.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'COPY matches (%'`))
            .length,
        15_000,
        "the writer's COPY to wait on the proposed pair",
      );
      await proposal.commitTransaction();
    } finally {
      if (proposal.isTransactionActive) await proposal.rollbackTransaction();
      await proposal.release();
    }
    // The COPY failed on the pair; the write went on by the upsert, which keeps the person's match as it is.
    await expect(writing).resolves.toEqual({ written: 6, stale: [] });
    const rows: {
      request_id: string;
      offer_id: string;
      origin: string;
      status: string;
      score: number;
      reason: string;
      scored_at: Date | null;
    }[] = await ds.query(
      `SELECT request_id, offer_id, origin, status, score, reason, scored_at FROM matches WHERE request_id = ANY($1::uuid[]) ORDER BY score DESC`,
      [[request.id, other.id]],
    );
    expect(
      rows.map((r) => [r.request_id === request.id ? 'request' : 'other', offers.findIndex((o) => o.id === r.offer_id), r.origin, r.status, r.reason]),
    ).toEqual([
      ['request', 0, 'committee', 'endorsed', 'first 0'],
      ['request', 1, 'engine', 'suggested', 'first 1'],
      ['request', 2, 'engine', 'suggested', 'first 2'],
      ['other', 0, 'engine', 'suggested', 'first 0'],
      ['other', 1, 'engine', 'suggested', 'first 1'],
      ['other', 2, 'engine', 'suggested', 'first 2'],
    ]);
    // Both requests are stamped once, and every row has its score time.
    const stamped = await ds.query(`SELECT count(*)::int AS n FROM request_first_suggestions WHERE request_id = ANY($1::uuid[])`, [
      [request.id, other.id],
    ]);
    expect(stamped[0].n).toBe(2);
    expect(rows.every((r) => r.scored_at !== null)).toBe(true);
  });

  it('stores every row as scored, whatever its text, across pieces of the COPY, and leaves rows scored the same untouched', async () => {
    const requests = await Promise.all(Array.from({ length: 20 }, () => circulatedRequest(api.baseUrl)));
    const offers = await Promise.all(Array.from({ length: 15 }, () => activeOffer(api.baseUrl, 'osce')));
    const writer = new MatchWriter(ds);
    // 300 rows: more than one piece of the COPY stream. Reasons with tabs, line breaks, backslashes, quotes and
    // non-Latin text, each about 4,000 characters long, so that a piece of 256 rows outgrows the writer's first
    // buffer (1 MiB) — and within the exchange format's 5,000, since the data exchange test exports this database.
    const texts = ['tab\there', 'line\nbreak\r\nand more', 'back\\slash \\N', '"quoted" — Монголия 日本 🇲🇳'];
    const results: MatchResult[] = requests.flatMap((request, i) =>
      offers.map((offer, j) => ({
        requestId: request.id,
        offerId: offer.id,
        score: (i * 15 + j) / 300,
        components: [{ key: 'provisionCoverage', value: j / 15, weight: 0.3, contribution: (0.3 * j) / 15 }],
        reason: `${i}-${j} ${texts[(i * 15 + j) % texts.length]} ${'x'.repeat(4_000)}`,
        reasonParts: [{ key: 'coversSome', provisions: ['OP3c'], count: j }],
      })),
    );
    await writer.replaceSuggestions(
      requests.map((r) => r.id),
      results,
      1,
    );
    type Row = { request_id: string; offer_id: string; score: number; components: unknown; reason: string; reason_parts: unknown; scored_at: Date };
    const stored = () =>
      ds.query<Row[]>(
        `SELECT request_id, offer_id, score, components, reason, reason_parts, scored_at FROM matches WHERE request_id = ANY($1::uuid[]) AND origin = 'engine'`,
        [requests.map((r) => r.id)],
      );
    const first = await stored();
    expect(first).toHaveLength(300);
    // Each component as [key, value, weight, contribution], the shorter stored form.
    expect((first[0].components as unknown[])[0]).toEqual([expect.any(String), expect.any(Number), expect.any(Number), expect.any(Number)]);
    const byPair = new Map(first.map((row) => [`${row.request_id}/${row.offer_id}`, row]));
    for (const r of results) {
      const row = byPair.get(`${r.requestId}/${r.offerId}`)!;
      expect({ score: row.score, components: componentsFromStored(row.components), reason: row.reason, reasonParts: row.reason_parts }).toEqual({
        score: r.score,
        components: r.components,
        reason: r.reason,
        reasonParts: r.reasonParts,
      });
    }
    // The same scores again: nothing is rewritten (scored_at is when a pair's score last changed).
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writer.replaceSuggestions(
      requests.map((r) => r.id),
      results,
      1,
    );
    const scoredAt = (rows: Row[]) => rows.map((row) => [row.request_id, row.offer_id, new Date(row.scored_at).getTime()]).sort();
    expect(scoredAt(await stored())).toEqual(scoredAt(first));
    // Nor when the stored text spells the same values otherwise (as a migration or an import leaves it: other
    // spacing, other key order).
    await ds.query(`UPDATE matches SET components = components::jsonb::json, reason_parts = reason_parts::jsonb::json WHERE request_id = ANY($1::uuid[])`, [
      requests.map((r) => r.id),
    ]);
    const [{ respelled }] = await ds.query(
      `SELECT count(*)::int AS respelled FROM matches WHERE request_id = ANY($1::uuid[]) AND components::text LIKE '%, %' AND reason_parts::text LIKE '%": %'`,
      [requests.map((r) => r.id)],
    );
    expect(respelled).toBe(300);
    await writer.replaceSuggestions(
      requests.map((r) => r.id),
      results,
      1,
    );
    expect(scoredAt(await stored())).toEqual(scoredAt(first));
  });
});
