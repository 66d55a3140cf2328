// Interleaved A/B of the class view's HTTP path (issue 20): two or more builds of the API and the bare floor
// server, side by side on one database, take turns answering bursts of class views at a number of
// connections; each process's own CPU (user + system, /proc/<pid>/stat) is divided by the requests it
// answered. On a shared machine the contention then falls alike on every contestant.
//
//   node tools/bench/class-view-ab.mjs --db postgres://…/db [--api name=path/to/main.js …] [--reps 5]
//     [--requests 2000] [--connections 10] [--profile name] [--env name:KEY=VALUE] [--plain-floor]
//
// The database must hold a trust (`cli migrate`, `cli generate --preset …`) and the administrator the bench
// signs in as (`cli user:create --email admin@demo.encounters --role trust_admin …`, tools/bench/run.mjs).
// Without `--api`, the built API (dist/apps/api/main.js) is the one contestant beside the floor.
// The floor server prepares its two statements, as the API does; `--plain-floor` adds a second one,
// `floor-plain`, sending them as plain statements (`FLOOR_PREPARED=0`), to see what preparing saves.
// `--profile name` starts that contestant with `node --cpu-prof` (the profile lands in the system's temporary
// folder, named in the output).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../start/embedded-postgres.mjs';
import { median, root } from './shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const ADMIN = { email: 'admin@demo.encounters', password: 'blue-kiln-falcon-2025' };
const CLOCK_TICKS_PER_SECOND = 100;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : process.argv[at + 1];
}
function options(name) {
  return process.argv.flatMap((arg, index) => (arg === `--${name}` ? [process.argv[index + 1]] : []));
}

const databaseUrl = option('db', process.env.DATABASE_URL);
if (!databaseUrl) throw new Error('--db or DATABASE_URL: the database holding the trust.');
const reps = Number(option('reps', 5));
const perBurst = Number(option('requests', 2000));
const connections = Number(option('connections', 10));
const profiled = option('profile', null);
const profiledNames = profiled ? profiled.split(',') : [];
const apis = options('api').map((spec) => {
  const [name, path] = spec.split('=');
  return { name, main: resolve(path) };
});
if (!apis.length) apis.push({ name: 'api', main: resolve(root, 'dist/apps/api/main.js') });
const extraEnv = {};
for (const spec of options('env')) {
  const [name, assignment] = [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)];
  const [key, ...value] = assignment.split('=');
  (extraEnv[name] ??= {})[key] = value.join('=');
}

/** The process's user and system CPU so far, in milliseconds. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "pid (comm) ".
  const [user, system] = [fields[11], fields[12]].map(
    (ticks) => (Number(ticks) * 1000) / CLOCK_TICKS_PER_SECOND,
  );
  return { user, system };
}

async function waitFor(url, child) {
  for (let tries = 0; tries < 600; tries++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}.`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url} did not answer in time.`);
}

async function startApi({ name, main }) {
  const port = await freePort();
  const nodeArgs = profiledNames.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WEB_DIST: 'does-not-exist',
      DATABASE_URL: databaseUrl,
      SEED_DEMO_IF_EMPTY: 'false',
      MIGRATE_ON_START: 'false',
      ...extraEnv[name],
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/health`, child);
  const signIn = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`${name}: signing in answered ${signIn.status}.`);
  const { token } = await signIn.json();
  return { name, child, port, headers: { authorization: `Bearer ${token}` } };
}

async function startFloor(name = 'floor', env = {}) {
  const port = await freePort();
  const nodeArgs = profiledNames.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, resolve(here, 'floor-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(`http://127.0.0.1:${port}/`, child);
  return { name, child, port, headers: {} };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function get(target, path) {
  return new Promise((resolveGet, rejectGet) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: target.port, path, headers: target.headers, agent },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200)
            rejectGet(new Error(`${target.name} ${path}: ${response.statusCode} ${body.slice(0, 200)}`));
          else resolveGet(body);
        });
      },
    );
    req.on('error', rejectGet);
    req.end();
  });
}

async function burst(target, path, count) {
  let left = count;
  const cpuBefore = cpuMs(target.child.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (left > 0) {
        left -= 1;
        await get(target, path);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpuMs(target.child.pid);
  const user = (cpuAfter.user - cpuBefore.user) / count;
  const system = (cpuAfter.system - cpuBefore.system) / count;
  return { cpuPerRequest: user + system, user, system, rate: count / seconds };
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const [group] = (
  await db.query(
    `SELECT g.id, g.academic_year FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id
      GROUP BY g.id ORDER BY g.academic_year DESC, count(*) DESC, g.id LIMIT 1`,
  )
).rows;
await db.end();
const path = `/api/coverage/learners?scope=group&id=${group.id}&academicYear=${group.academic_year}&asAt=${group.academic_year + 1}-03-31`;

const targets = [];
// Stopped early (Ctrl+C, SIGTERM): the servers go too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const target of targets) target.child.kill('SIGTERM');
    process.exit(1);
  });
}
try {
  for (const api of apis) targets.push(await startApi(api));
  targets.push(await startFloor());
  if (process.argv.includes('--plain-floor'))
    targets.push(await startFloor('floor-plain', { FLOOR_PREPARED: '0' }));
  // Every build answers the same bytes; the floor the same JSON but for the rules it may not know yet.
  const floorBody = await get(
    targets.find((target) => target.name === 'floor'),
    path,
  );
  const apiBody = await get(targets[0], path);
  const floorRules = Object.keys(JSON.parse(floorBody).rows[0].statuses);
  const known = JSON.parse(apiBody);
  for (const row of known.rows)
    row.statuses = Object.fromEntries(floorRules.map((rule) => [rule, row.statuses[rule]]));
  if (JSON.stringify(known) !== floorBody) throw new Error("The API's answer is not the floor's.");
  for (const target of targets) {
    if (target.name === 'floor-plain' && (await get(target, path)) !== floorBody)
      throw new Error('The plain floor does not answer what the floor answers.');
    if (!target.name.startsWith('floor') && (await get(target, path)) !== apiBody)
      throw new Error(`${target.name} does not answer what ${targets[0].name} answers.`);
    await burst(target, path, Math.min(500, perBurst));
  }
  process.stderr.write(
    `${JSON.parse(floorBody).rows.length} learners; ${reps} × ${perBurst} requests at ${connections} connections\n`,
  );
  const results = new Map(targets.map((target) => [target.name, []]));
  for (let rep = 0; rep < reps; rep++) {
    const order = targets.map((_, index) => targets[(index + rep) % targets.length]);
    for (const target of order) results.get(target.name).push(await burst(target, path, perBurst));
    process.stderr.write(`repetition ${rep + 1} done\n`);
  }
  console.log(
    `| contestant | CPU ms per request, each repetition | median | of it system | req/s, each | median |`,
  );
  console.log(`| --- | --- | --- | --- | --- | --- |`);
  for (const [name, runs] of results) {
    const cpu = runs.map((run) => run.cpuPerRequest);
    const rate = runs.map((run) => run.rate);
    console.log(
      `| ${name} | ${cpu.map((v) => v.toFixed(3)).join(' ')} | ${median(cpu).toFixed(3)} | ${median(
        runs.map((run) => run.system),
      ).toFixed(3)} | ${rate.map((v) => v.toFixed(0)).join(' ')} | ${median(rate).toFixed(0)} |`,
    );
  }
} finally {
  for (const target of targets) target.child.kill('SIGTERM');
  await Promise.all(
    targets.map(
      (target) =>
        new Promise((done) => (target.child.exitCode !== null ? done() : target.child.once('exit', done))),
    ),
  );
  agent.destroy();
  if (profiled) process.stderr.write(`CPU profile of ${profiled}: newest CPU.*.cpuprofile in ${tmpdir()}\n`);
}
