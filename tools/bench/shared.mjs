// What the benchmark scenarios share: their statistics, timing, dates and the built API's command line.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../start/embedded-postgres.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The nearest-rank percentile `p` (0–100). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** One timed run of `action`: its duration in milliseconds and its result. */
export async function timed(action) {
  const started = performance.now();
  const result = await action();
  return { ms: performance.now() - started, result };
}

/** The median of `rounds` timed runs of `work`, after five untimed ones to warm the server up. */
export async function medianOfRounds(rounds, work) {
  for (let warm = 0; warm < 5; warm += 1) await work();
  const times = [];
  for (let round = 0; round < rounds; round += 1) times.push((await timed(work)).ms);
  return median(times);
}

/** The academic year (its starting year) that today falls in: September to August. */
export function currentAcademicYear() {
  const now = new Date();
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

export function addDays(isoDate, days) {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Runs the built API's command line (dist/apps/api/cli.js) on `databaseUrl`; `input` goes to its stdin. */
export function cli(databaseUrl, args, input) {
  const result = spawnSync(process.execPath, ['dist/apps/api/cli.js', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`cli ${args[0]} failed with code ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/**
 * Starts the built API (dist/apps/api/main.js) as in production on a free port of 127.0.0.1, with `env` added
 * to this process's environment (or, with `inheritEnv: false`, to PATH alone). `BENCH_API_NODE_ARGS` (space
 * separated) adds options to its `node` command, for a look inside: `--cpu-prof --cpu-prof-dir=/tmp/prof`.
 */
export async function spawnApi(env, { inheritEnv = true } = {}) {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    cwd: root,
    env: {
      ...(inheritEnv ? process.env : { PATH: process.env.PATH }),
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: 'does-not-exist',
      ...env,
    },
    // With options for a look inside, what they print (`--trace-gc` prints on stdout) is shown too.
    stdio: ['ignore', nodeArgs.length ? 'inherit' : 'ignore', 'inherit'],
  });
  return { api, baseUrl: `http://127.0.0.1:${port}` };
}

/** Waits for the API's health check to answer; resolves with how long that took, in milliseconds. */
export async function waitForHealth(baseUrl, child, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return Date.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error('The API did not become healthy in time.');
}
