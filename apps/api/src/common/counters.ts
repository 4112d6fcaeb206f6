import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@app/config';
import { REDIS_CLIENT } from '@app/queue';

/** A counter's value and how long its window has left. */
export interface CounterState {
  count: number;
  msLeft: number;
}

interface CounterStore {
  hit(key: string, windowMs: number): Promise<CounterState>;
  hitAll(keys: string[], windowMs: number): Promise<CounterState[]>;
  peek(key: string): Promise<CounterState>;
  set(key: string, count: number, ms: number): Promise<void>;
  clear(keys: string[]): Promise<void>;
}

// For each key: count one more, start its window (ARGV, in ms, one per key) at the first count, and say how long the
// window has left. A key named twice is counted twice, in order.
const HIT_SCRIPT = `local out = {}
for i, key in ipairs(KEYS) do
  out[2 * i - 1] = redis.call('INCR', key)
  redis.call('PEXPIRE', key, ARGV[i], 'NX')
  out[2 * i] = redis.call('PTTL', key)
end
return out`;
const HIT_SHA = createHash('sha1').update(HIT_SCRIPT).digest('hex');

interface PendingHits {
  keys: string[];
  windowMs: number;
  resolve: (states: CounterState[]) => void;
  reject: (err: unknown) => void;
}

/** Counters in Redis, shared by every API process. */
class RedisCounters implements CounterStore {
  private pending: PendingHits[] = [];

  constructor(private readonly redis: Redis) {}

  async hit(key: string, windowMs: number): Promise<CounterState> {
    return (await this.hitAll([key], windowMs))[0];
  }

  // The calls that reach their count in the same turn of the event loop (several connections read at once) share
  // one script: one command and one round trip for all of their keys, each still counted exactly and in order.
  hitAll(keys: string[], windowMs: number): Promise<CounterState[]> {
    return new Promise((resolve, reject) => {
      if (!this.pending.length) setImmediate(() => void this.flush());
      this.pending.push({ keys, windowMs, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const calls = this.pending;
    this.pending = [];
    const keys = calls.flatMap((call) => call.keys);
    const windows = calls.flatMap((call) => call.keys.map(() => call.windowMs));
    let res: number[];
    try {
      try {
        res = (await this.redis.evalsha(HIT_SHA, keys.length, ...keys, ...windows)) as number[];
      } catch (err) {
        // A Redis that has not seen the script yet (or was restarted) is sent it whole, once.
        if (!(err instanceof Error && err.message.startsWith('NOSCRIPT'))) throw err;
        res = (await this.redis.eval(HIT_SCRIPT, keys.length, ...keys, ...windows)) as number[];
      }
    } catch (err) {
      for (const call of calls) call.reject(err);
      return;
    }
    let at = 0;
    for (const call of calls) {
      call.resolve(call.keys.map((_, i) => ({ count: Number(res[2 * (at + i)]), msLeft: Math.max(Number(res[2 * (at + i) + 1]), 0) })));
      at += call.keys.length;
    }
  }

  async peek(key: string): Promise<CounterState> {
    const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    return { count: Number(count ?? 0), msLeft: Math.max(ttl, 0) };
  }

  async set(key: string, count: number, ms: number): Promise<void> {
    await this.redis.set(key, String(count), 'PX', ms);
  }

  async clear(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys);
  }
}

/** The same counters in this process only: what is left when Redis does not answer. */
class MemoryCounters implements CounterStore {
  private readonly entries = new Map<string, { count: number; expiresAt: number }>();

  private live(key: string, now = Date.now()) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= now) this.entries.delete(key);
    return entry && entry.expiresAt > now ? entry : undefined;
  }

  async hit(key: string, windowMs: number): Promise<CounterState> {
    const now = Date.now();
    if (this.entries.size > 50_000) this.sweep(now);
    const entry = this.live(key, now) ?? { count: 0, expiresAt: now + windowMs };
    entry.count += 1;
    this.entries.set(key, entry);
    return { count: entry.count, msLeft: entry.expiresAt - now };
  }

  async hitAll(keys: string[], windowMs: number): Promise<CounterState[]> {
    return Promise.all(keys.map((key) => this.hit(key, windowMs)));
  }

  async peek(key: string): Promise<CounterState> {
    const entry = this.live(key);
    return entry ? { count: entry.count, msLeft: entry.expiresAt - Date.now() } : { count: 0, msLeft: 0 };
  }

  async set(key: string, count: number, ms: number): Promise<void> {
    this.entries.set(key, { count, expiresAt: Date.now() + ms });
  }

  async clear(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

// A Redis command that has not answered by then counts as an outage: sign-in must not wait on reconnects.
const REDIS_TIMEOUT_MS = 500;

/**
 * Expiring counters for the login throttle and the API rate limit. They live in Redis so every API process
 * shares them; while Redis is down they fall back to this process's memory (a per-process limit, weaker but
 * never none) and say so in the log once per outage.
 */
@Injectable()
export class Counters {
  private readonly logger = new Logger('Counters');
  private readonly shared: RedisCounters;
  private readonly local = new MemoryCounters();
  private degraded = false;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.shared = new RedisCounters(redis);
  }

  /** Keys of this deployment (QUEUE_PREFIX), so test runs and deployments sharing a Redis do not mix. */
  key(...parts: string[]): string {
    return [this.config.redis.QUEUE_PREFIX, 'limits', ...parts].join(':');
  }

  hit(key: string, windowMs: number): Promise<CounterState> {
    return this.use((store) => store.hit(key, windowMs));
  }

  /** Counts one hit against each key, in one Redis round trip. */
  hitAll(keys: string[], windowMs: number): Promise<CounterState[]> {
    return this.use((store) => store.hitAll(keys, windowMs));
  }

  peek(key: string): Promise<CounterState> {
    return this.use((store) => store.peek(key));
  }

  set(key: string, count: number, ms: number): Promise<void> {
    return this.use((store) => store.set(key, count, ms));
  }

  clear(...keys: string[]): Promise<void> {
    return this.use((store) => store.clear(keys));
  }

  private async use<T>(op: (store: CounterStore) => Promise<T>): Promise<T> {
    if (this.redis.status === 'ready') {
      try {
        const result = await withTimeout(op(this.shared), REDIS_TIMEOUT_MS);
        if (this.degraded) {
          this.degraded = false;
          this.logger.log('Redis answers again: sign-in and rate limits are shared by every API process');
        }
        return result;
      } catch (err) {
        this.degrade(err);
      }
    } else {
      this.degrade(new Error(`Redis connection is ${this.redis.status}`));
    }
    return op(this.local);
  }

  private degrade(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      `Redis does not answer (${err instanceof Error ? err.message : String(err)}): sign-in throttling and rate limits now count in this process only`,
    );
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]);
}
