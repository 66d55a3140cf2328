import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../..');

/** The server of the run's test database, at its `postgres` database, for creating more databases. */
function adminUrl(): URL {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = '/postgres';
  return url;
}

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl().toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database (no table at all) beside the run's test database; drop it with `drop()`. */
export async function freshDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `encounters_${label}_${process.pid}_${Date.now()}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = adminUrl();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Builds the API (main.js and cli.js) with the production build script into a folder of tmp/. */
export async function buildApi(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(resolve(ROOT, 'tmp'), { recursive: true });
  const dir = await mkdtemp(resolve(ROOT, 'tmp/api-test-build-'));
  await promisify(execFile)(process.execPath, ['tools/build/build-api.mjs', '--outdir', dir], { cwd: ROOT });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export const REPOSITORY_ROOT = ROOT;

/**
 * The environment of a built API started as in production on 127.0.0.1:`port` against `databaseUrl`, logging
 * warnings only and serving the built web app when the test run has one, with `more` on top.
 */
export function productionEnv(
  port: number,
  databaseUrl: string,
  more: Record<string, string> = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST: process.env.TEST_WEB_DIST ?? '',
    ...more,
  };
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
