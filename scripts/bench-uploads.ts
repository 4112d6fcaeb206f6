// `npm run bench:uploads [-- --uploads=10 --mb=20]`: the API's memory while documents stream in (docs/documents.md).
// On a scratch database it starts the built API as a process, signs in as a State agency, drafts a request and
// posts `uploads` documents of `mb` MB each at once (multipart, a PDF head and filler), sampling the API's resident
// memory (/proc/<pid>/status, Linux) every 50 ms. The uploads stream through busboy into the document store
// (PostgreSQL chunks) while they are hashed: the peak should not grow with uploads × size. Prints one JSON line.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadConfig, loadEnvFile } from '@app/config';
import { createDataSource, DEMO_PASSWORD, dropDatabase, ensureDatabase, seedDemoOrganizations } from '@app/database';
import { spawnReady } from './benchmarks/processes';

const MB = 1024 * 1024;

/** Resident memory of a process; 0 once it is gone. */
function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  loadEnvFile();
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const uploads = Number(option('uploads') ?? 10);
  const megabytes = Number(option('mb') ?? 20);
  const config = loadConfig();
  const tag = `${process.pid}${randomBytes(2).toString('hex')}`;
  const url = new URL(config.database.DATABASE_URL);
  url.pathname = `/assistance_bench_uploads_${tag}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  let api: ChildProcess | null = null;
  try {
    const ds = await createDataSource(databaseUrl).initialize();
    await ds.runMigrations({ transaction: 'each' });
    await seedDemoOrganizations(ds);

    const started = await spawnReady('api', { DATABASE_URL: databaseUrl, QUEUE_PREFIX: `benchu${tag}`, MAIL_CATCHER: 'off', LOG_LEVEL: 'warn', RATE_LIMIT_SESSION_PER_MINUTE: '100000' });
    api = started.child;
    const login = await fetch(`${started.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'officer@customs.mn.example', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const draft = await fetch(`${started.base}/api/v1/requests`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Upload benchmark request',
        description: 'A draft that receives the benchmark documents; nothing else reads it.',
        provisions: ['OP3d'],
        domains: ['NUCLEAR'],
        assistanceTypes: ['EXPERTISE'],
        targetInstitutions: ['LICENSING'],
        priority: 'medium',
        languages: ['en'],
        visibility: 'committee',
      }),
    });
    const request = (await draft.json()) as { id: string; message?: string };
    if (!request.id) throw new Error(`could not draft the request: ${JSON.stringify(request)}`);

    const file = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(megabytes * MB - 9)]);
    await new Promise((r) => setTimeout(r, 2000));
    const before = rssMb(api.pid!);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api!.pid!))), 50);
    const t0 = Date.now();
    const statuses = await Promise.all(
      Array.from({ length: uploads }, async (_, i) => {
        const form = new FormData();
        form.append('kind', 'national_report');
        form.append('title', `Benchmark document ${i + 1}`);
        form.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), `bench-${i + 1}.pdf`);
        const res = await fetch(`${started.base}/api/v1/requests/${request.id}/documents`, { method: 'POST', headers: auth, body: form }).catch((err: Error) => {
          throw new Error(`upload ${i + 1}: ${err.message} (${String((err.cause as Error | undefined)?.message)})`);
        });
        if (res.status !== 201) console.error(`upload ${i + 1}: ${res.status} ${await res.clone().text()}`);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    const [{ n, bytes }] = await ds.query('SELECT count(*)::int AS n, coalesce(sum(size), 0)::bigint AS bytes FROM documents');
    await ds.destroy();
    const result = {
      benchmark: 'upload-memory',
      uploads,
      fileMb: megabytes,
      statuses: [...new Set(statuses)].map((s) => `${s}×${statuses.filter((x) => x === s).length}`).join(', '),
      storedDocuments: n,
      storedMb: Math.round(Number(bytes) / MB),
      seconds: Math.round(seconds * 10) / 10,
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      rssGrowthMb: Math.round(peak - before),
    };
    console.log(`${uploads} × ${megabytes} MB uploads at once → ${result.statuses} in ${result.seconds} s; API resident memory ${result.rssBeforeMb} MB before, peak ${result.rssPeakMb} MB (+${result.rssGrowthMb} MB)`);
    console.log(JSON.stringify(result));
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
