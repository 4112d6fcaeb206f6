import type Redis from 'ioredis';
import { loadConfig } from '@app/config';
import { Counters } from './counters';

const config = loadConfig();

describe('Counters.hitAll', () => {
  it('counts every key with one script, and sends the script whole to a Redis that does not know it yet', async () => {
    const sent: string[] = [];
    let known = false;
    const redis = {
      status: 'ready',
      evalsha: async (_sha: string, keys: number, ...args: unknown[]) => {
        sent.push(`evalsha ${keys} ${args.join(' ')}`);
        if (!known) throw new Error('NOSCRIPT No matching script. Please use EVAL.');
        return [2, 59_000, 4, 58_000];
      },
      eval: async (_script: string, keys: number, ...args: unknown[]) => {
        sent.push(`eval ${keys} ${args.join(' ')}`);
        known = true;
        return [1, 60_000, 3, 60_000];
      },
    } as unknown as Redis;
    const counters = new Counters(redis, config);

    expect(await counters.hitAll(['a', 'b'], 60_000)).toEqual([
      { count: 1, msLeft: 60_000 },
      { count: 3, msLeft: 60_000 },
    ]);
    expect(await counters.hitAll(['a', 'b'], 60_000)).toEqual([
      { count: 2, msLeft: 59_000 },
      { count: 4, msLeft: 58_000 },
    ]);
    expect(sent).toEqual(['evalsha 2 a b 60000 60000', 'eval 2 a b 60000 60000', 'evalsha 2 a b 60000 60000']);
  });

  it('sends the calls of one turn of the event loop as one script, and gives each call its own counts', async () => {
    const sent: unknown[][] = [];
    const redis = {
      status: 'ready',
      evalsha: async (_sha: string, keys: number, ...args: unknown[]) => {
        sent.push(args);
        return Array.from({ length: keys }, (_, i) => [i + 1, 60_000 - i]).flat();
      },
    } as unknown as Redis;
    const counters = new Counters(redis, config);
    const [first, second] = await Promise.all([counters.hitAll(['s1', 'a'], 60_000), counters.hitAll(['s2', 'a'], 30_000)]);
    expect(sent).toEqual([['s1', 'a', 's2', 'a', 60_000, 60_000, 30_000, 30_000]]);
    expect(first).toEqual([
      { count: 1, msLeft: 60_000 },
      { count: 2, msLeft: 59_999 },
    ]);
    expect(second).toEqual([
      { count: 3, msLeft: 59_998 },
      { count: 4, msLeft: 59_997 },
    ]);
  });

  it('counts each key in this process while Redis is down', async () => {
    const counters = new Counters({ status: 'end' } as unknown as Redis, config);
    await counters.hitAll(['a', 'b'], 60_000);
    const [a, b] = await counters.hitAll(['a', 'b'], 60_000);
    expect([a.count, b.count]).toEqual([2, 2]);
    expect((await counters.hitAll(['b'], 60_000))[0].count).toBe(3);
  });
});
