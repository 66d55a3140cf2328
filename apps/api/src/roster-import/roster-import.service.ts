import {
  addDays,
  describeRosterChanges,
  type ResolvedRosterRow,
  resolveRosterRow,
  rosterChangeWarnings,
  type RosterFieldChange,
  type RosterRowBaseline,
  type RosterHeaderMapping,
  type RosterImportResult,
  type RosterMissingLearner,
  OPTIONAL_ROSTER_FIELDS,
  ROSTER_FIELDS,
  type RosterRowError,
} from '@encounters/domain';
import { ForbiddenException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessScope, type AuthUser, seesAcademy, may } from '../common/access/policy';
import { ApiError } from '../common/api-error';
import { columnArrays, fromExcluded } from '../common/sql-params';
import { LearnerProgressService } from '../coverage/learner-progress.service';
import { type ParsedRoster, parseRoster } from './roster-csv-reader';
import { RosterMappingStore } from './roster-mapping.store';
import { type MoveRequestRow, recordMoveRequests } from './move-requests';
import type { RosterUpload } from './roster-upload.interceptor';
import type { LearnerNamesRow } from '../learners/learners.service';

/** Any constant works; it only has to be the same for every process that may import (or move) at once. */
export const ROSTER_IMPORT_LOCK = 7_412_302;

/** An answer lists at most this many errors; `rejected` still counts every bad line. */
export const MAX_ERRORS_LISTED = 1000;

/** Writing this many learners refreshes the planner's statistics before the next query needs them. */
const ANALYZE_AFTER_ROWS = 1000;

export interface RosterImportOutcome extends RosterImportResult {
  /** Headers of the file that match no roster field and were ignored. */
  ignoredHeaders: string[];
  /** Errors beyond the first {@link MAX_ERRORS_LISTED}, left out of `errors`. */
  errorsOmitted: number;
}

/** What the database holds for a UPN of the file: the learner and their enrolment in the year imported. */
interface HeldLearner extends LearnerNamesRow {
  date_of_birth: string;
  gender: string | null;
  has_enrolment: boolean;
  academy_id: string | null;
  year_group: number | null;
  group_name: string | null;
  pupil_premium: boolean | null;
  free_school_meals: boolean | null;
  sen_status: string | null;
  eal: boolean | null;
  looked_after: boolean | null;
  considering_higher_education: boolean | null;
  admission_date: string | null;
  leaving_date: string | null;
  /** The learner's latest other enrolment (an earlier year, or this year elsewhere): what an absent column keeps. */
  previous: {
    academy_id: string;
    pupil_premium: boolean;
    free_school_meals: boolean;
    sen_status: 'N' | 'K' | 'E';
    eal: boolean;
    looked_after: boolean;
    considering_higher_education: boolean;
    admission_date: string | null;
  } | null;
  /** R-G-2: the learner's enrolments of the year at other academies of the trust. */
  elsewhere: { admission: string | null; leaving: string | null }[];
  /**
   * Another academy enrolled in the file's year, or whose enrolment is the learner's latest and still open,
   * when this academy has none in the year: that academy holds the learner, and this import may not write them.
   */
  holder_academy_id: string | null;
}

/** A learner's fields the roster writes besides the UPN (columns of the same names in snake case). */
const LEARNER_FIELDS = [
  'legalSurname',
  'legalForename',
  'preferredSurname',
  'preferredForename',
  'dateOfBirth',
  'gender',
] as const satisfies readonly (keyof ResolvedRosterRow)[];

/** An enrolment's fields the roster writes besides the year and registration groups, in the domain's order. */
const ENROLMENT_FIELDS = OPTIONAL_ROSTER_FIELDS.filter(
  (field) => field !== 'registrationGroup' && !(LEARNER_FIELDS as readonly string[]).includes(field),
);

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

export interface PlannedRow {
  row: ResolvedRosterRow;
  /** Null for a learner the trust does not hold yet. */
  learnerId: string | null;
  writeLearner: boolean;
  writeEnrolment: boolean;
}

interface ImportPlan {
  rows: PlannedRow[];
  created: number;
  updated: number;
  unchanged: number;
  missingLearners: RosterMissingLearner[];
  changes: RosterFieldChange[];
  /** Rows of learners another academy holds: never written; each becomes a move request on a commit. */
  heldElsewhere: MoveRequestRow[];
  /** Learners enrolled here this year before the import: what "more than 10 %" is of. */
  enrolledHere: number;
}

export interface RosterImportOptions {
  dryRun: boolean;
  actorId: string | null;
  ip?: string | null;
  /** The careers lead's answers for unknown headers, kept for the academy when the commit succeeds. */
  mapping?: RosterHeaderMapping;
}

/**
 * Applies an academy's MIS export for one academic year. The file is compared with what the trust holds,
 * learner by learner, in a few set-based queries; a commit writes only what differs, in one transaction,
 * so that re-importing the same file writes nothing. Learners are matched by UPN across the whole trust,
 * but an import stays in its academy: a learner another academy holds is not written (the row becomes a move
 * request, `move-requests.ts`), and a learner's identity (names, date of birth, gender) changes only through
 * an academy where they are enrolled. The answer says nothing of what other academies hold.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly progress: LearnerProgressService,
    private readonly mappings: RosterMappingStore,
  ) {}

  /**
   * The roster import of the HTTP API: a trust administrator, or the academy's own careers lead. The file is
   * read with the academy's saved header mapping and the one sent, which wins and is saved on commit.
   */
  async importFor(
    user: AuthUser,
    academyId: string,
    academicYear: number,
    upload: RosterUpload,
    options: { dryRun: boolean; ip: string | null },
  ): Promise<RosterImportOutcome> {
    await this.assertMayImport(user, academyId);
    const saved = await this.mappings.load(this.dataSource.manager, academyId);
    const roster = await parseRoster(upload.file, { ...saved, ...upload.mapping });
    return this.import(academyId, academicYear, roster, {
      ...options,
      actorId: user.id,
      mapping: upload.mapping,
    });
  }

  async import(
    academyId: string,
    academicYear: number,
    roster: ParsedRoster,
    options: RosterImportOptions,
  ): Promise<RosterImportOutcome> {
    if (options.dryRun || roster.errors.length > 0) {
      const plan = await this.plan(this.dataSource.manager, academyId, academicYear, roster);
      const outcome = this.outcome(academicYear, options.dryRun, plan, roster);
      if (!options.dryRun) {
        const { errors, ...counts } = outcome;
        const lines =
          roster.rejected === 1 ? '1 line of the file has' : `${roster.rejected} lines of the file have`;
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `${lines} errors, so nothing was imported. Correct ${roster.rejected === 1 ? 'it' : 'them'} and import the file again.`,
          errors,
          counts,
        );
      }
      return outcome;
    }

    return this.dataSource.transaction(async (manager) => {
      // One import at a time: two files naming the same learner must not interleave.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ROSTER_IMPORT_LOCK]);
      const plan = await this.plan(manager, academyId, academicYear, roster);
      await this.apply(manager, academyId, academicYear, plan.rows);
      await recordMoveRequests(manager, academyId, academicYear, plan.heldElsewhere, options.actorId);
      if (options.mapping && Object.keys(options.mapping).length > 0) {
        await this.mappings.save(manager, academyId, options.mapping, options.actorId);
      }
      await this.audit.record(
        {
          userId: options.actorId,
          action: 'roster.import',
          entityType: 'academy',
          entityId: academyId,
          academyId,
          // Counts only: a roster is personal data and the audit log must not copy it.
          details: {
            academicYear,
            rows: roster.rows.length,
            created: plan.created,
            updated: plan.updated,
            unchanged: plan.unchanged,
            missingFromFile: plan.missingLearners.length,
            heldElsewhere: plan.heldElsewhere.length,
            bytes: roster.bytes,
          },
          ip: options.ip ?? null,
        },
        manager,
      );
      return this.outcome(academicYear, false, plan, roster);
    });
  }

  private async assertMayImport(user: AuthUser, academyId: string): Promise<void> {
    const [academy] = await this.dataSource.query('SELECT id FROM academy WHERE id = $1', [academyId]);
    const scope = accessScope(user);
    if (!academy || !seesAcademy(scope, academyId)) throw new NotFoundException('No such academy.');
    if (may(user, 'importRoster', academyId)) return;
    throw new ForbiddenException(
      "Only the academy's careers lead or a trust administrator may import its roster.",
    );
  }

  private outcome(
    academicYear: number,
    dryRun: boolean,
    plan: ImportPlan,
    roster: ParsedRoster,
  ): RosterImportOutcome {
    return {
      academicYear,
      dryRun,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      rejected: roster.rejected,
      missingFromFile: plan.missingLearners.length,
      movedIn: 0,
      heldElsewhere: plan.heldElsewhere.map(({ row }) => ({ line: row.line, upn: row.upn })),
      missingLearners: plan.missingLearners,
      errors: roster.errors.slice(0, MAX_ERRORS_LISTED) as RosterRowError[],
      errorsOmitted: Math.max(0, roster.errors.length - MAX_ERRORS_LISTED),
      ignoredHeaders: [...roster.ignoredHeaders],
      unmappedHeaders: roster.unmappedHeaders.map((header) => ({
        ...header,
        suggestions: [...header.suggestions],
      })),
      columns: roster.headers.flatMap((header, index) =>
        header.trim() === ''
          ? []
          : [
              {
                header,
                field: ROSTER_FIELDS.find((field) => roster.mapping[field]?.index === index) ?? null,
              },
            ],
      ),
      notInFile: [...roster.notInFile],
      file: {
        format: roster.format,
        encoding: roster.encoding,
        delimiter: roster.delimiter,
        headerLine: roster.headerLine,
        titleLines: [...roster.titleLines],
        summaryLines: [...roster.summaryLines],
      },
      changes: plan.changes,
      warnings: rosterChangeWarnings(plan.changes, plan.enrolledHere || plan.updated + plan.unchanged),
    };
  }

  /** Compares the file's good rows with what is held; reads only. */
  private async plan(
    manager: EntityManager,
    academyId: string,
    academicYear: number,
    roster: ParsedRoster,
  ): Promise<ImportPlan> {
    const upns = roster.rows.map((row) => row.upn);
    const held: HeldLearner[] = await manager.query(
      `SELECT l.id, l.upn, l.legal_surname, l.legal_forename, l.preferred_surname, l.preferred_forename,
              to_char(l.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, l.gender,
              e.id IS NOT NULL AS has_enrolment, e.academy_id, e.year_group, g.name AS group_name,
              e.pupil_premium, e.free_school_meals, e.sen_status, e.eal, e.looked_after,
              e.considering_higher_education,
              to_char(e.admission_date, 'YYYY-MM-DD') AS admission_date,
              to_char(e.leaving_date, 'YYYY-MM-DD') AS leaving_date,
              CASE WHEN e.id IS NULL THEN
                (SELECT json_build_object('academy_id', p.academy_id, 'pupil_premium', p.pupil_premium,
                          'free_school_meals', p.free_school_meals, 'sen_status', p.sen_status, 'eal', p.eal,
                          'looked_after', p.looked_after, 'considering_higher_education', p.considering_higher_education,
                          'admission_date', to_char(p.admission_date, 'YYYY-MM-DD'))
                   FROM enrolment p
                  WHERE p.learner_id = l.id AND p.academic_year <= $2
                  ORDER BY p.academic_year DESC, p.admission_date DESC NULLS LAST
                  LIMIT 1)
              END AS previous,
              coalesce((SELECT json_agg(json_build_object('admission', to_char(o.admission_date, 'YYYY-MM-DD'),
                                                          'leaving', to_char(o.leaving_date, 'YYYY-MM-DD')))
                          FROM enrolment o
                         WHERE o.learner_id = l.id AND o.academic_year = $2 AND o.academy_id <> $3), '[]') AS elsewhere,
              CASE WHEN e.id IS NULL THEN
                (SELECT h.academy_id FROM enrolment h
                  WHERE h.learner_id = l.id AND h.academy_id <> $3
                    AND (h.academic_year = $2
                         OR (h.leaving_date IS NULL
                             AND NOT EXISTS (SELECT 1 FROM enrolment n
                                              WHERE n.learner_id = l.id AND n.academic_year > h.academic_year)))
                  ORDER BY h.academic_year DESC, h.admission_date DESC NULLS LAST
                  LIMIT 1)
              END AS holder_academy_id
         FROM unnest($1::text[]) AS file (upn)
         JOIN learner l ON l.upn = file.upn
         LEFT JOIN enrolment e ON e.learner_id = l.id AND e.academic_year = $2 AND e.academy_id = $3
         LEFT JOIN learning_group g ON g.id = e.registration_group_id`,
      [upns, academicYear, academyId],
    );
    const heldByUpn = new Map(held.map((learner) => [learner.upn, learner]));
    const [{ enrolled }]: { enrolled: number }[] = await manager.query(
      `SELECT count(*)::int AS enrolled FROM enrolment
        WHERE academy_id = $1 AND academic_year = $2 AND leaving_date IS NULL`,
      [academyId, academicYear],
    );

    const plan: ImportPlan = {
      rows: [],
      created: 0,
      updated: 0,
      unchanged: 0,
      missingLearners: [],
      changes: [],
      heldElsewhere: [],
      enrolledHere: enrolled,
    };
    const compared: { baseline: RosterRowBaseline; row: ResolvedRosterRow; name: string }[] = [];
    for (const fileRow of roster.rows) {
      const learner = heldByUpn.get(fileRow.upn);
      if (!learner) {
        plan.created++;
        plan.rows.push({
          row: resolveRosterRow(fileRow, null),
          learnerId: null,
          writeLearner: true,
          writeEnrolment: true,
        });
        continue;
      }
      if (learner.holder_academy_id) {
        plan.heldElsewhere.push({
          learnerId: learner.id,
          fromAcademyId: learner.holder_academy_id,
          row: resolveRosterRow(fileRow, null),
        });
        continue;
      }
      if (!learner.has_enrolment && learner.previous?.academy_id !== academyId) {
        // New to this academy, and held by none: enrolled from the file alone. Nothing another academy holds
        // is compared, copied or counted apart from a learner new to the trust, and their identity stays.
        plan.created++;
        plan.rows.push({
          row: resolveRosterRow(fileRow, null),
          learnerId: learner.id,
          writeLearner: false,
          writeEnrolment: true,
        });
        continue;
      }
      const baseline = baselineOf(learner, academyId);
      const row: { -readonly [K in keyof ResolvedRosterRow]: ResolvedRosterRow[K] } = resolveRosterRow(
        fileRow,
        baseline,
      );
      // R-G-2: a learner admitted elsewhere in the trust later in the year left here the day before.
      if (learner.elsewhere.length > 0) row.leavingDate = leavingDateFor(row, learner.elsewhere);
      const writeLearner = learnerDiffers(learner, row);
      const writeEnrolment = enrolmentDiffers(learner, row, academyId);
      if (writeLearner || writeEnrolment) {
        plan.updated++;
        plan.rows.push({ row, learnerId: learner.id, writeLearner, writeEnrolment });
        compared.push({
          baseline,
          row,
          name: `${learner.preferred_forename ?? learner.legal_forename} ${learner.preferred_surname ?? learner.legal_surname}`,
        });
      } else {
        plan.unchanged++;
      }
    }
    plan.changes = describeRosterChanges(compared);

    // Enrolled here this year, or here last year and nowhere since, and not in this file.
    plan.missingLearners = await manager.query(
      `SELECT l.id AS "learnerId", l.upn,
              coalesce(l.preferred_forename, l.legal_forename) || ' ' || coalesce(l.preferred_surname, l.legal_surname) AS name,
              e.year_group AS "yearGroup"
         FROM enrolment e
         JOIN learner l ON l.id = e.learner_id
         LEFT JOIN unnest($3::text[]) AS file (upn) ON file.upn = l.upn
        WHERE e.academy_id = $1
          AND e.academic_year IN ($2, $2 - 1)
          AND e.leaving_date IS NULL
          AND file.upn IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM enrolment later
             WHERE later.learner_id = e.learner_id
               AND later.academic_year > e.academic_year
               AND later.academic_year <= $2)
        ORDER BY lower(l.legal_surname), lower(l.legal_forename), l.upn`,
      [academyId, academicYear, upns],
    );
    return plan;
  }

  /**
   * Writes planned rows with one statement per table, each taking every row at once as arrays. Only a
   * confirmed move (`closeElsewhere`) ends the learner's enrolment of the year at another academy (R-G-2).
   */
  async apply(
    manager: EntityManager,
    academyId: string,
    academicYear: number,
    rows: readonly PlannedRow[],
    options: { closeElsewhere?: boolean } = {},
  ): Promise<void> {
    const plan = { rows };
    if (plan.rows.length === 0) return;

    const groupNames = [...new Set(plan.rows.flatMap(({ row }) => row.registrationGroup ?? []))];
    const groupIdByName = new Map<string, string>();
    if (groupNames.length > 0) {
      await manager.query(
        `INSERT INTO learning_group (academy_id, academic_year, name, kind)
         SELECT $1, $2, name, 'registration' FROM unnest($3::text[]) AS file (name)
         ON CONFLICT (academy_id, academic_year, name) DO NOTHING`,
        [academyId, academicYear, groupNames],
      );
      const groups: { id: string; name: string }[] = await manager.query(
        `SELECT id, name FROM learning_group WHERE academy_id = $1 AND academic_year = $2 AND name = ANY($3::text[])`,
        [academyId, academicYear, groupNames],
      );
      for (const group of groups) groupIdByName.set(group.name, group.id);
    }

    const learnerRows = plan.rows.filter((planned) => planned.writeLearner).map((planned) => planned.row);
    const learnerIdByUpn = new Map(
      plan.rows.flatMap((planned) =>
        planned.learnerId ? [[planned.row.upn, planned.learnerId] as const] : [],
      ),
    );
    if (learnerRows.length > 0) {
      const written: { id: string; upn: string }[] = await manager.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, preferred_surname, preferred_forename, date_of_birth, gender)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::text[])
         ON CONFLICT (upn) DO UPDATE SET
           ${fromExcluded(LEARNER_FIELDS.map(snakeCase))},
           updated_at = now()
         RETURNING id, upn`,
        columnArrays(learnerRows, ['upn', ...LEARNER_FIELDS]),
      );
      for (const learner of written) learnerIdByUpn.set(learner.upn, learner.id);
    }

    const enrolmentRows = plan.rows.filter((planned) => planned.writeEnrolment).map((planned) => planned.row);
    // Coverage follows the roster in the same transaction: a new enrolment, year group or date of birth
    // changes which rules apply and when their windows close.
    const changed = [...learnerRows, ...enrolmentRows].map((row) => learnerIdByUpn.get(row.upn) as string);
    if (enrolmentRows.length === 0) {
      await this.progress.learnersChanged(manager, changed);
      return;
    }
    const learnerIds = enrolmentRows.map((row) => learnerIdByUpn.get(row.upn) as string);
    const groupIds = enrolmentRows.map((row) =>
      row.registrationGroup ? (groupIdByName.get(row.registrationGroup) ?? null) : null,
    );
    await manager.query(
      `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id, pupil_premium,
                              sen_status, eal, looked_after, considering_higher_education, admission_date, leaving_date,
                              free_school_meals)
       SELECT learner_id, $2, $3, year_group, group_id, pupil_premium, sen_status, eal, looked_after, considering_he,
              admission_date, leaving_date, free_school_meals
         FROM unnest($1::uuid[], $4::smallint[], $5::uuid[], $6::boolean[], $7::boolean[], $8::text[], $9::boolean[],
                     $10::boolean[], $11::boolean[], $12::date[], $13::date[])
           AS file (learner_id, year_group, group_id, pupil_premium, free_school_meals, sen_status, eal, looked_after,
                    considering_he, admission_date, leaving_date)
       ON CONFLICT (learner_id, academic_year, academy_id) DO UPDATE SET
         ${fromExcluded(['year_group', 'registration_group_id', ...ENROLMENT_FIELDS.map(snakeCase)])},
         updated_at = now()`,
      [
        learnerIds,
        academicYear,
        academyId,
        enrolmentRows.map((row) => row.yearGroup),
        groupIds,
        ...columnArrays(enrolmentRows, ENROLMENT_FIELDS),
      ],
    );

    // R-G-2: a learner admitted here later in the year than to another academy of the trust left that one
    // the day before (unless its own leaving date is earlier): its enrolment and its figures stay, to then.
    if (options.closeElsewhere) {
      await manager.query(
        `UPDATE enrolment o SET leaving_date = file.admission_date - 1, updated_at = now()
         FROM unnest($1::uuid[], $3::date[]) AS file (learner_id, admission_date)
        WHERE o.learner_id = file.learner_id AND o.academic_year = $2 AND o.academy_id <> $4
          AND file.admission_date IS NOT NULL
          AND (o.admission_date IS NULL OR o.admission_date < file.admission_date)
          AND (o.leaving_date IS NULL OR o.leaving_date >= file.admission_date)`,
        [learnerIds, academicYear, enrolmentRows.map((row) => row.admissionDate), academyId],
      );
    }

    // Registration-group memberships follow the enrolment: out of this academy's registration group of the
    // year, then into the group the file names. A learner who moved here stays in their old academy's group
    // for the year, as a leaver does: that class's figures still count them up to the move.
    await manager.query(
      `DELETE FROM group_membership gm
        USING learning_group g, unnest($1::uuid[]) AS file (learner_id)
        WHERE gm.learner_id = file.learner_id AND g.id = gm.group_id
          AND g.kind = 'registration' AND g.academic_year = $2 AND g.academy_id = $3`,
      [learnerIds, academicYear, academyId],
    );
    await manager.query(
      `INSERT INTO group_membership (group_id, learner_id)
       SELECT group_id, learner_id FROM unnest($1::uuid[], $2::uuid[]) AS file (learner_id, group_id)
        WHERE group_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [learnerIds, groupIds],
    );
    // A large import can grow these tables many times over before autovacuum looks at them; stale
    // statistics then lead the planner into nested loops over thousands of rows (seen on PostgreSQL 15).
    if (plan.rows.length >= ANALYZE_AFTER_ROWS) {
      await manager.query('ANALYZE learner, enrolment, group_membership, learning_group');
    }
    // A group's year group is the one its learners share; null when it mixes years.
    await manager.query(
      `UPDATE learning_group g SET year_group = members.year_group, updated_at = now()
         FROM (SELECT registration_group_id AS id,
                      CASE WHEN min(year_group) = max(year_group) THEN min(year_group) END AS year_group
                 FROM enrolment
                WHERE academy_id = $1 AND academic_year = $2 AND registration_group_id IS NOT NULL
                GROUP BY registration_group_id) AS members
        WHERE g.id = members.id AND g.year_group IS DISTINCT FROM members.year_group`,
      [academyId, academicYear],
    );
    await this.progress.learnersChanged(manager, changed);
  }
}

/** What the row's absent fields keep: this year's enrolment here, or else the learner's latest one. */
function baselineOf(held: HeldLearner, academyId: string): RosterRowBaseline {
  const learner = {
    legalSurname: held.legal_surname,
    legalForename: held.legal_forename,
    dateOfBirth: held.date_of_birth,
    preferredSurname: held.preferred_surname,
    preferredForename: held.preferred_forename,
    gender: held.gender,
  };
  if (held.has_enrolment) {
    return {
      ...learner,
      current: true,
      yearGroup: held.year_group,
      registrationGroup: held.group_name,
      pupilPremium: held.pupil_premium ?? false,
      freeSchoolMeals: held.free_school_meals ?? false,
      senStatus: (held.sen_status ?? 'N') as RosterRowBaseline['senStatus'],
      eal: held.eal ?? false,
      lookedAfter: held.looked_after ?? false,
      consideringHigherEducation: held.considering_higher_education ?? false,
      admissionDate: held.admission_date,
      leavingDate: held.leaving_date,
    };
  }
  const previous = held.previous;
  return {
    ...learner,
    current: false,
    yearGroup: null,
    registrationGroup: null,
    pupilPremium: previous?.pupil_premium ?? false,
    freeSchoolMeals: previous?.free_school_meals ?? false,
    senStatus: previous?.sen_status ?? 'N',
    eal: previous?.eal ?? false,
    lookedAfter: previous?.looked_after ?? false,
    consideringHigherEducation: previous?.considering_higher_education ?? false,
    // A learner's admission to this academy stays their admission date in a later year here.
    admissionDate: previous?.academy_id === academyId ? previous.admission_date : null,
    leavingDate: null,
  };
}

/** The held columns of a learner, each with the field of the row that sets it. */
const LEARNER_COLUMNS = {
  legal_surname: 'legalSurname',
  legal_forename: 'legalForename',
  preferred_surname: 'preferredSurname',
  preferred_forename: 'preferredForename',
  date_of_birth: 'dateOfBirth',
  gender: 'gender',
} as const satisfies Partial<Record<keyof HeldLearner, keyof ResolvedRosterRow>>;

/** The held columns of an enrolment, each with the field of the row that sets it. */
const ENROLMENT_COLUMNS = {
  year_group: 'yearGroup',
  group_name: 'registrationGroup',
  pupil_premium: 'pupilPremium',
  free_school_meals: 'freeSchoolMeals',
  sen_status: 'senStatus',
  eal: 'eal',
  looked_after: 'lookedAfter',
  considering_higher_education: 'consideringHigherEducation',
  admission_date: 'admissionDate',
  leaving_date: 'leavingDate',
} as const satisfies Partial<Record<keyof HeldLearner, keyof ResolvedRosterRow>>;

/** Whether any of `columns` holds another value than the row's field for it. */
function differs(
  held: HeldLearner,
  row: ResolvedRosterRow,
  columns: Partial<Record<keyof HeldLearner, keyof ResolvedRosterRow>>,
): boolean {
  return Object.entries(columns).some(
    ([column, field]) => held[column as keyof HeldLearner] !== row[field as keyof ResolvedRosterRow],
  );
}

function learnerDiffers(held: HeldLearner, row: ResolvedRosterRow): boolean {
  return differs(held, row, LEARNER_COLUMNS);
}

function enrolmentDiffers(held: HeldLearner, row: ResolvedRosterRow, academyId: string): boolean {
  return !held.has_enrolment || held.academy_id !== academyId || differs(held, row, ENROLMENT_COLUMNS);
}

/**
 * R-G-2: the leaving date to hold for a row: the file's, or, when the learner was admitted to another academy
 * of the trust later in the year, the day before that admission if earlier.
 */
export function leavingDateFor(
  row: Pick<ResolvedRosterRow, 'admissionDate' | 'leavingDate'>,
  elsewhere: readonly { admission: string | null }[],
): string | null {
  const next = elsewhere
    .map((other) => other.admission)
    .filter(
      (admission): admission is string =>
        !!admission && (!row.admissionDate || admission > row.admissionDate),
    )
    .sort()[0];
  if (!next) return row.leavingDate;
  const dayBefore = addDays(next, -1);
  return row.leavingDate && row.leavingDate < dayBefore ? row.leavingDate : dayBefore;
}
