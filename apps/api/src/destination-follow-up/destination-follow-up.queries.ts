import type {
  AcademicYear,
  ActualDestinationCategory,
  DestinationAnniversary,
  DestinationSource,
  IsoDate,
  RuleId,
  RuleStatus,
} from '@encounters/domain';
import type { EntityManager } from 'typeorm';
import { learnerNameSql } from '../common/learner-sql';
import { SqlParams } from '../common/sql-params';
import { ruleStatusSql } from '../coverage/coverage.service';

/*
 * Every statement of the destinations follow-up (NEET risk, leavers' actual destinations, retention), with
 * the rows it answers typed. Each runs on the manager it is given, so that a write runs in its caller's
 * transaction.
 */

/** A timestamp as the API answers it: ISO 8601 in UTC, read as text (never through a JavaScript Date). */
const isoTimestamp = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The order that makes one enrolment a learner's last: the latest year, and in it the enrolment still open
 * (a move inside the trust leaves the first one with a leaving date), else the one left last.
 */
const LAST_ENROLMENT_ORDER = `last.academic_year DESC, last.leaving_date DESC NULLS FIRST,
  last.admission_date DESC NULLS LAST, last.created_at DESC, last.id`;

/**
 * R-DEST-4: SQL true when the enrolment `en` makes its learner a leaver of its academy and year: it is their
 * last enrolment, and either it has a leaving date or its year is before the current academic year
 * (`currentYear`, an SQL parameter).
 */
function leaverSql(en: string, currentYear: string): string {
  return `${en}.id = (SELECT last.id FROM enrolment last WHERE last.learner_id = ${en}.learner_id
      ORDER BY ${LAST_ENROLMENT_ORDER} LIMIT 1)
    AND (${en}.leaving_date IS NOT NULL OR ${en}.academic_year < ${currentYear})`;
}

// ---- NEET risk (R-DEST-3) ----

/** One learner's NEET-risk facts as `neetRiskRows` reads them. */
export interface NeetRiskRow {
  learner_id: string;
  upn: string;
  name: string;
  year_group: number;
  academy_id: string;
  group_id: string | null;
  group_name: string | null;
  reason: string | null;
  support: string | null;
  review_on: string | null;
  marked_by: string | null;
  marked_at: string | null;
  rule: RuleId | null;
  rule_status: RuleStatus | null;
  review_due: boolean;
}

/** The rule of R-DEST-2 that a year group's destination answers to. */
const DESTINATION_RULE_SQL = `CASE en.year_group WHEN 11 THEN 'DEST_16' WHEN 13 THEN 'DEST_18' END`;

/**
 * The NEET-risk facts of enrolments `en` chosen by `where` (conditions numbered by `p`, which holds today's
 * date as `today`): the mark when there is one, and the status of `DEST_16`/`DEST_18` today from the
 * learner's progress through that enrolment.
 */
function neetRiskSelect(today: string): string {
  return `SELECT en.learner_id, l.upn, ${learnerNameSql('l')} AS name, en.year_group, en.academy_id,
      g.id AS group_id, g.name AS group_name,
      n.reason, n.support, n.review_on::text AS review_on, u.name AS marked_by,
      ${isoTimestamp('n.marked_at')} AS marked_at,
      ${DESTINATION_RULE_SQL} AS rule,
      CASE en.year_group WHEN 11 THEN ${ruleStatusSql('DEST_16', today)}
        WHEN 13 THEN ${ruleStatusSql('DEST_18', today)} END AS rule_status,
      coalesce(n.review_on <= ${today}::date, false) AS review_due
    FROM enrolment en
    JOIN learner l ON l.id = en.learner_id
    LEFT JOIN learning_group g ON g.id = en.registration_group_id
    LEFT JOIN neet_risk n ON n.learner_id = en.learner_id
    LEFT JOIN app_user u ON u.id = n.marked_by
    LEFT JOIN learner_progress p
      ON p.learner_id = en.learner_id AND p.academic_year = en.academic_year AND p.academy_id = en.academy_id`;
}

/**
 * R-DEST-3: the NEET-risk list of an academy's Years 11 and 13 in a year: every learner marked, or flagged
 * automatically (`DEST_16`/`DEST_18` at risk or missed today). Reviews due first, then by review date, then
 * by name. `reviewDue` keeps only the learners whose review is due (true) or not due (false).
 */
export async function neetRiskList(
  db: EntityManager,
  query: { academyId: string; academicYear: AcademicYear; reviewDue?: boolean },
  today: IsoDate,
): Promise<NeetRiskRow[]> {
  const p = new SqlParams([today]);
  const conditions = [
    `en.academy_id = ${p.add(query.academyId)}`,
    `en.academic_year = ${p.add(query.academicYear)}`,
    'en.year_group IN (11, 13)',
  ];
  const due = query.reviewDue === undefined ? '' : `AND x.review_due = ${p.add(query.reviewDue)}`;
  return db.query(
    `SELECT x.* FROM (${neetRiskSelect('$1')} WHERE ${conditions.join(' AND ')}) x
      WHERE (x.reason IS NOT NULL OR x.rule_status IN ('at_risk', 'missed')) ${due}
      ORDER BY x.review_due DESC, x.review_on NULLS LAST, lower(x.name), x.learner_id`,
    p.values,
  );
}

/**
 * One learner's NEET-risk facts through the enrolment that places them: of their enrolments at `academyIds`
 * (every academy when null), the latest in Year 11 or 13, else the latest. Nothing when there is none.
 */
export async function neetRiskOfLearner(
  db: EntityManager,
  learnerId: string,
  academyIds: readonly string[] | null,
  today: IsoDate,
): Promise<NeetRiskRow | undefined> {
  const p = new SqlParams([today]);
  const conditions = [`en.learner_id = ${p.add(learnerId)}`];
  if (academyIds) conditions.push(`en.academy_id = ANY(${p.add(academyIds)}::uuid[])`);
  const [row]: NeetRiskRow[] = await db.query(
    `${neetRiskSelect('$1')} WHERE ${conditions.join(' AND ')}
      ORDER BY (en.year_group IN (11, 13)) DESC, en.academic_year DESC, en.leaving_date DESC NULLS FIRST,
        en.admission_date DESC NULLS LAST, en.created_at DESC
      LIMIT 1`,
    p.values,
  );
  return row;
}

/** A learner's enrolment, as the writes check it. */
export interface EnrolmentFactRow {
  academy_id: string;
  academic_year: number;
  year_group: number;
}

/** Every enrolment of a learner, the latest first; none for an unknown learner. */
export function enrolmentsOf(db: EntityManager, learnerId: string): Promise<EnrolmentFactRow[]> {
  return db.query(
    `SELECT last.academy_id, last.academic_year, last.year_group FROM enrolment last
      WHERE last.learner_id = $1 ORDER BY ${LAST_ENROLMENT_ORDER}`,
    [learnerId],
  );
}

/** A NEET-risk mark as it is stored: the state a write changes. */
export interface NeetRiskMarkRow {
  reason: string;
  support: string;
  review_on: string;
}

/** The learner's mark, locked for a change; nothing when they are not marked. */
export async function lockNeetRisk(
  db: EntityManager,
  learnerId: string,
): Promise<NeetRiskMarkRow | undefined> {
  const [row]: NeetRiskMarkRow[] = await db.query(
    `SELECT reason, support, review_on::text AS review_on FROM neet_risk WHERE learner_id = $1 FOR UPDATE`,
    [learnerId],
  );
  return row;
}

/** Marks a learner at NEET risk, or changes their mark: one per learner. */
export async function upsertNeetRisk(
  db: EntityManager,
  mark: { learnerId: string; reason: string; support: string; reviewOn: IsoDate; markedBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO neet_risk (learner_id, reason, support, review_on, marked_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (learner_id) DO UPDATE SET reason = EXCLUDED.reason, support = EXCLUDED.support,
       review_on = EXCLUDED.review_on, marked_by = EXCLUDED.marked_by, marked_at = now()`,
    [mark.learnerId, mark.reason, mark.support, mark.reviewOn, mark.markedBy],
  );
}

export async function deleteNeetRisk(db: EntityManager, learnerId: string): Promise<void> {
  await db.query(`DELETE FROM neet_risk WHERE learner_id = $1`, [learnerId]);
}

// ---- Leavers' actual destinations (R-DEST-4, R-DEST-5) ----

/** One leaver as `leaverRows` reads them, with their characteristics and their actual destinations. */
export interface LeaverDbRow {
  learner_id: string;
  upn: string;
  name: string;
  pseudonymised: boolean;
  academy_id: string;
  year_group: number;
  left_in: number;
  leaving_date: string | null;
  consent_to_follow_up: boolean | null;
  pupil_premium: boolean;
  sen_status: 'N' | 'K' | 'E';
  eal: boolean;
  looked_after: boolean;
  free_school_meals: boolean;
  gender: string;
  destinations: {
    anniversary: DestinationAnniversary;
    category: ActualDestinationCategory;
    provider: string | null;
    source: DestinationSource;
    recordedAt: string;
  }[];
}

const LEAVER_COLUMNS = `en.learner_id, l.upn, ${learnerNameSql('l')} AS name,
  l.pseudonymised_at IS NOT NULL AS pseudonymised, en.academy_id, en.year_group, en.academic_year AS left_in,
  en.leaving_date::text AS leaving_date, l.consent_to_follow_up, en.pupil_premium, en.sen_status, en.eal,
  en.looked_after, en.free_school_meals, coalesce(l.gender, '') AS gender,
  coalesce((SELECT json_agg(json_build_object('anniversary', d.anniversary, 'category', d.category,
      'provider', d.provider, 'source', d.source, 'recordedAt', ${isoTimestamp('d.recorded_at')})
      ORDER BY d.anniversary)
    FROM actual_destination d WHERE d.learner_id = en.learner_id), '[]') AS destinations`;

/**
 * The leavers of an academy who left in `leftIn` (R-DEST-4), by surname and forename as shown; pseudonymised
 * leavers, whose names are all the same, last.
 */
export function cohortLeavers(
  db: EntityManager,
  academyId: string,
  leftIn: AcademicYear,
  currentYear: AcademicYear,
): Promise<LeaverDbRow[]> {
  return db.query(
    `SELECT ${LEAVER_COLUMNS}
       FROM enrolment en JOIN learner l ON l.id = en.learner_id
      WHERE en.academy_id = $1 AND en.academic_year = $2 AND ${leaverSql('en', '$3')}
      ORDER BY l.pseudonymised_at IS NOT NULL, lower(coalesce(l.preferred_surname, l.legal_surname)),
        lower(coalesce(l.preferred_forename, l.legal_forename)), l.id`,
    [academyId, leftIn, currentYear],
  );
}

/** The learner as a leaver, locked for a change of their destinations; nothing when they are not a leaver. */
export async function lockLeaver(
  db: EntityManager,
  learnerId: string,
  currentYear: AcademicYear,
): Promise<LeaverDbRow | undefined> {
  const [row]: LeaverDbRow[] = await db.query(
    `SELECT ${LEAVER_COLUMNS}
       FROM enrolment en JOIN learner l ON l.id = en.learner_id
      WHERE en.learner_id = $1 AND ${leaverSql('en', '$2')}
        FOR NO KEY UPDATE OF l`,
    [learnerId, currentYear],
  );
  return row;
}

/** R-DEST-5: each year an academy's leavers left in, with how many, the latest first. */
export function cohortsOf(
  db: EntityManager,
  academyId: string,
  currentYear: AcademicYear,
): Promise<{ left_in: number; leavers: number }[]> {
  return db.query(
    `SELECT en.academic_year AS left_in, count(*)::int AS leavers
       FROM enrolment en
      WHERE en.academy_id = $1 AND ${leaverSql('en', '$2')}
      GROUP BY en.academic_year ORDER BY en.academic_year DESC`,
    [academyId, currentYear],
  );
}

/** What was recorded at one anniversary before a write, for the audit entry; nothing the first time. */
export async function lockActualDestination(
  db: EntityManager,
  learnerId: string,
  anniversary: DestinationAnniversary,
): Promise<{ category: string; provider: string | null; source: string } | undefined> {
  const [row] = await db.query(
    `SELECT category, provider, source FROM actual_destination
      WHERE learner_id = $1 AND anniversary = $2 FOR UPDATE`,
    [learnerId, anniversary],
  );
  return row;
}

/** Records what a leaver was doing at one anniversary, replacing what was recorded, and their consent. */
export async function recordActualDestination(
  db: EntityManager,
  record: {
    learnerId: string;
    anniversary: DestinationAnniversary;
    category: ActualDestinationCategory;
    provider: string | null;
    source: DestinationSource;
    consentToFollowUp: boolean;
    recordedBy: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO actual_destination (learner_id, anniversary, category, provider, source, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (learner_id, anniversary) DO UPDATE SET category = EXCLUDED.category,
       provider = EXCLUDED.provider, source = EXCLUDED.source, recorded_by = EXCLUDED.recorded_by,
       recorded_at = now()`,
    [
      record.learnerId,
      record.anniversary,
      record.category,
      record.provider,
      record.source,
      record.recordedBy,
    ],
  );
  await db.query(
    `UPDATE learner SET consent_to_follow_up = $2, updated_at = now()
      WHERE id = $1 AND consent_to_follow_up IS DISTINCT FROM $2`,
    [record.learnerId, record.consentToFollowUp],
  );
}

export async function academyExists(db: EntityManager, academyId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM academy WHERE id = $1`, [academyId]);
  return rows.length > 0;
}

// ---- Retention (R-DEST-4) ----

/** The advisory lock that lets one retention run at a time, across every API process and the CLI. */
export const RETENTION_LOCK = 7_412_303;

/** Takes the retention lock for the transaction, without waiting: false when another run holds it. */
export async function tryRetentionLock(db: EntityManager): Promise<boolean> {
  const [row]: { locked: boolean }[] = await db.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [
    RETENTION_LOCK,
  ]);
  return row.locked;
}

/**
 * Leavers not yet pseudonymised who left on or before `leftBy`, with when they left, locked. The caller
 * decides with `pseudonymiseOn` which are due: `leftBy` only keeps the scan short.
 */
export function leaversToPseudonymise(
  db: EntityManager,
  leftBy: IsoDate,
  currentYear: AcademicYear,
): Promise<{ learner_id: string; left_in: number; leaving_date: string | null }[]> {
  return db.query(
    `SELECT en.learner_id, en.academic_year AS left_in, en.leaving_date::text AS leaving_date
       FROM learner l
       JOIN enrolment en ON en.learner_id = l.id
      WHERE l.pseudonymised_at IS NULL AND ${leaverSql('en', '$2')}
        AND coalesce(en.leaving_date, make_date(en.academic_year + 1, 8, 31)) <= $1::date
      ORDER BY l.id
        FOR NO KEY UPDATE OF l`,
    [leftBy, currentYear],
  );
}

/** Of these codes, those a learner already holds as UPN. */
export async function upnsTaken(db: EntityManager, upns: readonly string[]): Promise<Set<string>> {
  const rows: { upn: string }[] = await db.query(`SELECT upn FROM learner WHERE upn = ANY($1::text[])`, [
    upns,
  ]);
  return new Set(rows.map((row) => row.upn));
}

/**
 * R-DEST-4: takes the personal data off these learners, in the caller's transaction: names, date of birth
 * and UPN (replaced by the code given), and every free text written about them (destination notes, NEET-risk
 * marks, guidance-meeting summaries and agreed actions, reflection comments, part-time employers, a roster
 * row waiting in a move request). What is counted stays: enrolments and their characteristics, gender,
 * attendances, guidance meetings as dated events, intended and actual destinations' categories and
 * statuses, learner progress.
 */
export async function pseudonymise(
  db: EntityManager,
  learners: readonly { learnerId: string; code: string }[],
): Promise<void> {
  const ids = learners.map((learner) => learner.learnerId);
  await db.query(
    `UPDATE learner l SET legal_forename = 'Pseudonymised', legal_surname = 'leaver',
        preferred_forename = NULL, preferred_surname = NULL, date_of_birth = NULL, upn = c.code,
        pseudonymised_at = now(), updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS c(id, code)
      WHERE l.id = c.id`,
    [ids, learners.map((learner) => learner.code)],
  );
  await db.query(`UPDATE intended_destination SET notes = NULL WHERE learner_id = ANY($1::uuid[])`, [ids]);
  await db.query(`DELETE FROM neet_risk WHERE learner_id = ANY($1::uuid[])`, [ids]);
  await db.query(
    `UPDATE guidance_meeting SET summary = '', agreed_actions = '' WHERE learner_id = ANY($1::uuid[])`,
    [ids],
  );
  await db.query(
    `UPDATE attendance SET reflection_comment = NULL
      WHERE learner_id = ANY($1::uuid[]) AND reflection_comment IS NOT NULL`,
    [ids],
  );
  await db.query(
    `UPDATE learner_part_time_job SET employer_name = 'Pseudonymised' WHERE learner_id = ANY($1::uuid[])`,
    [ids],
  );
  // A pending move keeps the roster row it came from (names, date of birth): three years on it is stale.
  await db.query(
    `DELETE FROM roster_move_request WHERE learner_id = ANY($1::uuid[]) AND status = 'pending'`,
    [ids],
  );
}
