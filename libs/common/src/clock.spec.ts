import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, loadConfig } from '@app/config';
import { Clock, ClockModule, SystemClock } from './clock';

const DAY_MS = 86_400_000;

describe('SystemClock', () => {
  it('tells the system time, or the system time moved ahead by its offset', () => {
    const before = Date.now();
    const plain = new SystemClock().now().getTime();
    const ahead = new SystemClock(10 * DAY_MS).now().getTime();
    const after = Date.now();
    expect(plain).toBeGreaterThanOrEqual(before);
    expect(plain).toBeLessThanOrEqual(after);
    expect(ahead).toBeGreaterThanOrEqual(before + 10 * DAY_MS);
    expect(ahead).toBeLessThanOrEqual(after + 10 * DAY_MS);
  });
});

describe('ClockModule', () => {
  const clockOf = async (env: NodeJS.ProcessEnv): Promise<Clock> => {
    @Global()
    @Module({ providers: [{ provide: APP_CONFIG, useValue: loadConfig(env) }], exports: [APP_CONFIG] })
    class ConfigOnly {}
    @Module({ imports: [ConfigOnly, ClockModule] })
    class Root {}
    const app = await NestFactory.createApplicationContext(Root, { logger: false, abortOnError: false });
    try {
      return app.get(Clock);
    } finally {
      await app.close();
    }
  };

  it('gives a process the clock its config asks for', async () => {
    expect(await clockOf({ NODE_ENV: 'test', TEST_CLOCK_OFFSET_MS: String(3 * DAY_MS) })).toMatchObject({ offsetMs: 3 * DAY_MS });
    expect(await clockOf({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) })).toMatchObject({ offsetMs: 0 });
  });
});
