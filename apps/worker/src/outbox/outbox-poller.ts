import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { OutboxRelay } from '@app/outbox';

/**
 * The safety net behind the API's post-commit flush: enqueues any committed event still pending, e.g. when
 * the API process died between its commit and its enqueue.
 */
@Injectable()
export class OutboxPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxPoller.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.worker.OUTBOX_POLL_MS);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        while ((await this.relay.flush()) > 0) {
          // keep draining while a backlog remains
        }
      } catch (err) {
        this.logger.warn(`Outbox relay failed, will retry: ${(err as Error).message}`);
      }
    })();
    await this.running;
    this.running = null;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
