// The bare floor server (issue 20): a minimal `node:http` + `pg` server that answers the class view
// (`GET /api/coverage/learners?scope=group&id=…&academicYear=…&asAt=…`) as a trust administrator sees it,
// with the statements the API runs and the same JSON, byte for byte (the `floor` scenario checks that), and
// the learner record (`GET /api/learners/{id}`) with the very statement the API runs (given in
// `FLOOR_LEARNER_RECORD`, the JSON that `cli sql learner-record` prints), answering the row as it comes: the
// API's answer adds the rules engine's evaluation and the timeline's counting, which the floor does not do.
// No framework, no authentication, no validation beyond what the SQL needs: what a request costs when
// nothing but the database work and the JSON are done. `DATABASE_URL=… PORT=… node tools/bench/floor-server.mjs`.
import { createServer } from 'node:http';
import pg from 'pg';

import { PLANNED_EVIDENCE_RULES, RULE_IDS } from './floor-rules.mjs';

const col = (rule) => rule.toLowerCase();
// R-WEX-8: a work-experience rule whose done + planned hours reach the target stays on track when at risk.
const atRiskAlso = (rule) =>
  PLANNED_EVIDENCE_RULES.includes(rule) ? ` AND p.${col(rule)}_met_on IS NULL` : '';

// As apps/api/src/coverage/coverage.service.ts and policy-lookup.ts write them.
const STATUS_COLUMNS = RULE_IDS.map(
  (rule) => `CASE WHEN p.${col(rule)}_window_end IS NULL THEN 'not_applicable'
      WHEN p.${col(rule)}_met_on <= $2::date THEN 'met'
      WHEN p.${col(rule)}_window_end < $2::date THEN 'missed'
      WHEN p.${col(rule)}_window_end - $2::date <= p.at_risk_days${atRiskAlso(rule)} THEN 'at_risk'
      ELSE 'on_track' END AS ${col(rule)}_status`,
).join(',\n    ');
const PROGRESS_WITH_ENROLMENT = `learner_progress p
  CROSS JOIN LATERAL (SELECT p.learner_id, p.academic_year, p.academy_id, p.year_group, p.registration_group_id,
    p.pupil_premium, p.sen_status, p.eal, p.looked_after, p.admission_date, p.leaving_date) e`;
const POLICY_VERSION_SQL = `(SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') FROM policy)`;
const CLASS_VIEW_SQL = `SELECT e.learner_id, l.upn,
              coalesce(l.preferred_forename, l.legal_forename) || ' ' || coalesce(l.preferred_surname, l.legal_surname) AS name,
              e.year_group, g.name AS group_name,
              ${STATUS_COLUMNS}
         FROM ${PROGRESS_WITH_ENROLMENT}
         JOIN learner l ON l.id = e.learner_id
         LEFT JOIN learning_group g ON g.id = e.registration_group_id
        WHERE e.academic_year = $1 AND p.counts_at @> $2::date AND e.learner_id IN (SELECT learner_id FROM group_membership WHERE group_id = $3) AND e.academy_id = $4
        ORDER BY lower(coalesce(l.preferred_surname, l.legal_surname)), lower(coalesce(l.preferred_forename, l.legal_forename)), l.upn`;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  application_name: 'encounters-floor',
  options: '-c jit=off -c max_parallel_workers_per_gather=0',
});

// The statements are named (prepared) statements, as the API runs them: a floor that parsed and planned each
// request afresh would be slower than the API and flatter it. `FLOOR_PREPARED=0` sends them as plain statements,
// to see what preparing saves.
const PREPARED = process.env.FLOOR_PREPARED !== '0';
const statement = (name, text, values) => (PREPARED ? { name, text, values } : { text, values });

let cachedPolicies = { version: null, byYear: new Map() };

async function policies(version) {
  if (cachedPolicies.version === version) return cachedPolicies.byYear;
  const { rows } = await pool.query(`SELECT v.version, p.academic_year, p.body
       FROM (SELECT ${POLICY_VERSION_SQL} AS version) v LEFT JOIN policy p ON TRUE`);
  cachedPolicies = {
    version: rows[0].version,
    byYear: new Map(
      rows.filter((row) => row.academic_year !== null).map((row) => [row.academic_year, row.body]),
    ),
  };
  return cachedPolicies.byYear;
}

function defaultRuleSet(academicYear) {
  return academicYear >= 2025 ? 'gatsby-2024' : 'gatsby-2014';
}

async function classView(url) {
  const id = url.searchParams.get('id');
  const asAt = url.searchParams.get('asAt');
  const group = (
    await pool.query(
      statement(
        'floor_group',
        `SELECT name, academy_id, academic_year, ${POLICY_VERSION_SQL} AS policy_version FROM learning_group WHERE id = $1`,
        [id],
      ),
    )
  ).rows[0];
  if (!group) return null;
  const academicYear = Number(url.searchParams.get('academicYear') ?? group.academic_year);
  // The policies are read again only when their version changed, as the API does.
  const [policyFor, rows] = await Promise.all([
    policies(group.policy_version),
    pool.query(statement('floor_class_view', CLASS_VIEW_SQL, [academicYear, asAt, id, group.academy_id])),
  ]);
  const policy = policyFor.get(academicYear);
  return {
    scope: 'group',
    academicYear,
    asAt,
    ruleSet: policy?.ruleSet ?? defaultRuleSet(academicYear),
    rows: rows.rows.map((row) => ({
      learnerId: row.learner_id,
      upn: row.upn,
      name: row.name,
      yearGroup: row.year_group,
      group: row.group_name ?? null,
      statuses: Object.fromEntries(RULE_IDS.map((rule) => [rule, row[`${col(rule)}_status`]])),
    })),
  };
}

const learnerRecordStatement = process.env.FLOOR_LEARNER_RECORD
  ? JSON.parse(process.env.FLOOR_LEARNER_RECORD)
  : null;
const LEARNER_PATH = /^\/api\/learners\/([0-9a-f-]{36})$/;

/** The learner record's statement, run as the API runs it (not prepared), and the policies as the API reads them. */
async function learnerRecord(id) {
  if (!learnerRecordStatement) return null;
  const values = learnerRecordStatement.values.map(function bind(value) {
    return Array.isArray(value) ? value.map(bind) : value === '$learner' ? id : value;
  });
  const [row] = (await pool.query(learnerRecordStatement.text, values)).rows;
  if (!row?.detail) return null;
  await policies(row.detail.policy_version);
  return row;
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://floor');
    const learner = LEARNER_PATH.exec(url.pathname);
    const body =
      url.pathname === '/api/coverage/learners'
        ? await classView(url)
        : learner
          ? await learnerRecord(learner[1])
          : null;
    const text = JSON.stringify(
      body ?? { statusCode: 404, error: 'Not Found', message: 'Not here.', details: [] },
    );
    response.writeHead(body ? 200 : 404, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    });
    response.end(text);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(String(error?.message ?? error));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
