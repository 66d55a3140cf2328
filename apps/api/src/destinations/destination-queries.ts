import type {
  AcademicYear,
  DestinationCategory,
  DestinationStatus,
  DestinationStatusChange,
  IsoDate,
  OrganisationType,
  RuleStatus,
} from '@encounters/domain';
import type { EntityManager } from 'typeorm';
import { learnerInScopeSql } from '../common/access/learner-scope';
import type { AccessScope } from '../common/access/policy';
import { learnerNameSql, learnerSearchConditions } from '../common/learner-sql';
import { columnArrays, SqlParams } from '../common/sql-params';
import { ruleStatusSql } from '../coverage/coverage.service';
import type { DestinationFields } from './destination-state';

/*
 * The SQL of intended destinations (R-DEST-1): the register, one destination, what a write needs to know
 * about its learners, and the writes. Dates travel as ISO text, never through a JavaScript Date.
 */

/** A destination as `destinationJsonSql` builds it: the answer's shape, less what the mapper adds. */
export interface DestinationJson {
  id: string;
  learnerId: string;
  academicYear: AcademicYear;
  category: DestinationCategory;
  providerName: string | null;
  organisationId: string | null;
  organisation: { id: string; name: string; type: OrganisationType } | null;
  status: DestinationStatus;
  notes: string | null;
  updatedAt: string;
  statusHistory: DestinationStatusChange[];
}

/** The destination `d` as JSON: its organisation, and its history in the order the changes were made. */
function destinationJsonSql(d: string): string {
  return `json_build_object(
    'id', ${d}.id, 'learnerId', ${d}.learner_id, 'academicYear', ${d}.academic_year, 'category', ${d}.category,
    'providerName', ${d}.provider_name, 'organisationId', ${d}.organisation_id,
    'organisation', (SELECT json_build_object('id', o.id, 'name', o.name, 'type', o.type)
                       FROM organisation o WHERE o.id = ${d}.organisation_id),
    'status', ${d}.status, 'notes', ${d}.notes,
    'updatedAt', to_char(${d}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'statusHistory', (SELECT coalesce(json_agg(json_build_object('status', c.status, 'on', c."on"::text)
                                               ORDER BY c."on", c.seq), '[]')
                        FROM destination_status_change c WHERE c.destination_id = ${d}.id))`;
}

export interface RegisterFilter {
  academyId: string;
  academicYear: AcademicYear;
  yearGroups: readonly number[];
  groupId?: string;
  status?: DestinationStatus | 'none';
  q?: string;
  /** Only flagged (true) or unflagged (false) learners; undefined: both. */
  neetRisk?: boolean;
  /** The day the rule's status is taken at. */
  asAt: IsoDate;
}

export interface RegisterRow {
  learner_id: string;
  academic_year: AcademicYear;
  academy_id: string;
  year_group: number;
  upn: string;
  name: string;
  group_id: string | null;
  group_name: string | null;
  destination: DestinationJson | null;
  rule_status: RuleStatus;
  neet_risk: boolean;
}

export interface RegisterSummaryRow {
  learners: number;
  recorded: number;
  confirmed: number;
  neetRisk: number;
}

/** The register's order, on the columns of the relation `row` (or unqualified): group, then name, then UPN. */
const registerOrder = (row = '') =>
  `lower(${row}group_name) NULLS LAST, ${row}surname_key, ${row}forename_key, ${row}upn`;

/**
 * One page of the register of an academy's Years 11 and 13, sorted by group then name, and the summary of
 * every learner matching the filter, in one statement. A learner with two enrolments at the academy in the
 * year (left and came back) is listed once, with the latest. The rule's status is the coverage figures'
 * own decision (`ruleStatusSql`) on the learner's progress row; a learner without one is `not_applicable`.
 */
export async function readRegister(
  db: EntityManager,
  filter: RegisterFilter,
  scope: AccessScope,
  paging: { page: number; pageSize: number },
): Promise<{ rows: RegisterRow[]; summary: RegisterSummaryRow }> {
  const p = new SqlParams();
  const asAt = p.add(filter.asAt);
  const where = [
    `e.academic_year = ${p.add(filter.academicYear)}`,
    `e.academy_id = ${p.add(filter.academyId)}`,
    `e.year_group = ANY(${p.add(filter.yearGroups)}::int[])`,
    ...learnerSearchConditions(filter.q, p, 'l'),
  ];
  if (filter.groupId) {
    const groupId = p.add(filter.groupId);
    where.push(
      `EXISTS (SELECT 1 FROM group_membership gm WHERE gm.learner_id = e.learner_id AND gm.group_id = ${groupId})`,
    );
  }
  if (filter.status === 'none') where.push('d.id IS NULL');
  else if (filter.status) where.push(`d.status = ${p.add(filter.status)}`);
  where.push(learnerInScopeSql(scope, p, 'e.learner_id', 'e.academy_id'));
  const neet = filter.neetRisk === undefined ? 'TRUE' : `neet_risk = ${p.add(filter.neetRisk)}`;
  const limit = p.add(paging.pageSize);
  const offset = p.add((paging.page - 1) * paging.pageSize);
  const rows: (RegisterRow & RegisterSummaryRow & { listed: boolean })[] = await db.query(
    `WITH base AS (
       SELECT DISTINCT ON (e.learner_id)
              e.learner_id, e.academic_year, e.academy_id, e.year_group, l.upn, ${learnerNameSql('l')} AS name,
              lower(l.legal_surname) AS surname_key, lower(l.legal_forename) AS forename_key,
              g.id AS group_id, g.name AS group_name, d.id AS destination_id, d.status AS destination_status,
              coalesce((SELECT CASE WHEN e.year_group = 13 THEN ${ruleStatusSql('DEST_18', asAt)}
                                    ELSE ${ruleStatusSql('DEST_16', asAt)} END
                          FROM learner_progress p
                         WHERE p.learner_id = e.learner_id AND p.academic_year = e.academic_year
                           AND p.academy_id = e.academy_id), 'not_applicable') AS rule_status,
              EXISTS (SELECT 1 FROM neet_risk n WHERE n.learner_id = e.learner_id) AS neet_marked
         FROM enrolment e
         JOIN learner l ON l.id = e.learner_id
         LEFT JOIN learning_group g ON g.id = e.registration_group_id
         LEFT JOIN intended_destination d ON d.learner_id = e.learner_id AND d.academic_year = e.academic_year
        WHERE ${where.join(' AND ')}
        ORDER BY e.learner_id, e.admission_date DESC NULLS LAST, e.created_at DESC
     ), listed AS (
       -- R-DEST-3: marked by a careers lead, or flagged by the rule at risk or missed.
       SELECT *, (neet_marked OR rule_status IN ('at_risk', 'missed')) AS neet_risk FROM base
     ), matching AS (
       SELECT * FROM listed WHERE ${neet}
     ), summary AS (
       SELECT count(*)::int AS learners, count(destination_id)::int AS recorded,
              count(*) FILTER (WHERE destination_status IN ('accepted', 'enrolled'))::int AS confirmed,
              count(*) FILTER (WHERE neet_risk)::int AS "neetRisk"
         FROM matching
     )
     SELECT s.learners, s.recorded, s.confirmed, s."neetRisk", page.learner_id IS NOT NULL AS listed,
            page.learner_id, page.academic_year, page.academy_id, page.year_group, page.upn, page.name,
            page.group_id, page.group_name, page.rule_status, page.neet_risk,
            CASE WHEN d.id IS NULL THEN NULL ELSE ${destinationJsonSql('d')} END AS destination
       FROM summary s
       LEFT JOIN LATERAL (SELECT * FROM matching ORDER BY ${registerOrder()} LIMIT ${limit} OFFSET ${offset}) page
         ON TRUE
       LEFT JOIN intended_destination d ON d.id = page.destination_id
      ORDER BY ${registerOrder('page.')}`,
    p.values,
  );
  const [first] = rows;
  return {
    rows: rows.filter((row) => row.listed),
    summary: {
      learners: first.learners,
      recorded: first.recorded,
      confirmed: first.confirmed,
      neetRisk: first.neetRisk,
    },
  };
}

/** A destination with the academies of its learner's Year 11 or 13 enrolments in its year. */
export interface DestinationRow {
  destination: DestinationJson;
  /** The academies where the learner was in Year 11 or 13 that year, the latest enrolment first. */
  academy_ids: string[];
  /** Null only for a destination written without its history (by hand). */
  last_status_on: IsoDate | null;
}

/**
 * One destination the scope sees: the learner seen through an enrolment of the destination's year (so that
 * an academy the learner moved to later does not see the destination of the one they left). `lock` holds
 * the row for a write.
 */
export async function findDestination(
  db: EntityManager,
  id: string,
  scope: AccessScope,
  lock = false,
): Promise<DestinationRow | null> {
  const p = new SqlParams();
  const idParam = p.add(id);
  const [row]: DestinationRow[] = await db.query(
    `SELECT ${destinationJsonSql('d')} AS destination,
            coalesce((SELECT array_agg(e.academy_id ORDER BY e.admission_date DESC NULLS LAST, e.created_at DESC)
                        FROM enrolment e
                       WHERE e.learner_id = d.learner_id AND e.academic_year = d.academic_year
                         AND e.year_group IN (11, 13)), '{}') AS academy_ids,
            (SELECT c."on"::text FROM destination_status_change c WHERE c.destination_id = d.id
              ORDER BY c."on" DESC, c.seq DESC LIMIT 1) AS last_status_on
       FROM intended_destination d
      WHERE d.id = ${idParam}
        AND EXISTS (SELECT 1 FROM enrolment seen
                     WHERE seen.learner_id = d.learner_id AND seen.academic_year = d.academic_year
                       AND ${learnerInScopeSql(scope, p, 'seen.learner_id', 'seen.academy_id')})
      ${lock ? 'FOR UPDATE OF d' : ''}`,
    p.values,
  );
  return row ?? null;
}

/** What a write needs to know about one of its learners in the year. */
export interface WriteTargetRow {
  learner_id: string;
  upn: string;
  visible: boolean;
  /** The academies where the learner is in Year 11 or 13 in the year, the latest enrolment first. */
  academy_ids: string[];
  destination_id: string | null;
  category: DestinationCategory | null;
  provider_name: string | null;
  organisation_id: string | null;
  status: DestinationStatus | null;
  notes: string | null;
  last_status_on: IsoDate | null;
}

/**
 * Locks the learners for a write of their destinations, in id order as the coverage bookkeeping does, so
 * that two writes never wait on each other in a cycle (and a write always locks a learner before any of
 * their destinations).
 */
export async function lockLearners(db: EntityManager, learnerIds: readonly string[]): Promise<void> {
  await db.query(`SELECT id FROM learner WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [
    [...new Set(learnerIds)],
  ]);
}

/**
 * Locks the learners (see `lockLearners`) as the coverage bookkeeping does (so that two writes never wait on each
 * other in a cycle), then reads, for each, whether the scope sees them, their Year 11 or 13 academies in the
 * year and their destination of the year. Learners that do not exist are left out.
 */
export async function readWriteTargets(
  db: EntityManager,
  learnerIds: readonly string[],
  academicYear: AcademicYear,
  scope: AccessScope,
): Promise<Map<string, WriteTargetRow>> {
  await lockLearners(db, learnerIds);
  const p = new SqlParams([[...new Set(learnerIds)], academicYear]);
  const rows: WriteTargetRow[] = await db.query(
    `SELECT l.id AS learner_id, l.upn, ${learnerInScopeSql(scope, p, 'l.id')} AS visible,
            coalesce((SELECT array_agg(e.academy_id ORDER BY e.admission_date DESC NULLS LAST, e.created_at DESC)
                        FROM enrolment e
                       WHERE e.learner_id = l.id AND e.academic_year = $2 AND e.year_group IN (11, 13)), '{}')
              AS academy_ids,
            d.id AS destination_id, d.category, d.provider_name, d.organisation_id, d.status, d.notes,
            (SELECT c."on"::text FROM destination_status_change c WHERE c.destination_id = d.id
              ORDER BY c."on" DESC, c.seq DESC LIMIT 1) AS last_status_on
       FROM learner l
       LEFT JOIN intended_destination d ON d.learner_id = l.id AND d.academic_year = $2
      WHERE l.id = ANY($1::uuid[])`,
    p.values,
  );
  return new Map(rows.map((row) => [row.learner_id, row]));
}

/** The learners of the academy's Years 11 and 13 in the year, by UPN, for those of `upns` that name one. */
export async function learnersByUpn(
  db: EntityManager,
  academyId: string,
  academicYear: AcademicYear,
  upns: readonly string[],
): Promise<Map<string, string>> {
  const rows: { id: string; upn: string }[] = await db.query(
    `SELECT DISTINCT l.id, l.upn FROM learner l JOIN enrolment e ON e.learner_id = l.id
      WHERE l.upn = ANY($1::text[]) AND e.academy_id = $2 AND e.academic_year = $3 AND e.year_group IN (11, 13)`,
    [[...new Set(upns)], academyId, academicYear],
  );
  return new Map(rows.map((row) => [row.upn, row.id]));
}

/** The names of the organisations of `ids` that exist. */
export async function organisationNames(
  db: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; name: string }[] = await db.query(
    `SELECT id, name FROM organisation WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function academyExists(db: EntityManager, academyId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM academy WHERE id = $1`, [academyId]);
  return rows.length > 0;
}

export interface NewDestination {
  learnerId: string;
  academicYear: AcademicYear;
  fields: DestinationFields;
}

/** Inserts the destinations, answering each one's id by learner. */
export async function insertDestinations(
  db: EntityManager,
  rows: readonly NewDestination[],
  createdBy: string,
): Promise<Map<string, string>> {
  if (!rows.length) return new Map();
  const flat = rows.map((row) => ({
    learnerId: row.learnerId,
    academicYear: row.academicYear,
    ...row.fields,
  }));
  const inserted: { id: string; learner_id: string }[] = await db.query(
    `INSERT INTO intended_destination (learner_id, academic_year, category, provider_name, organisation_id, status,
       notes, created_by)
     SELECT u.*, $8::uuid FROM unnest($1::uuid[], $2::smallint[], $3::text[], $4::text[], $5::uuid[], $6::text[],
       $7::text[]) AS u
     RETURNING id, learner_id`,
    [
      ...columnArrays(flat, [
        'learnerId',
        'academicYear',
        'category',
        'providerName',
        'organisationId',
        'status',
        'notes',
      ] as const),
      createdBy,
    ],
  );
  return new Map(inserted.map((row) => [row.learner_id, row.id]));
}

export interface ChangedDestination {
  id: string;
  fields: DestinationFields;
}

export async function updateDestinations(
  db: EntityManager,
  rows: readonly ChangedDestination[],
): Promise<void> {
  if (!rows.length) return;
  const flat = rows.map((row) => ({ id: row.id, ...row.fields }));
  await db.query(
    `UPDATE intended_destination d
        SET category = u.category, provider_name = u.provider_name, organisation_id = u.organisation_id,
            status = u.status, notes = u.notes, updated_at = now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::text[])
         AS u(id, category, provider_name, organisation_id, status, notes)
      WHERE d.id = u.id`,
    columnArrays(flat, ['id', 'category', 'providerName', 'organisationId', 'status', 'notes'] as const),
  );
}

export interface NewStatusChange extends DestinationStatusChange {
  destinationId: string;
}

/** Appends status changes in the order given, which their `seq` keeps for changes of the same day. */
export async function insertStatusChanges(
  db: EntityManager,
  changes: readonly NewStatusChange[],
  recordedBy: string,
): Promise<void> {
  if (!changes.length) return;
  await db.query(
    `INSERT INTO destination_status_change (destination_id, status, "on", recorded_by)
     SELECT u.destination_id, u.status, u."on", $4::uuid
       FROM unnest($1::uuid[], $2::text[], $3::date[]) WITH ORDINALITY AS u(destination_id, status, "on", n)
      ORDER BY u.n`,
    [...columnArrays(changes, ['destinationId', 'status', 'on'] as const), recordedBy],
  );
}

export async function deleteDestination(db: EntityManager, id: string): Promise<void> {
  await db.query(`DELETE FROM intended_destination WHERE id = $1`, [id]);
}
