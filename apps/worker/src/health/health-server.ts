import { createServer, Server } from 'node:http';
import type { DataSource } from 'typeorm';
import type Redis from 'ioredis';
import { readinessChecks } from '@app/queue';

/** The worker has no HTTP API; it answers /health/live and /health/ready on its own port. */
export function startHealthServer(port: number, deps: { dataSource: DataSource; redis: Redis }): Promise<Server> {
  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/health/live') return reply(200, { status: 'ok' });
    if (req.url === '/health/ready') {
      void readinessChecks({ database: () => deps.dataSource.query('SELECT 1'), redis: deps.redis }).then((checks) => {
        const ok = checks.database === 'up' && checks.redis === 'up';
        reply(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', checks });
      });
      return;
    }
    reply(404, { statusCode: 404, error: 'Not Found', message: 'Not found' });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
