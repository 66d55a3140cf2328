import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json } from 'express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { createOpenApiDocument } from './openapi/openapi';
import { noStore } from './common/no-store';
import { createValidationPipe } from './common/validation';
import { AppConfig, trustProxySetting } from './config/config';
import { Lifecycle } from './health/lifecycle.service';
import { requireParsedBodyType } from './http/body-type';
import { refuseDeepJson } from './http/json-depth';
import { fastJsonReplies } from './http/json-reply';
import { requestId } from './http/request-id';
import { requestBoundLogger } from './http/request-logger';
import { requestLinesLogged } from './logger-options';
import { securityHeaders } from './http/security-headers';
import { serveWebApp } from './http/web-app';
import { Metrics } from './metrics/metrics.service';
import { MAX_ROSTER_BYTES } from './roster-import/roster-csv-reader';

/** Builds the configured application; `main.ts` listens on it and the HTTP tests drive it in-process. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.set('etag', false);
  fastJsonReplies(app.getHttpAdapter().getInstance());
  app.use(requestId());
  if (!requestLinesLogged(config)) app.use(requestBoundLogger());
  app.use('/api', noStore());
  app.use(app.get(Metrics).middleware());
  app.use(app.get(Lifecycle).middleware());
  app.use(requireParsedBodyType());
  // Connectors push a whole roster as JSON (issue 14): as large as a roster file, on that route only.
  app.use('/api/academies/:id/roster', json({ limit: MAX_ROSTER_BYTES, verify: refuseDeepJson }));
  app.useBodyParser('json', { limit: '1mb', verify: refuseDeepJson });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(
    securityHeaders({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Angular and Angular Material add component styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Secure cookies and HSTS are right only behind HTTPS, which a deployment adds in front.
      strictTransportSecurity: false,
    }),
  );
  app.use(cookieParser());
  serveWebApp(app, config.WEB_DIST);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { swaggerOptions: { persistAuthorization: true } });
  return app;
}
