// A Careers Hub on a primary and one streaming replica (issue 21): `npm run bench -- hub`.
//
// It makes its own pair of PostgreSQL servers (tools/start/replicated-postgres.mjs: a primary and a streaming
// replica from the embedded binaries, on loopback ports), loads the `hub` preset into the primary
// (`--hub-preset trust` or `trust-tenth` for a shorter run), and starts two API processes on them: one on the
// primary alone, one with the replica (DATABASE_REPLICA_URLS; the primary shares the reads, the default). Then:
//
// - the trust view's throughput at 10 connections through each, warmed, taking turns (three each), in the same
//   run: the one with the replica should answer at least 1.6 times as many;
// - a class view's p99 read from the replica alone (a third process, PRIMARY_SHARES_READS=false), idle and
//   while a 10,000-learner roster is committed through the primary: it should stay as it was (≤ 1.5×).
//
// On one machine both servers share its processors, so a replica can add none: to measure what a replica on a
// server of its own gives, each PostgreSQL server is held to the same CPU budget (`--db-cpus`, 0.25 of a core
// unless given; a control group, tools/bench/cpu-budget.mjs), as two database servers of one size would be,
// and the database is what limits, which is when a replica is added. Where control groups cannot be made
// (not root), it runs without budgets and says so; `--db-cpus 0` turns them off.
import { startReplicatedPostgres, waitForReplay } from '../start/replicated-postgres.mjs';
import { cpuBudget, pinToCores } from './cpu-budget.mjs';
import { cpus as processors } from 'node:os';
import { cli, percentile, spawnApi, waitForHealth } from './shared.mjs';
import { formsRosterCsv } from './test-data.mjs';

export const name = 'hub';

const YEAR = 2025;
const AS_AT = '2026-03-31';
const PASSWORD = 'bench passphrase for the hub 1';
const EMAIL = 'bench.hub@bench.example';
const CONNECTIONS = 10;
const WARM_SECONDS = 2;
const TURN_SECONDS = 4;
const TURNS = 3;
const CLASS_VIEWS = 400;
const ROSTER_LEARNERS = 10_000;

function option(flag, fallback) {
  const at = process.argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
  if (at < 0) return fallback;
  return process.argv[at].includes('=') ? process.argv[at].split('=')[1] : process.argv[at + 1];
}

async function startApi(env) {
  const { api, baseUrl } = await spawnApi({ MIGRATE_ON_START: 'false', ...env }, { inheritEnv: false });
  await waitForHealth(baseUrl, api, 600_000);
  const response = await fetch(`${baseUrl}/api/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`Signing in to the hub's API answered ${response.status}.`);
  const { token } = await response.json();
  return {
    api,
    get: async (path, init = {}) => {
      const answer = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
      });
      const body = await answer.text();
      if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${body.slice(0, 200)}`);
      return body;
    },
    async stop() {
      api.kill('SIGTERM');
      await new Promise((resolveExit) =>
        api.exitCode !== null ? resolveExit() : api.once('exit', resolveExit),
      );
    },
  };
}

/** Requests answered at CONNECTIONS connections for `seconds`. */
async function answered(server, path, seconds) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await server.get(path);
        done += 1;
      }
    }),
  );
  return done;
}

/** The class view's times, one request at a time, `count` of them (or until `stop()` says so, at least `count`). */
async function classViews(server, path, count, keepGoing = () => false) {
  const times = [];
  while (times.length < count || keepGoing()) {
    const started = performance.now();
    await server.get(path);
    times.push(performance.now() - started);
  }
  return times;
}

/** A roster of ROSTER_LEARNERS invented learners in Years 7 to 11, as a form to post. */
function rosterForm(upnPrefix, surname) {
  const perYearGroup = Math.ceil(ROSTER_LEARNERS / 5);
  const csv = formsRosterCsv({
    academicYear: YEAR,
    upnPrefix,
    surname,
    yearGroups: [7, 8, 9, 10, 11],
    perYearGroup,
    classSize: Math.ceil(perYearGroup / 12),
  });
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  return form;
}

export async function run(context) {
  const preset = option('--hub-preset', 'hub');
  const cpus = Number(option('--db-cpus', '0.25'));
  const pair = await startReplicatedPostgres();
  const budgets = [];
  const servers = [];
  try {
    const started = Date.now();
    cli(pair.primaryUrl, ['migrate']);
    context.log(`hub: generating the ${preset} preset on the primary (the hub preset takes a few minutes)`);
    cli(pair.primaryUrl, ['generate', '--preset', preset]);
    cli(
      pair.primaryUrl,
      ['user:create', '--email', EMAIL, '--name', 'Bench Hub', '--role', 'trust_admin', '--password-stdin'],
      PASSWORD,
    );
    await waitForReplay(pair.primaryUrl, pair.replicaUrls[0], 600_000);
    const loadedMs = Date.now() - started;

    if (cpus > 0) {
      for (const [label, server] of [
        ['primary', pair.primary],
        ['replica', pair.replicas[0]],
      ]) {
        const budget = await cpuBudget(`encounters-bench-${label}-${process.pid}`, cpus, (why) =>
          context.log(`hub: no CPU budget for the database servers (${why}); they share the machine's cores`),
        );
        if (!budget) break;
        budgets.push(budget);
        await budget.add(server.pid);
      }
    }
    const held = budgets.length === 2 ? `each database server held to ${cpus} of a core` : 'no CPU budgets';

    const primaryOnly = await startApi({ DATABASE_URL: pair.primaryUrl });
    servers.push(primaryOnly);
    if (budgets.length === 2) {
      // It also takes the roster commit: an API server of its own, as another machine would be, so that the
      // import's own work does not hold back the process that reads the replica.
      const budget = await cpuBudget(`encounters-bench-writer-${process.pid}`, 2 * cpus);
      if (budget) {
        budgets.push(budget);
        await budget.add(primaryOnly.api.pid);
      }
    }
    const withReplica = await startApi({
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrls[0],
    });
    servers.push(withReplica);
    const replicaOnly = await startApi({
      DATABASE_URL: pair.primaryUrl,
      DATABASE_REPLICA_URLS: pair.replicaUrls[0],
      PRIMARY_SHARES_READS: 'false',
    });
    servers.push(replicaOnly);

    // The trust view, through each, in turns.
    const trustView = `/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`;
    const academies = JSON.parse(await primaryOnly.get(trustView)).rows?.length ?? 0;
    /** Trust views a second through the primary alone and with the replica, warmed, in turns. */
    const inTurns = async () => {
      await answered(primaryOnly, trustView, WARM_SECONDS);
      await answered(withReplica, trustView, WARM_SECONDS);
      let alone = 0;
      let shared = 0;
      for (let turn = 0; turn < TURNS; turn++) {
        alone += await answered(primaryOnly, trustView, TURN_SECONDS);
        shared += await answered(withReplica, trustView, TURN_SECONDS);
      }
      return { alone: alone / (TURNS * TURN_SECONDS), shared: shared / (TURNS * TURN_SECONDS) };
    };
    const budgeted = await inTurns();
    const ratio = budgeted.shared / budgeted.alone;
    // The same without budgets: every server on the machine's shared cores, where a replica adds no processor.
    for (const budget of budgets) await budget.lift();
    const unbudgeted = budgets.length ? await inTurns() : null;

    // A class view read from the replica, idle and while a roster is committed through the primary. With two
    // processors or more, as two machines of one processor each: the primary and the API that takes the roster
    // on the first, the replica, the API that reads it and this client on the second, budgets lifted; so
    // the replica's own work replaying the roster is all that competes with the reads.
    let layout = 'sharing the machine';
    if (budgets.length === 3 && processors().length >= 2) {
      const pinned = [
        await pinToCores(pair.primary.pid, '0'),
        await pinToCores(primaryOnly.api.pid, '0'),
        await pinToCores(pair.replicas[0].pid, '1'),
        await pinToCores(replicaOnly.api.pid, '1'),
        await pinToCores(process.pid, '1'),
      ];
      if (pinned.every(Boolean)) layout = 'two machines of one processor, emulated';
    }
    const { rows: groups } = await (async () => {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: pair.primaryUrl });
      await client.connect();
      try {
        return await client.query(
          `SELECT g.id FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id
            WHERE g.academic_year = $1 GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1`,
          [YEAR],
        );
      } finally {
        await client.end();
      }
    })();
    const classView = `/api/coverage/learners?scope=group&id=${groups[0].id}&academicYear=${YEAR}&asAt=${AS_AT}`;
    await classViews(replicaOnly, classView, 50);
    const idle = await classViews(replicaOnly, classView, CLASS_VIEWS);
    const idleOnPrimary = await classViews(primaryOnly, classView, CLASS_VIEWS);
    /**
     * Commits a roster of a new academy (`index` 1, 2…) through the primary's API while `reader` reads the
     * class view one request after another: the times of those reads, and how long the commit took.
     */
    const readDuringCommit = async (index, reader) => {
      const academy = JSON.parse(
        await primaryOnly.get('/api/academies', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `Hub Bench Roster Academy ${index}`,
            urn: String(989_897 + index),
            phase: 'secondary',
          }),
        }),
      );
      let committing = true;
      const started = performance.now();
      const commit = primaryOnly
        .get(`/api/academies/${academy.id}/roster?academicYear=${YEAR}&dryRun=false`, {
          method: 'POST',
          body: rosterForm(String(8990 - index), `Hubroster${'ABCDEFGH'[index - 1]}x`),
        })
        .finally(() => (committing = false));
      const times = await classViews(reader, classView, 20, () => committing);
      await commit;
      return { times, ms: performance.now() - started };
    };
    const { times: during, ms: commitMs } = await readDuringCommit(1, replicaOnly);
    // The same on the primary: a second roster of another academy, read from the primary while it commits.
    const { times: duringOnPrimary } = await readDuringCommit(2, primaryOnly);
    const idleP99 = percentile(idle, 99);
    const duringP99 = percentile(during, 99);

    return [
      { metric: `load the ${preset} preset and replay it on the replica`, value: loadedMs, unit: 'ms' },
      {
        metric: `trust view (${academies} academies) at ${CONNECTIONS} connections, primary alone (${held})`,
        value: budgeted.alone,
        unit: '/s',
      },
      {
        metric: `trust view at ${CONNECTIONS} connections, primary and one replica sharing the reads (${held})`,
        value: budgeted.shared,
        unit: '/s',
      },
      {
        metric: 'trust view throughput: with one replica ÷ primary alone',
        value: ratio,
        unit: '×',
        target: '≥ 1.6',
        ok: ratio >= 1.6,
      },
      ...(unbudgeted
        ? [
            {
              metric:
                'for comparison, without budgets (all on the same cores): trust views a second, primary alone / with one replica',
              value: `${Math.round(unbudgeted.alone)} / ${Math.round(unbudgeted.shared)} (${(unbudgeted.shared / unbudgeted.alone).toFixed(2)} ×)`,
            },
          ]
        : []),
      {
        metric: `class view read from the replica, p99 of ${CLASS_VIEWS}, idle (${layout})`,
        value: idleP99,
        unit: 'ms',
      },
      {
        metric: `class view read from the replica, p99 of ${during.length} during a ${ROSTER_LEARNERS.toLocaleString('en-GB')}-learner roster commit (${Math.round(commitMs)} ms)`,
        value: duringP99,
        unit: 'ms',
      },
      {
        metric: `for comparison: class view read from the primary, p99 idle / during a roster commit`,
        value: `${percentile(idleOnPrimary, 99).toFixed(1)} / ${percentile(duringOnPrimary, 99).toFixed(1)} ms`,
      },
      {
        metric: 'class view p99 on the replica: during the roster commit ÷ idle',
        value: duringP99 / idleP99,
        unit: '×',
        target: '≤ 1.5',
        ok: duringP99 / idleP99 <= 1.5,
      },
    ];
  } finally {
    await pinToCores(process.pid, `0-${processors().length - 1}`);
    for (const server of servers) await server.stop();
    await pair.remove();
    for (const budget of budgets) await budget.remove();
  }
}
