import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * "Status over time" is a running total of +1/−1 steps per month (issue 16). This compares it, on a varied world
 * of status histories in the 1980s (no other test writes there), with the definition computed the plain way: at
 * the end of each month, the status each request in scope had then (its last history entry before the month's
 * end, ties by id), drafts left out.
 */
describe('reports: status over time', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let expert: ApiClient;
  const ids: string[] = [];

  // A small deterministic generator, so a failure can be replayed.
  let seed = 1540;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const LATER = ['acknowledged', 'circulated', 'matched', 'delivered', 'withdrawn', 'closed', 'submitted', 'circulated'] as const;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    expert = await ApiClient.as(api.baseUrl, 'expert');
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const orgId = (
      await admin.post('/api/v1/organizations', { name: `Nauru Office ${randomUUID().slice(0, 6)}`, shortName: 'NRO', kind: 'state_agency', state: 'NRU' })
    ).body.id;
    for (let i = 0; i < 60; i++) {
      const id = randomUUID();
      ids.push(id);
      // Submitted between 1979-11 and 1983-09: some before the period asked, some after it.
      let at = Date.UTC(1979, 10, 1) + Math.floor(random() * 47 * 30) * 86400_000;
      // Some steps at exactly a month's start, some at the same instant as the one before.
      const steps: [string, string, Date][] = [];
      if (random() < 0.5) steps.push(['create', 'draft', new Date(at - 3 * 86400_000)]);
      steps.push(['submit', 'submitted', new Date(at)]);
      const n = Math.floor(random() * 6);
      for (let k = 0; k < n; k++) {
        const r = random();
        if (r < 0.15) {
          // same instant
        } else if (r < 0.35) {
          const d = new Date(at);
          at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1 + Math.floor(random() * 3), 1);
        } else {
          at += Math.floor(random() * 120 * 86400) * 1000;
        }
        steps.push([`step_${k}`, pick(LATER), new Date(at)]);
      }
      // An entry without a status change (a comment) is not a period.
      if (random() < 0.3) steps.push(['comment', '', new Date(at + 86400_000)]);
      await ds.query(
        `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
         VALUES ($1, $2, 'NRU', $3, $4, 'A request of the 1980s test world for status over time.', '{OP3d}', '{NUCLEAR}', '{TRAINING}', $5, 'providers', 1)`,
        [id, `NRU-1980-${String(i + 1).padStart(3, '0')}`, orgId, `Over time ${i}`, steps.filter((s) => s[1]).at(-1)![1]],
      );
      for (const [action, to, stepAt] of steps) {
        await ds.query(
          `INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at) VALUES ('request', $1, $2, $3, 'system', $4)`,
          [id, action, to || null, stepAt],
        );
      }
    }
  });
  afterAll(() => api.close());

  /** The plain definition, from the history rows. */
  const recompute = async (from: string, to: string): Promise<{ month: string; byStatus: Record<string, number> }[]> => {
    const rows: { subject_id: string; id: string; action: string; to_status: string | null; created_at: Date }[] = await ds.query(
      `SELECT subject_id, id::text, action, to_status, created_at FROM history_entries WHERE subject_type = 'request' AND subject_id = ANY($1)`,
      [ids],
    );
    const bySubject = new Map<string, typeof rows>();
    for (const r of rows) bySubject.set(r.subject_id, [...(bySubject.get(r.subject_id) ?? []), r]);
    const lo = Date.parse(`${from}T00:00Z`);
    const hiExclusive = Date.parse(`${to}T00:00Z`) + 86400_000;
    const inScope = [...bySubject.values()].filter((entries) => {
      const submits = entries.filter((e) => e.action === 'submit').map((e) => e.created_at.getTime());
      const submitted = Math.min(...submits);
      return submits.length > 0 && submitted >= lo && submitted < hiExclusive;
    });
    const firstSubmit = Math.min(...inScope.flatMap((entries) => entries.filter((e) => e.action === 'submit').map((e) => e.created_at.getTime())));
    const start = new Date(firstSubmit);
    const end = new Date(to);
    const out: { month: string; byStatus: Record<string, number> }[] = [];
    for (let y = start.getUTCFullYear(), mo = start.getUTCMonth(); Date.UTC(y, mo, 1) <= Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1); mo++) {
      const monthEnd = Date.UTC(y, mo + 1, 1);
      const byStatus: Record<string, number> = {};
      for (const entries of inScope) {
        const before = entries
          .filter((e) => e.to_status !== null && e.created_at.getTime() < monthEnd)
          .sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : 1));
        const status = before.at(-1)?.to_status;
        if (status && status !== 'draft') byStatus[status] = (byStatus[status] ?? 0) + 1;
      }
      if (Object.keys(byStatus).length) out.push({ month: new Date(Date.UTC(y, mo, 1)).toISOString().slice(0, 7), byStatus });
    }
    return out;
  };

  // Without a State the summary takes the steps of the period's requests without joining them to the scope: the
  // 1980s hold this test's requests only.
  it.each([
    ['1980-01-01', '1983-06-30', '&state=NRU'],
    ['1979-01-01', '1984-12-31', '&state=NRU'],
    ['1981-03-01', '1981-09-30', '&state=NRU'],
    ['1980-01-01', '1983-06-30', ''],
  ])('matches the status each request had at each month end (%s to %s%s)', async (from, to, state) => {
    const res = await expert.get(`/api/v1/reports/summary?from=${from}&to=${to}${state}`);
    expect(res.status).toBe(200);
    const expected = await recompute(from, to);
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.statusOverTime).toEqual(expected);
  });
});
