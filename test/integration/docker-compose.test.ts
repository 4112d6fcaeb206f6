import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { configSchemas } from '@app/config';

// No Docker engine runs on the development and CI machines, so the compose file is checked by reading it.
describe('docker-compose.yml', () => {
  const root = path.resolve(__dirname, '../..');
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
  const known = new Set(Object.values(configSchemas).flatMap((s) => Object.keys(s.shape)));

  it('defines postgres, redis, api and worker', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'api', 'worker']));
  });

  it('runs the built entry points that exist in the build', () => {
    for (const name of ['api', 'worker', 'migrate']) {
      const [, entry] = compose.services[name].command;
      expect(entry).toMatch(/^dist\/.*\.js$/);
      expect(readFileSync(path.join(root, entry.replace(/\.js$/, '.ts').replace(/^dist\//, '')), 'utf8')).toBeTruthy();
    }
  });

  it('sets only settings the configuration schema knows, pointing at the compose services', () => {
    for (const name of ['api', 'worker']) {
      const env = compose.services[name].environment;
      for (const key of Object.keys(env)) expect(known).toContain(key);
      expect(env.DATABASE_URL).toMatch(/@postgres:5432\//);
      expect(env.REDIS_URL).toBe('redis://redis:6379');
    }
  });

  it('waits for healthy services before starting the apps', () => {
    expect(compose.services.api.depends_on.redis.condition).toBe('service_healthy');
    expect(compose.services.worker.depends_on.migrate.condition).toBe('service_completed_successfully');
  });
});
