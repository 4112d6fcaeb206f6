import type Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { DomainError } from '@app/common';
import { Counters } from '../common/counters';
import { LoginThrottle } from './login-throttle';

// A Redis client that is not connected: the counters use this process's memory, as during an outage.
const offline = { status: 'end' } as unknown as Redis;

describe('LoginThrottle (per-process counters, as while Redis is down)', () => {
  const config = loadConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' });
  let throttle: LoginThrottle;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-02T09:00:00Z') });
    throttle = new LoginThrottle(new Counters(offline, config), config);
  });
  afterEach(() => jest.useRealTimers());

  const waitSeconds = async (email: string, ip: string): Promise<number> => {
    try {
      await throttle.assertAllowed(email, ip);
      return 0;
    } catch (err) {
      return ((err as DomainError).details as { retryAfterSeconds: number }).retryAfterSeconds;
    }
  };

  it('locks the account from every address, and each further lock within a day lasts twice as long', async () => {
    for (let i = 0; i < 3; i++) await throttle.recordFailure('a@example.org', `203.0.113.${i}`);
    expect(await waitSeconds('a@example.org', '198.51.100.1')).toBe(600);
    expect(await waitSeconds('b@example.org', '198.51.100.1')).toBe(0);

    jest.advanceTimersByTime(600_000);
    expect(await waitSeconds('a@example.org', '198.51.100.1')).toBe(0);
    for (let i = 0; i < 3; i++) await throttle.recordFailure('a@example.org', '198.51.100.1');
    expect(await waitSeconds('a@example.org', '198.51.100.2')).toBe(1200);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    for (let i = 0; i < 2; i++) await throttle.recordFailure('c@example.org', '203.0.113.9');
    await throttle.reset('c@example.org', '203.0.113.9');
    await throttle.recordFailure('c@example.org', '203.0.113.9');
    expect(await waitSeconds('c@example.org', '203.0.113.9')).toBe(0);
  });
});
