// Coverage at trust scale (issue 5) and the cost of authorisation and sign-in (issue 6). Generates the
// `trust` preset (20 academies, 24,000 learners, 5 years, about 1.2 million attendances) and a ten-times
// smaller one into databases of their own on the harness's server, starts an API on each, and measures
// medians through HTTP with a warm server. The "naive floor" is a plain SQL aggregate that answers the
// trust-scope question by scanning the attendances, timed on the same database in the same run.
import pg from 'pg';
import { ensureDatabase } from '../start/embedded-postgres.mjs';
import { cli, median, medianOfRounds, spawnApi, waitForHealth } from './shared.mjs';

export const name = 'coverage';

const YEAR = 2025;
const AS_AT = '2026-03-31';
const ROUNDS = 40;
const PASSWORD = 'bench passphrase for coverage 1';
/** The API's metrics are on for the run: the time spent on authorisation is read from them. */
const METRICS_TOKEN = 'bench-metrics-token-0123456789';

/** A database holding the preset, an API on it, and bearer tokens for a trust administrator and a teacher. */
async function presetServer(adminUrl, preset, log) {
  const database = `encounters_bench_${preset.replace(/\W/g, '_')}_${Date.now()}`;
  await ensureDatabase(adminUrl, database);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const started = Date.now();
  log(`generating the ${preset} preset`);
  cli(databaseUrl, ['generate', '--preset', preset]);
  const generatedMs = Date.now() - started;
  cli(
    databaseUrl,
    [
      'user:create',
      '--email',
      'bench.admin@bench.example',
      '--name',
      'Bench Admin',
      '--role',
      'trust_admin',
      '--password-stdin',
    ],
    PASSWORD,
  );
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [group] = (
    await db.query(
      `SELECT g.id, g.academy_id FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id
        WHERE g.academic_year = $1 AND g.year_group = 9 GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1`,
      [YEAR],
    )
  ).rows;
  const [learner] = (
    await db.query(
      `SELECT e.learner_id AS id FROM enrolment e
        WHERE e.registration_group_id = $1 ORDER BY e.learner_id LIMIT 1`,
      [group.id],
    )
  ).rows;
  const { api, baseUrl } = await spawnApi({ DATABASE_URL: databaseUrl, METRICS_TOKEN });
  await waitForHealth(baseUrl, api);
  const token = async (email) => {
    const response = await fetch(`${baseUrl}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
    return (await response.json()).token;
  };
  const adminToken = await token('bench.admin@bench.example');
  // A teacher of the measured class, created through the API as an administrator would.
  const created = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench.teacher@bench.example',
      name: 'Bench Teacher',
      password: PASSWORD,
      roles: ['teacher'],
      academyIds: [group.academy_id],
      groupIds: [group.id],
    }),
  });
  if (!created.ok) throw new Error(`Creating the teacher failed: ${created.status} ${await created.text()}`);
  const teacherToken = await token('bench.teacher@bench.example');
  const get = (path, bearer = adminToken) =>
    fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then(async (response) => {
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return response.json();
    });
  // A read as the HTTP figures time it: until the whole answer has arrived, as the other scenarios time theirs
  // (writes.mjs). The client's own parsing of the JSON is not the server's time; it is timed apart.
  const fetched = (path, bearer = adminToken) =>
    fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then(async (response) => {
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return Buffer.from(await response.arrayBuffer());
    });
  return {
    db,
    get,
    fetched,
    baseUrl,
    group,
    learner,
    teacherToken,
    generatedMs,
    /** The API's running totals of the time spent deciding access and the signed-in requests checked. */
    async authorisation() {
      const response = await fetch(`${baseUrl}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      if (!response.ok) throw new Error(`The API's metrics answered ${response.status}.`);
      const text = await response.text();
      const figure = (metric) => Number(new RegExp(`^${metric} (\\S+)$`, 'm').exec(text)?.[1]);
      return {
        seconds: figure('encounters_authorisation_seconds_total'),
        checks: figure('encounters_authorisation_checks_total'),
      };
    },
    async stop() {
      api.kill('SIGTERM');
      await new Promise((resolveExit) =>
        api.exitCode !== null ? resolveExit() : api.once('exit', resolveExit),
      );
      await db.end();
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/**
 * The trust view's answer, its size and what parsing it costs the client (`JSON.parse`, median): not in the
 * figures through HTTP, which end when the answer has arrived.
 */
async function clientParse(preset, fetched) {
  const answer = await fetched(`/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`);
  const text = answer.toString('utf8');
  const parse = await medianOfRounds(ROUNDS, async () => JSON.parse(text));
  return [
    {
      metric: `${preset}: trust scope answer / the client's JSON.parse of it, median`,
      value: `${(answer.length / 1000).toFixed(0)} kB / ${parse.toFixed(2)} ms`,
    },
  ];
}

/** The trust-scope question answered the straightforward way: every attendance of every learner, scanned. */
const NAIVE_TRUST_COVERAGE = `
  WITH counted AS (
    SELECT e.learner_id, e.academy_id, e.year_group,
      count(*) FILTER (WHERE enc.academic_year = $1 AND 'employer_encounter' = ANY (enc.categories)) AS employer_this_year,
      count(*) FILTER (WHERE enc.academic_year = $1 AND 'education_provider_encounter' = ANY (enc.categories)) AS education_this_year,
      count(*) FILTER (WHERE enc.academic_year = $1 AND 'specialist_careers_advice' = ANY (enc.categories)) AS advice_this_year,
      count(*) FILTER (WHERE 'workplace_experience' = ANY (enc.categories)) AS workplace,
      count(DISTINCT t.type) AS education_types,
      count(*) FILTER (WHERE 'personal_guidance_meeting' = ANY (enc.categories)) AS guidance,
      count(*) FILTER (WHERE 'pal_provider_encounter' = ANY (enc.categories)) AS pal
    FROM enrolment e
    LEFT JOIN attendance a ON a.learner_id = e.learner_id AND a.status = 'attended'
    LEFT JOIN encounter enc ON enc.id = a.encounter_id AND enc.deleted_at IS NULL AND enc.date <= $2::date
    LEFT JOIN LATERAL unnest(enc.education_types) AS t (type) ON true
    WHERE e.academic_year = $1
      AND NOT (e.leaving_date IS NOT NULL AND e.leaving_date < $2::date)
    GROUP BY e.learner_id, e.academy_id, e.year_group)
  SELECT academy_id, count(*) AS learners,
    count(*) FILTER (WHERE employer_this_year > 0 AND education_this_year > 0 AND advice_this_year > 0) AS o2,
    count(*) FILTER (WHERE employer_this_year > 0) AS b5,
    count(*) FILTER (WHERE year_group <= 11 AND workplace >= 2) AS b6_16,
    count(*) FILTER (WHERE year_group <= 11 AND education_types >= 4) AS b7_16,
    count(*) FILTER (WHERE guidance > 0) AS b8,
    count(*) FILTER (WHERE pal >= 2) AS pal
  FROM counted GROUP BY academy_id`;

/** Medians of the trust view right after a change: `change` runs before each (untimed) request. */
async function timedAfter(rounds, change, work) {
  const times = [];
  for (let round = 0; round < rounds; round += 1) {
    await change(round);
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function run(context) {
  const adminUrl = new URL(context.databaseUrl);
  adminUrl.pathname = '/postgres';
  const rows = [];
  const classView = {};
  const trustView = {};
  // `npm run bench -- coverage --hub` adds the hub preset (5× trust; generating it takes several minutes).
  const presets = ['trust-tenth', 'trust', ...(process.argv.includes('--hub') ? ['hub'] : [])];
  for (const preset of presets) {
    const server = await presetServer(adminUrl.toString(), preset, context.log);
    try {
      const { get, fetched, group, learner } = server;
      rows.push({
        metric: `${preset}: generate and write the trust (set-up)`,
        value: server.generatedMs / 1000,
        unit: 's',
        ...(preset === 'trust' ? { target: '≤ 90 s', ok: server.generatedMs <= 90_000 } : {}),
      });
      if (preset === 'hub') {
        trustView.hub = await medianOfRounds(ROUNDS, () =>
          fetched(`/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`),
        );
        rows.push(...(await clientParse('hub', fetched)));
        rows.push({
          metric: 'hub: trust scope, median through HTTP',
          value: trustView.hub,
          unit: 'ms',
          target: '≤ 50 ms',
          ok: trustView.hub <= 50,
        });
        continue;
      }
      classView[preset] = await medianOfRounds(ROUNDS, () =>
        fetched(
          `/api/coverage/learners?scope=group&id=${group.id}&academicYear=${YEAR}&asAt=${AS_AT}`,
          server.teacherToken,
        ),
      );
      if (preset !== 'trust') continue;
      const [{ count: attendances }] = (
        await server.db.query('SELECT count(*)::int AS count FROM attendance')
      ).rows;
      const [{ count: learners }] = (
        await server.db.query('SELECT count(*)::int AS count FROM enrolment WHERE academic_year = $1', [YEAR])
      ).rows;
      rows.push({
        metric: 'trust: learners on roll / attendances held',
        value: `${learners} / ${attendances}`,
      });
      const trustPath = `/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`;
      const trust = await medianOfRounds(ROUNDS, () => fetched(trustPath));
      trustView.trust = trust;
      rows.push(...(await clientParse('trust', fetched)));
      // As after a write: one academy's progress changed, so its tallies are counted again.
      const [{ id: oneAcademy }] = (await server.db.query('SELECT id FROM academy ORDER BY id LIMIT 1')).rows;
      const afterWrite = await timedAfter(
        10,
        () =>
          server.db.query(
            `UPDATE learner_progress SET b5_met_on = b5_met_on
              WHERE (academic_year, learner_id, academy_id) IN (
                SELECT academic_year, learner_id, academy_id FROM learner_progress
                 WHERE academic_year = $1 AND academy_id = $2 LIMIT 1)`,
            [YEAR, oneAcademy],
          ),
        () => fetched(trustPath),
      );
      // Every academy counted again: the whole year's progress rows in one aggregate.
      const cold = await timedAfter(
        10,
        () =>
          server.db.query('UPDATE coverage_version SET version = version + 1 WHERE academic_year = $1', [
            YEAR,
          ]),
        () => fetched(trustPath),
      );
      const naive = await medianOfRounds(10, () => server.db.query(NAIVE_TRUST_COVERAGE, [YEAR, AS_AT]));
      rows.push({
        metric: 'trust scope, median through HTTP',
        value: trust,
        unit: 'ms',
        target: '≤ 25 ms',
        ok: trust <= 25,
      });
      rows.push({
        metric: 'trust scope right after a change in one academy, median of 10',
        value: afterWrite,
        unit: 'ms',
        target: '≤ 25 ms',
        ok: afterWrite <= 25,
      });
      rows.push({
        metric: 'trust scope with every academy counted again, median of 10',
        value: cold,
        unit: 'ms',
      });
      rows.push({ metric: 'naive SQL aggregate over the attendances, median', value: naive, unit: 'ms' });
      rows.push({
        metric: 'trust scope ÷ naive floor',
        value: (trust / naive).toFixed(3),
        target: '≤ 0.5',
        ok: trust / naive <= 0.5,
      });
      const academyBreakdown = await medianOfRounds(ROUNDS, () =>
        fetched(
          `/api/coverage?scope=academy&id=${group.academy_id}&academicYear=${YEAR}&asAt=${AS_AT}&breakdown=pupilPremium`,
        ),
      );
      rows.push({
        metric: 'academy scope with a breakdown, median',
        value: academyBreakdown,
        unit: 'ms',
        target: '≤ 15 ms',
        ok: academyBreakdown <= 15,
      });
      rows.push({
        metric: 'class view (30 learners, teacher), median',
        value: classView.trust,
        unit: 'ms',
        target: '≤ 10 ms',
        ok: classView.trust <= 10,
      });
      const classAsAdmin = await medianOfRounds(ROUNDS, () =>
        fetched(`/api/coverage/learners?scope=group&id=${group.id}&academicYear=${YEAR}&asAt=${AS_AT}`),
      );
      rows.push({
        metric: 'class view as trust administrator (no scope filter), median',
        value: classAsAdmin,
        unit: 'ms',
      });
      const record = await medianOfRounds(ROUNDS, () =>
        fetched(`/api/learners/${learner.id}?academicYear=${YEAR}&asAt=${AS_AT}`),
      );
      rows.push({
        metric: 'learner record, median',
        value: record,
        unit: 'ms',
        target: '≤ 10 ms',
        ok: record <= 10,
      });
      // Authorisation per request, measured inside the API: the access guard's own time and the policy
      // code's (scopes and their SQL), summed with the monotonic clock over the teacher's signed-in requests
      // and divided by their number (the API's metrics). A sum of durations cannot be negative; a figure
      // that is not a finite number (no checks counted) fails the run as impossible.
      const before = await server.authorisation();
      for (let round = 0; round < ROUNDS; round += 1) {
        await get(`/api/policy/${YEAR}`, server.teacherToken);
        await get(
          `/api/coverage/learners?scope=group&id=${group.id}&academicYear=${YEAR}&asAt=${AS_AT}`,
          server.teacherToken,
        );
      }
      const after = await server.authorisation();
      const checks = after.checks - before.checks;
      const perRequest = checks === 2 * ROUNDS ? ((after.seconds - before.seconds) * 1000) / checks : NaN;
      rows.push({
        metric: `authorisation per request (guard and scoping, timed in the API, ${2 * ROUNDS} requests), mean`,
        value: perRequest,
        unit: 'ms',
        target: '≤ 2 ms',
        ok: perRequest <= 2,
      });
      const signIn = await medianOfRounds(10, () =>
        fetch(`${server.baseUrl}/api/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'bench.teacher@bench.example', password: PASSWORD }),
        }).then((response) => response.json()),
      );
      rows.push({
        metric: 'sign-in (argon2id, OWASP parameters), median',
        value: signIn,
        unit: 'ms',
        target: '≤ 300 ms',
        ok: signIn <= 300,
      });
    } finally {
      await server.stop();
    }
  }
  rows.push({
    metric: 'class view, trust-tenth preset, median',
    value: classView['trust-tenth'],
    unit: 'ms',
  });
  const growth = classView.trust / classView['trust-tenth'];
  rows.push({ metric: 'class view: trust ÷ trust-tenth', value: growth, target: '≤ 1.5', ok: growth <= 1.5 });
  if (trustView.hub !== undefined) {
    const flat = trustView.hub / trustView.trust;
    rows.push({ metric: 'trust scope: hub ÷ trust', value: flat, unit: '×', target: '≤ 2', ok: flat <= 2 });
  }
  return rows;
}
