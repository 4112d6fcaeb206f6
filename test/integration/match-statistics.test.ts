import '../support/own-world';
import { DataSource } from 'typeorm';
import type { MatchResult } from '@app/matching';
import { MatchWriter } from '../../apps/worker/src/matching/match-writer.service';
import { activeOffer, circulatedRequest } from '../factories';
import { startApiInProcess } from '../support/platform';

// Issue 16: after the worker writes a large share of `matches` at once (a first scoring, a full rescore), the
// planner's statistics are refreshed at once rather than at autovacuum's next pass. A database of this file's own,
// since it adds thousands of offers and matches.
describe('statistics of matches after large writes', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  /** When `ANALYZE matches` last ran by hand (not by autovacuum), or null. */
  const lastAnalyze = async (): Promise<string | null> =>
    (await ds.query(`SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relname = 'matches'`))[0].at;

  it('refreshes them once as many rows were written as the table held, not after small writes', async () => {
    const request = await circulatedRequest(api.baseUrl);
    const original = await activeOffer(api.baseUrl, 'bafa');
    // Copies of one active offer (every column but the id and the generated ones).
    const columns: { column_name: string }[] = await ds.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'assistance_offers' AND is_generated = 'NEVER' AND column_name <> 'id'
        ORDER BY ordinal_position`,
    );
    const names = columns.map((c) => c.column_name).join(', ');
    const offerIds: string[] = (
      await ds.query(
        `INSERT INTO assistance_offers (${names})
         SELECT ${names} FROM assistance_offers, generate_series(1, 6000) i WHERE id = $1
         RETURNING id`,
        [original.id],
      )
    ).map((r: { id: string }) => r.id);
    const writer = new MatchWriter(ds);
    const result = (offerId: string, score: number): MatchResult => ({ requestId: request.id, offerId, score, components: [], reason: 'test' });

    const before = await lastAnalyze();
    await writer.replaceSuggestions([request.id], offerIds.slice(0, 10).map((id) => result(id, 0.5)), 1);
    expect(await lastAnalyze()).toBe(before);

    await writer.replaceSuggestions([request.id], offerIds.map((id, i) => result(id, 0.3 + i / 100_000)), 1);
    const after = await lastAnalyze();
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
    const [{ estimate }] = await ds.query(`SELECT reltuples::float8 AS estimate FROM pg_class WHERE oid = 'matches'::regclass`);
    expect(estimate).toBeGreaterThanOrEqual(6000);

    // Rescored (new scores, so every row is written again): 5,500 rows, fewer than the table held at the refresh,
    // leave the statistics alone (a refresh after every fifth of the table ran one at nearly every chunk of a rescore)…
    await writer.replaceSuggestions([request.id], offerIds.slice(0, 5500).map((id, i) => result(id, 0.4 + i / 100_000)), 1);
    expect(await lastAnalyze()).toBe(after);
    // …and the next write that takes them past it refreshes them.
    await writer.replaceSuggestions([request.id], offerIds.map((id, i) => result(id, 0.2 + i / 100_000)), 1);
    expect(await lastAnalyze()).not.toBe(after);
  });
});
