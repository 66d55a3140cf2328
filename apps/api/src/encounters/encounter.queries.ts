import {
  academicYearOf,
  type AttendanceStatus,
  type EncounterClassification,
  type EncounterFormat,
  type EncounterListItem,
  type EncounterOrganisationFacts,
  type ExistingEncounterRef,
  MEANINGFUL_CHECKLIST_ITEMS,
  type OrganisationRef,
} from '@encounters/domain';
import type { EntityManager } from 'typeorm';
import type { AccessScope } from '../common/access/policy';
import { learnerInScopeSql, taughtLearnerSql, wholeAcademySql } from '../common/access/learner-scope';
import { CHECKLIST_COLUMNS } from '../common/checklist-columns';
import { enrolledOnSql, learnerNameSql } from '../common/learner-sql';
import { SqlParams } from '../common/sql-params';
import type { EncounterListQueryDto } from './dto/encounter-list-query.dto';
import {
  type AttendanceRow,
  type Checklist,
  type DuplicateCandidate,
  type EncounterState,
  organisationKey,
  type StoredAttendance,
} from './encounter-state';

/*
 * Every statement the encounters feature runs, with the rows it answers typed. Each function runs on the
 * manager it is given, so a write runs in its caller's transaction.
 */

const ENCOUNTER_COLUMNS = `e.id, e.academy_id, e.academic_year, e.title, to_char(e.date, 'YYYY-MM-DD') AS date,
  to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.format, e.delivery, e.during_school_day, e.duration_minutes,
  e.days, e.adviser_level, ${Object.values(CHECKLIST_COLUMNS)
    .map((column) => `e.${column}`)
    .join(', ')},
  e.organiser, e.notes, e.links, e.offered_to, e.curriculum_linked, e.categories, e.education_types, e.anonymous_attended, e.created_at, e.updated_at`;

/** A row of `encounter` as `ENCOUNTER_COLUMNS` reads it; the checklist columns are keyed by column name. */
export type EncounterRow = Record<string, unknown> & {
  id: string;
  academy_id: string;
  academic_year: number;
  title: string;
  date: string;
  end_date: string | null;
  format: EncounterFormat;
  delivery: EncounterListItem['delivery'];
  during_school_day: boolean;
  duration_minutes: number;
  days: number | null;
  adviser_level: number | null;
  organiser: string | null;
  notes: string | null;
  links: string[];
  offered_to: number[];
  curriculum_linked: boolean;
  categories: EncounterListItem['categories'];
  education_types: EncounterListItem['educationTypes'];
  anonymous_attended: number | null;
  created_at: Date;
  updated_at: Date;
};

export type EncounterPageRow = EncounterRow & {
  organisations: OrganisationRef[] | null;
  attended_count: number | null;
  total: number;
};

export interface AttendanceReadRow {
  learner_id: string;
  upn: string;
  name: string;
  year_group: number;
  status: AttendanceStatus;
  meaningful_override: boolean | null;
  reflection_rating: number | null;
  reflection_comment: string | null;
  /** numeric: PostgreSQL answers it as a string. */
  hours: string | null;
}

/** A live encounter locked for a write: its state, and how many are on its list and attended. */
export interface LockedEncounter {
  state: EncounterState;
  listed: number;
  attended: number;
}

/** The facts of a row read with `ENCOUNTER_COLUMNS` that the API's answers and the state name alike. */
export function factsOfRow(row: EncounterRow) {
  return {
    title: row.title,
    date: row.date,
    endDate: row.end_date,
    format: row.format,
    delivery: row.delivery,
    duringSchoolDay: row.during_school_day,
    durationMinutes: row.duration_minutes,
    days: row.days,
    adviserLevel: row.adviser_level,
    offeredTo: (row.offered_to ?? []).map(Number),
    curriculumLinked: row.curriculum_linked,
  };
}

/** The checklist of a row read with `ENCOUNTER_COLUMNS`. */
export function checklistOfRow(row: EncounterRow): Checklist {
  return Object.fromEntries(
    MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, row[CHECKLIST_COLUMNS[item]] === true]),
  ) as Checklist;
}

/** The encounters a user sees: all of the academies they see whole, and those their learners attended. */
function visibleSql(scope: AccessScope, p: SqlParams): string {
  if (scope.trustWide) return 'TRUE';
  const parts = [wholeAcademySql(scope, p, 'e.academy_id')];
  if (scope.groupIds.length) {
    parts.push(`EXISTS (SELECT 1 FROM attendance va WHERE va.encounter_id = e.id
      AND ${taughtLearnerSql(scope, p, 'va.learner_id')})`);
  }
  return `(${parts.join(' OR ')})`;
}

/** TypeORM answers `[rows, count]` to an UPDATE or DELETE with RETURNING, and the rows to anything else. */
function returned<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}

// ------------------------------------------------------------------------------------------------ reads

/** A page of the encounters the scope sees, with their organisations and head counts, and the total. */
export async function encounterPage(
  db: EntityManager,
  query: EncounterListQueryDto,
  scope: AccessScope,
): Promise<{ rows: EncounterPageRow[]; total: number }> {
  const p = new SqlParams();
  const where = ['e.deleted_at IS NULL', visibleSql(scope, p)];
  if (query.academyId) where.push(`e.academy_id = ${p.add(query.academyId)}`);
  if (query.academicYear) where.push(`e.academic_year = ${p.add(query.academicYear)}`);
  if (query.from) where.push(`e.date >= ${p.add(query.from)}::date`);
  if (query.to) where.push(`e.date <= ${p.add(query.to)}::date`);
  if (query.organisationId) {
    where.push(`EXISTS (SELECT 1 FROM encounter_organisation fo
      WHERE fo.encounter_id = e.id AND fo.organisation_id = ${p.add(query.organisationId)})`);
  }
  if (query.learnerId) {
    where.push(`EXISTS (SELECT 1 FROM attendance fa
      WHERE fa.encounter_id = e.id AND fa.learner_id = ${p.add(query.learnerId)})`);
  }
  const filter = where.join(' AND ');
  const filterValues = [...p.values];
  const limit = p.add(query.pageSize);
  const offset = p.add((query.page - 1) * query.pageSize);
  // Teachers count only the learners they teach; whoever sees the whole academy counts everyone.
  const countedLearners = scope.trustWide
    ? ''
    : `AND ${learnerInScopeSql(scope, p, 'ca.learner_id', 'pe.academy_id')}`;
  // The page first, then its organisations and counts in one pass each: per-row subqueries cost a
  // lookup per encounter, which is most of the time for a year's list.
  const rows: EncounterPageRow[] = await db.query(
    `WITH page AS MATERIALIZED (
       SELECT e.*, count(*) OVER ()::int AS total FROM encounter e
       WHERE ${filter}
       ORDER BY e.date DESC, lower(e.title), e.id
       LIMIT ${limit} OFFSET ${offset}
     ),
     organisations AS (
       SELECT eo.encounter_id,
         json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type) ORDER BY lower(o.name), o.id)
           AS organisations
       FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
       WHERE eo.encounter_id IN (SELECT id FROM page)
       GROUP BY eo.encounter_id
     ),
     counts AS (
       SELECT ca.encounter_id, count(*)::int AS attended_count
       FROM attendance ca JOIN page pe ON pe.id = ca.encounter_id
       WHERE ca.status = 'attended' ${countedLearners}
       GROUP BY ca.encounter_id
     )
     SELECT ${ENCOUNTER_COLUMNS}, e.total, organisations.organisations,
       -- Erased learners stay in the head count, anonymously, for whoever sees the whole academy.
       coalesce(counts.attended_count, 0)
         + CASE WHEN ${wholeAcademySql(scope, p, 'e.academy_id')} THEN e.anonymous_attended ELSE 0 END AS attended_count
     FROM page e
     LEFT JOIN organisations ON organisations.encounter_id = e.id
     LEFT JOIN counts ON counts.encounter_id = e.id
     ORDER BY e.date DESC, lower(e.title), e.id`,
    p.values,
  );
  let total = rows[0]?.total ?? 0;
  if (!rows.length && query.page > 1) {
    // Past the last page: the page is empty, so the total needs a count of its own.
    [{ total }] = await db.query(
      `SELECT count(*)::int AS total FROM encounter e WHERE ${filter}`,
      filterValues,
    );
  }
  return { rows, total };
}

/** The advisory lock's key of an academy (its id in lower case) and a date (`YYYY-MM-DD`). */
const ENCOUNTER_DAY_KEY_SQL = (academyId: string, date: string) =>
  `hashtextextended('encounter-day:' || ${academyId} || ':' || ${date}, 0)`;

/**
 * One live encounter the scope sees, with more columns and a locking clause if asked (with `lockDay`, the
 * day's lock too); nothing when not found.
 */
async function oneEncounter<T extends EncounterRow>(
  db: EntityManager,
  id: string,
  scope: AccessScope,
  more: { columns?: string; lock?: boolean; lockDay?: boolean } = {},
): Promise<T | undefined> {
  const p = new SqlParams();
  const select = `SELECT ${ENCOUNTER_COLUMNS}${more.columns ?? ''} FROM encounter e
     WHERE e.id = ${p.add(id)} AND e.deleted_at IS NULL AND ${visibleSql(scope, p)}
     ${more.lock ? 'FOR UPDATE OF e' : ''}`;
  // The day's lock is taken on the row as locked (a materialised CTE: the row lock first, as
  // `lockEncounterDay` after it would), with the key `lockEncounterDay` builds.
  const [row]: T[] = await db.query(
    more.lock && more.lockDay
      ? `WITH locked AS MATERIALIZED (${select})
         SELECT locked.*, pg_advisory_xact_lock(${ENCOUNTER_DAY_KEY_SQL('locked.academy_id::text', 'locked.date')})::text AS day_locked
           FROM locked`
      : select,
    p.values,
  );
  if (row) delete row['day_locked'];
  return row;
}

/** A live encounter the scope sees with its organisations (`encounterOrganisations`), or nothing. */
export async function visibleEncounter(
  db: EntityManager,
  id: string,
  scope: AccessScope,
): Promise<{ row: EncounterRow; organisations: OrganisationRef[] } | undefined> {
  const row = await oneEncounter<EncounterRow & { organisation_refs: OrganisationRef[] }>(db, id, scope, {
    columns: `,
        (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type)
                                  ORDER BY lower(o.name), o.id), '[]')
           FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
          WHERE eo.encounter_id = e.id) AS organisation_refs`,
  });
  if (!row) return undefined;
  const { organisation_refs: organisations, ...encounter } = row;
  return { row: encounter as EncounterRow, organisations };
}

/**
 * The attendance list of an encounter with each learner's name and year group; with `onlyTaught`, only
 * the learners the scope teaches.
 */
export async function attendanceList(
  db: EntityManager,
  encounter: Pick<EncounterRow, 'id' | 'academic_year'>,
  scope: AccessScope,
  onlyTaught: boolean,
): Promise<AttendanceReadRow[]> {
  const p = new SqlParams();
  const encounterParam = p.add(encounter.id);
  const yearParam = p.add(encounter.academic_year);
  const taught = onlyTaught ? `AND ${taughtLearnerSql(scope, p, 'a.learner_id')}` : '';
  return db.query(
    `SELECT a.learner_id, l.upn, ${learnerNameSql('l')} AS name, en.year_group, a.status,
       a.meaningful_override, a.reflection_rating, a.reflection_comment, a.hours
     FROM attendance a
     JOIN learner l ON l.id = a.learner_id
     LEFT JOIN LATERAL (
       -- The year group at the encounter's academy; a learner who moved away that year has one there too.
       SELECT year_group FROM enrolment
        WHERE learner_id = a.learner_id AND academic_year = ${yearParam}
        ORDER BY academy_id = (SELECT academy_id FROM encounter WHERE id = ${encounterParam}) DESC,
          admission_date DESC NULLS LAST, created_at DESC
        LIMIT 1) en ON true
     WHERE a.encounter_id = ${encounterParam} ${taught}
     ORDER BY lower(coalesce(l.preferred_surname, l.legal_surname)),
       lower(coalesce(l.preferred_forename, l.legal_forename)), l.upn`,
    p.values,
  );
}

/** The live encounter a state would repeat under the same title (the unique index's rule), if any. */
export async function duplicateOf(
  db: EntityManager,
  state: EncounterState,
): Promise<ExistingEncounterRef | null> {
  const [existing]: ExistingEncounterRef[] = await db.query(
    `SELECT id, title, to_char(date, 'YYYY-MM-DD') AS date FROM encounter
     WHERE academy_id = $1 AND date = $2 AND lower(title) = lower($3) AND organisation_key = $4
       AND deleted_at IS NULL`,
    [state.academyId, state.date, state.title, organisationKey(state.organisationIds)],
  );
  return existing ?? null;
}

/**
 * Queues the writes that could log the same event at one academy on one date, until the transaction ends,
 * so that two requests racing each other cannot both pass the duplicate check.
 */
export async function lockEncounterDay(db: EntityManager, state: EncounterState): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(${ENCOUNTER_DAY_KEY_SQL('$1', '$2')})`, [
    state.academyId.toLowerCase(),
    state.date,
  ]);
}

/**
 * The live encounters a state could repeat by meaning: the same academy, date and organisations (other
 * than `exceptId`), with the learners who attended each, the oldest first. Whether each is a likely
 * duplicate is `likelyDuplicatesOf()`'s to decide.
 */
export async function duplicateCandidates(
  db: EntityManager,
  state: EncounterState,
  exceptId: string | null,
): Promise<DuplicateCandidate[]> {
  const rows: { id: string; title: string; date: string; attended: string[] }[] = await db.query(
    `SELECT e.id, e.title, to_char(e.date, 'YYYY-MM-DD') AS date,
       coalesce(array_agg(a.learner_id) FILTER (WHERE a.status = 'attended'), '{}') AS attended
     FROM encounter e
     LEFT JOIN attendance a ON a.encounter_id = e.id
     WHERE e.academy_id = $1 AND e.date = $2 AND e.organisation_key = $3 AND e.deleted_at IS NULL
       AND ($4::uuid IS NULL OR e.id <> $4::uuid)
     GROUP BY e.id
     ORDER BY min(e.created_at), e.id`,
    [state.academyId, state.date, organisationKey(state.organisationIds), exceptId],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    date: row.date,
    academyId: state.academyId,
    organisationIds: state.organisationIds,
    attendedLearnerIds: row.attended,
  }));
}

/** The learners who attended an encounter, as its list now stands. */
export async function attendedLearners(db: EntityManager, id: string): Promise<string[]> {
  const rows: { learner_id: string }[] = await db.query(
    `SELECT learner_id FROM attendance WHERE encounter_id = $1 AND status = 'attended'`,
    [id],
  );
  return rows.map((row) => row.learner_id);
}

// ------------------------------------------------------------------------------------ checks for writes

export async function academyExists(db: EntityManager, academyId: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT id FROM academy WHERE id = $1`, [academyId]);
  return rows.length > 0;
}

/** The facts of these organisations that the categories depend on, keyed by id; unknown ids are absent. */
export async function organisationFacts(
  db: EntityManager,
  organisationIds: readonly string[],
): Promise<Map<string, EncounterOrganisationFacts>> {
  const found: {
    id: string;
    type: EncounterOrganisationFacts['type'];
    offers_technical_education: boolean;
  }[] = await db.query(
    `SELECT id, type, offers_technical_education FROM organisation WHERE id = ANY($1::uuid[])`,
    [organisationIds],
  );
  return new Map(
    found.map((row) => [
      row.id,
      { type: row.type, offersTechnicalEducation: row.offers_technical_education },
    ]),
  );
}

/** Which of these groups are the academy's in that year. */
export async function groupsOfAcademy(
  db: EntityManager,
  groupIds: readonly string[],
  academyId: string,
  academicYear: number,
): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM learning_group WHERE id = ANY($1::uuid[]) AND academy_id = $2 AND academic_year = $3`,
    [groupIds, academyId, academicYear],
  );
  return new Set(rows.map((row) => row.id));
}

/** The learners on the academy's roll on the encounter's date named by id or UPN, or in a year group or group. */
export async function learnersOnRoll(
  db: EntityManager,
  state: EncounterState,
  named: { learnerIds: string[]; upns: string[]; yearGroups: number[]; groupIds: string[] },
): Promise<{ learner_id: string; upn: string }[]> {
  const p = new SqlParams();
  const academy = p.add(state.academyId);
  const year = p.add(academicYearOf(state.date));
  const date = p.add(state.date);
  const groups = p.add(named.groupIds);
  return db.query(
    `SELECT en.learner_id, l.upn
     FROM enrolment en JOIN learner l ON l.id = en.learner_id
     WHERE en.academy_id = ${academy} AND en.academic_year = ${year} AND ${enrolledOnSql('en', date)}
       AND (en.learner_id = ANY(${p.add(named.learnerIds)}::uuid[]) OR l.upn = ANY(${p.add(named.upns)}::text[])
         OR en.year_group = ANY(${p.add(named.yearGroups)}::int[])
         OR en.registration_group_id = ANY(${groups}::uuid[])
         OR EXISTS (SELECT 1 FROM group_membership gm
                    WHERE gm.learner_id = en.learner_id AND gm.group_id = ANY(${groups}::uuid[])))`,
    p.values,
  );
}

/** The learners of `$4` (uuid[]) on the roll of academy `$1` in academic year `$2` on date `$3`. */
const ELIGIBLE_SQL = `SELECT en.learner_id FROM enrolment en
     WHERE en.academy_id = $1 AND en.academic_year = $2 AND ${enrolledOnSql('en', '$3')}
       AND en.learner_id = ANY($4::uuid[])`;

/** Which of these learners were on the academy's roll on the encounter's date. */
export async function eligibleLearners(
  db: EntityManager,
  state: EncounterState,
  learnerIds: readonly string[],
): Promise<Set<string>> {
  if (!learnerIds.length) return new Set();
  const rows: { learner_id: string }[] = await db.query(ELIGIBLE_SQL, [
    state.academyId,
    academicYearOf(state.date),
    state.date,
    learnerIds,
  ]);
  return new Set(rows.map((row) => row.learner_id));
}

/**
 * {@link storedAttendance} and {@link eligibleLearners} in one statement: the list as it stands (read after
 * the encounter's lock, by the caller's next statement) and which of `learnerIds` were on the roll. The
 * lines come through JSON: `hours` as a number, not numeric's string.
 */
export async function storedAttendanceAndEligible(
  db: EntityManager,
  encounterId: string,
  state: EncounterState,
  learnerIds: readonly string[],
): Promise<{ stored: StoredAttendance[]; eligible: Set<string> }> {
  const [row]: { stored: StoredAttendance[]; eligible: string[] }[] = await db.query(
    `SELECT (SELECT coalesce(json_agg(s), '[]') FROM (${STORED_ATTENDANCE_SQL('$5')}) s) AS stored,
            ARRAY(${ELIGIBLE_SQL}) AS eligible`,
    [state.academyId, academicYearOf(state.date), state.date, learnerIds, encounterId],
  );
  return { stored: row.stored, eligible: new Set(row.eligible) };
}

/**
 * R-PAL-4: the year groups (7–14) these learners were in at the encounter's academy in its year, each once,
 * ascending: what an encounter was offered to when the request does not say.
 */
export async function yearGroupsOfLearners(
  db: EntityManager,
  state: Pick<EncounterState, 'academyId' | 'date'>,
  learnerIds: readonly string[],
): Promise<number[]> {
  if (!learnerIds.length) return [];
  const rows: { year_group: number }[] = await db.query(
    `SELECT DISTINCT year_group FROM enrolment
     WHERE academy_id = $1 AND academic_year = $2 AND learner_id = ANY($3::uuid[]) AND year_group BETWEEN 7 AND 14
     ORDER BY year_group`,
    [state.academyId, academicYearOf(state.date), learnerIds],
  );
  return rows.map((row) => Number(row.year_group));
}

/** Sets what an encounter was offered to (R-PAL-4) alone, as a write of its attendance list fills it in. */
export async function storeOfferedTo(
  db: EntityManager,
  id: string,
  offeredTo: readonly number[],
): Promise<void> {
  await db.query(`UPDATE encounter SET offered_to = $2, updated_at = now() WHERE id = $1`, [id, offeredTo]);
}

// ----------------------------------------------------------------------------------------- encounter rows

/** Locks a live encounter the scope sees and answers its state and head counts; nothing when not found. */
export async function lockEncounter(
  db: EntityManager,
  id: string,
  scope: AccessScope,
  { lockDay = false }: { lockDay?: boolean } = {},
): Promise<LockedEncounter | undefined> {
  const row = await oneEncounter<
    EncounterRow & { organisation_ids: string[]; listed: number; attended: number }
  >(db, id, scope, {
    columns: `,
        (SELECT coalesce(array_agg(eo.organisation_id ORDER BY eo.organisation_id), '{}')
           FROM encounter_organisation eo WHERE eo.encounter_id = e.id) AS organisation_ids,
        (SELECT count(*) FROM attendance a WHERE a.encounter_id = e.id)::int AS listed,
        (SELECT count(*) FROM attendance a WHERE a.encounter_id = e.id AND a.status = 'attended')::int
          AS attended`,
    lock: true,
    lockDay,
  });
  if (!row) return undefined;
  return {
    state: {
      academyId: row.academy_id,
      ...factsOfRow(row),
      checklist: checklistOfRow(row),
      organiser: row.organiser,
      notes: row.notes,
      links: row.links,
      organisationIds: row.organisation_ids ?? [],
    },
    listed: row.listed,
    attended: row.attended,
  };
}

/** The columns written from a state, with their values: one list for the insert and the update. */
function stateColumns(state: EncounterState, classification: EncounterClassification): [string, unknown][] {
  return [
    ['title', state.title],
    ['date', state.date],
    ['end_date', state.endDate],
    ['format', state.format],
    ['delivery', state.delivery],
    ['during_school_day', state.duringSchoolDay],
    ['duration_minutes', state.durationMinutes],
    ['days', state.days],
    ['adviser_level', state.adviserLevel],
    ...MEANINGFUL_CHECKLIST_ITEMS.map((item): [string, unknown] => [
      CHECKLIST_COLUMNS[item],
      state.checklist[item],
    ]),
    ['organiser', state.organiser],
    ['notes', state.notes],
    ['links', state.links],
    ['offered_to', state.offeredTo],
    ['curriculum_linked', state.curriculumLinked],
    ['organisation_key', organisationKey(state.organisationIds)],
    ['academic_year', academicYearOf(state.date)],
    ['categories', classification.categories],
    ['education_types', classification.educationTypes],
  ];
}

/** Writes a new encounter, its categories and its organisations; answers its id. */
export async function insertEncounter(
  db: EntityManager,
  state: EncounterState,
  classification: EncounterClassification,
  createdBy: string,
): Promise<string> {
  const p = new SqlParams();
  const columns = [
    ['academy_id', state.academyId],
    ['created_by', createdBy],
    ...stateColumns(state, classification),
  ];
  const [{ id }]: { id: string }[] = await db.query(
    `INSERT INTO encounter (${columns.map(([column]) => column).join(', ')})
     VALUES (${columns.map(([, value]) => p.add(value)).join(', ')}) RETURNING id`,
    p.values,
  );
  await db.query(
    `INSERT INTO encounter_organisation (encounter_id, organisation_id) SELECT $1, unnest($2::uuid[])`,
    [id, state.organisationIds],
  );
  return id;
}

/** Writes a changed encounter and its categories, and its organisations when they changed. */
export async function updateEncounter(
  db: EntityManager,
  id: string,
  before: EncounterState,
  state: EncounterState,
  classification: EncounterClassification,
): Promise<void> {
  const p = new SqlParams([id]);
  const assignments = stateColumns(state, classification).map(
    ([column, value]) => `${column} = ${p.add(value)}`,
  );
  await db.query(
    `UPDATE encounter SET ${assignments.join(', ')}, updated_at = now() WHERE id = $1`,
    p.values,
  );
  if (organisationKey(before.organisationIds) !== organisationKey(state.organisationIds)) {
    await db.query(`DELETE FROM encounter_organisation WHERE encounter_id = $1`, [id]);
    await db.query(
      `INSERT INTO encounter_organisation (encounter_id, organisation_id) SELECT $1, unnest($2::uuid[])`,
      [id, state.organisationIds],
    );
  }
}

export async function softDeleteEncounter(db: EntityManager, id: string, deletedBy: string): Promise<void> {
  await db.query(`UPDATE encounter SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [id, deletedBy]);
}

/** Sets the categories of an encounter when they differ from the stored ones; answers whether they did. */
export async function storeClassification(
  db: EntityManager,
  id: string,
  classification: EncounterClassification,
): Promise<boolean> {
  return (await storeClassifications(db, [{ id, ...classification }])).length > 0;
}

/** Sets the categories of these encounters where they differ; answers the ids whose categories changed. */
export async function storeClassifications(
  db: EntityManager,
  derived: ({ id: string } & EncounterClassification)[],
): Promise<string[]> {
  if (!derived.length) return [];
  const changed = returned<{ id: string }>(
    await db.query(
      `UPDATE encounter e SET categories = t.categories, education_types = t."educationTypes"
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, categories text[], "educationTypes" text[])
       WHERE e.id = t.id
         AND (e.categories, e.education_types) IS DISTINCT FROM (t.categories, t."educationTypes")
       RETURNING e.id`,
      [JSON.stringify(derived)],
    ),
  );
  return changed.map((row) => row.id);
}

/** Locks the encounters held with an organisation and answers the facts their categories come from. */
export async function lockEncountersOfOrganisation(
  db: EntityManager,
  organisationId: string,
): Promise<
  {
    id: string;
    format: EncounterFormat;
    during_school_day: boolean;
    adviser_level: number | null;
    organisations: EncounterOrganisationFacts[];
    attended: number;
  }[]
> {
  return db.query(
    `SELECT e.id, e.format, e.during_school_day, e.adviser_level,
       (SELECT coalesce(json_agg(json_build_object('type', o.type,
                  'offersTechnicalEducation', o.offers_technical_education)), '[]'::json)
          FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
          WHERE eo.encounter_id = e.id) AS organisations,
       (SELECT count(*) FROM attendance a WHERE a.encounter_id = e.id AND a.status = 'attended')::int AS attended
     FROM encounter e
     JOIN encounter_organisation eo ON eo.encounter_id = e.id AND eo.organisation_id = $1
     ORDER BY e.id FOR UPDATE OF e`,
    [organisationId],
  );
}

// ------------------------------------------------------------------------------------------- attendance

/** The learners listed on these encounters, whatever their status. */
export async function attendeesOf(db: EntityManager, encounterIds: readonly string[]): Promise<string[]> {
  if (!encounterIds.length) return [];
  const rows: { learner_id: string }[] = await db.query(
    `SELECT DISTINCT learner_id FROM attendance WHERE encounter_id = ANY($1::uuid[])`,
    [encounterIds],
  );
  return rows.map((row) => row.learner_id);
}

/** How many are on an encounter's list, and how many of them attended. */
export async function attendanceCounts(
  db: EntityManager,
  encounterId: string,
): Promise<{ listed: number; attended: number }> {
  const [counts]: { listed: number; attended: number }[] = await db.query(
    `SELECT count(*)::int AS listed, (count(*) FILTER (WHERE status = 'attended'))::int AS attended
     FROM attendance WHERE encounter_id = $1`,
    [encounterId],
  );
  return counts;
}

/**
 * Adds learners to the list. One learner attends one encounter once: the primary key holds that, and
 * `ON CONFLICT` turns a repeat (in this request or a simultaneous one) into a merge, in which a learner
 * already listed keeps their status, except that being named absent marks them absent.
 */
export async function mergeAttendance(
  db: EntityManager,
  encounterId: string,
  rows: readonly AttendanceRow[],
): Promise<{ learner_id: string; status: AttendanceStatus; inserted: boolean }[]> {
  if (!rows.length) return [];
  return db.query(
    `INSERT INTO attendance (encounter_id, learner_id, status)
     SELECT $1, t.learner_id, t.status
     FROM unnest($2::uuid[], $3::text[]) AS t(learner_id, status)
     ON CONFLICT (encounter_id, learner_id) DO UPDATE SET status = 'absent', updated_at = now()
       WHERE EXCLUDED.status = 'absent' AND attendance.status <> 'absent'
     RETURNING learner_id, status, (xmax = 0) AS inserted`,
    [encounterId, rows.map((row) => row.learnerId), rows.map((row) => row.status)],
  );
}

const STORED_ATTENDANCE_SQL = (encounterId: string) =>
  `SELECT learner_id, status, meaningful_override, reflection_rating, reflection_comment, hours
     FROM attendance WHERE encounter_id = ${encounterId}`;

export async function storedAttendance(db: EntityManager, encounterId: string): Promise<StoredAttendance[]> {
  return db.query(STORED_ATTENDANCE_SQL('$1'), [encounterId]);
}

/** Makes the list exactly `rows`, writing only the lines that change. */
export async function replaceAttendance(
  db: EntityManager,
  encounterId: string,
  rows: readonly AttendanceRow[],
): Promise<void> {
  const learnerIds = rows.map((row) => row.learnerId);
  // One statement: the lines no longer listed go (a data-modifying CTE runs whatever the INSERT does), and
  // the listed ones are written; the two touch different learners.
  await db.query(
    `WITH removed AS (DELETE FROM attendance WHERE encounter_id = $1 AND learner_id <> ALL($2::uuid[]))
     INSERT INTO attendance (encounter_id, learner_id, status, meaningful_override, reflection_rating,
       reflection_comment, hours)
     SELECT $1, t.learner_id, t.status, t.meaningful_override, t.reflection_rating, t.reflection_comment, t.hours
     FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::smallint[], $6::text[], $7::numeric[])
       AS t(learner_id, status, meaningful_override, reflection_rating, reflection_comment, hours)
     ON CONFLICT (encounter_id, learner_id) DO UPDATE SET status = EXCLUDED.status,
       meaningful_override = EXCLUDED.meaningful_override, reflection_rating = EXCLUDED.reflection_rating,
       reflection_comment = EXCLUDED.reflection_comment, hours = EXCLUDED.hours, updated_at = now()
     WHERE (attendance.status, attendance.meaningful_override, attendance.reflection_rating,
            attendance.reflection_comment, attendance.hours)
       IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.meaningful_override, EXCLUDED.reflection_rating,
            EXCLUDED.reflection_comment, EXCLUDED.hours)`,
    [
      encounterId,
      learnerIds,
      rows.map((row) => row.status),
      rows.map((row) => row.meaningfulOverride ?? null),
      rows.map((row) => row.reflectionRating ?? null),
      rows.map((row) => row.reflectionComment ?? null),
      rows.map((row) => row.hours ?? null),
    ],
  );
}
