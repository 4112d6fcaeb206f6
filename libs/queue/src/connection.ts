import type { ConnectionOptions } from 'bullmq';

/** BullMQ connection options from a redis:// URL (plain options, so BullMQ sets maxRetriesPerRequest itself). */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    // Fail fast when Redis is down instead of queueing commands forever.
    enableOfflineQueue: true,
    connectTimeout: 3000,
  };
}
