import { DataSource } from 'typeorm';
import type { MatchResult } from '@app/matching';
import { MatchWriter } from '../../apps/worker/src/matching/match-writer.service';
import { activeOffer, circulatedRequest } from '../factories';
import { startApiInProcess } from '../support/platform';

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
});
