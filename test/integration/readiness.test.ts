import { createServer, type Server, type Socket } from 'node:net';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { READY_CHECK_TIMEOUT_MS } from '@app/queue';
import { startHealthServer } from '../../apps/worker/src/health/health-server';
import { freePort } from '../support/platform';

/**
 * /health/ready must answer promptly when a dependency is down (its checks give up after READY_CHECK_TIMEOUT_MS), or
 * a load balancer's probe times out instead of reading 503. Redis: nothing listens on its port (a stopped server). PostgreSQL: a server that accepts the
 * connection and never answers (a hung one).
 */
describe('readiness with dependencies down', () => {
  let hung: Server;
  const sockets: Socket[] = [];
  let pg: Client;
  let redis: Redis;

  beforeAll(async () => {
    hung = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    pg = new Client({ host: '127.0.0.1', port: (hung.address() as { port: number }).port, user: 'postgres' });
    pg.connect().catch(() => undefined);
    redis = new Redis(`redis://127.0.0.1:${await freePort()}`, { maxRetriesPerRequest: 2, connectTimeout: 200, disconnectTimeout: 50 });
    redis.on('error', () => undefined);
  });
  afterAll(async () => {
    redis.disconnect();
    for (const s of sockets) s.destroy();
    await new Promise((r) => hung.close(r));
    await pg.end().catch(() => undefined);
  });

  it('the worker answers 503 within its check timeout, naming both', async () => {
    const port = await freePort();
    const dataSource = { query: (sql: string) => pg.query(sql) } as unknown as DataSource;
    const server = await startHealthServer(port, { dataSource, redis });
    try {
      // The first fetch of a process sets up its HTTP client; that is not the server's time.
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
        const elapsed = Date.now() - started;
        expect(res.status).toBe(503);
        expect(await res.json()).toEqual({ status: 'unavailable', checks: { database: 'down', redis: 'down' } });
        // Bounded by the check's own timeout (READY_CHECK_TIMEOUT_MS), not by the hung server, which never answers;
        // the margin is for a loaded machine, where scheduling alone can take a few hundred milliseconds.
        expect(elapsed).toBeLessThan(READY_CHECK_TIMEOUT_MS + 1_000);
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
