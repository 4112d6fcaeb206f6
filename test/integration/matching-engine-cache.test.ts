import { DataSource } from 'typeorm';
import { RequestRepository } from '@app/database';
import { MatchingDataService } from '../../apps/worker/src/matching/matching-data.service';
import { activeOffer } from '../factories';
import { startApiInProcess } from '../support/platform';

/** The worker keeps one engine per process; it must never score with offers that changed since it was built. */
describe("the worker's cached matching engine", () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('sees every committed change to an offer, however the row was written', async () => {
    const data = new MatchingDataService(ds, new RequestRepository(ds));
    const offer = await activeOffer(api.baseUrl, 'bafa');
    const built = await data.engine();
    expect(built.hasOffer(offer.id)).toBe(true);

    // A write that leaves updated_at alone (as bulk SQL does) still reaches the engine.
    const [{ updated_at }] = await ds.query(`SELECT updated_at FROM assistance_offers WHERE id = $1`, [offer.id]);
    await ds.query(`UPDATE assistance_offers SET status = 'paused' WHERE id = $1`, [offer.id]);
    // A job that scored with the engine built before asks before writing, and learns it is out of date.
    expect(await data.isCurrent(built, ds.manager)).toBe(false);
    const rebuilt = await data.engine();
    expect(rebuilt.hasOffer(offer.id)).toBe(false);

    // A transaction that started before a newer timestamp was written, and commits after it, is seen too.
    const slow = ds.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    try {
      await slow.query(`UPDATE assistance_offers SET status = 'active', updated_at = $2 WHERE id = $1`, [offer.id, updated_at]);
      expect((await data.engine()).hasOffer(offer.id)).toBe(false);
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    expect((await data.engine()).hasOffer(offer.id)).toBe(true);
  });

  it('reuses the engine while nothing it depends on changed', async () => {
    const data = new MatchingDataService(ds, new RequestRepository(ds));
    // Other test files write offers concurrently: within a few seconds, two builds follow one another unchanged.
    const deadline = Date.now() + 10_000;
    let reused = false;
    for (let previous = await data.engine(); !reused && Date.now() < deadline; ) {
      const next = await data.engine();
      reused = next === previous;
      previous = next;
    }
    expect(reused).toBe(true);
  });
});
