import {
  academicYearLabel,
  academicYearOf,
  type AttendanceStatus,
  checklistItemsOutsideCategories,
  deriveEncounterCategories,
  type EncounterAttendanceResponse,
  type EncounterFormat,
  type EncounterListItem,
  type EncounterMeaningfulChecklist,
  type EncounterOrganisationFacts,
  type EncounterResponse,
  MEANINGFUL_CHECKLIST_ITEMS,
  type MeaningfulChecklistItem,
  type OrganisationRef,
  type PagedResult,
} from '@encounters/domain';
import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ApiError, type ErrorDetail } from '../common/api-error';
import { AuditService } from '../audit/audit.service';
import {
  accessScope,
  type AccessScope,
  type AuthUser,
  seesGuidanceNotes,
  may,
} from '../common/access/policy';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import { AttendancePutItemDto } from './dto/attendance-put-item.dto';
import { CreateEncounterDto, EncounterAttendeesDto } from './dto/create-encounter.dto';
import { EncounterListQueryDto } from './dto/encounter-list-query.dto';
import { UpdateEncounterDto } from './dto/update-encounter.dto';
import { learnerInScopeSql, taughtLearnerSql, wholeAcademySql } from '../common/access/learner-scope';
import { enrolledOnSql, learnerNameSql } from '../common/learner-sql';
import { SqlParams } from '../common/sql-params';
import { CHECKLIST_COLUMNS } from '../common/checklist-columns';

/** Who is writing, for the audit trail. */
export interface Actor {
  user: AuthUser;
  ip: string | null;
}

type Checklist = Record<MeaningfulChecklistItem, boolean>;

/** The facts of an encounter as stored, whether new or after a change. */
interface EncounterState {
  academyId: string;
  title: string;
  date: string;
  endDate: string | null;
  format: EncounterFormat;
  delivery: EncounterListItem['delivery'];
  duringSchoolDay: boolean;
  durationMinutes: number;
  days: number | null;
  adviserLevel: number | null;
  checklist: Checklist;
  organiser: string | null;
  notes: string | null;
  links: string[];
  organisationIds: string[];
}

/** Changes to these can change what the encounter evidences for its learners. */
const COVERAGE_FIELDS: readonly (keyof EncounterState)[] = [
  'date',
  'endDate',
  'format',
  'duringSchoolDay',
  'adviserLevel',
  'checklist',
  'organisationIds',
];

type EncounterWrite =
  | { kind: 'create'; state: EncounterState }
  | { kind: 'update'; id: string; before: EncounterState; state: EncounterState }
  | { kind: 'delete'; id: string; before: EncounterState }
  | { kind: 'reclassify'; organisationId: string };

interface AttendanceRow {
  learnerId: string;
  status: AttendanceStatus;
  meaningfulOverride?: boolean | null;
  reflectionRating?: number | null;
  reflectionComment?: string | null;
}

/** `merge` adds learners not yet listed (and marks the absent ones); `replace` makes the list exactly `rows`. */
type AttendanceMode = 'merge' | 'replace';

const ENCOUNTER_COLUMNS = `e.id, e.academy_id, e.academic_year, e.title, to_char(e.date, 'YYYY-MM-DD') AS date,
  to_char(e.end_date, 'YYYY-MM-DD') AS end_date, e.format, e.delivery, e.during_school_day, e.duration_minutes,
  e.days, e.adviser_level, ${Object.values(CHECKLIST_COLUMNS)
    .map((column) => `e.${column}`)
    .join(', ')},
  e.organiser, e.notes, e.links, e.categories, e.education_types, e.anonymous_attended, e.created_at, e.updated_at`;

type EncounterRow = Record<string, unknown> & {
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
  categories: EncounterListItem['categories'];
  education_types: EncounterListItem['educationTypes'];
  created_at: Date;
  updated_at: Date;
};

@Injectable()
export class EncountersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly coverage: LearnerProgressService,
  ) {}

  // ---------------------------------------------------------------------------------------------- reads

  async list(query: EncounterListQueryDto, user: AuthUser): Promise<PagedResult<EncounterListItem>> {
    const scope = accessScope(user);
    const p = new SqlParams();
    const where = ['e.deleted_at IS NULL', this.visibleSql(scope, p)];
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
    const limit = p.add(query.pageSize);
    const offset = p.add((query.page - 1) * query.pageSize);
    // Teachers count only the learners they teach; whoever sees the whole academy counts everyone.
    const countedLearners = scope.trustWide
      ? ''
      : `AND ${learnerInScopeSql(scope, p, 'ca.learner_id', 'pe.academy_id')}`;
    // The page first, then its organisations and counts in one pass each: per-row subqueries cost a
    // lookup per encounter, which is most of the time for a year's list.
    const rows: (EncounterRow & {
      organisations: OrganisationRef[] | null;
      attended_count: number | null;
      total: number;
    })[] = await this.dataSource.query(
      `WITH page AS MATERIALIZED (
         SELECT e.*, count(*) OVER ()::int AS total FROM encounter e
         WHERE ${where.join(' AND ')}
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
      const count = new SqlParams();
      const countWhere = where
        .join(' AND ')
        .replace(/\$(\d+)/g, (_match, n) => count.add(p.values[Number(n) - 1]));
      [{ total }] = await this.dataSource.query(
        `SELECT count(*)::int AS total FROM encounter e WHERE ${countWhere}`,
        count.values,
      );
    }
    return {
      items: rows.map((row) =>
        toListItem(row, row.organisations ?? [], row.attended_count ?? 0, notesFor(row, user)),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string, user: AuthUser): Promise<EncounterResponse> {
    return this.read(this.dataSource.manager, id, user);
  }

  // --------------------------------------------------------------------------------------------- writes

  async create(dto: CreateEncounterDto, actor: Actor): Promise<EncounterResponse> {
    const state = stateFromCreate(dto);
    const id = await this.refusingDuplicates(state, () =>
      this.dataSource.transaction(async (manager) => {
        await this.assertMayWrite(manager, actor.user, state.academyId);
        const organisations = await this.loadOrganisations(manager, state.organisationIds);
        checkFacts(state, organisations);
        const rows = await this.resolveAttendees(manager, state, dto.attendees, dto.absentLearnerIds ?? []);
        if (state.format === 'guidance_meeting' && rows.length > 1) throw guidanceMeetingForOne('attendees');
        const encounterId = await this.writeEncounter(manager, { kind: 'create', state }, actor);
        await this.writeAttendance(manager, encounterId, state, rows, 'merge', actor);
        return encounterId;
      }),
    );
    return this.get(id, actor.user);
  }

  async update(id: string, dto: UpdateEncounterDto, actor: Actor): Promise<EncounterResponse> {
    const scope = accessScope(actor.user);
    let proposed: EncounterState | null = null;
    await this.refusingDuplicates(
      () => proposed,
      () =>
        this.dataSource.transaction(async (manager) => {
          const before = await this.lockForWrite(manager, id, actor.user, scope);
          if (dto.academyId !== undefined && dto.academyId !== before.academyId) {
            throw badRequest(
              'academyId',
              'cannot change: delete the encounter and log it at the other academy',
            );
          }
          const state = applyUpdate(before, dto);
          proposed = state;
          const organisations = await this.loadOrganisations(manager, state.organisationIds);
          checkFacts(state, organisations);
          await this.writeEncounter(manager, { kind: 'update', id, before, state }, actor);
          if (dto.attendees || dto.absentLearnerIds) {
            const rows = await this.resolveAttendees(
              manager,
              state,
              dto.attendees ?? {},
              dto.absentLearnerIds ?? [],
            );
            await this.writeAttendance(manager, id, state, rows, 'merge', actor);
          }
        }),
    );
    return this.get(id, actor.user);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.lockForWrite(manager, id, actor.user, accessScope(actor.user));
      await this.writeEncounter(manager, { kind: 'delete', id, before }, actor);
    });
  }

  async replaceAttendance(
    id: string,
    items: AttendancePutItemDto[],
    actor: Actor,
  ): Promise<EncounterResponse> {
    await this.dataSource.transaction(async (manager) => {
      const state = await this.lockForWrite(manager, id, actor.user, accessScope(actor.user));
      // A repeat of a learner in the body is merged: the last one wins.
      const byLearner = new Map<string, { index: number; item: AttendancePutItemDto }>();
      items.forEach((item, index) => byLearner.set(item.learnerId, { index, item }));
      const eligible = await this.eligibleLearners(manager, state, [...byLearner.keys()]);
      const refused: ErrorDetail[] = [...byLearner.values()]
        .filter(({ item }) => !eligible.has(item.learnerId))
        .map(({ index, item }) => ({
          field: `[${index}].learnerId`,
          value: item.learnerId,
          reason: notOnRoll(state),
        }));
      if (refused.length) throw invalid(refused);
      if (state.format === 'guidance_meeting' && byLearner.size > 1) throw guidanceMeetingForOne('body');
      const rows = [...byLearner.values()].map(({ item }) => ({
        learnerId: item.learnerId,
        status: item.status,
        meaningfulOverride: item.meaningful ?? null,
        reflectionRating: item.reflection?.rating ?? null,
        reflectionComment: item.reflection ? item.reflection.comment.trim() || null : null,
      }));
      await this.writeAttendance(manager, id, state, rows, 'replace', actor);
    });
    return this.get(id, actor.user);
  }

  /**
   * An organisation's type or technical-education flag changed: what its encounters evidence may have
   * changed too. Runs in the organisation's transaction.
   */
  async organisationReclassified(
    manager: EntityManager,
    organisationId: string,
    user: AuthUser,
    ip: string | null,
  ): Promise<void> {
    await this.writeEncounter(manager, { kind: 'reclassify', organisationId }, { user, ip });
  }

  // ------------------------------------------------------------------------------ the two write paths

  /**
   * Every write of an encounter row goes through here: the row and its organisations, the derived
   * categories, the audit entry and the coverage bookkeeping, all in the caller's transaction.
   */
  private async writeEncounter(manager: EntityManager, write: EncounterWrite, actor: Actor): Promise<string> {
    if (write.kind === 'reclassify') {
      const encounters: { id: string; academy_id: string }[] = await manager.query(
        `SELECT e.id, e.academy_id FROM encounter e
         JOIN encounter_organisation eo ON eo.encounter_id = e.id AND eo.organisation_id = $1
         ORDER BY e.id FOR UPDATE OF e`,
        [write.organisationId],
      );
      const ids = encounters.map((encounter) => encounter.id);
      const changed = await this.classify(manager, ids);
      if (changed.length) {
        await this.audit.record(
          {
            userId: actor.user.id,
            action: 'encounter.reclassify',
            entityType: 'organisation',
            entityId: write.organisationId,
            details: { encounterIds: changed },
            ip: actor.ip,
          },
          manager,
        );
        await this.coverage.learnersChanged(manager, await this.attendees(manager, changed));
      }
      return write.organisationId;
    }

    if (write.kind === 'delete') {
      await manager.query(`UPDATE encounter SET deleted_at = now(), deleted_by = $2 WHERE id = $1`, [
        write.id,
        actor.user.id,
      ]);
      await this.audit.record(
        {
          userId: actor.user.id,
          action: 'encounter.delete',
          entityType: 'encounter',
          entityId: write.id,
          academyId: write.before.academyId,
          details: { title: write.before.title, date: write.before.date },
          ip: actor.ip,
        },
        manager,
      );
      await this.coverage.learnersChanged(manager, await this.attendees(manager, [write.id]));
      return write.id;
    }

    const { state } = write;
    const values = [
      state.title,
      state.date,
      state.endDate,
      state.format,
      state.delivery,
      state.duringSchoolDay,
      state.durationMinutes,
      state.days,
      state.adviserLevel,
      ...MEANINGFUL_CHECKLIST_ITEMS.map((item) => state.checklist[item]),
      state.organiser,
      state.notes,
      state.links,
      organisationKey(state.organisationIds),
      academicYearOf(state.date),
    ];
    const columns = [
      'title',
      'date',
      'end_date',
      'format',
      'delivery',
      'during_school_day',
      'duration_minutes',
      'days',
      'adviser_level',
      ...MEANINGFUL_CHECKLIST_ITEMS.map((item) => CHECKLIST_COLUMNS[item]),
      'organiser',
      'notes',
      'links',
      'organisation_key',
      'academic_year',
    ];

    let id: string;
    if (write.kind === 'create') {
      [{ id }] = await manager.query(
        `INSERT INTO encounter (academy_id, created_by, ${columns.join(', ')})
         VALUES ($1, $2, ${columns.map((_column, index) => `$${index + 3}`).join(', ')}) RETURNING id`,
        [state.academyId, actor.user.id, ...values],
      );
    } else {
      id = write.id;
      await manager.query(
        `UPDATE encounter SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')},
           updated_at = now()
         WHERE id = $1`,
        [id, ...values],
      );
    }

    const before = write.kind === 'update' ? write.before : null;
    if (!before || organisationKey(before.organisationIds) !== organisationKey(state.organisationIds)) {
      if (before) await manager.query(`DELETE FROM encounter_organisation WHERE encounter_id = $1`, [id]);
      await manager.query(
        `INSERT INTO encounter_organisation (encounter_id, organisation_id)
         SELECT $1, unnest($2::uuid[])`,
        [id, state.organisationIds],
      );
    }
    await this.classify(manager, [id]);

    const changed = before ? changedFields(before, state) : [];
    await this.audit.record(
      {
        userId: actor.user.id,
        action: before ? 'encounter.update' : 'encounter.create',
        entityType: 'encounter',
        entityId: id,
        academyId: state.academyId,
        details: before ? describeChanges(before, state, changed) : describeState(state),
        ip: actor.ip,
      },
      manager,
    );
    if (before && changed.some((field) => COVERAGE_FIELDS.includes(field))) {
      await this.assertAttendeesStillEnrolled(manager, id, state);
      if (state.format === 'guidance_meeting') {
        const [{ count }] = await manager.query(
          `SELECT count(*)::int AS count FROM attendance WHERE encounter_id = $1`,
          [id],
        );
        if (count > 1) throw guidanceMeetingForOne('format');
      }
      await this.coverage.learnersChanged(manager, await this.attendees(manager, [id]));
    }
    return id;
  }

  /**
   * Every write of attendance goes through here. One learner attends one encounter once: the primary key
   * holds that, and `ON CONFLICT` turns a repeat (in this request or a simultaneous one) into a merge.
   */
  private async writeAttendance(
    manager: EntityManager,
    encounterId: string,
    state: EncounterState,
    rows: AttendanceRow[],
    mode: AttendanceMode,
    actor: Actor,
  ): Promise<void> {
    const touched = new Set<string>();
    const details: Record<string, unknown> = { mode };
    const columns = {
      learnerIds: rows.map((row) => row.learnerId),
      statuses: rows.map((row) => row.status),
      overrides: rows.map((row) => row.meaningfulOverride ?? null),
      ratings: rows.map((row) => row.reflectionRating ?? null),
      comments: rows.map((row) => row.reflectionComment ?? null),
    };

    if (mode === 'merge') {
      // A learner already listed keeps their status, except that being named absent marks them absent.
      const written: { learner_id: string; status: AttendanceStatus; inserted: boolean }[] = rows.length
        ? await manager.query(
            `INSERT INTO attendance (encounter_id, learner_id, status)
             SELECT $1, t.learner_id, t.status
             FROM unnest($2::uuid[], $3::text[]) AS t(learner_id, status)
             ON CONFLICT (encounter_id, learner_id) DO UPDATE SET status = 'absent', updated_at = now()
               WHERE EXCLUDED.status = 'absent' AND attendance.status <> 'absent'
             RETURNING learner_id, status, (xmax = 0) AS inserted`,
            [encounterId, columns.learnerIds, columns.statuses],
          )
        : [];
      for (const row of written) touched.add(row.learner_id);
      details.added = groupByStatus(written.filter((row) => row.inserted));
      details.markedAbsent = written.filter((row) => !row.inserted).map((row) => row.learner_id);
    } else {
      const before: {
        learner_id: string;
        status: AttendanceStatus;
        meaningful_override: boolean | null;
        reflection_rating: number | null;
        reflection_comment: string | null;
      }[] = await manager.query(
        `SELECT learner_id, status, meaningful_override, reflection_rating, reflection_comment
         FROM attendance WHERE encounter_id = $1`,
        [encounterId],
      );
      const previous = new Map(before.map((row) => [row.learner_id, row]));
      const removed = returned<{ learner_id: string }>(
        await manager.query(
          `DELETE FROM attendance WHERE encounter_id = $1 AND learner_id <> ALL($2::uuid[]) RETURNING learner_id`,
          [encounterId, columns.learnerIds],
        ),
      );
      if (rows.length) {
        await manager.query(
          `INSERT INTO attendance (encounter_id, learner_id, status, meaningful_override, reflection_rating,
             reflection_comment)
           SELECT $1, t.learner_id, t.status, t.meaningful_override, t.reflection_rating, t.reflection_comment
           FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::smallint[], $6::text[])
             AS t(learner_id, status, meaningful_override, reflection_rating, reflection_comment)
           ON CONFLICT (encounter_id, learner_id) DO UPDATE SET status = EXCLUDED.status,
             meaningful_override = EXCLUDED.meaningful_override, reflection_rating = EXCLUDED.reflection_rating,
             reflection_comment = EXCLUDED.reflection_comment, updated_at = now()
           WHERE (attendance.status, attendance.meaningful_override, attendance.reflection_rating,
                  attendance.reflection_comment)
             IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.meaningful_override, EXCLUDED.reflection_rating,
                  EXCLUDED.reflection_comment)`,
          [
            encounterId,
            columns.learnerIds,
            columns.statuses,
            columns.overrides,
            columns.ratings,
            columns.comments,
          ],
        );
      }
      const added = rows.filter((row) => !previous.has(row.learnerId));
      const changed = rows.flatMap((row) => {
        const old = previous.get(row.learnerId);
        if (!old) return [];
        const change: Record<string, unknown> = {};
        if (old.status !== row.status) change.status = { from: old.status, to: row.status };
        if (old.meaningful_override !== (row.meaningfulOverride ?? null))
          change.meaningful = { from: old.meaningful_override, to: row.meaningfulOverride ?? null };
        // The learner's own words stay out of the audit trail; that they changed is enough.
        if (
          old.reflection_rating !== (row.reflectionRating ?? null) ||
          old.reflection_comment !== (row.reflectionComment ?? null)
        )
          change.reflection = 'changed';
        return Object.keys(change).length ? [{ learnerId: row.learnerId, ...change }] : [];
      });
      for (const row of [...removed, ...added.map((row) => ({ learner_id: row.learnerId }))])
        touched.add(row.learner_id);
      for (const change of changed) touched.add(change.learnerId as string);
      details.added = groupByStatus(added.map((row) => ({ learner_id: row.learnerId, status: row.status })));
      details.removed = removed.map((row) => row.learner_id);
      details.changed = changed;
    }

    if (!touched.size) return;
    // R-C-5 counts the learners of a guidance meeting.
    if (state.format === 'guidance_meeting') await this.classify(manager, [encounterId]);
    await this.audit.record(
      {
        userId: actor.user.id,
        action: mode === 'merge' ? 'attendance.add' : 'attendance.replace',
        entityType: 'encounter',
        entityId: encounterId,
        academyId: state.academyId,
        details,
        ip: actor.ip,
      },
      manager,
    );
    // Only this encounter's attendance changed: years whose windows all closed before its date stay as they are.
    await this.coverage.learnersChanged(manager, [...touched], { evidenceFrom: state.date });
  }

  // ----------------------------------------------------------------------------------------- helpers

  /**
   * Re-derives the stored categories of these encounters from their facts (R-C-1..7) and answers the ids
   * whose categories changed.
   */
  private async classify(manager: EntityManager, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const facts: {
      id: string;
      format: EncounterFormat;
      during_school_day: boolean;
      adviser_level: number | null;
      organisations: EncounterOrganisationFacts[];
      attended: number;
    }[] = await manager.query(
      `SELECT e.id, e.format, e.during_school_day, e.adviser_level,
         (SELECT coalesce(json_agg(json_build_object('type', o.type,
                    'offersTechnicalEducation', o.offers_technical_education)), '[]'::json)
            FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
            WHERE eo.encounter_id = e.id) AS organisations,
         (SELECT count(*) FROM attendance a WHERE a.encounter_id = e.id AND a.status = 'attended')::int AS attended
       FROM encounter e WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
    const derived = facts.map((row) => ({
      id: row.id,
      ...deriveEncounterCategories({
        format: row.format,
        duringSchoolDay: row.during_school_day,
        adviserLevel: row.adviser_level,
        organisations: row.organisations,
        attendedLearnerCount: row.attended,
      }),
    }));
    const changed = returned<{ id: string }>(
      await manager.query(
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

  private visibleSql(scope: AccessScope, p: SqlParams): string {
    if (scope.trustWide) return 'TRUE';
    const parts = [wholeAcademySql(scope, p, 'e.academy_id')];
    if (scope.groupIds.length) {
      parts.push(`EXISTS (SELECT 1 FROM attendance va WHERE va.encounter_id = e.id
        AND ${taughtLearnerSql(scope, p, 'va.learner_id')})`);
    }
    return `(${parts.join(' OR ')})`;
  }

  private async read(manager: EntityManager, id: string, user: AuthUser): Promise<EncounterResponse> {
    const scope = accessScope(user);
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row]: EncounterRow[] = await manager.query(
      `SELECT ${ENCOUNTER_COLUMNS} FROM encounter e
       WHERE e.id = ${idParam} AND e.deleted_at IS NULL AND ${this.visibleSql(scope, p)}`,
      p.values,
    );
    if (!row) throw new NotFoundException('No such encounter.');
    const organisations: OrganisationRef[] = await manager.query(
      `SELECT o.id, o.name, o.type FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
       WHERE eo.encounter_id = $1 ORDER BY lower(o.name), o.id`,
      [id],
    );
    const q = new SqlParams();
    const encounterParam = q.add(id);
    const yearParam = q.add(row.academic_year);
    const onlyTaught =
      scope.trustWide || scope.academyIds.includes(row.academy_id)
        ? ''
        : `AND ${taughtLearnerSql(scope, q, 'a.learner_id')}`;
    const attendance: {
      learner_id: string;
      upn: string;
      name: string;
      year_group: number;
      status: AttendanceStatus;
      meaningful_override: boolean | null;
      reflection_rating: number | null;
      reflection_comment: string | null;
    }[] = await manager.query(
      `SELECT a.learner_id, l.upn, ${learnerNameSql('l')} AS name, en.year_group, a.status,
         a.meaningful_override, a.reflection_rating, a.reflection_comment
       FROM attendance a
       JOIN learner l ON l.id = a.learner_id
       LEFT JOIN LATERAL (
         -- The year group at the encounter's academy; a learner who moved away that year has one there too.
         SELECT year_group FROM enrolment
          WHERE learner_id = a.learner_id AND academic_year = ${yearParam}
          ORDER BY academy_id = (SELECT academy_id FROM encounter WHERE id = ${encounterParam}) DESC,
            admission_date DESC NULLS LAST, created_at DESC
          LIMIT 1) en ON true
       WHERE a.encounter_id = ${encounterParam} ${onlyTaught}
       ORDER BY lower(coalesce(l.preferred_surname, l.legal_surname)),
         lower(coalesce(l.preferred_forename, l.legal_forename)), l.upn`,
      q.values,
    );
    const attendanceItems: EncounterAttendanceResponse[] = attendance.map((item) => ({
      learnerId: item.learner_id,
      upn: item.upn,
      name: item.name,
      yearGroup: item.year_group,
      status: item.status,
      meaningful: item.meaningful_override,
      reflection:
        item.reflection_rating === null
          ? null
          : { rating: item.reflection_rating, comment: item.reflection_comment ?? '' },
    }));
    // Erased learners stay in the head count, anonymously, for whoever sees the whole academy.
    const anonymous = onlyTaught ? 0 : Number(row.anonymous_attended ?? 0);
    return {
      ...toListItem(
        row,
        organisations,
        attendanceItems.filter((item) => item.status === 'attended').length + anonymous,
        notesFor(row, user),
      ),
      organisationIds: organisations.map((organisation) => organisation.id),
      attendance: attendanceItems,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Locks a live encounter the actor may change and answers its state; 404 when it is not theirs. */
  private async lockForWrite(
    manager: EntityManager,
    id: string,
    user: AuthUser,
    scope: AccessScope,
  ): Promise<EncounterState> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row]: EncounterRow[] = await manager.query(
      `SELECT ${ENCOUNTER_COLUMNS},
         (SELECT coalesce(array_agg(eo.organisation_id ORDER BY eo.organisation_id), '{}')
            FROM encounter_organisation eo WHERE eo.encounter_id = e.id) AS organisation_ids
       FROM encounter e
       WHERE e.id = ${idParam} AND e.deleted_at IS NULL AND ${this.visibleSql(scope, p)}
       FOR UPDATE OF e`,
      p.values,
    );
    if (!row || !mayWriteAcademy(user, row.academy_id)) throw new NotFoundException('No such encounter.');
    return stateFromRow(row);
  }

  private async assertMayWrite(manager: EntityManager, user: AuthUser, academyId: string): Promise<void> {
    const [academy] = mayWriteAcademy(user, academyId)
      ? await manager.query(`SELECT id FROM academy WHERE id = $1`, [academyId])
      : [];
    if (!academy) {
      throw new ApiError(HttpStatus.NOT_FOUND, 'No such academy among those you log encounters for.', [
        {
          field: 'academyId',
          value: academyId,
          reason: 'no such academy among those you log encounters for',
        },
      ]);
    }
  }

  private async loadOrganisations(
    manager: EntityManager,
    organisationIds: string[],
  ): Promise<EncounterOrganisationFacts[]> {
    const found: {
      id: string;
      type: EncounterOrganisationFacts['type'];
      offers_technical_education: boolean;
    }[] = await manager.query(
      `SELECT id, type, offers_technical_education FROM organisation WHERE id = ANY($1::uuid[])`,
      [organisationIds],
    );
    const known = new Set(found.map((organisation) => organisation.id));
    const unknown = organisationIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw invalid(
        unknown.map((id) => ({ field: 'organisationIds', value: id, reason: 'no such organisation' })),
        `Unknown organisationIds: ${unknown.join(', ')}`,
      );
    }
    return found.map((organisation) => ({
      type: organisation.type,
      offersTechnicalEducation: organisation.offers_technical_education,
    }));
  }

  /** The learners the body names, expanded and merged; refuses any who were not on the academy's roll. */
  private async resolveAttendees(
    manager: EntityManager,
    state: EncounterState,
    attendees: EncounterAttendeesDto,
    absentLearnerIds: string[],
  ): Promise<AttendanceRow[]> {
    const learnerIds = [...new Set(attendees.learnerIds ?? [])];
    const upns = [...new Set(attendees.upns ?? [])];
    const groupIds = [...new Set(attendees.groupIds ?? [])];
    const yearGroups = [...new Set(attendees.yearGroups ?? [])];
    const absent = [...new Set(absentLearnerIds)];
    if (!learnerIds.length && !upns.length && !groupIds.length && !yearGroups.length && !absent.length)
      return [];
    const academicYear = academicYearOf(state.date);

    const problems: ErrorDetail[] = [];
    if (groupIds.length) {
      const groups: { id: string }[] = await manager.query(
        `SELECT id FROM learning_group WHERE id = ANY($1::uuid[]) AND academy_id = $2 AND academic_year = $3`,
        [groupIds, state.academyId, academicYear],
      );
      const known = new Set(groups.map((group) => group.id));
      for (const id of groupIds.filter((groupId) => !known.has(groupId))) {
        problems.push({
          field: 'attendees.groupIds',
          value: id,
          reason: `not a group of this academy in ${academicYearLabel(academicYear)}`,
        });
      }
    }

    const found: { learner_id: string; upn: string }[] = await manager.query(
      `SELECT en.learner_id, l.upn
       FROM enrolment en JOIN learner l ON l.id = en.learner_id
       WHERE en.academy_id = $1 AND en.academic_year = $2 AND ${enrolledOnSql('en', '$3')}
         AND (en.learner_id = ANY($4::uuid[]) OR l.upn = ANY($5::text[]) OR en.year_group = ANY($6::int[])
           OR en.registration_group_id = ANY($7::uuid[])
           OR EXISTS (SELECT 1 FROM group_membership gm
                      WHERE gm.learner_id = en.learner_id AND gm.group_id = ANY($7::uuid[])))`,
      [state.academyId, academicYear, state.date, [...learnerIds, ...absent], upns, yearGroups, groupIds],
    );
    const foundIds = new Set(found.map((row) => row.learner_id));
    const foundUpns = new Set(found.map((row) => row.upn));
    for (const id of learnerIds.filter((learnerId) => !foundIds.has(learnerId)))
      problems.push({ field: 'attendees.learnerIds', value: id, reason: notOnRoll(state) });
    for (const upn of upns.filter((value) => !foundUpns.has(value)))
      problems.push({ field: 'attendees.upns', value: upn, reason: notOnRoll(state) });
    for (const id of absent.filter((learnerId) => !foundIds.has(learnerId)))
      problems.push({ field: 'absentLearnerIds', value: id, reason: notOnRoll(state) });
    if (problems.length) throw invalid(problems);

    const absentSet = new Set(absent);
    return [...foundIds].map((learnerId) => ({
      learnerId,
      status: absentSet.has(learnerId) ? 'absent' : 'attended',
    }));
  }

  private async eligibleLearners(
    manager: EntityManager,
    state: EncounterState,
    learnerIds: string[],
  ): Promise<Set<string>> {
    if (!learnerIds.length) return new Set();
    const rows: { learner_id: string }[] = await manager.query(
      `SELECT en.learner_id FROM enrolment en
       WHERE en.academy_id = $1 AND en.academic_year = $2 AND ${enrolledOnSql('en', '$3')}
         AND en.learner_id = ANY($4::uuid[])`,
      [state.academyId, academicYearOf(state.date), state.date, learnerIds],
    );
    return new Set(rows.map((row) => row.learner_id));
  }

  /** A new date must still find every listed learner on the academy's roll. */
  private async assertAttendeesStillEnrolled(
    manager: EntityManager,
    id: string,
    state: EncounterState,
  ): Promise<void> {
    const listed = await this.attendees(manager, [id]);
    const eligible = await this.eligibleLearners(manager, state, listed);
    const missing = listed.filter((learnerId) => !eligible.has(learnerId));
    if (missing.length) {
      throw invalid([
        {
          field: 'date',
          reason: `${missing.length} learner(s) on the attendance list were not on the academy's roll on ${state.date}`,
        },
      ]);
    }
  }

  private async attendees(manager: EntityManager, encounterIds: string[]): Promise<string[]> {
    if (!encounterIds.length) return [];
    const rows: { learner_id: string }[] = await manager.query(
      `SELECT DISTINCT learner_id FROM attendance WHERE encounter_id = ANY($1::uuid[])`,
      [encounterIds],
    );
    return rows.map((row) => row.learner_id);
  }

  /**
   * Logging the same encounter twice is refused with the first one's id. The check before writing gives
   * the friendly answer; the unique index settles two requests racing each other.
   */
  private async refusingDuplicates<T>(
    state: EncounterState | (() => EncounterState | null),
    work: () => Promise<T>,
  ): Promise<T> {
    const current = () => (typeof state === 'function' ? state() : state);
    try {
      return await work();
    } catch (error) {
      const constraint =
        error instanceof QueryFailedError
          ? (error.driverError as { constraint?: string }).constraint
          : undefined;
      const proposed = current();
      if (constraint !== 'encounter_not_logged_twice' || !proposed) throw error;
      const [existing] = await this.dataSource.query(
        `SELECT id FROM encounter
         WHERE academy_id = $1 AND date = $2 AND lower(title) = lower($3) AND organisation_key = $4
           AND deleted_at IS NULL`,
        [proposed.academyId, proposed.date, proposed.title, organisationKey(proposed.organisationIds)],
      );
      throw new ConflictException({
        message: 'This encounter is already logged: same academy, date, title and organisations.',
        details: [{ field: 'title', reason: 'an encounter with this date, title and organisations exists' }],
        existingId: existing?.id ?? null,
      });
    }
  }
}

// ------------------------------------------------------------------------------------------ functions

/** Trust administrators, and careers leads of the academy, log and change its encounters. */
function mayWriteAcademy(user: AuthUser, academyId: string): boolean {
  return may(user, 'logEncounter', academyId);
}

function organisationKey(organisationIds: readonly string[]): string {
  return [...new Set(organisationIds.map((id) => id.toLowerCase()))].sort().join(',');
}

function checklistFrom(meaningful: EncounterMeaningfulChecklist): Checklist {
  return Object.fromEntries(
    MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, meaningful[item] === true]),
  ) as Checklist;
}

function stateFromCreate(dto: CreateEncounterDto): EncounterState {
  return {
    academyId: dto.academyId,
    title: dto.title,
    date: dto.date,
    endDate: dto.endDate ?? null,
    format: dto.format,
    delivery: dto.delivery,
    duringSchoolDay: dto.duringSchoolDay,
    durationMinutes: dto.durationMinutes,
    days: dto.days ?? null,
    adviserLevel: dto.adviserLevel ?? null,
    checklist: checklistFrom(dto.meaningful),
    organiser: dto.organiser || null,
    notes: dto.notes || null,
    links: dto.links ?? [],
    organisationIds: [...new Set(dto.organisationIds.map((id) => id.toLowerCase()))],
  };
}

function stateFromRow(row: EncounterRow): EncounterState {
  return {
    academyId: row.academy_id,
    title: row.title,
    date: row.date,
    endDate: row.end_date,
    format: row.format,
    delivery: row.delivery,
    duringSchoolDay: row.during_school_day,
    durationMinutes: row.duration_minutes,
    days: row.days,
    adviserLevel: row.adviser_level,
    checklist: Object.fromEntries(
      MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, row[CHECKLIST_COLUMNS[item]] === true]),
    ) as Checklist,
    organiser: row.organiser,
    notes: row.notes,
    links: row.links,
    organisationIds: (row.organisation_ids as string[]) ?? [],
  };
}

/** A PATCH: fields sent replace the stored ones; null clears an optional field. */
function applyUpdate(before: EncounterState, dto: UpdateEncounterDto): EncounterState {
  const required = [
    'title',
    'date',
    'format',
    'delivery',
    'duringSchoolDay',
    'durationMinutes',
    'organisationIds',
    'meaningful',
  ] as const;
  const nulled = required.filter((field) => dto[field] === null);
  if (nulled.length) {
    throw invalid(nulled.map((field) => ({ field, reason: `${field} cannot be cleared` })));
  }
  const pick = <K extends keyof EncounterState>(
    key: K,
    value: EncounterState[K] | undefined,
  ): EncounterState[K] => (value === undefined ? before[key] : value);
  return {
    academyId: before.academyId,
    title: pick('title', dto.title),
    date: pick('date', dto.date),
    endDate: dto.endDate === undefined ? before.endDate : (dto.endDate ?? null),
    format: pick('format', dto.format),
    delivery: pick('delivery', dto.delivery),
    duringSchoolDay: pick('duringSchoolDay', dto.duringSchoolDay),
    durationMinutes: pick('durationMinutes', dto.durationMinutes),
    days: dto.days === undefined ? before.days : (dto.days ?? null),
    adviserLevel: dto.adviserLevel === undefined ? before.adviserLevel : (dto.adviserLevel ?? null),
    checklist: dto.meaningful ? checklistFrom(dto.meaningful) : before.checklist,
    organiser: dto.organiser === undefined ? before.organiser : dto.organiser || null,
    notes: dto.notes === undefined ? before.notes : dto.notes || null,
    links: dto.links === undefined ? before.links : (dto.links ?? []),
    organisationIds: dto.organisationIds
      ? [...new Set(dto.organisationIds.map((id) => id.toLowerCase()))]
      : before.organisationIds,
  };
}

/** Checks that need the facts together: the date range, and that every ticked item fits the categories. */
function checkFacts(state: EncounterState, organisations: EncounterOrganisationFacts[]): void {
  const problems: ErrorDetail[] = [];
  if (state.endDate && state.endDate < state.date) {
    problems.push({
      field: 'endDate',
      value: state.endDate,
      reason: `must not be before date (${state.date})`,
    });
  }
  const { categories } = deriveEncounterCategories({
    format: state.format,
    duringSchoolDay: state.duringSchoolDay,
    adviserLevel: state.adviserLevel,
    organisations,
  });
  const described = categories.length ? categories.join(', ') : 'no benchmark category';
  for (const item of checklistItemsOutsideCategories(state.checklist, categories)) {
    problems.push({
      field: `meaningful.${item}`,
      reason: `does not belong to this encounter's categories (${described})`,
    });
  }
  if (problems.length) throw invalid(problems);
}

function changedFields(before: EncounterState, after: EncounterState): (keyof EncounterState)[] {
  return (Object.keys(after) as (keyof EncounterState)[]).filter((key) =>
    key === 'organisationIds'
      ? organisationKey(before.organisationIds) !== organisationKey(after.organisationIds)
      : JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

function describeState(state: EncounterState): Record<string, unknown> {
  const { notes, ...rest } = state;
  return { ...rest, hasNotes: !!notes };
}

function describeChanges(
  before: EncounterState,
  after: EncounterState,
  changed: (keyof EncounterState)[],
): Record<string, unknown> {
  return {
    changed,
    ...Object.fromEntries(
      changed.filter((key) => key !== 'notes').map((key) => [key, { from: before[key], to: after[key] }]),
    ),
  };
}

function groupByStatus(rows: { learner_id: string; status: AttendanceStatus }[]): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const row of rows) (grouped[row.status] ??= []).push(row.learner_id);
  return grouped;
}

/**
 * The notes of a guidance meeting logged as an encounter are guidance notes: shown only to those who
 * read guidance-meeting notes (`seesGuidanceNotes`), never to teachers or leadership.
 */
function notesFor(row: EncounterRow, user: AuthUser): string | null {
  if (row.format === 'guidance_meeting' && !seesGuidanceNotes(user, [row.academy_id])) return null;
  return row.notes;
}

function toListItem(
  row: EncounterRow,
  organisations: OrganisationRef[],
  attendedCount: number,
  notes: string | null,
): EncounterListItem {
  const meaningful = Object.fromEntries(
    MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, row[CHECKLIST_COLUMNS[item]] === true]),
  ) as Checklist;
  return {
    id: row.id,
    academyId: row.academy_id,
    academicYear: row.academic_year,
    title: row.title,
    date: row.date,
    endDate: row.end_date,
    format: row.format,
    delivery: row.delivery,
    duringSchoolDay: row.during_school_day,
    durationMinutes: row.duration_minutes,
    days: row.days,
    adviserLevel: row.adviser_level,
    organisations,
    meaningful,
    categories: row.categories,
    educationTypes: row.education_types,
    attendedCount,
    organiser: row.organiser,
    notes,
    links: row.links,
  };
}

/** TypeORM answers `[rows, count]` to an UPDATE or DELETE with RETURNING, and the rows to anything else. */
function returned<T>(result: unknown): T[] {
  const rows = result as unknown[];
  return (Array.isArray(rows[0]) ? rows[0] : rows) as T[];
}

function notOnRoll(state: EncounterState): string {
  return `not a learner of this academy on ${state.date}`;
}

function invalid(details: ErrorDetail[], message?: string): ApiError {
  const fields = [...new Set(details.map((detail) => detail.field))];
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    message ??
      `Invalid ${fields.join(', ')}: ${[...new Set(details.map((detail) => detail.reason))].join('; ')}`,
    details,
  );
}

function badRequest(field: string, reason: string): ApiError {
  return invalid([{ field, reason }]);
}

function guidanceMeetingForOne(field: string): ApiError {
  return badRequest(field, 'a guidance meeting is with one learner; log a group session as group_guidance');
}
