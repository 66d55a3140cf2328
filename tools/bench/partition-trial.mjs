// The partitioning trial of issue 21 (docs/scaling.md, "Partitioning history"): the API's own reads timed
// through HTTP on one database, three API starts: the first trust view, the class view, a learner record and
// an academy's gender breakdown (medians). Run it on a generated database (`cli generate --preset trust`, the
// demo administrator created) and on a copy made with `CREATE DATABASE … TEMPLATE …` then
// `tools/bench/partition-trial.sql`, in turns: `node tools/bench/partition-trial.mjs <url> <label>`.
// Needs the built API.
import { spawnApi, waitForHealth, median } from './shared.mjs';
import pg from 'pg';
const [url, label] = process.argv.slice(2);
const db = new pg.Client({ connectionString: url });
await db.connect();
const {
  rows: [g],
} = await db.query(
  `SELECT g.id, g.academic_year FROM learning_group g JOIN enrolment e ON e.registration_group_id = g.id WHERE g.academic_year = 2025 GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1`,
);
const {
  rows: [a],
} = await db.query(`SELECT id FROM academy ORDER BY name LIMIT 1`);
await db.end();
const asAt = '2026-03-31';
const out = { label };
for (let round = 0; round < 3; round++) {
  const { api, baseUrl } = await spawnApi(
    { DATABASE_URL: url, MIGRATE_ON_START: 'false' },
    { inheritEnv: false },
  );
  await waitForHealth(baseUrl, api);
  const { token } = await (
    await fetch(`${baseUrl}/api/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.encounters', password: 'blue-kiln-falcon-2025' }),
    })
  ).json();
  const time = async (path) => {
    const t = performance.now();
    const r = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const b = await r.text();
    if (!r.ok) throw new Error(`${path} ${r.status} ${b.slice(0, 200)}`);
    return [performance.now() - t, b];
  };
  (out.coldTrust ??= []).push((await time(`/api/coverage?scope=trust&academicYear=2025&asAt=${asAt}`))[0]);
  const cv = `/api/coverage/learners?scope=group&id=${g.id}&academicYear=2025&asAt=${asAt}`;
  const [, body] = await time(cv);
  const learnerId = JSON.parse(body).rows[0].learnerId;
  const series = async (path, n) => {
    for (let i = 0; i < 20; i++) await time(path);
    const ts = [];
    for (let i = 0; i < n; i++) ts.push((await time(path))[0]);
    return median(ts);
  };
  (out.classView ??= []).push(await series(cv, 200));
  (out.record ??= []).push(await series(`/api/learners/${learnerId}?academicYear=2025&asAt=${asAt}`, 200));
  (out.breakdown ??= []).push(
    await series(
      `/api/coverage?scope=academy&id=${a.id}&academicYear=2025&asAt=${asAt}&breakdown=gender`,
      100,
    ),
  );
  api.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
}
const fmt = (xs) => xs.map((x) => x.toFixed(2)).join(' / ');
console.log(
  label,
  'cold trust view',
  fmt(out.coldTrust),
  '| class view',
  fmt(out.classView),
  '| learner record',
  fmt(out.record),
  '| academy gender breakdown (uncached)',
  fmt(out.breakdown),
);
