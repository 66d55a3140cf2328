// The benchmark harness: builds the API, starts it against a fresh database, runs each scenario module
// through HTTP, and prints one table. `npm run bench [-- scenario ...] [-- --skip-build]`.
//
// A scenario is a module exporting `name` and `async run(context)` that returns rows
// `{ metric, value, unit, target?, ok? }`; add one by creating `tools/bench/<name>.mjs` and listing it in
// SCENARIOS. The context gives the API's address, a signed-in fetch, the API's memory figures and a
// PostgreSQL client on the benchmark database.
//
// `--preset <demo|trust-tenth|trust>` loads a generated trust (tools/demo-data) into the fresh database with
// the API's own `cli generate`, instead of the demo seed, and creates the administrator the harness signs in
// as: `npm run bench -- reports --preset trust` runs the reports scenario at the issue's scale.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase, freePort, startEmbeddedPostgres } from '../start/embedded-postgres.mjs';
import { exitWith, failures, judge } from './verdict.mjs';
import { cli, root, spawnApi, waitForHealth } from './shared.mjs';

const SCENARIOS = ['roster', 'encounters', 'writes', 'floor', 'coverage', 'reports', 'hub'];
/** Run when none is named: all but `hub`, which makes a server pair and a hub of its own (minutes more). */
const DEFAULT_SCENARIOS = SCENARIOS.filter((name) => name !== 'hub');
/** Options that take a value, which is no scenario's name. */
const VALUE_OPTIONS = ['--preset', '--hub-preset', '--db-cpus'];
/** The demo seed's trust administrator (demo passwords are public by design). */
const ADMIN = { email: 'admin@demo.encounters', password: 'blue-kiln-falcon-2025' };

const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const presetAt = args.findIndex((arg) => arg === '--preset' || arg.startsWith('--preset='));
const preset =
  presetAt < 0 ? null : args[presetAt].includes('=') ? args[presetAt].split('=')[1] : args[presetAt + 1];
if (presetAt >= 0 && !preset) fail('--preset needs a name: demo, trust-tenth or trust.');
const wanted = args.filter(
  (arg, index) => !arg.startsWith('--') && !(index > 0 && VALUE_OPTIONS.includes(args[index - 1])),
);
const scenarios = wanted.length ? wanted : DEFAULT_SCENARIOS;
for (const name of scenarios) {
  if (!SCENARIOS.includes(name)) fail(`Unknown scenario "${name}": known are ${SCENARIOS.join(', ')}.`);
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  exitWith(1);
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function readStatus(pid, field) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

/** A generated trust instead of the demo seed, and the administrator the scenarios sign in as. */
function loadPreset(databaseUrl, name) {
  const started = Date.now();
  cli(databaseUrl, ['migrate']);
  log(`generating the ${name} preset (cli generate); the trust preset takes a minute or two`);
  const output = cli(databaseUrl, ['generate', '--preset', name]);
  log(output.trim().split('\n').at(-1));
  cli(
    databaseUrl,
    [
      'user:create',
      '--email',
      ADMIN.email,
      '--name',
      'Benchmark administrator',
      '--role',
      'trust_admin',
      '--password-stdin',
    ],
    ADMIN.password,
  );
  return Date.now() - started;
}

async function startDatabase() {
  const database = `encounters_bench_${Date.now()}`;
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    await ensureDatabase(admin.toString(), database);
    const url = new URL(admin);
    url.pathname = `/${database}`;
    return {
      url: url.toString(),
      kind: `PostgreSQL at ${admin.host}`,
      stop: async () => {
        const client = new pg.Client({ connectionString: admin.toString() });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'encounters-bench-pg-'));
  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    database,
    persistent: false,
  });
  return {
    url: embedded.url,
    kind: 'embedded PostgreSQL (fsync off)',
    stop: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function printTable(rows) {
  const header = ['scenario', 'metric', 'value', 'target', 'ok'];
  const lines = rows.map((row) => [
    row.scenario,
    row.metric,
    `${typeof row.value === 'number' ? formatNumber(row.value, row.unit) : row.value}${row.unit ? ` ${row.unit}` : ''}`,
    row.target ?? '',
    row.ok === undefined ? '' : row.ok ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  const format = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
}

/** Ratios (×) to two decimals, so that a figure beside a target like 0.85 is read as it is. */
function formatNumber(value, unit) {
  if (unit === '×') return value.toFixed(2);
  return value >= 100 ? String(Math.round(value)) : value.toFixed(1);
}

async function main() {
  if (!skipBuild || !existsSync(join(root, 'dist/apps/api/main.js'))) {
    log('building the API (npx nx build api)');
    const build = spawnSync('npx', ['nx', 'build', 'api', '--skip-nx-cache'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) fail('The API build failed.');
  }
  const database = await startDatabase();
  log(`database: ${database.kind}`);
  const presetMs = preset ? loadPreset(database.url, preset) : null;
  if (!preset) {
    // The API runs as in production, where it never seeds the demo trust itself: the command line does.
    cli(database.url, ['migrate']);
    cli(database.url, ['seed']);
  }
  const { api, baseUrl } = await spawnApi({
    DATABASE_URL: database.url,
    // Seeded above by the command line (the demo) or loadPreset (a generated trust).
    SEED_DEMO_IF_EMPTY: 'false',
    MIGRATE_ON_START: 'true',
  });
  const db = new pg.Client({ connectionString: database.url });
  const results = [];
  try {
    const startMs = await waitForHealth(baseUrl, api);
    if (presetMs !== null) {
      results.push({
        scenario: 'start',
        metric: `generate the ${preset} preset (cli generate)`,
        value: presetMs,
        unit: 'ms',
      });
    }
    results.push({
      scenario: 'start',
      metric: preset ? 'API start' : 'API start, migrations and demo seed',
      value: startMs,
      unit: 'ms',
    });
    await db.connect();

    const signIn = await fetch(`${baseUrl}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!signIn.ok) throw new Error(`Sign-in as the demo administrator failed with ${signIn.status}.`);
    const { token } = await signIn.json();
    const context = {
      baseUrl,
      /** The generated trust's preset (`--preset`), or null for the demo seed. */
      preset,
      /** The benchmark database; scenarios that need databases of their own create them on the same server. */
      databaseUrl: database.url,
      pid: api.pid,
      db,
      log,
      /** fetch with the trust administrator's bearer token; `path` starts with /api. */
      fetch: (path, init = {}) =>
        fetch(`${baseUrl}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
        }),
      peakRssMb: () => readStatus(api.pid, 'VmHWM'),
      rssMb: () => readStatus(api.pid, 'VmRSS'),
    };
    for (const name of scenarios) {
      log(`scenario: ${name}`);
      const scenario = await import(`./${name}.mjs`);
      for (const row of await scenario.run(context))
        results.push({ scenario: scenario.name ?? name, ...row });
    }
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolveExit) =>
      api.exitCode !== null ? resolveExit() : api.once('exit', resolveExit),
    );
    await db.end().catch(() => undefined);
    await database.stop();
  }

  console.log(
    `\nEncounters benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ` +
      `${Math.round(totalmem() / 1024 ** 3)} GB, Node ${process.version}\n`,
  );
  const judged = judge(results);
  printTable(judged);
  if (process.env.BENCH_JSON) await writeFile(process.env.BENCH_JSON, JSON.stringify(judged, null, 2));
  const missed = failures(judged);
  if (missed.length) console.log(`\n${missed.length} target(s) missed or figure(s) impossible.`);
  // Explicitly: embedded-postgres's exit hook would otherwise turn any exit code into 0 (see verdict.mjs).
  exitWith(missed.length ? 1 : 0);
}

main().catch((error) => fail(`Benchmark failed: ${error?.stack ?? error}`));
