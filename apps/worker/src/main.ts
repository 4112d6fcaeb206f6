import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, loadEnvFile } from '@app/config';
import { REDIS_CLIENT } from '@app/queue';
import { startHealthServer } from './health/health-server';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const health = await startHealthServer(config.worker.WORKER_HEALTH_PORT, {
    dataSource: app.get(DataSource),
    redis: app.get<Redis>(REDIS_CLIENT),
  });
  app.get(Logger).log(`Worker running; health on http://127.0.0.1:${config.worker.WORKER_HEALTH_PORT}/health/ready`);
  // Graceful shutdown: app.close() runs the shutdown hooks, which close the BullMQ workers; closing waits for
  // active jobs to finish. Then exit 0. (Nest's enableShutdownHooks would re-raise the signal instead.)
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.get(Logger).log(`${signal} received: finishing active jobs`);
    health.close();
    app.close().then(
      () => process.exit(0),
      (err: Error) => {
        console.error(err.stack);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

bootstrap().catch((err: Error) => {
  console.error(err instanceof ConfigError ? err.message : err.stack);
  process.exit(1);
});
