// `npm start`: builds what is missing, starts the embedded PostgreSQL unless DATABASE_URL is set,
// and runs the API, which serves the web app on the same port.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { apiProcesses } from './cluster.mjs';
import {
  assertDataDirFree,
  assertPortFree,
  checkDataDir,
  embeddedMajor,
  projectDatabase,
} from './embedded-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Whatever goes wrong at start, one line says what, never a stack trace.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => fail(`Encounters could not start: ${error?.message ?? String(error)}`));
}

// API_PROCESSES > 1 runs that many API processes on the one port (tools/start/cluster.mjs).
let processes;
try {
  processes = apiProcesses();
} catch (error) {
  fail(error.message);
}

/** A TCP port from an environment variable, or one line saying what is wrong with it. */
function portFrom(name, fallback) {
  const raw = (process.env[name] ?? '').trim();
  if (raw === '') return fallback;
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(port >= 1 && port <= 65535))
    fail(`${name} must be a port number from 1 to 65535, not "${raw.slice(0, 40)}".`);
  return port;
}

const port = portFrom('PORT', 3000);
if (!process.env.DATABASE_URL) portFrom('EMBEDDED_PG_PORT', 54329);
try {
  await assertPortFree(
    port,
    process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : '127.0.0.1',
  );
} catch {
  fail(`Port ${port} is already in use: is Encounters already running? Set PORT to use another.`);
}

// A wrong DATABASE_URL is reported before the build, in one line, rather than after it.
if (process.env.DATABASE_URL) {
  let url;
  try {
    url = new URL(process.env.DATABASE_URL);
    if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error('not postgres');
  } catch {
    fail('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    fail(
      `Cannot use the database at ${url.hostname}:${url.port || 5432}${url.pathname} (DATABASE_URL): ${error.message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A data folder the embedded PostgreSQL cannot open is reported before the build too.
if (!process.env.DATABASE_URL) {
  try {
    const dataDir = resolve(process.env.ENCOUNTERS_DATA_DIR ?? '.data/postgres');
    assertDataDirFree(dataDir);
    checkDataDir(dataDir, await embeddedMajor());
  } catch (error) {
    fail(error.message);
  }
}

if (process.env.SKIP_BUILD !== 'true') {
  const built = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false' },
    },
  );
  if (built.error?.code === 'ENOSPC') fail('The disk is full: free some space and start again.');
  if (built.status !== 0) fail('The build failed; see the messages above.');
  if (!existsSync('dist/apps/api/main.js'))
    fail('dist/apps/api/main.js is missing after the build: run `npm run build` to see why.');
} else if (!existsSync('dist/apps/api/main.js')) {
  fail('dist/apps/api/main.js is missing: run `npm run build` first.');
}

/**
 * On the embedded database, second factors and sign-in providers work out of the box: a key is made once and
 * kept in .data/secrets.key (mode 600), apart from the database files, as SECRETS_KEY asks.
 */
function localSecretsKey() {
  const file = resolve('.data/secrets.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

const env = { ...process.env };
const embedded = await projectDatabase(env, { root }).catch((error) => fail(error.message));
if (embedded) {
  // A trial on this machine: reachable from it alone unless HOST says otherwise, and the demo trust (seeded
  // into a new database only) with its published passwords — never in production.
  env.HOST ??= '127.0.0.1';
  if (env.NODE_ENV !== 'production') {
    env.SEED_DEMO_IF_EMPTY ??= 'true';
    env.DEMO_MODE ??= 'true';
  }
  env.SECRETS_KEY ??= localSecretsKey();
  process.stdout.write(`Embedded PostgreSQL is running with its data in ${embedded.dataDir}\n`);
}

const api = spawn(
  process.execPath,
  ['--enable-source-maps', ...(processes > 1 ? ['tools/start/cluster.mjs'] : []), 'dist/apps/api/main.js'],
  {
    stdio: 'inherit',
    env,
  },
);
let stopping = false;
// The embedded-postgres package's exit hook would stop PostgreSQL and exit at once (code 143) on a signal,
// under the API's requests in flight: this script stops it instead, once the API has finished.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    api.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}
api.on('exit', async (code, signal) => {
  if (embedded) {
    await embedded.stop().catch(() => undefined);
    process.stdout.write('Embedded PostgreSQL stopped.\n');
  }
  process.exit(code ?? (signal ? 0 : 1));
});
