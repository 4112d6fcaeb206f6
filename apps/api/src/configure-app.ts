import { INestApplication, RequestMethod } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { AllExceptionsFilter, createValidationPipe } from '@app/common';
import { AuthService } from './auth/auth.service';
import { IMPORT_PATH, importGate, parsedByGlobalParser } from './data-exchange/import-gate';
import { builtWebApp, compressResponses, pageForUndecodableAddress, refuseSourceMaps } from './web-delivery';

/** Everything main.ts and the tests apply to the HTTP app, in one place. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  // X-Forwarded-For is believed only from the proxies TRUSTED_PROXIES names: any client could send it, and the
  // sign-in throttle and rate limits key on the address it yields.
  app.set('trust proxy', config.app.TRUSTED_PROXIES.length ? config.app.TRUSTED_PROXIES : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  app.use(compressResponses());
  app.use(refuseSourceMaps);
  const webApp = builtWebApp();
  if (webApp) app.use(pageForUndecodableAddress(webApp));
  app.use(cookieParser());
  // The import route streams whole exchange documents; every other route keeps the global limit.
  app.use(IMPORT_PATH, importGate(app.get(AuthService)));
  app.useBodyParser('json', { limit: config.app.BODY_LIMIT, type: parsedByGlobalParser });
  app.setGlobalPrefix('api/v1', {
    exclude: [{ path: 'health/{*path}', method: RequestMethod.ALL }],
  });
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('1540 Assistance Matchmaking API')
      .setDescription('Requests, offers and matches for UN Security Council resolution 1540 (DESIGN §9).')
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('a1540_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
