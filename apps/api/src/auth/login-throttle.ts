import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DomainError } from '@app/common';
import { REDIS_CLIENT } from '@app/queue';

/**
 * Counts failed sign-ins per e-mail and per client address in Redis (shared by every API process).
 * After LOGIN_MAX_FAILURES failures within LOGIN_LOCK_MINUTES the pair is refused with 429.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string, ip: string): string {
    return `${this.config.redis.QUEUE_PREFIX}:login-failures:${email}:${ip}`;
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const key = this.key(email, ip);
    const [failures, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
    if (Number(failures ?? 0) >= this.config.auth.LOGIN_MAX_FAILURES) {
      const retryAfterSeconds = Math.max(ttl, 1);
      throw new DomainError('rate_limited', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
        retryAfterSeconds,
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const key = this.key(email, ip);
    await this.redis.multi().incr(key).expire(key, this.config.auth.LOGIN_LOCK_MINUTES * 60, 'NX').exec();
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.redis.del(this.key(email, ip));
  }
}
