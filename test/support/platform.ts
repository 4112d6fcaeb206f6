import { ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { appArguments, loadConfig } from '@app/config';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { freePort } from './ports';

export { freePort };

const root = path.resolve(__dirname, '../..');


export async function waitFor<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
}

/**
 * The API in this process (integration tier): real PostgreSQL and Redis, the run's database. `env` overrides
 * settings for this API only (a low limit, another Redis address), leaving process.env alone.
 */
export async function startApiInProcess(env: Record<string, string> = {}): Promise<{ app: NestExpressApplication; baseUrl: string; close: () => Promise<void> }> {
  // The app reads its settings from process.env while it is created; the overrides are in place only for that.
  const saved = { ...process.env };
  Object.assign(process.env, env);
  let app: NestExpressApplication;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, logger: ['error', 'warn'], bufferLogs: true });
  } finally {
    for (const key of Object.keys(env)) {
      if (key in saved) process.env[key] = saved[key];
      else delete process.env[key];
    }
  }
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface RunningProcess {
  proc: ChildProcess;
  baseUrl: string;
  output: () => string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
}

/** A built app (`npm run build:server` first) as its own process: the e2e tier's API and worker. */
export async function spawnApp(kind: 'api' | 'worker', env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await freePort();
  const portEnv = kind === 'api' ? { PORT: String(port) } : { WORKER_HEALTH_PORT: String(port) };
  const proc = spawn(process.execPath, appArguments(kind, path.join(root, 'dist')), {
    cwd: root,
    env: { ...process.env, OUTBOX_POLL_MS: '200', ...portEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    return exited;
  };
  try {
    await Promise.race([
      waitFor(async () => (await fetch(`${baseUrl}/health/ready`)).ok, 30_000, `${kind} to be ready`),
      exited.then((code) => {
        throw new Error(`${kind} exited with ${code} before it was ready`);
      }),
    ]);
  } catch (err) {
    await stop('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`, { cause: err });
  }
  return { proc, baseUrl, output: () => output, exited, stop };
}
