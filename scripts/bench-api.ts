// `npm run bench:api`: the built API beside a bare express + pg server running the same SQL on the same data, in
// interleaved rounds, on a synthetic world of 20,000 requests and 2,000 offers. Routes: GET /requests/:id and a
// filtered GET /requests (page and count), as a committee member; then the median time of a full-text search for a
// common word through the API. Ends with one JSON line: {"routes":[{route,apiRps,bareRps,ratio}],"search":{medianMs}}.
//
// The bare server authenticates the same way (the bearer token's keyed hash looked up in one joined statement, as
// AuthService.resolveSession), runs the same statements as the API for the route (the visible request with its
// requester's name; or the page with the names, then the count when the page is full), and builds the same JSON with the same
// domain functions; the benchmark checks that the two bodies are identical before it measures.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import * as http from 'node:http';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { Pool, types } from 'pg';
import { loadConfig } from '@app/config';
import { CONNECTION_OPTIONS, COUNT_BOUND, createDataSource, DEMO_PASSWORD, dropDatabase, ensureDatabase, seedDemo, seedSyntheticWorld } from '@app/database';
import { availableActions, isAgency, objectionWindowCloses, REQUEST_EDITABLE_STATUSES, REQUEST_WORKFLOW, type Role } from '@app/domain';
import { freePort } from './benchmarks/processes';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SEARCH_CALLS = 21;
const root = path.resolve(__dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function waitReady(url: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready within 90 s`);
}

// ---------------------------------------------------------------------------------------------------------------
// The bare server: express, one pg pool, the same statements, the same JSON.

// As TypeORM reads them: `date` columns as 'YYYY-MM-DD', bigint money as numbers.
types.setTypeParser(1082, (v: string) => v);
types.setTypeParser(20, (v: string) => Number(v));

const SESSION_SQL = `SELECT s.id AS "sessionId", u.id, u.email, u.display_name AS "displayName", u.role, u.preferred_language AS "preferredLanguage",
        o.id AS "orgId", o.name AS "orgName", o.short_name AS "orgShortName", o.kind AS "orgKind", o.state AS "orgState"
   FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active AND o.active`;

// The request's columns as the entity maps them (the generated search columns and the creator are not read).
const COLUMNS = `r.id, r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.reference, r.state, r.organization_id AS "organizationId",
  r.created_by_id AS "createdById", r.title, r.description, r.provisions, r.domains, r.assistance_types AS "assistanceTypes",
  r.target_institutions AS "targetInstitutions", r.priority, r.status, r.visibility`;

interface BareUser {
  id: string;
  role: Role;
  organization: { id: string; state: string | null };
}

function startBare(databaseUrl: string, secret: string, port: number, columns: string): Promise<http.Server> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10, options: CONNECTION_OPTIONS });
  const app = express();
  const auth = async (req: express.Request): Promise<BareUser | null> => {
    const header = req.headers.authorization;
    if (!header?.startsWith('Bearer ')) return null;
    const hash = createHmac('sha256', secret).update(header.slice(7).trim()).digest('hex');
    const { rows } = await pool.query(SESSION_SQL, [hash, new Date()]);
    const r = rows[0];
    return r ? { id: r.id, role: r.role, organization: { id: r.orgId, state: r.orgState } } : null;
  };
  // The requesters' names come with the rows (org_id, org_name, org_short_name), as the API reads them.
  // Rows are whatever the table holds, passed through as the API's entity is: typed loosely on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const views = (user: BareUser, rows: Record<string, any>[]) => {
    return rows.map(({ estimatedCostAmount, estimatedCostCurrency, createdById: _c, org_id, org_name, org_short_name, ...r }) => {
      const org = org_id ? { id: org_id, name: org_name, shortName: org_short_name } : null;
      const owns = isAgency(user.role) && r.state === user.organization.state && (user.role === 'agency_coordinator' || r.organizationId === user.organization.id);
      return {
        ...r,
        estimatedCost: estimatedCostAmount === null ? null : { amount: estimatedCostAmount, currency: estimatedCostCurrency },
        organization: org ? { id: org.id, name: org.name, shortName: org.shortName } : null,
        availableActions: availableActions(REQUEST_WORKFLOW, r.status, user.role).filter(
          (action) => (!isAgency(user.role) || owns) && !(action === 'mark_ready' && r.readyForCoordinatorAt),
        ),
        objectionWindowClosesAt:
          r.status === 'acknowledged' && r.acknowledgedAt && !r.objectionWindowWaived ? objectionWindowCloses(r.acknowledgedAt).toISOString() : null,
        canEdit: owns && REQUEST_EDITABLE_STATUSES.includes(r.status),
      };
    });
  };
  // The committee's scope (the benchmark signs in as a committee member): every request but drafts. One statement
  // for the request and its requester's name, as RequestRepository.findVisibleWithOrganization.
  const join = `LEFT JOIN organizations org ON org.id = r.organization_id`;
  const orgColumns = `org.id AS org_id, org.name AS org_name, org.short_name AS org_short_name`;
  app.get('/api/v1/requests/:id', async (req, res) => {
    const user = await auth(req);
    if (!user) return void res.status(401).json({ statusCode: 401 });
    const { rows } = await pool.query(`SELECT ${columns}, ${orgColumns} FROM assistance_requests r ${join} WHERE r.status <> 'draft' AND r.id = $1`, [
      req.params.id,
    ]);
    if (!rows[0]) return void res.status(404).json({ statusCode: 404 });
    res.json(views(user, rows)[0]);
  });
  // The page with the names in one statement, then the total when the page cannot tell it, as
  // RequestRepository.listPage (totalOf).
  app.get('/api/v1/requests', async (req, res) => {
    const user = await auth(req);
    if (!user) return void res.status(401).json({ statusCode: 401 });
    const status = String(req.query.status);
    const provision = String(req.query.provision);
    const page = Number(req.query.page ?? 1);
    const pageSize = Number(req.query.pageSize ?? 25);
    const where = `r.status <> 'draft' AND r.status IN ($1) AND $2 = ANY(r.provisions)`;
    const { rows } = await pool.query(
      `SELECT ${columns}, ${orgColumns} FROM assistance_requests r ${join}
        WHERE ${where} ORDER BY r.updated_at DESC NULLS LAST, r.id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      [status, provision],
    );
    const endsHere = rows.length > 0 ? rows.length < pageSize : page === 1;
    // The total is bounded as RequestRepository.listPage's (boundedCount, COUNT_BOUND rows past the page's start).
    const bound = (page - 1) * pageSize + COUNT_BOUND;
    const counted = endsHere
      ? (page - 1) * pageSize + rows.length
      : Number((await pool.query(`SELECT count(*) AS n FROM (SELECT 1 FROM assistance_requests r WHERE ${where} LIMIT ${bound + 1}) hits`, [status, provision])).rows[0].n);
    const totalIsLowerBound = counted > bound;
    res.json({ items: views(user, rows), total: totalIsLowerBound ? bound : counted, totalIsLowerBound, page, pageSize });
  });
  return new Promise((resolve) => {
    const server = app.listen(port, '127.0.0.1', () => resolve(server));
    server.on('close', () => void pool.end());
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A closed-loop client: CONNECTIONS callers on kept-alive sockets, for `seconds`.

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function get(base: string, pathAndQuery: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${pathAndQuery}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
}

async function load(base: string, paths: () => string, token: string, seconds: number): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < end) {
        const res = await get(base, paths(), token);
        if (res.status === 200) done++;
        else failed++;
      }
    }),
  );
  if (failed) throw new Error(`${failed} calls to ${base} failed`);
  return done / seconds;
}

async function main(): Promise<void> {
  const url = new URL(loadConfig().database.DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.pathname = `/bench_api_${process.pid}`;
  await ensureDatabase(url.toString());
  let api: ChildProcess | undefined;
  let bare: http.Server | undefined;
  try {
    const ds = await createDataSource(url.toString()).initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await seedDemo(ds);
      await seedSyntheticWorld(ds, { requests: REQUESTS, offers: OFFERS, seed: 1540 });
      await ds.query('ANALYZE');
    } finally {
      await ds.destroy();
    }

    const secret = randomUUID() + randomUUID();
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      SESSION_SECRET: secret,
      DATABASE_URL: url.toString(),
      QUEUE_PREFIX: `benchapi${process.pid}`,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SMTP_URL: '',
      MAIL_CATCHER: 'off',
      DEMO_SMTP_PORT: String(await freePort()),
      RATE_LIMIT_SESSION_PER_MINUTE: '100000000',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000000',
    };
    api = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const apiBase = `http://127.0.0.1:${port}`;
    await waitReady(`${apiBase}/health/ready`);
    const barePort = await freePort();
    bare = await startBare(url.toString(), secret, barePort, `${COLUMNS}, ${await extraColumns(url.toString())}`);
    const bareBase = `http://127.0.0.1:${barePort}`;

    const login = await fetch(`${apiBase}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'expert@committee.example', password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in: ${login.status}`);
    const token = ((await login.json()) as { token: string }).token;

    // Records to open: a page of circulated requests, and the filter of the list route.
    const list = `/api/v1/requests?status=circulated&provision=OP3a&pageSize=25`;
    const ids = (JSON.parse((await get(apiBase, '/api/v1/requests?status=circulated&pageSize=100', token)).body) as { items: { id: string }[] }).items.map((r) => r.id);
    let next = 0;
    const routes = [
      { route: 'GET /api/v1/requests/:id', path: () => `/api/v1/requests/${ids[next++ % ids.length]}` },
      { route: 'GET /api/v1/requests?status=circulated&provision=OP3a', path: () => list },
    ];

    // Same JSON, or the comparison means nothing.
    for (const r of routes) {
      const p = r.path();
      const [a, b] = await Promise.all([get(apiBase, p, token), get(bareBase, p, token)]);
      if (a.status !== 200 || !isDeepStrictEqual(JSON.parse(a.body), JSON.parse(b.body))) {
        const x = JSON.parse(a.body);
        const y = JSON.parse(b.body);
        const one = (v: { items?: Record<string, unknown>[] } & Record<string, unknown>): Record<string, unknown> => v.items?.[0] ?? v;
        const differing = Object.keys({ ...one(x), ...one(y) }).filter((k) => !isDeepStrictEqual(one(x)[k], one(y)[k]));
        throw new Error(`${r.route}: the API (${a.status}) and the bare server answer differently: ${differing.join(', ')}`);
      }
    }
    console.log('API and bare server answer the same JSON for both routes');

    const results = [];
    for (const r of routes) {
      await load(apiBase, r.path, token, 1);
      await load(bareBase, r.path, token, 1);
      const apiRps: number[] = [];
      const bareRps: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        apiRps.push(await load(apiBase, r.path, token, SECONDS));
        bareRps.push(await load(bareBase, r.path, token, SECONDS));
      }
      const a = median(apiRps);
      const b = median(bareRps);
      const row = { route: r.route, apiRps: Math.round(a), bareRps: Math.round(b), ratio: Math.round((a / b) * 100) / 100 };
      console.log(
        `${r.route}: API ${apiRps.map(Math.round).join(' / ')} req/s, bare ${bareRps.map(Math.round).join(' / ')} req/s (${ROUNDS} interleaved rounds of ${SECONDS} s, ${CONNECTIONS} connections) → ${row.ratio}×`,
      );
      results.push(row);
    }

    // Search: a common word, through the API, one call at a time.
    const times: number[] = [];
    let hits = '';
    for (let i = 0; i < SEARCH_CALLS; i++) {
      const t = performance.now();
      const res = await get(apiBase, '/api/v1/requests?q=training&pageSize=25', token);
      times.push(performance.now() - t);
      const { total, totalIsLowerBound } = JSON.parse(res.body) as { total: number; totalIsLowerBound?: boolean };
      hits = totalIsLowerBound ? `more than ${total}` : String(total);
    }
    const search = { medianMs: Math.round(median(times.slice(1)) * 10) / 10 };
    console.log(`Search q=training (${hits} hits): median ${search.medianMs} ms over ${SEARCH_CALLS - 1} calls`);
    console.log(JSON.stringify({ routes: results, search }));
  } finally {
    bare?.close();
    agent.destroy();
    if (api) {
      api.kill('SIGTERM');
      await new Promise((r) => api!.once('exit', r));
    }
    await dropDatabase(url.toString());
  }
}

/**
 * The entity's other columns (everything after `visibility`), read from the table so the two servers read the same,
 * and its virtual one (the first suggestion's time, kept in request_first_suggestions), read as the API reads it.
 */
async function extraColumns(databaseUrl: string): Promise<string> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'assistance_requests'
        AND column_name NOT IN ('id','created_at','updated_at','reference','state','organization_id','created_by_id','title','description',
                                'provisions','domains','assistance_types','target_institutions','priority','status','visibility','search_vector','search_text')
        ORDER BY ordinal_position`,
    );
    const columns = rows.map((r: { column_name: string }) => `r.${r.column_name} AS "${r.column_name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}"`);
    return [...columns, `(SELECT s.suggested_at FROM request_first_suggestions s WHERE s.request_id = r.id) AS "firstSuggestionAt"`].join(', ');
  } finally {
    await pool.end();
  }
}

main().catch((err: Error) => {
  console.error(err.stack);
  process.exit(1);
});
