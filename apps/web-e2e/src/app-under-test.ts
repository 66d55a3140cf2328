// Starts the built app the way `npm start` does, on free ports and with a database of its own, so that the
// journeys run against a real API and a real PostgreSQL and never touch a developer's data.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The start script's own helpers, so that the journeys make and drop databases exactly as `npm start` does.
// tools/ is workspace tooling rather than a library, hence no `@encounters/...` alias.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { dropDatabase, ensureDatabase, freePort } from '../../../tools/start/embedded-postgres.mjs';

const workspaceRoot = resolve(__dirname, '../../..');
const STARTUP_TIMEOUT_MS = 180_000;
const SHUTDOWN_TIMEOUT_MS = 30_000;
const OUTPUT_LIMIT = 200;

export interface AppUnderTest {
  baseUrl: string;
  process: ChildProcess;
  output: string[];
  dataDir?: string;
  database?: { adminUrl: string; name: string };
}

/**
 * Starts the app and resolves once `/api/health` answers that the database is up. With `emptyDatabase`, it
 * starts as a real installation does: no demo trust, no demo mode.
 */
export async function startApp(options: { emptyDatabase?: boolean } = {}): Promise<AppUnderTest> {
  if (!existsSync(join(workspaceRoot, 'dist/apps/api/main.js'))) {
    throw new Error('dist/apps/api/main.js is missing: run `npm run build` (or `npm run e2e`) first.');
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SKIP_BUILD: 'true',
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    // Seals the sign-in providers' client secrets; made up for each run.
    SECRETS_KEY: randomBytes(32).toString('base64'),
  };
  const app: Omit<AppUnderTest, 'process'> = { baseUrl: `http://127.0.0.1:${port}`, output: [] };

  if (process.env['DATABASE_URL']) {
    const adminUrl = new URL(process.env['DATABASE_URL']);
    adminUrl.pathname = '/postgres';
    const name = `encounters_e2e_${process.pid}_${Date.now()}`;
    await ensureDatabase(adminUrl.toString(), name);
    app.database = { adminUrl: adminUrl.toString(), name };
    const databaseUrl = new URL(adminUrl);
    databaseUrl.pathname = `/${name}`;
    env['DATABASE_URL'] = databaseUrl.toString();
    env['SEED_DEMO_IF_EMPTY'] = 'true';
    env['DEMO_MODE'] = 'true';
  } else {
    app.dataDir = await mkdtemp(join(tmpdir(), 'encounters-e2e-pg-'));
    env['ENCOUNTERS_DATA_DIR'] = app.dataDir;
    env['EMBEDDED_PG_PORT'] = String(await freePort());
  }

  if (options.emptyDatabase) {
    env['SEED_DEMO_IF_EMPTY'] = 'false';
    env['DEMO_MODE'] = 'false';
  }

  const child = spawn(process.execPath, ['tools/start/start.mjs'], {
    cwd: workspaceRoot,
    env,
    // Its own process group, so that a server left behind by a failed stop can still be ended as a whole.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started: AppUnderTest = { ...app, process: child };
  const keep = (chunk: Buffer) => {
    started.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    started.output.splice(0, Math.max(0, started.output.length - OUTPUT_LIMIT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  try {
    await waitForHealth(started);
  } catch (error) {
    await stopApp(started);
    throw new Error(`${(error as Error).message}\nThe app's last output:\n${started.output.join('\n')}`);
  }
  return started;
}

async function waitForHealth(app: AppUnderTest): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null || app.process.signalCode !== null) {
      throw new Error(
        `The app exited (${app.process.exitCode ?? app.process.signalCode}) before it was ready.`,
      );
    }
    try {
      const response = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      const body = (await response.json()) as { status?: string; database?: string };
      if (response.ok && body.status === 'ok' && body.database === 'up') return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The app did not answer ${app.baseUrl}/api/health within ${STARTUP_TIMEOUT_MS / 1000} s.`);
}

/** Stops the app (SIGTERM, so that the start script also stops its PostgreSQL) and removes its data. */
export async function stopApp(app: AppUnderTest): Promise<void> {
  const child = app.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((done) => setTimeout(() => done(false), SHUTDOWN_TIMEOUT_MS).unref()),
    ]);
    if (!inTime && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    }
  }
  if (app.database) await dropDatabase(app.database.adminUrl, app.database.name).catch(() => undefined);
  if (app.dataDir) await rm(app.dataDir, { recursive: true, force: true });
}
