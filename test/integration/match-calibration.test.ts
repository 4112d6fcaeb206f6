import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MatchRepository } from '@app/database';
import { calibrationAt, calibrationBands, MIN_CALIBRATION_DECISIONS } from '@app/matching';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * Issue 15 item 5: a suggestion says how often suggestions at about its score were taken up, once the Committee
 * and the parties have decided enough of them.
 */
describe('score calibration', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let expert: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    expert = await ApiClient.as(api.baseUrl, 'expert');
  });
  afterAll(() => api.close());

  it('counts decisions per score band as the weights learning labels them, feedback included', async () => {
    const repository = api.app.get(MatchRepository);
    // Decisions written in a transaction that is rolled back: the shared database keeps none of them.
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const before = calibrationBands(await repository.decisionsByScoreBand(runner.manager));
      const pairs: { request_id: string; offer_id: string }[] = await runner.query(
        `SELECT r.id AS request_id, o.id AS offer_id FROM assistance_requests r CROSS JOIN assistance_offers o
          WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.request_id = r.id AND m.offer_id = o.id)
          ORDER BY r.id, o.id LIMIT 9`,
      );
      expect(pairs).toHaveLength(9);
      // In the 0.9–1.0 band: four endorsed, one completed but rated 1 and 2, two declined, two still suggested.
      const rows: Array<[string, number | null, number | null]> = [
        ['endorsed', null, null],
        ['endorsed', null, null],
        ['agreed', null, null],
        ['completed', 4, 5],
        ['completed', 1, 2],
        ['declined', null, null],
        ['dismissed', null, null],
        ['suggested', null, null],
        ['suggested', null, null],
      ];
      for (const [i, [status, requesterRating, providerRating]] of rows.entries()) {
        await runner.query(
          `INSERT INTO matches (id, request_id, offer_id, score, components, origin, status, version, requester_rating, provider_rating)
           VALUES ($1, $2, $3, $4, '[]'::jsonb, 'engine', $5, 1, $6, $7)`,
          [randomUUID(), pairs[i].request_id, pairs[i].offer_id, 0.9 + i / 100, status, requesterRating, providerRating],
        );
      }
      const after = calibrationBands(await repository.decisionsByScoreBand(runner.manager));
      expect(after[9].decided - before[9].decided).toBe(7);
      expect(after[9].takenUp - before[9].takenUp).toBe(4);
      for (let b = 0; b < 9; b++) expect(after[b]).toEqual(before[b]);
      expect(calibrationAt(0.95, after)).toEqual(after[9]);
      expect(after[9].decided).toBeGreaterThanOrEqual(MIN_CALIBRATION_DECISIONS);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('puts its band’s record on every scored match the API returns, and nothing on an unscored one', async () => {
    const bands = calibrationBands(await api.app.get(MatchRepository).decisionsByScoreBand());
    const page = await expert.get('/api/v1/matches?pageSize=100');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    for (const match of page.body.items as Array<{ score: number | null; calibration: unknown }>) {
      expect(match).toHaveProperty('calibration');
      expect(match.calibration).toEqual(calibrationAt(match.score, bands));
    }
  });
});
