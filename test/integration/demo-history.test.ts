import { DataSource } from 'typeorm';
import { DEMO_REQUESTS } from '@app/database';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

type Stamp = Date | null;
const time = (d: Stamp) => (d === null ? null : new Date(d).getTime());

/** The stamps that are set, in the order given, must not go back in time. */
function expectInOrder(what: string, stamps: [string, Stamp][]): void {
  const set = stamps.filter(([, at]) => at !== null);
  for (let i = 1; i < set.length; i++) {
    const [before, a] = set[i - 1];
    const [after, b] = set[i];
    if (time(a)! > time(b)!) throw new Error(`${what}: ${before} (${new Date(a!).toISOString()}) comes after ${after} (${new Date(b!).toISOString()})`);
  }
}

/**
 * The seeded demo story (Mongolia, 2020 to now) is what a first-time user's dashboard computes from: every
 * record's stamps must tell one story, and so must every figure of the reports.
 */
describe('the demo history is consistent', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  const titles = DEMO_REQUESTS.map((r) => r.title);

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  it('each demo request reaches its milestones in order, and every circulated one had suggestions', async () => {
    const rows: Record<string, any>[] = await ds.query(
      `SELECT reference, status, submitted_at, acknowledged_at, circulated_at, (SELECT s.suggested_at FROM request_first_suggestions s WHERE s.request_id = r.id) AS first_suggestion_at,
              matched_at, delivery_started_at, delivered_at, updated_at
         FROM assistance_requests r WHERE title = ANY($1)`,
      [titles],
    );
    expect(rows.length).toBe(titles.length);
    for (const r of rows) {
      if (r.circulated_at) expect({ reference: r.reference, firstSuggestion: r.first_suggestion_at }).toEqual({ reference: r.reference, firstSuggestion: expect.any(Date) });
      expectInOrder(r.reference, [
        ['submitted', r.submitted_at],
        ['acknowledged', r.acknowledged_at],
        ['circulated', r.circulated_at],
        ['first suggestion', r.first_suggestion_at],
        ['agreed match', r.matched_at],
        ['delivery started', r.delivery_started_at],
        ['delivered', r.delivered_at],
      ]);
    }
  });

  it('each demo match was last changed by its last step, and came after the request’s first suggestion', async () => {
    const matches: Record<string, any>[] = await ds.query(
      `SELECT r.reference, (SELECT s.suggested_at FROM request_first_suggestions s WHERE s.request_id = r.id) AS first_suggestion_at, r.circulated_at, r.matched_at, m.status, m.created_at, m.endorsed_at, m.answered_at, m.agreed_at,
              m.completed_at, m.updated_at, r.delivery_started_at::date::text AS delivery_started, m.delivered_from::text,
              m.delivered_until::text, m.completed_at::date::text AS completed_day,
              (SELECT max(h.created_at) FROM history_entries h WHERE h.subject_type = 'match' AND h.subject_id = m.id) AS last_step
         FROM matches m JOIN assistance_requests r ON r.id = m.request_id
        WHERE r.title = ANY($1) AND m.origin = 'committee' AND m.agreed_at < '2024-01-01'`,
      [titles],
    );
    expect(matches.length).toBeGreaterThanOrEqual(4);
    for (const m of matches) {
      expectInOrder(`${m.reference}'s match`, [
        ['circulated', m.circulated_at],
        ['first suggestion', m.first_suggestion_at],
        ['created', m.created_at],
        ['endorsed', m.endorsed_at],
        ['answered', m.answered_at],
        ['agreed', m.agreed_at],
        ['completed', m.completed_at],
      ]);
      expect(time(m.agreed_at)).toBe(time(m.matched_at));
      // What a completed match delivered spans the request's delivery, from its start to the match's completion.
      if (m.status === 'completed') {
        expect({ reference: m.reference, from: m.delivered_from, until: m.delivered_until }).toEqual({
          reference: m.reference,
          from: m.delivery_started,
          until: m.completed_day,
        });
      }
      // "Last changed" is the match's own last step (2021–2023), not the day the seed ran.
      expect({ reference: m.reference, updatedAt: new Date(m.updated_at).toISOString() }).toEqual({
        reference: m.reference,
        updatedAt: new Date(m.last_step).toISOString(),
      });
    }
  });

  it('gives a dashboard whose figures agree with each other', async () => {
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    // The story years: requests other tests create are submitted today.
    const res = await expert.get('/api/v1/reports/summary?to=2023-12-31&state=MNG');
    expect(res.status).toBe(200);
    const s = res.body;
    const t = s.timeToDays;
    // Every step comes after the one before it: so do their medians.
    const medians: [string, number | null][] = [
      ['acknowledge', t.acknowledge.medianDays],
      ['circulate', t.circulate.medianDays],
      ['first suggestion', t.firstSuggestion.medianDays],
      ['agreed match', t.agreedMatch.medianDays],
      ['delivery', t.delivery.medianDays],
    ];
    expect(medians.every(([, days]) => days !== null)).toBe(true);
    for (let i = 1; i < medians.length; i++) expect({ [medians[i][0]]: medians[i][1]! >= medians[i - 1][1]! }).toEqual({ [medians[i][0]]: true });
    // The engine suggested for every circulated request; the agreed ones are the match rate's numerator and the histogram.
    expect(t.firstSuggestion.count).toBe(t.circulate.count);
    expect(s.matchRate.withAgreedMatch).toBe(t.agreedMatch.count);
    expect(s.timeToMatchHistogram.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(t.agreedMatch.count);
    expect(s.unmatchedTotal).toBe(s.requests.byStatus.circulated ?? 0);
    // The status chart starts where the data starts: the first letter, May 2020.
    const firstSubmission = (await ds.query(`SELECT min(submitted_at) AS at FROM assistance_requests WHERE title = ANY($1)`, [titles]))[0].at;
    expect(s.statusOverTime[0].month).toBe(new Date(firstSubmission).toISOString().slice(0, 7));
    expect(s.statusOverTime.at(-1).month).toBe('2023-12');
  });
});
