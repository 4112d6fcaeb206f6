import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { APP_NODE_OPTIONS, appArguments, configSchemas } from '@app/config';

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
      const entry = compose.services[name].command.at(-1);
      expect(entry).toMatch(/^dist\/.*\.js$/);
      expect(readFileSync(path.join(root, entry.replace(/\.js$/, '.ts').replace(/^dist\//, '')), 'utf8')).toBeTruthy();
    }
  });

  it('starts the api and the worker with the node options every other launcher uses', () => {
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    for (const kind of Object.keys(APP_NODE_OPTIONS) as (keyof typeof APP_NODE_OPTIONS)[]) {
      expect(compose.services[kind].command).toEqual(['node', ...appArguments(kind)]);
      expect(scripts[`start:${kind}`]).toBe(['node', ...appArguments(kind)].join(' '));
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
