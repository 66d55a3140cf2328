// The API against the bare floor server (issue 20), side by side in the same run on the same database: the
// class view (`/api/coverage/learners?scope=group`) as a trust administrator sees it, answered by the API and
// by `floor-server.mjs` (node:http + pg, the same statements, the same JSON). Checks the answers are byte for
// byte the same, then measures each alone: the median at one connection, and requests per second at ten.
// Requests per second are taken in steady state and fairly: each server (and the bench's own HTTP client) is
// first warmed for WARM_SECONDS at ten connections, uncounted, then the two take turns, TURNS turns each of
// SECONDS / TURNS, so that neither pays alone for the client's warming up or a noisy moment of the machine.
// Then the learner record of one of the class's learners: the floor runs the very statement the API runs
// (`cli sql learner-record`) and answers its row; the API also evaluates the rules and builds the timeline,
// so its ratio to the floor is printed without a target, as what the framework and that work cost together.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../start/embedded-postgres.mjs';
import { cli, median } from './shared.mjs';

export const name = 'floor';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = 200;
const CONNECTIONS = 10;
const SECONDS = 6;
const WARM_SECONDS = 2;
const TURNS = 3;

async function startFloor(databaseUrl) {
  const port = await freePort();
  const floor = spawn(process.execPath, [resolve(here, 'floor-server.mjs')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      FLOOR_LEARNER_RECORD: cli(databaseUrl, ['sql', 'learner-record']).trim(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolveStart, rejectStart) => {
    floor.stdout.once('data', resolveStart);
    floor.once('exit', (code) => rejectStart(new Error(`The floor server exited with code ${code}.`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      floor.kill('SIGTERM');
      await new Promise((resolveExit) =>
        floor.exitCode !== null ? resolveExit() : floor.once('exit', resolveExit),
      );
    },
  };
}

/** `fetch` of the path, answering the body as text; any status but 200 fails the run. */
async function text(get, path) {
  const response = await get(path);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
  return body;
}

async function latency(get, path) {
  for (let warm = 0; warm < 20; warm++) await text(get, path);
  const times = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    await text(get, path);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Requests answered at CONNECTIONS connections for `seconds`. */
async function answered(get, path, seconds) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        await text(get, path);
        done += 1;
      }
    }),
  );
  return done;
}

/** Requests per second of the API and of the floor server, warmed, taking turns (see the top). */
async function throughputs(api, bare, path) {
  await answered(api, path, WARM_SECONDS);
  await answered(bare, path, WARM_SECONDS);
  let fromApi = 0;
  let fromFloor = 0;
  for (let turn = 0; turn < TURNS; turn++) {
    fromApi += await answered(api, path, SECONDS / TURNS);
    fromFloor += await answered(bare, path, SECONDS / TURNS);
  }
  return [fromApi / SECONDS, fromFloor / SECONDS];
}

export async function run(context) {
  const generated = context.preset && context.preset !== 'demo';
  const [group] = (
    await context.db.query(
      `SELECT g.id, g.academic_year FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id
        WHERE ($1::smallint IS NULL OR g.academic_year = $1)
        GROUP BY g.id ORDER BY g.academic_year DESC, count(*) DESC, g.id LIMIT 1`,
      [generated ? 2025 : null],
    )
  ).rows;
  const path = `/api/coverage/learners?scope=group&id=${group.id}&academicYear=${group.academic_year}&asAt=${group.academic_year + 1}-03-31`;
  const floor = await startFloor(context.databaseUrl);
  try {
    const api = (target) => context.fetch(target);
    const bare = (target) => fetch(`${floor.baseUrl}${target}`);
    const fromApi = await text(api, path);
    const fromFloor = await text(bare, path);
    const learners = JSON.parse(fromApi).rows.length;
    const apiMedian = await latency(api, path);
    const floorMedian = await latency(bare, path);
    const [apiRate, floorRate] = await throughputs(api, bare, path);
    const ratio = apiRate / floorRate;
    const recordPath = `/api/learners/${JSON.parse(fromApi).rows[0].learnerId}?academicYear=${group.academic_year}&asAt=${group.academic_year + 1}-03-31`;
    const recordFromFloor = JSON.parse(await text(bare, recordPath));
    if (recordFromFloor.detail?.id !== JSON.parse(await text(api, recordPath)).learner.id)
      throw new Error('The floor server read another learner than the API.');
    const recordApiMedian = await latency(api, recordPath);
    const recordFloorMedian = await latency(bare, recordPath);
    const [recordApiRate, recordFloorRate] = await throughputs(api, bare, recordPath);
    return [
      {
        metric: `class view (${learners} learners): the API's answer is the floor server's, byte for byte`,
        value: fromApi === fromFloor ? 'yes' : 'no',
        target: 'yes',
        ok: fromApi === fromFloor,
      },
      {
        metric: `class view through the API, median of ${ROUNDS}`,
        value: apiMedian,
        unit: 'ms',
        target: '≤ 10 ms',
        ok: apiMedian <= 10,
      },
      { metric: `class view from the floor server, median of ${ROUNDS}`, value: floorMedian, unit: 'ms' },
      {
        metric: `class view through the API at ${CONNECTIONS} connections`,
        value: apiRate,
        unit: 'req/s',
      },
      {
        metric: `class view from the floor server at ${CONNECTIONS} connections`,
        value: floorRate,
        unit: 'req/s',
      },
      {
        metric: 'class view throughput: API ÷ floor server',
        value: ratio,
        unit: '×',
        target: '≥ 0.85',
        ok: ratio >= 0.85,
      },
      { metric: `learner record through the API, median of ${ROUNDS}`, value: recordApiMedian, unit: 'ms' },
      {
        metric: `learner record from the floor server (the same statement, no rules engine), median of ${ROUNDS}`,
        value: recordFloorMedian,
        unit: 'ms',
      },
      {
        metric: `learner record at ${CONNECTIONS} connections: API / floor server`,
        value: `${Math.round(recordApiRate)} / ${Math.round(recordFloorRate)} req/s`,
      },
      {
        metric: 'learner record throughput: API ÷ floor server (the API also runs the rules engine)',
        value: recordApiRate / recordFloorRate,
        unit: '×',
      },
    ];
  } finally {
    await floor.stop();
  }
}
