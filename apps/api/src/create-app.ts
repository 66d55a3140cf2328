import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Logger } from 'nestjs-pino';
import { STATUS_CODES } from 'node:http';
import { AppModule } from './app.module';
import { noStore } from './common/no-store';
import { createValidationPipe } from './common/validation';
import { AppConfig, trustProxySetting } from './config/config';
import { Lifecycle } from './health/lifecycle.service';
import { requireParsedBodyType } from './http/body-type';
import { MAX_JSON_BYTES, readBodies } from './http/body-parsers';
import { keptAnswerSerializer } from './http/json-reply';
import { markRefusedRequests } from './common/http/refused-before-route';
import { installReplicaRouting } from './database/replica-routing';
import { ReplicaRouter } from './database/replicas';
import { REQUEST_ID_HEADER, requestIdOf } from './http/request-id';
import { securityHeaders } from './http/security-headers';
import { serveWebApp } from './http/web-app';
import { Metrics } from './metrics/metrics.service';
import { createOpenApiDocument } from './openapi/openapi';

/**
 * Builds the configured application on Nest's Fastify adapter (issue 20: Express's router and its
 * per-request objects cost the class view a fifth of its CPU); `main.ts` listens on it and the HTTP tests
 * drive it in-process. The app-wide work of every request is done in Fastify's hooks, in this order: the
 * request id, `no-store` for the API, the metrics and the lifecycle's count of requests in flight, the body's
 * type, the security headers.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const security = securityHeaders({
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
  });
  const requestIdHeader = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  };
  const adapter = new FastifyAdapter({
    trustProxy: trustProxySetting(config.TRUST_PROXY),
    // A well-formed X-Request-Id from a proxy is kept; anything else is replaced.
    requestIdHeader: false,
    genReqId: requestIdOf,
    // Every body but a roster's (`http/body-parsers.ts` gives the roster's route its own).
    bodyLimit: MAX_JSON_BYTES,
    // As Express's router: `/api/learners/` is `/api/learners`.
    routerOptions: { ignoreTrailingSlash: true },
    // A whole request (a 20 MB roster on a slow line included) within 5 minutes, as Node's own default: a
    // client that trickles its request cannot hold a connection for ever (Fastify's default is no limit).
    requestTimeout: 300_000,
    // A path Fastify cannot route (a malformed percent escape, a parameter over 100 characters) is refused
    // before any hook runs: answered here in the error shape, with the headers every answer carries.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      for (const hook of [requestIdHeader, noStore(), security]) hook(request, reply, () => undefined);
      const status =
        error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply.code(status).send({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Bad Request',
        message:
          'The address is not one the API can read: check its percent escapes and the length of its ids.',
        details: [],
      });
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // The bodies are read by `http/body-parsers.ts`: JSON with its depth checked, and the uploads' streams.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', requestIdHeader);
  fastify.addHook('onRequest', noStore());
  app.get(Metrics).install(fastify);
  app.get(Lifecycle).install(fastify);
  fastify.addHook('onRequest', requireParsedBodyType());
  fastify.addHook('onRequest', security);
  readBodies(fastify);
  markRefusedRequests(fastify);
  fastify.setReplySerializer(keptAnswerSerializer);
  await app.register(fastifyCookie);
  const replicas = app.get(ReplicaRouter);
  if (replicas.configured) installReplicaRouting(fastify, replicas, config);
  // Multipart uploads (rosters, destinations) are read as they stream in by their interceptors.
  await app.register(fastifyMultipart);
  await serveWebApp(app, config.WEB_DIST);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { swaggerOptions: { persistAuthorization: true } });
  return app;
}
