import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword } from '@app/common';
import { createDataSource, dropDatabase, ensureDatabase } from '@app/database';
import { circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

type Api = Awaited<ReturnType<typeof startApiInProcess>>;

/** A history entry as the recomputation reads it; times in microseconds since the epoch, as PostgreSQL keeps them. */
interface Entry {
  id: string;
  subject_id: string;
  action: string;
  to_status: string | null;
  at: string;
}

const MILESTONES = { submitted_at: 'submit', acknowledged_at: 'acknowledge', circulated_at: 'circulate', agreed_at: 'match_agreed', delivered_at: 'mark_delivered' } as const;
const us = (column: string) => `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;
/** A list as a set: its distinct codes in code point order. */
const asSet = (list: string) => `CASE WHEN ${list} IS NULL THEN NULL ELSE ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(${list}) AS x ORDER BY 1) END`;
/** A set of bits of request_milestones `f` as the set of codes report_codes gives those bits. */
const decoded = (bits: string, kind: string) =>
  `CASE WHEN f.${bits} IS NULL THEN NULL ELSE ARRAY(SELECT c.code COLLATE "C" FROM report_codes c WHERE c.kind = '${kind}' AND f.${bits} & (1 << c.bit) <> 0 ORDER BY 1) END`;
/**
 * The request's columns kept beside the milestones, each compared as request_milestones `f` gives it back and as the
 * request row `r` holds it.
 */
const COPIES = {
  reference: ['f.reference', 'r.reference'],
  state: ['f.state', 'r.state'],
  status: ['f.status', 'r.status'],
  last_circulated_at: [us('f.last_circulated_at'), us('r.circulated_at')],
  provisions: [decoded('provision_bits', 'provision'), asSet('r.provisions')],
  domains: [decoded('domain_bits', 'domain'), asSet('r.domains')],
  assistance_types: [decoded('assistance_type_bits', 'assistance_type'), asSet('r.assistance_types')],
} as const;
const keptAs = (copy: keyof typeof COPIES) => COPIES[copy][0];
const heldAs = (copy: keyof typeof COPIES) => COPIES[copy][1];
const COPY_NAMES = Object.keys(COPIES) as (keyof typeof COPIES)[];
/** A recomputed row (`alias`: milestones and copies by name) that holds anything. */
const ANYTHING = (alias: string) => `coalesce(${[...Object.keys(MILESTONES), ...COPY_NAMES].map((c) => `${alias}.${c}::text`).join(', ')}) IS NOT NULL`;
/** A row of request_milestones `f` that holds anything. */
const NOT_EMPTY = `coalesce(${[...Object.keys(MILESTONES), 'reference', 'state', 'status', 'last_circulated_at', 'provision_bits', 'domain_bits', 'assistance_type_bits'].map((c) => `f.${c}::text`).join(', ')}) IS NOT NULL`;
type Runner = ReturnType<DataSource['createQueryRunner']>;
/**
 * Two transactions of `db` writing at once: `first` writes, then `second` (which may wait for the first's locks), the
 * first commits, then the second.
 */
async function atOnce(db: DataSource, first: (runner: Runner) => Promise<unknown>, second: (runner: Runner) => Promise<unknown>): Promise<void> {
  const runners = [db.createQueryRunner(), db.createQueryRunner()];
  try {
    for (const runner of runners) await runner.startTransaction();
    await first(runners[0]);
    const secondDone = second(runners[1]);
    await new Promise((r) => setTimeout(r, 200));
    await runners[0].commitTransaction();
    await secondDone;
    await runners[1].commitTransaction();
  } finally {
    for (const runner of runners) await runner.release();
  }
}
/** Rows in one order whatever the database's collation: by their values as JSON. */
const sorted = <T>(rows: T[]): T[] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/**
 * The Committee summary reads each request's first milestones and monthly status steps from two tables that a trigger on
 * history_entries keeps (migration 1796270000000-request-report-facts), and the request's own columns that a trigger on
 * assistance_requests copies beside the milestones (migration 1796350000000-request-report-columns). This drives
 * requests through the workflow, then writes history and requests the ways other writers do (out of order, same
 * instant, several requests per statement, two transactions at once, by hand, an import) and after each compares the
 * tables with a recomputation from the history and the requests: here in the test for the requests it wrote, and in
 * SQL over every request of the database.
 */
describe('request report facts', () => {
  let api: Api;
  let ds: DataSource;
  let customs: ApiClient, coordinator: ApiClient, expert: ApiClient, admin: ApiClient;
  let orgId: string;
  const ids: string[] = [];

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [customs, coordinator, expert, admin] = await Promise.all((['customs', 'coordinator', 'expert', 'admin'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
    orgId = (
      await admin.post('/api/v1/organizations', { name: `Tuvalu Office ${randomUUID().slice(0, 6)}`, shortName: 'TVO', kind: 'state_agency', state: 'TUV' })
    ).body.id;
  });
  afterAll(() => api.close());

  /**
   * The facts of `requestIds` recomputed from their history entries: the first time of each milestone action, and
   * the status steps — each stay in a status other than draft (an entry with a status, until the request's next one,
   * ties by id) is +1 in the UTC month it began and −1 in the month it ended, netted per status and month, each
   * carrying the request's first submission; and each request's columns as its row holds them (null without one).
   */
  async function recomputed(db: DataSource, requestIds: string[]) {
    const entries: Entry[] = await db.query(
      `SELECT id::text, subject_id::text, action, to_status, ${us('created_at')} AS at FROM history_entries WHERE subject_type = 'request' AND subject_id = ANY($1)`,
      [requestIds],
    );
    const requests: Record<string, unknown>[] = await db.query(
      `SELECT r.id::text, ${COPY_NAMES.map((copy) => `${heldAs(copy)} AS ${copy}`).join(', ')} FROM assistance_requests r WHERE r.id = ANY($1)`,
      [requestIds],
    );
    const milestones = requestIds
      .filter((id) => entries.some((e) => e.subject_id === id) || requests.some((r) => r.id === id))
      .map((id) => {
        const first = (action: string) => {
          const times = entries.filter((e) => e.subject_id === id && e.action === action).map((e) => BigInt(e.at));
          return times.length ? String(times.reduce((a, b) => (b < a ? b : a))) : null;
        };
        const { id: _, ...copies } = requests.find((r) => r.id === id) ?? { id, ...Object.fromEntries(Object.keys(COPIES).map((copy) => [copy, null])) };
        return {
          request_id: id,
          ...(Object.fromEntries(Object.entries(MILESTONES).map(([column, action]) => [column, first(action)])) as Record<keyof typeof MILESTONES, string | null>),
          ...copies,
        };
      });
    const month = (at: string) => {
      const d = new Date(Number(BigInt(at) / 1000n));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
    };
    const steps = requestIds.flatMap((id) => {
      const own = entries
        .filter((e) => e.subject_id === id && e.to_status !== null)
        .sort((a, b) => (BigInt(a.at) < BigInt(b.at) ? -1 : BigInt(a.at) > BigInt(b.at) ? 1 : a.id < b.id ? -1 : 1));
      const net = new Map<string, number>();
      own.forEach((e, i) => {
        if (e.to_status === 'draft') return;
        const add = (at: string, change: number) => net.set(`${e.to_status} ${month(at)}`, (net.get(`${e.to_status} ${month(at)}`) ?? 0) + change);
        add(e.at, 1);
        if (own[i + 1]) add(own[i + 1].at, -1);
      });
      const submitted = milestones.find((f) => f.request_id === id)?.submitted_at ?? null;
      return [...net]
        .filter(([, change]) => change !== 0)
        .map(([key, change]) => ({ request_id: id, status: key.split(' ')[0], month: key.split(' ')[1], change, submitted_at: submitted }));
    });
    return { milestones: sorted(milestones), steps: sorted(steps) };
  }

  async function kept(db: DataSource, requestIds: string[]) {
    const milestones = await db.query(
      `SELECT f.request_id::text, ${Object.keys(MILESTONES).map((c) => `${us(`f.${c}`)} AS ${c}`).join(', ')},
              ${COPY_NAMES.map((copy) => `${keptAs(copy)} AS ${copy}`).join(', ')}
         FROM request_milestones f WHERE f.request_id = ANY($1) AND ${NOT_EMPTY}`,
      [requestIds],
    );
    const steps = await db.query(
      `SELECT request_id::text, status, to_char(month, 'YYYY-MM-DD') AS month, change, ${us('submitted_at')} AS submitted_at FROM request_status_steps WHERE request_id = ANY($1)`,
      [requestIds],
    );
    return { milestones: sorted(milestones), steps: sorted(steps) };
  }

  /**
   * Rows that differ between the tables and the same facts computed from the whole history and every request, in one
   * snapshot. A request's row is compared when it holds anything (a request deleted before any history leaves an
   * empty one).
   */
  async function differences(db: DataSource): Promise<{ facts: string; n: number }[]> {
    return db.query(
      `WITH h AS (SELECT * FROM history_entries WHERE subject_type = 'request'),
       hm AS (SELECT subject_id AS request_id, ${Object.entries(MILESTONES)
         .map(([column, action]) => `min(created_at) FILTER (WHERE action = '${action}') AS ${column}`)
         .join(', ')} FROM h GROUP BY subject_id),
       m AS (SELECT coalesce(hm.request_id, r.id) AS request_id, ${Object.keys(MILESTONES).map((c) => `hm.${c}`).join(', ')},
                    ${COPY_NAMES.map((copy) => `${heldAs(copy)} AS ${copy}`).join(', ')}
               FROM hm FULL JOIN assistance_requests r ON r.id = hm.request_id),
       km AS (SELECT f.request_id, ${Object.keys(MILESTONES).map((c) => `f.${c}`).join(', ')}, ${COPY_NAMES.map((copy) => `${keptAs(copy)} AS ${copy}`).join(', ')}
                FROM request_milestones f WHERE ${NOT_EMPTY}),
       p AS (SELECT subject_id AS request_id, to_status AS status, created_at AS since,
                    lead(created_at) OVER (PARTITION BY subject_id ORDER BY created_at, id) AS until
               FROM h WHERE to_status IS NOT NULL),
       s AS (SELECT p.request_id, p.status, date_trunc('month', t.at AT TIME ZONE 'UTC')::date AS month, sum(t.change)::int AS change, m.submitted_at
               FROM p JOIN m USING (request_id), LATERAL (VALUES (p.since, 1), (p.until, -1)) AS t(at, change)
              WHERE p.status <> 'draft' AND t.at IS NOT NULL GROUP BY 1, 2, 3, 5 HAVING sum(t.change) <> 0),
       ks AS (SELECT request_id, status, month, change, submitted_at FROM request_status_steps)
       SELECT 'milestones' AS facts, count(*)::int AS n FROM ((SELECT * FROM m WHERE ${ANYTHING('m')} EXCEPT ALL TABLE km) UNION ALL (TABLE km EXCEPT ALL SELECT * FROM m WHERE ${ANYTHING('m')})) d
       UNION ALL
       SELECT 'steps', count(*)::int FROM ((TABLE s EXCEPT ALL TABLE ks) UNION ALL (TABLE ks EXCEPT ALL TABLE s)) d`,
    );
  }

  async function expectExact(db: DataSource = ds, requestIds: string[] = ids): Promise<void> {
    expect(await kept(db, requestIds)).toEqual(await recomputed(db, requestIds));
    expect(await differences(db)).toEqual([
      { facts: 'milestones', n: 0 },
      { facts: 'steps', n: 0 },
    ]);
  }

  const act = async (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const res = await client.post(`/api/v1/requests/${id}/transitions`, { action, ...extra });
    expect({ action, status: res.status }).toEqual({ action, status: 200 });
  };
  /** A request of the 2000s written with SQL (no other test writes TUV-200x), its history added below. */
  const sqlRequest = async (status: string): Promise<string> => {
    const id = randomUUID();
    ids.push(id);
    await ds.query(
      `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
       VALUES ($1, $2, 'TUV', $3, $4, 'A request whose history the report facts test writes.', '{OP3d}', '{NUCLEAR}', '{TRAINING}', $5, 'providers', 1)`,
      [id, `TUV-2001-${String(ids.length).padStart(3, '0')}`, orgId, `Report facts ${ids.length}`, status],
    );
    return id;
  };
  const historyRow = (id: string, action: string, to: string | null, at: string) =>
    ds.query(`INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at) VALUES ('request', $1, $2, $3, 'system', $4)`, [id, action, to, at]);

  it('follows requests through the workflow, a resubmission keeping the first submission', async () => {
    const circulated = await circulatedRequest(api.baseUrl);
    const withdrawn = (await customs.post('/api/v1/requests', requestInput())).body;
    await act(customs, withdrawn.id, 'withdraw', { comment: 'Superseded' });
    const clarified = (await customs.post('/api/v1/requests', requestInput())).body;
    await act(coordinator, clarified.id, 'submit');
    await act(expert, clarified.id, 'request_clarification', { comment: 'Which agencies issue licences?' });
    await act(coordinator, clarified.id, 'submit');
    await act(expert, clarified.id, 'acknowledge');
    ids.push(circulated.id, withdrawn.id, clarified.id);
    // The steps the system takes once matches are agreed and delivered (written as the seeders write them).
    const delivered = await sqlRequest('delivered');
    for (const [action, to, at] of [
      ['create', 'draft', '2001-01-01T00:00Z'], ['submit', 'submitted', '2001-01-02T00:00Z'], ['acknowledge', 'acknowledged', '2001-01-05T00:00Z'],
      ['circulate', 'circulated', '2001-01-20T00:00Z'], ['match_agreed', 'matched', '2001-03-01T00:00Z'], ['start_delivery', 'in_delivery', '2001-04-01T00:00Z'],
      ['mark_delivered', 'delivered', '2001-06-01T00:00Z'],
    ]) {
      await historyRow(delivered, action, to, at);
    }

    const [clarifiedFacts] = await ds.query(
      `SELECT f.submitted_at = min(h.created_at) AS first, count(h.id)::int AS submits
         FROM request_milestones f JOIN history_entries h ON h.subject_id = f.request_id AND h.action = 'submit'
        WHERE f.request_id = $1 GROUP BY f.submitted_at`,
      [clarified.id],
    );
    expect(clarifiedFacts).toEqual({ first: true, submits: 2 });
    await expectExact();
  });

  it('takes entries out of order, at one instant, without a status, and several requests in one statement', async () => {
    const [late, early] = [await sqlRequest('circulated'), await sqlRequest('submitted')];
    await historyRow(late, 'circulate', 'circulated', '2001-03-01T00:00Z');
    await historyRow(late, 'submit', 'submitted', '2001-01-10T00:00Z');
    await historyRow(late, 'comment', null, '2001-01-11T00:00Z');
    // Two steps at the same instant in one statement: their order is their ids'.
    await ds.query(
      `INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at)
       VALUES ('request', $1, 'acknowledge', 'acknowledged', 'system', '2001-02-01T00:00Z'),
              ('request', $1, 'request_clarification', 'clarification_requested', 'system', '2001-02-01T00:00Z')`,
      [late],
    );
    // An earlier submission than the one recorded, and history of two requests in one statement.
    await ds.query(
      `INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at)
       SELECT s.type, s.id, s.action, s.status, 'system', s.at
         FROM (VALUES ('request', $1::uuid, 'submit', 'submitted', '2001-01-01T00:00Z'::timestamptz),
                      ('request', $2::uuid, 'create', 'draft', '2002-01-01T00:00Z'), ('request', $2::uuid, 'submit', 'submitted', '2002-01-05T00:00Z'))
              AS s(type, id, action, status, at)`,
      [late, early],
    );
    await expectExact();
    const [facts] = await ds.query(`SELECT submitted_at, circulated_at FROM request_milestones WHERE request_id = $1`, [late]);
    expect(facts).toEqual({ submitted_at: new Date('2001-01-01T00:00Z'), circulated_at: new Date('2001-03-01T00:00Z') });
  });

  it('refreshes one request written by two transactions at once, the second after the first commits', async () => {
    const id = await sqlRequest('circulated');
    await historyRow(id, 'submit', 'submitted', '2003-01-01T00:00Z');
    const insert = (runner: Runner, action: string, to: string, at: string) =>
      runner.query(`INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at) VALUES ('request', $1, $2, $3, 'system', $4)`, [id, action, to, at]);
    // The second waits for the first transaction's refresh of this request, then sees its entry.
    await atOnce(
      ds,
      (runner) => insert(runner, 'circulate', 'circulated', '2003-03-01T00:00Z'),
      (runner) => insert(runner, 'acknowledge', 'acknowledged', '2003-02-01T00:00Z'),
    );
    const steps = await ds.query(`SELECT status, to_char(month, 'YYYY-MM') AS month, change FROM request_status_steps WHERE request_id = $1`, [id]);
    expect(sorted(steps)).toEqual(
      sorted([
        { status: 'submitted', month: '2003-01', change: 1 },
        { status: 'submitted', month: '2003-02', change: -1 },
        { status: 'acknowledged', month: '2003-02', change: 1 },
        { status: 'acknowledged', month: '2003-03', change: -1 },
        { status: 'circulated', month: '2003-03', change: 1 },
      ]),
    );
    await expectExact();
  });

  it('stays exact when an entry is corrected or removed by hand', async () => {
    const id = ids[4];
    await ds.query(`UPDATE history_entries SET created_at = '2000-12-01T00:00Z' WHERE subject_id = $1 AND action = 'circulate'`, [id]);
    await ds.query(`DELETE FROM history_entries WHERE subject_id = $1 AND action = 'request_clarification'`, [id]);
    await expectExact();
  });

  it('copies a request\'s columns as they change: an edit, several requests in one statement, by hand, a deletion', async () => {
    const draft = (await customs.post('/api/v1/requests', requestInput())).body;
    ids.push(draft.id);
    const edited = await customs.patch(`/api/v1/requests/${draft.id}`, {
      provisions: ['OP2', 'OP3a'],
      domains: ['CHEMICAL'],
      assistanceTypes: ['TRAINING', 'EQUIPMENT', 'WORKSHOP'],
      version: draft.version,
    });
    expect(edited.status).toBe(200);
    const [one, two] = [randomUUID(), randomUUID()];
    ids.push(one, two);
    await ds.query(
      `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
       SELECT v.id, v.reference, 'TUV', $3, 'Two requests in one statement', 'Written together.', v.provisions, '{BIOLOGICAL}', '{}', 'submitted', 'providers', 1
         FROM (VALUES ($1::uuid, 'TUV-2004-001', '{OP1}'::text[]), ($2::uuid, 'TUV-2004-002', '{OP1,REPORTING}'::text[])) AS v(id, reference, provisions)`,
      [one, two, orgId],
    );
    await historyRow(one, 'submit', 'submitted', '2004-01-01T00:00Z');
    await expectExact();
    // By hand: a status and a circulation, a State, then a title alone (no copied column changes).
    await ds.query(`UPDATE assistance_requests SET status = 'circulated', circulated_at = '2004-02-01T00:00Z' WHERE id = $1`, [one]);
    await ds.query(`UPDATE assistance_requests SET state = 'FJI', domains = '{NUCLEAR,RELATED}' WHERE id = $1`, [two]);
    await ds.query(`UPDATE assistance_requests SET title = 'Retitled' WHERE id = ANY($1)`, [[one, two]]);
    await expectExact();
    // A deleted request leaves its milestones while its history stays, and no columns. Its history goes in the same
    // transaction, so that no other test's export sees history without its request.
    const runner = ds.createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`DELETE FROM assistance_requests WHERE id = ANY($1)`, [[one, two]]);
      const rows = await runner.query(`SELECT request_id::text, state, submitted_at FROM request_milestones WHERE request_id = ANY($1)`, [[one, two]]);
      expect(sorted(rows)).toEqual(sorted([{ request_id: one, state: null, submitted_at: new Date('2004-01-01T00:00Z') }, { request_id: two, state: null, submitted_at: null }]));
      await runner.query(`DELETE FROM history_entries WHERE subject_id = ANY($1)`, [[one, two]]);
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    await expectExact();
  });

  it('keeps both halves of a row when a request and its first history are written by two transactions at once', async () => {
    // Either may create the row; the other waits for it and fills its own columns.
    for (const historyFirst of [true, false]) {
      const id = randomUUID();
      ids.push(id);
      const history = (runner: Runner) =>
        runner.query(`INSERT INTO history_entries (subject_type, subject_id, action, to_status, actor_role, created_at) VALUES ('request', $1, 'submit', 'submitted', 'system', '2005-01-01T00:00Z')`, [id]);
      const request = (runner: Runner) =>
        runner.query(
          `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
           VALUES ($1, $2, 'TUV', $3, 'Written beside its history', 'Two transactions.', '{OP3c}', '{DELIVERY}', '{EXPERTISE}', 'submitted', 'providers', 1)`,
          [id, `TUV-2005-00${historyFirst ? 1 : 2}`, orgId],
        );
      await (historyFirst ? atOnce(ds, history, request) : atOnce(ds, request, history));
      const [row] = await ds.query(`SELECT state, status, submitted_at FROM request_milestones WHERE request_id = $1`, [id]);
      expect({ historyFirst, row }).toEqual({ historyFirst, row: { state: 'TUV', status: 'submitted', submitted_at: new Date('2005-01-01T00:00Z') } });
    }
    await expectExact();
  });

  it('derives the facts of imported history in the database imported into', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `${url.pathname}_facts_${randomUUID().slice(0, 8)}`;
    const targetUrl = url.toString();
    await ensureDatabase(targetUrl);
    const targetDs = await createDataSource(targetUrl).initialize();
    let target: Api | undefined;
    try {
      await targetDs.runMigrations({ transaction: 'each' });
      const [orgId, adminId] = [randomUUID(), randomUUID()];
      await targetDs.query(`INSERT INTO organizations (id, name, short_name, kind, version) VALUES ($1, 'Facts import target', 'Target', 'committee', 1)`, [orgId]);
      await targetDs.query(
        `INSERT INTO users (id, email, display_name, role, organization_id, password_hash, version) VALUES ($1, 'facts-admin@committee.example', 'Facts Admin', 'committee_admin', $2, $3, 1)`,
        [adminId, orgId, await hashPassword('facts-admin-password')],
      );
      const previous = process.env.DATABASE_URL;
      process.env.DATABASE_URL = targetUrl;
      try {
        target = await startApiInProcess();
      } finally {
        process.env.DATABASE_URL = previous;
      }
      const targetAdmin = await ApiClient.as(target.baseUrl, 'facts-admin@committee.example', 'facts-admin-password');
      // This test's requests (those not deleted) and their history, with the register's organisations and users they point at.
      const existing: string[] = (await ds.query(`SELECT id::text FROM assistance_requests WHERE id = ANY($1)`, [ids])).map((r: { id: string }) => r.id);
      const exported = (await admin.get('/api/v1/export')).body;
      const document = {
        format: exported.format,
        formatVersion: exported.formatVersion,
        organizations: exported.organizations,
        users: exported.users,
        requests: exported.requests.filter((r: { id: string }) => existing.includes(r.id)),
        history: exported.history.filter((h: { subjectType: string; subjectId: string }) => h.subjectType === 'request' && existing.includes(h.subjectId)),
      };
      expect(document.requests.map((r: { id: string }) => r.id).sort()).toEqual([...existing].sort());
      const res = await targetAdmin.post('/api/v1/import', document);
      expect({ status: res.status, problems: res.status === 201 ? null : res.body }).toEqual({ status: 201, problems: null });

      await expectExact(targetDs, existing);
      expect(await kept(targetDs, existing)).toEqual(await kept(ds, existing));
      // Codes no request had yet get the next bits, also from two writers at once (this database is the test's own,
      // so no other test's report sees them).
      const [{ org }] = await targetDs.query(`SELECT organization_id AS org FROM assistance_requests LIMIT 1`);
      const bitsBefore: { n: number }[] = await targetDs.query(`SELECT count(*)::int AS n FROM report_codes WHERE kind = 'provision'`);
      const newCodes = ['NEW_CODE_A', 'NEW_CODE_B', 'NEW_CODE_C'];
      const written = newCodes.map(() => randomUUID());
      const insert = (runner: { query: (sql: string, parameters: unknown[]) => Promise<unknown> }, i: number, provisions: string[]) =>
        runner.query(
          `INSERT INTO assistance_requests (id, reference, state, organization_id, title, description, provisions, domains, assistance_types, status, visibility, version)
           VALUES ($1, $2, 'TUV', $3, 'A new code', 'Bits for new codes.', $4, '{NUCLEAR}', '{TRAINING}', 'submitted', 'providers', 1)`,
          [written[i], `TUV-2006-00${i}`, org, provisions],
        );
      await insert(targetDs, 0, ['OP1', newCodes[0]]);
      await atOnce(
        targetDs,
        (runner) => insert(runner, 1, [newCodes[1]]),
        (runner) => insert(runner, 2, [newCodes[2], 'OP2']),
      );
      // Each code has a bit of its own, the next free ones: 0, 1, 2, … with none skipped.
      const bits: { code: string; bit: number }[] = await targetDs.query(`SELECT code, bit FROM report_codes WHERE kind = 'provision' ORDER BY bit`);
      expect(bits.map((b) => b.bit)).toEqual(bits.map((_, i) => i));
      expect(bits.length).toBeGreaterThanOrEqual(bitsBefore[0].n + newCodes.length);
      expect(bits.map((b) => b.code)).toEqual(expect.arrayContaining(newCodes));
      await expectExact(targetDs, [...existing, ...written]);

      // Emptying the history leaves the requests' columns; emptying the requests too leaves nothing.
      await targetDs.query(`TRUNCATE history_entries`);
      await expectExact(targetDs, [...existing, ...written]);
      expect(await targetDs.query(`SELECT count(*)::int AS n FROM request_milestones WHERE state IS NOT NULL`)).toEqual([{ n: existing.length + written.length }]);
      await targetDs.query(`TRUNCATE assistance_requests CASCADE`);
      expect(await targetDs.query(`SELECT count(*)::int AS n FROM request_milestones f WHERE ${NOT_EMPTY}`)).toEqual([{ n: 0 }]);
      await expectExact(targetDs, existing);
    } finally {
      await target?.close();
      await targetDs.destroy();
      await dropDatabase(targetUrl);
    }
  });
});
