import { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/config';
import { createApp } from '../src/create-app';
import { ResponseConformance } from './openapi-conformance';

/** The real application, in-process, against the run's PostgreSQL database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<INestApplication> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the Jest global set-up did not run.');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    // The web app is served, as in production: the edges of the API are tested behind it.
    WEB_DIST: process.env.TEST_WEB_DIST ?? 'does-not-exist',
    DATABASE_POOL_SIZE: '4',
    ...env,
  });
  const app = await createApp(config);
  // Every answer the tests receive is checked against the served OpenAPI document (issue 13).
  const conformance = new ResponseConformance();
  conformance.install(app);
  recordRoutes(app);
  await app.init();
  // Fastify takes requests once its plugins and routes are ready (`listen` waits for it; an in-process test too).
  await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  await conformance.load(app);
  return app;
}

const served = new WeakMap<INestApplication, { method: string; path: string }[]>();

/** Records every route Fastify is given, as it is given (its `onRoute` hook), for {@link servedRoutes}. */
function recordRoutes(app: INestApplication): void {
  const routes: { method: string; path: string }[] = [];
  served.set(app, routes);
  (app as NestFastifyApplication)
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routes.push({ method, path: route.url });
    });
}

/**
 * The routes the app actually serves under `/api/` (method in lower case, path as Fastify has it:
 * `/api/learners/:id`), leaving out Swagger's pages and the HEAD routes Fastify adds to each GET.
 */
export function servedRoutes(app: INestApplication): { method: string; path: string }[] {
  return (served.get(app) ?? [])
    .filter(
      (route) =>
        route.path.startsWith('/api/') && !route.path.startsWith('/api/docs') && route.method !== 'HEAD',
    )
    .map((route) => ({ method: route.method.toLowerCase(), path: route.path }));
}

/** Empties every table but the migrations' own, so that each test file starts from nothing. */
export async function resetDatabase(app: INestApplication): Promise<void> {
  const dataSource = app.get(DataSource);
  const tables: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  );
  if (tables.length) {
    await dataSource.query(
      `TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
    );
  }
}

/** A fresh app and database holding one trust and nothing else: the start of the sign-in tests. */
export async function startTrustApp(env: Record<string, string> = {}) {
  const app = await createTestApp(env);
  await resetDatabase(app);
  const dataSource = app.get(DataSource);
  await dataSource.query(`INSERT INTO trust (name) VALUES ('Test Trust')`);
  return { app, dataSource };
}
