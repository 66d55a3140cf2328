// `node tools/bench/replicas.mjs [preset]`: the trust view's throughput at 10 connections through an API on the
// primary alone and through an API reading from one streaming replica, in the same run, on a generated trust
// (default `trust`). Both servers are embedded PostgreSQL on loopback (tools/start/replicated-postgres.mjs),
// so on one machine they share its cores: the figure says what a replica on the same hardware gives, not what
// one on its own server would. Needs the built API (`npm run build`).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { startReplicatedPostgres } from '../start/replicated-postgres.mjs';
import { cli, root, spawnApi, waitForHealth } from './shared.mjs';

const preset = process.argv[2] ?? 'trust';
const YEAR = 2025;
const AS_AT = '2026-03-31';
const PASSWORD = 'bench passphrase for replicas 1';
const CONNECTIONS = 10;
const SECONDS = 15;

const log = (message) => process.stderr.write(`[replicas] ${message}\n`);

async function startApi(env) {
  const { api, baseUrl } = await spawnApi({ MIGRATE_ON_START: 'false', ...env }, { inheritEnv: false });
  await waitForHealth(baseUrl, api, 600_000);
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench.replicas@bench.example', password: PASSWORD }),
  });
  const { token } = await response.json();
  return { api, baseUrl, token };
}

/** Requests a second to the trust view over CONNECTIONS concurrent loops for SECONDS, and the failures. */
async function throughput({ baseUrl, token }) {
  const path = `/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`;
  const get = async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    return response.ok;
  };
  for (let warm = 0; warm < 5; warm += 1) await get();
  let done = 0;
  let failed = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        if (await get()) done += 1;
        else failed += 1;
      }
    }),
  );
  return { perSecond: done / SECONDS, failed };
}

if (!existsSync(resolve(root, 'dist/apps/api/main.js'))) {
  process.stderr.write('dist/apps/api/main.js is missing: run `npm run build` first.\n');
  process.exit(1);
}
const pair = await startReplicatedPostgres();
try {
  cli(pair.primaryUrl, ['migrate']);
  log(`generating the ${preset} preset`);
  cli(pair.primaryUrl, ['generate', '--preset', preset]);
  cli(
    pair.primaryUrl,
    [
      'user:create',
      '--email',
      'bench.replicas@bench.example',
      '--name',
      'Bench Replicas',
      '--role',
      'trust_admin',
      '--password-stdin',
    ],
    PASSWORD,
  );
  const replica = new pg.Client({ connectionString: pair.replicaUrls[0] });
  await replica.connect();
  const primary = new pg.Client({ connectionString: pair.primaryUrl });
  await primary.connect();
  const { rows } = await primary.query('SELECT pg_current_wal_lsn()::text AS lsn');
  for (;;) {
    const answer = await replica.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught', [
      rows[0].lsn,
    ]);
    if (answer.rows[0].caught) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  await Promise.all([primary.end(), replica.end()]);

  const results = {};
  for (const [name, env] of [
    ['primary only', { DATABASE_URL: pair.primaryUrl }],
    ['with one replica', { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URLS: pair.replicaUrls[0] }],
  ]) {
    const server = await startApi(env);
    try {
      results[name] = await throughput(server);
      log(
        `${name}: ${results[name].perSecond.toFixed(1)} trust views a second, ${results[name].failed} failed`,
      );
    } finally {
      server.api.kill('SIGTERM');
      await new Promise((resolveExit) => server.api.once('exit', resolveExit));
    }
  }
  const ratio = results['with one replica'].perSecond / results['primary only'].perSecond;
  process.stdout.write(
    `${JSON.stringify({ preset, connections: CONNECTIONS, seconds: SECONDS, results, ratio: Number(ratio.toFixed(2)) })}\n`,
  );
} finally {
  await pair.remove();
}
