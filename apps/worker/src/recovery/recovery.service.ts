import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { OutboxRelay } from '@app/outbox';
import { REDIS_CLIENT } from '@app/queue';
import { MatchingRecovery } from '../matching/matching-recovery.service';
import { MailSweepService } from '../notifications/mail-sweep.service';
import { JobSchedulers } from './job-schedulers';

export interface RecoveryReport {
  schedulers: string[];
  events: number;
  deliveries: number;
  matching: number;
}

/**
 * PostgreSQL is the truth, Redis a work list it can forget (it runs without persistence). At start, whenever
 * Redis reconnects, and every RECOVERY_EVERY_MS, the worker compares the two and puts back what is missing:
 * the repeatable schedulers, the jobs of committed events not yet processed, of e-mails not yet sent and of
 * matching work not yet done. Every job goes back under its business key, so a job that still exists is never
 * doubled, and the handlers' own checks (processed events, sent deliveries) make a re-run harmless.
 * It runs in this process, not as a job, because a job is exactly what Redis may have lost.
 */
@Injectable()
export class RecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecoveryService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RecoveryReport | null> | null = null;
  private readonly onReconnect = () => void this.run('Redis reconnected');

  constructor(
    private readonly relay: OutboxRelay,
    private readonly schedulers: JobSchedulers,
    private readonly mailSweep: MailSweepService,
    private readonly matching: MatchingRecovery,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run('start');
    this.redis.on('ready', this.onReconnect);
    this.timer = setInterval(() => void this.run('periodic'), this.config.worker.RECOVERY_EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.redis.off('ready', this.onReconnect);
    await this.running;
  }

  /** One pass (skipped while another runs); each step on its own, so one failing does not stop the rest. */
  run(reason: string): Promise<RecoveryReport | null> {
    if (this.running) return Promise.resolve(null);
    this.running = this.pass(reason).finally(() => (this.running = null));
    return this.running;
  }

  private async pass(reason: string): Promise<RecoveryReport> {
    const afterMs = this.config.worker.RECOVERY_AFTER_MS;
    const report: RecoveryReport = {
      schedulers: await this.step('schedulers', () => this.schedulers.ensure(), []),
      events: await this.step('events', () => this.relay.recoverLost(afterMs), 0),
      deliveries: await this.step('e-mails', async () => (await this.mailSweep.sweep()).requeued, 0),
      matching: await this.step('matching', () => this.matching.recoverLost(afterMs), 0),
    };
    if (report.schedulers.length || report.events || report.deliveries || report.matching) {
      this.logger.warn(
        `Recovery (${reason}): ${report.schedulers.length} scheduler(s), ${report.events} event(s), ${report.deliveries} e-mail(s) and ${report.matching} matching job(s) enqueued again`,
      );
    }
    return report;
  }

  private async step<T>(what: string, work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (err) {
      this.logger.warn(`Recovery of ${what} failed, will retry: ${(err as Error).message}`);
      return fallback;
    }
  }
}
