import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig, loadEnvFile } from '@app/config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  loadEnvFile();
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app, config);
  await app.listen(config.app.PORT, '0.0.0.0');
}

bootstrap().catch((err: Error) => {
  // A bad setting stops start-up with one line naming it.
  console.error(err instanceof ConfigError ? err.message : err.stack);
  process.exit(1);
});
