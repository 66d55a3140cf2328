import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import { stopGracefully } from '../src/http/graceful-stop';
import { buildApi, freePort, REPOSITORY_ROOT, productionEnv } from './fresh-database';

/** One request on a connection of its own, resolving with its status (or the network error's code). */
async function get(port: number, path: string): Promise<number | string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { connection: 'close' } });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause?.code ?? 'failed') as string;
  }
}

describe(stopGracefully.name, () => {
  let build: Awaited<ReturnType<typeof buildApi>>;
  let child: ChildProcess | undefined;
  let locker: Client;

  beforeAll(async () => {
    build = await buildApi();
    locker = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await locker.connect();
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await locker.end();
    await build.remove();
  });

  it('on SIGTERM under load, finishes the requests in flight, answers new ones 503 and exits in time', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [join(build.dir, 'main.js')], {
      cwd: REPOSITORY_ROOT,
      env: productionEnv(port, process.env.TEST_DATABASE_URL ?? '', { SHUTDOWN_TIMEOUT_MS: '8000' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const exited = once(child, 'exit');
    for (let waited = 0; !output.includes('Encounters is ready at') && waited < 30_000; waited += 100)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(output).toContain('Encounters is ready at');

    // The first-run status (GET /api/setup, public) counts the academies: locking that table holds it in flight.
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE academy IN ACCESS EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 6 }, () => get(port, '/api/setup'));
    const waiting = async () =>
      (
        await locker.query(
          `SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted AND relation = 'academy'::regclass`,
        )
      ).rows[0].n as number;
    for (let tries = 0; (await waiting()) < 6 && tries < 200; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await waiting()).toBe(6);

    const stoppedAt = Date.now();
    child.kill('SIGTERM');
    for (let tries = 0; !output.includes('Stopping on SIGTERM') && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(get(port, '/api/health/live')).resolves.toBe(503);
    await expect(get(port, '/api/organisations')).resolves.toBe(503);

    await locker.query('ROLLBACK');
    await expect(Promise.all(inFlight)).resolves.toEqual([200, 200, 200, 200, 200, 200]);
    const [code] = await exited;
    expect(code).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(8000);
    expect(output).toContain('Encounters stopped.');
    await expect(get(port, '/api/health/live')).resolves.toBe('ECONNREFUSED');
  }, 90_000);
});
