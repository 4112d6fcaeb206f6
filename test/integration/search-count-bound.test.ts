import '../support/own-world';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/database';
import { parseCsv } from '../../apps/api/src/data-exchange/csv';
import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

// Issue 16: a search for a common word counts its hits only 1,000 rows past its page and then says "more than";
// the rows it finds and their order are those of an exact search. The match list counts the same way (it holds
// every suggestion), and so does a list without a search. A database of this file's own, since it adds a thousand requests and matches.
describe('the total of a search that matches many requests', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let expert: ApiClient;
  let original: { id: string; status: string };
  const word = `copious${randomUUID().slice(0, 6)}`;
  const COPIES = 1_030;
  const HITS = COPIES + 1;

  beforeAll(async () => {
    api = await startApiInProcess();
    expert = await ApiClient.as(api.baseUrl, 'expert');
    original = await circulatedRequest(api.baseUrl, { title: `Export control training ${word}` });
    ds = await createDataSource(process.env.DATABASE_URL!).initialize();
    // Copies of the circulated request under references of their own (every column but the generated ones).
    const columns: { column_name: string }[] = await ds.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'assistance_requests' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'reference', 'updated_at')
        ORDER BY ordinal_position`,
    );
    const names = columns.map((c) => c.column_name).join(', ');
    await ds.query(
      `INSERT INTO assistance_requests (reference, updated_at, ${names})
       SELECT 'ZZB-' || lpad(i::text, 6, '0'), now() - i * interval '1 minute', ${names}
         FROM assistance_requests, generate_series(1, $2) i WHERE id = $1`,
      [original.id, COPIES],
    );
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await api?.close();
  });

  const search = (query: string) => expert.get(`/api/v1/requests?q=${encodeURIComponent(word)}&${query}`);

  it('says "more than 1,000" on the first page, and every row holds the word', async () => {
    const first = await search('pageSize=25');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 1000, totalIsLowerBound: true, page: 1, pageSize: 25 });
    expect(first.body.items).toHaveLength(25);
    for (const item of first.body.items) expect(item.title).toContain(word);
  });

  it('counts exactly once the end is within 1,000 rows of the page, and pages past the bound hold rows', async () => {
    const later = await search('pageSize=25&page=3');
    expect(later.body).toMatchObject({ total: HITS, totalIsLowerBound: false });
    const last = await search(`pageSize=25&page=${Math.ceil(HITS / 25)}`);
    expect(last.body).toMatchObject({ total: HITS, totalIsLowerBound: false });
    expect(last.body.items).toHaveLength(HITS % 25 || 25);
    const past = await search('pageSize=25&page=100');
    expect(past.body).toMatchObject({ items: [], total: HITS, totalIsLowerBound: false });
  });

  it('orders the hits as asked, on pages past the first', async () => {
    // Only the requests of this file carry the word; their newest-first order is known from their update times.
    const page = await search('pageSize=100&page=2&sort=-updatedAt');
    const references = page.body.items.map((item: { reference: string }) => item.reference);
    expect(references).toEqual(Array.from({ length: 100 }, (_, i) => `ZZB-${String(100 + i).padStart(6, '0')}`));
  });

  it('bounds the total of a list without a search the same way, and counts a shorter list exactly', async () => {
    // The Committee's whole list holds every submitted request (more than 1,030 here): "more than 1,000".
    const all = await expert.get('/api/v1/requests?pageSize=1');
    expect(all.body).toMatchObject({ total: 1000, totalIsLowerBound: true });
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM assistance_requests WHERE status <> 'draft'`);
    expect(count).toBeGreaterThan(1000);
    // A page whose list ends within 1,000 rows of it counts exactly.
    const near = await expert.get(`/api/v1/requests?pageSize=25&page=${Math.floor((count - 500) / 25)}`);
    expect(near.body).toMatchObject({ total: count, totalIsLowerBound: false });
    // So does a filtered list under the bound (one row a page, so the total is counted, not read off the page).
    const [{ status, n }] = await ds.query(
      `SELECT status, count(*)::int AS n FROM assistance_requests WHERE status NOT IN ('draft', $1) GROUP BY status ORDER BY count(*) DESC LIMIT 1`,
      [original.status],
    );
    expect(n).toBeGreaterThan(1);
    const mine = await expert.get(`/api/v1/requests?pageSize=1&status=${status}`);
    expect(mine.body).toMatchObject({ total: n, totalIsLowerBound: false });
  });

  it('exports every row of a list whose total is bounded, in both CSV exports', async () => {
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM assistance_requests WHERE status <> 'draft'`);
    expect(count).toBeGreaterThan(1000);
    for (const path of ['/api/v1/export/requests.csv', '/api/v1/reports/export.csv?entity=requests']) {
      const res = await expert.get(path);
      expect(res.status).toBe(200);
      // The header row, then one row per request.
      expect(parseCsv(res.body as string).length - 1).toBe(count);
    }
  });

  it("opens the apps' connections without JIT compilation (a list's count compiled longer than it ran)", async () => {
    const [{ jit }] = await ds.query('SHOW jit');
    expect(jit).toBe('off');
  });

  describe('the match list', () => {
    let offerId: string;
    let onOffer: number;
    const matches = (query: string) => expert.get(`/api/v1/matches?offerId=${offerId}&${query}`);

    beforeAll(async () => {
      // A suggestion of one offer for each copy, scored so that the newest copy ranks first.
      offerId = (await activeOffer(api.baseUrl)).id;
      await ds.query(
        `INSERT INTO matches (request_id, offer_id, score, origin, status, version)
         SELECT id, $1, 0.9 - substring(reference FROM 5)::int / 10000.0, 'engine', 'suggested', 1
           FROM assistance_requests WHERE reference LIKE 'ZZB-%'`,
        [offerId],
      );
      [{ onOffer }] = await ds.query(`SELECT count(*)::int AS "onOffer" FROM matches WHERE offer_id = $1`, [offerId]);
      expect(onOffer).toBeGreaterThan(1000);
    }, 60_000);

    it('says "more than 1,000" on the first page, ranked by score', async () => {
      const first = await matches('pageSize=25');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 1000, totalIsLowerBound: true, page: 1, pageSize: 25 });
      const scores = first.body.items.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(first.body.items[0].request.reference).toBe('ZZB-000001');
    });

    it('counts exactly near the end, and the last page holds the rest', async () => {
      const lastPage = Math.ceil(onOffer / 25);
      const last = await matches(`pageSize=25&page=${lastPage}`);
      expect(last.body).toMatchObject({ total: onOffer, totalIsLowerBound: false });
      expect(last.body.items).toHaveLength(onOffer - (lastPage - 1) * 25);
      const past = await matches(`pageSize=25&page=${lastPage + 5}`);
      expect(past.body).toMatchObject({ items: [], total: onOffer, totalIsLowerBound: false });
    });

    it("counts only what the caller may see: engine suggestions stay with the Committee", async () => {
      const provider = await ApiClient.as(api.baseUrl, 'bafa');
      const theirs = await provider.get(`/api/v1/matches?offerId=${offerId}&pageSize=25`);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toMatchObject({ items: [], total: 0, totalIsLowerBound: false });
    });
  });
});
