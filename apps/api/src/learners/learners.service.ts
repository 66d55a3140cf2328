import {
  academicYearOf,
  attendanceCounting,
  type ItemCounting,
  meetingCounting,
  type AttendanceStatus,
  type EducationOrganisationType,
  type EncounterCategory,
  evaluateLearner,
  isMeaningfulFor,
  type LearnerRecord,
  type LearnerRuleDetail,
  type LearnerWorkExperience,
  type MeaningfulChecklist,
  meaningfulBenchmarkFor,
  RULE_IDS,
  type RuleId,
  statusesOf,
  type TimelineEncounterEntry,
  type TimelineEntry,
  todayIsoDate,
  type WorkExperienceLedger,
} from '@encounters/domain';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessScope, type AccessScope, type AuthUser, seesGuidanceNotes } from '../common/access/policy';
import { loadLearnerRecordsWith } from '../coverage/learner-records';
import { loadPolicyLookup, POLICY_VERSION_SQL } from '../coverage/policy-lookup';
import { JOB_COLUMNS, type PartTimeJobRow, toPartTimeJob } from './part-time-jobs.service';
import {
  auditDestinationReads,
  LEARNER_DESTINATIONS_SQL,
  type LearnerDestinationsRow,
  toLearnerDestinations,
} from './learner-destinations';
import { AuditService } from '../audit/audit.service';
import { SqlParams } from '../common/sql-params';
import {
  GuidanceMeetingsService,
  MEETING_COLUMNS,
  type MeetingRow,
  toView,
} from '../guidance-meetings/guidance-meetings.service';
import type { LearnerListQueryDto } from './dto/learner-list-query.dto';
import type {
  EnrolmentResponseDto,
  LearnerDetailDto,
  LearnerListItemDto,
  LearnerPageDto,
  LearnerResponseDto,
} from './dto/learner-responses.dto';
import { learnerInScopeSql } from '../common/access/learner-scope';
import { displayName, enrolledOnSql } from '../common/learner-sql';
import { checklistJsonSql } from '../common/checklist-columns';
import {
  learnerFilterConditions,
  learnerFilterProblems,
  learnerOrderSql,
  ruleStatusColumn,
  withRuleStatus,
} from './learner-filters';

/** The columns of a learner and one enrolment that a list item needs. */
export const LEARNER_LIST_COLUMNS = `
  l.id, l.upn, l.legal_surname, l.legal_forename, l.preferred_surname, l.preferred_forename,
  e.academy_id, e.academic_year, e.year_group, g.id AS group_id, g.name AS group_name`;

/** A learner's id, UPN and names as the `learner` table holds them. */
export interface LearnerNamesRow {
  id: string;
  upn: string;
  legal_surname: string;
  legal_forename: string;
  preferred_surname: string | null;
  preferred_forename: string | null;
}

export interface LearnerListRow extends LearnerNamesRow {
  academy_id: string;
  academic_year: number;
  year_group: number;
  group_id: string | null;
  group_name: string | null;
}

export function toLearnerListItem(row: LearnerListRow): LearnerListItemDto {
  const names = {
    legalSurname: row.legal_surname,
    legalForename: row.legal_forename,
    preferredSurname: row.preferred_surname,
    preferredForename: row.preferred_forename,
  };
  return {
    id: row.id,
    upn: row.upn,
    ...names,
    name: displayName(names),
    academyId: row.academy_id,
    academicYear: row.academic_year,
    yearGroup: row.year_group,
    group: row.group_id ? { id: row.group_id, name: row.group_name as string } : null,
  };
}

/** Escapes LIKE's wildcards so that a search for "50%" or "o_neill" means what it says. */
function likeContains(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

@Injectable()
export class LearnersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly guidanceMeetings: GuidanceMeetingsService,
    private readonly audit: AuditService,
  ) {}

  /** Learners with an enrolment in the academic year (default: the current one), filtered and paged in SQL. */
  async list(query: LearnerListQueryDto, scope: AccessScope): Promise<LearnerPageDto> {
    const academicYear = query.academicYear ?? academicYearOf(query.onRollOn ?? todayIsoDate());
    const p = new SqlParams();
    const where = [`e.academic_year = ${p.add(academicYear)}`];
    if (query.academyId) where.push(`e.academy_id = ${p.add(query.academyId)}`);
    if (query.onRollOn) where.push(enrolledOnSql('e', p.add(query.onRollOn)));
    if (query.yearGroup) where.push(`e.year_group = ${p.add(query.yearGroup)}`);
    if (query.groupId) {
      const groupId = p.add(query.groupId);
      where.push(
        `EXISTS (SELECT 1 FROM group_membership gm WHERE gm.learner_id = e.learner_id AND gm.group_id = ${groupId})
         AND e.academy_id = (SELECT academy_id FROM learning_group WHERE id = ${groupId})`,
      );
    }
    // Every word must appear somewhere in the UPN or the names; the trigram index serves each LIKE.
    const words = (query.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
    for (const word of words) where.push(`l.search_text LIKE ${p.add(likeContains(word))}`);
    learnerFilterProblems(query);
    const asAt = query.asAt ?? todayIsoDate();
    where.push(...learnerFilterConditions(query, p, asAt));
    where.push(learnerInScopeSql(scope, p, 'e.learner_id', 'e.academy_id'));
    const filter = [...p.values];
    const ruleStatus = ruleStatusColumn(query, p, asAt);

    // A learner who moved academy during the year has an enrolment at each: listed once, with the latest
    // of those that match (R-G-2).
    const rows: (LearnerListRow & { total: number; rule_status?: string | null })[] =
      await this.dataSource.query(
        `SELECT *, count(*) OVER ()::int AS total FROM (
         SELECT DISTINCT ON (e.learner_id) ${LEARNER_LIST_COLUMNS},
                lower(l.legal_surname) AS surname_key, lower(l.legal_forename) AS forename_key${ruleStatus}
           FROM enrolment e
           JOIN learner l ON l.id = e.learner_id
           LEFT JOIN learning_group g ON g.id = e.registration_group_id
          WHERE ${where.join(' AND ')}
          ORDER BY e.learner_id, e.admission_date DESC NULLS LAST, e.created_at DESC
       ) listed
        ORDER BY ${learnerOrderSql(query)}
        LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
        p.values,
      );
    const total = rows[0]?.total ?? (query.page > 1 ? await this.count(where, filter) : 0);
    return {
      items: rows.map((row) => withRuleStatus(toLearnerListItem(row), row)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * A learner the scope may see, with every enrolment held; 404 for one it may not. One statement reads what
   * the rules engine reads of the learner (`loadLearnerRecordsWith`, the same as the coverage bookkeeping, so
   * that the record and the figures never disagree) together with the learner's names, enrolments, timeline,
   * guidance meetings, part-time jobs and the policies' version; the policies themselves are read only when
   * they changed, and reading guidance notes adds the audit entry: at most three round trips.
   */
  async get(
    id: string,
    user: AuthUser,
    options: { academicYear?: number; asAt?: string; ip?: string | null } = {},
  ): Promise<LearnerDetailDto> {
    const scope = accessScope(user);
    const { records, extras } = await loadLearnerRecordsWith(
      this.dataSource.manager,
      [id],
      learnerRecordColumns(id, scope),
    );
    const row = extras.detail as LearnerRecordRow | null;
    if (!row) throw new NotFoundException('No such learner.');
    const names = {
      legalSurname: row.legal_surname,
      legalForename: row.legal_forename,
      preferredSurname: row.preferred_surname,
      preferredForename: row.preferred_forename,
    };
    const learner: LearnerResponseDto = {
      id: row.id,
      upn: row.upn,
      ...names,
      name: displayName(names),
      dateOfBirth: row.date_of_birth,
      gender: row.gender,
    };
    const record: LearnerRecord = records[0] ?? {
      learnerId: id,
      dateOfBirth: row.date_of_birth,
      enrolments: [],
      attendances: [],
      guidanceMeetings: [],
    };
    const asAt = options.asAt ?? todayIsoDate();
    const academicYear = options.academicYear ?? academicYearOf(asAt);
    const policyFor = await loadPolicyLookup(this.dataSource.manager, row.policy_version);
    const evaluation = evaluateLearner({ learner: record, academicYear, asAt, policyFor });
    // Whether each item counts, and why not: from the engine's own tests (libs/domain `counting`).
    const countingContext = { results: evaluation.results, asAt, policyFor };
    const attendanceById = new Map(
      record.attendances.map((attendance) => [attendance.encounterId, attendance]),
    );
    const encounterCounting = (attendance: AttendanceJson): ItemCounting => {
      const engineView = attendanceById.get(attendance.id);
      return engineView
        ? attendanceCounting({ ...engineView, adviserLevel: attendance.adviser_level }, countingContext)
        : { counts: false, rules: [], reasons: [] };
    };
    const ruleDetails = Object.fromEntries(
      RULE_IDS.map((rule) => {
        const { status, window, evidence, stillNeeded } = evaluation.results[rule];
        return [rule, { status, window, evidence, stillNeeded } satisfies LearnerRuleDetail];
      }),
    ) as Record<RuleId, LearnerRuleDetail>;
    const meetings = row.meetings
      .filter((meeting) => meeting.visible)
      .slice(0, MEETINGS_ON_TIMELINE)
      .map((meeting) =>
        toView(
          { ...meeting, created_at: new Date(meeting.created_at), updated_at: new Date(meeting.updated_at) },
          seesGuidanceNotes(user, [meeting.academy_id]),
        ),
      );
    await this.guidanceMeetings.auditNotesRead(meetings, { user, ip: options.ip ?? null });
    const latest = row.enrolments[row.enrolments.length - 1] ?? null;
    const destinations = toLearnerDestinations(
      id,
      row,
      user,
      (year) => row.enrolments.findLast((enrolment) => enrolment.academic_year === year)?.academy_id ?? null,
      latest?.academy_id ?? null,
      latest?.academic_year ?? null,
    );
    await auditDestinationReads(this.audit, id, destinations, {
      userId: user.id,
      ip: options.ip ?? null,
      academyId: latest?.academy_id ?? null,
    });
    const timeline = [
      ...row.attendances.map((attendance) => toEncounterEntry(attendance, encounterCounting(attendance))),
      ...meetings.map((meeting): TimelineEntry => ({
        kind: 'guidance_meeting',
        date: meeting.date,
        guidanceMeetingId: meeting.id,
        adviserName: meeting.adviserName,
        adviserLevel: meeting.adviserLevel,
        mode: meeting.mode,
        ...(meeting.summary !== undefined
          ? { summary: meeting.summary, agreedActions: meeting.agreedActions }
          : {}),
        followUpOn: meeting.followUpOn ?? null,
        counting: meetingCounting(
          { id: meeting.id, date: meeting.date, adviserLevel: meeting.adviserLevel },
          countingContext,
        ),
      })),
    ].sort((a, b) => b.date.localeCompare(a.date));
    return {
      learner,
      // Newest first for the page, the reverse of the order R-G-2 reads them in.
      enrolments: [...row.enrolments].reverse().map((enrolment): EnrolmentResponseDto => ({
        academicYear: enrolment.academic_year,
        academyId: enrolment.academy_id,
        academyName: enrolment.academy_name,
        yearGroup: enrolment.year_group,
        group: enrolment.group_id ? { id: enrolment.group_id, name: enrolment.group_name as string } : null,
        pupilPremium: enrolment.pupil_premium,
        senStatus: enrolment.sen_status,
        eal: enrolment.eal,
        lookedAfter: enrolment.looked_after,
        consideringHigherEducation: enrolment.considering_higher_education,
        admissionDate: enrolment.admission_date,
        leavingDate: enrolment.leaving_date,
      })),
      timeline,
      academicYear,
      asAt,
      ruleStatuses: statusesOf(evaluation.results),
      ruleDetails,
      workExperience: workExperienceOf(evaluation.workExperience, row.attendances),
      partTimeJobs: row.jobs.map(toPartTimeJob),
      destinations: destinations.destinations,
    };
  }

  /** The total when the page asked for is past the last one (the window count then sees no row). */
  private async count(where: string[], params: unknown[]): Promise<number> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(DISTINCT e.learner_id)::int AS total FROM enrolment e JOIN learner l ON l.id = e.learner_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return total;
  }
}

/** The guidance meetings the timeline shows, as the meetings list's largest page. */
const MEETINGS_ON_TIMELINE = 500;

/** A timestamp as `Date.prototype.toISOString` writes it, from inside a JSON aggregate. */
function isoTimestampSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

interface EnrolmentJson {
  academic_year: number;
  academy_id: string;
  academy_name: string;
  year_group: number;
  group_id: string | null;
  group_name: string | null;
  pupil_premium: boolean;
  sen_status: 'N' | 'K' | 'E';
  eal: boolean;
  looked_after: boolean;
  considering_higher_education: boolean;
  admission_date: string | null;
  leaving_date: string | null;
}

interface AttendanceJson {
  id: string;
  academy_id: string;
  title: string;
  date: string;
  end_date: string | null;
  format: TimelineEncounterEntry['format'];
  delivery: TimelineEncounterEntry['delivery'];
  adviser_level: number | null;
  categories: EncounterCategory[];
  education_types: EducationOrganisationType[];
  status: AttendanceStatus;
  meaningful_override: boolean | null;
  reflection_rating: number | null;
  reflection_comment: string | null;
  checklist: MeaningfulChecklist;
  organisations: TimelineEncounterEntry['organisations'];
}

interface LearnerRecordRow extends LearnerNamesRow, LearnerDestinationsRow {
  jobs: PartTimeJobRow[];
  date_of_birth: string;
  gender: string | null;
  policy_version: string;
  enrolments: EnrolmentJson[];
  attendances: AttendanceJson[];
  meetings: (Omit<MeetingRow, 'created_at' | 'updated_at'> & {
    created_at: string;
    updated_at: string;
    visible: boolean;
  })[];
}

/** R-WEX: the engine's work-experience ledger, each experience with its title. */
function workExperienceOf(
  ledger: WorkExperienceLedger,
  attendances: readonly AttendanceJson[],
): LearnerWorkExperience {
  const titles = new Map(attendances.map((attendance) => [attendance.id, attendance.title]));
  return {
    ks3: ledger.ks3,
    ks4: ledger.ks4,
    items: ledger.items.map((item) => ({
      encounterId: item.encounterId,
      date: item.date,
      title: titles.get(item.encounterId) ?? '',
      hours: item.hours,
      delivery: item.delivery,
      planned: item.planned,
      placement: item.placement,
    })),
  };
}

/**
 * An encounter the learner was down for. Teachers and academy staff see encounters of other academies too:
 * the learner's history travels with them (R-G-2), and they may see this learner.
 */
function toEncounterEntry(row: AttendanceJson, counting: ItemCounting): TimelineEntry {
  // Meaningful when every benchmark the encounter evidences has its checklist complete, less any override.
  const benchmarks = row.categories
    .map((category) => meaningfulBenchmarkFor(category))
    .filter((benchmark) => benchmark !== null);
  const meaningful =
    row.meaningful_override !== false &&
    benchmarks.every((benchmark) => isMeaningfulFor(benchmark, row.checklist));
  return {
    kind: 'encounter',
    date: row.date,
    endDate: row.end_date,
    encounterId: row.id,
    academyId: row.academy_id,
    title: row.title,
    format: row.format,
    delivery: row.delivery,
    organisations: row.organisations,
    status: row.status,
    meaningful,
    categories: row.categories,
    reflection: row.reflection_rating
      ? { rating: row.reflection_rating, comment: row.reflection_comment ?? '' }
      : null,
    counting,
  };
}

/**
 * What the learner record's one statement reads beside the rules engine's records (`detail`: names,
 * enrolments, timeline, guidance meetings, part-time jobs, destinations and the policies' version), for a
 * reader of this scope; `$1` is the loader's list of learner ids, `parameters` follow it. Exported for the
 * bench's floor server (`cli sql learner-record`), which runs the very same statement.
 */
export function learnerRecordColumns(
  id: string,
  scope: AccessScope,
): { columns: string; parameters: unknown[] } {
  const p = new SqlParams([[id]]);
  const learnerId = p.add(id);
  const learnerVisible = learnerInScopeSql(scope, p, 'l.id');
  const meetingVisible = learnerInScopeSql(scope, p, 'm.learner_id', 'm.academy_id');
  return {
    parameters: p.values.slice(1),
    columns: `(SELECT row_to_json(r) FROM (
    SELECT l.id, l.upn, l.legal_surname, l.legal_forename, l.preferred_surname, l.preferred_forename,
          to_char(l.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, l.gender,
          ${POLICY_VERSION_SQL} AS policy_version,
          (SELECT coalesce(json_agg(x), '[]') FROM (
             -- R-G-2 picks among a year's enrolments by admission date; equal dates go to the one recorded last.
             SELECT e.academic_year, e.academy_id, a.name AS academy_name, e.year_group,
                    g.id AS group_id, g.name AS group_name, e.pupil_premium, e.sen_status, e.eal, e.looked_after,
                    e.considering_higher_education,
                    to_char(e.admission_date, 'YYYY-MM-DD') AS admission_date,
                    to_char(e.leaving_date, 'YYYY-MM-DD') AS leaving_date
               FROM enrolment e
               JOIN academy a ON a.id = e.academy_id
               LEFT JOIN learning_group g ON g.id = e.registration_group_id
              WHERE e.learner_id = l.id
              ORDER BY e.academic_year, e.admission_date NULLS FIRST, e.created_at, e.id) x) AS enrolments,
          (SELECT coalesce(json_agg(x), '[]') FROM (
             SELECT e.id, e.academy_id, e.title, e.date::text AS date, e.end_date::text AS end_date, e.format,
                    e.delivery, e.adviser_level, e.categories, e.education_types, a.status, a.meaningful_override,
                    a.reflection_rating, a.reflection_comment,
                    ${checklistJsonSql('e')} AS checklist,
                    COALESCE((SELECT jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'type', o.type) ORDER BY o.name)
                                FROM encounter_organisation eo JOIN organisation o ON o.id = eo.organisation_id
                               WHERE eo.encounter_id = e.id), '[]'::jsonb) AS organisations
               FROM attendance a JOIN encounter e ON e.id = a.encounter_id
              WHERE a.learner_id = l.id AND e.deleted_at IS NULL) x) AS attendances,
          (SELECT coalesce(json_agg(x), '[]') FROM (
             SELECT ${MEETING_COLUMNS.replace(/m\.created_at, m\.updated_at/, `${isoTimestampSql('m.created_at')} AS created_at, ${isoTimestampSql('m.updated_at')} AS updated_at`)},
                    ${meetingVisible} AS visible
               FROM guidance_meeting m
              WHERE m.learner_id = l.id AND m.deleted_at IS NULL
              ORDER BY m.date DESC, m.created_at DESC, m.id) x) AS meetings,
          (SELECT coalesce(json_agg(x ORDER BY x.held_from DESC, x.created_at DESC), '[]') FROM (
             SELECT ${JOB_COLUMNS} FROM learner_part_time_job j WHERE j.learner_id = l.id) x) AS jobs,
          ${LEARNER_DESTINATIONS_SQL}
     FROM learner l
    WHERE l.id = ${learnerId} AND ${learnerVisible}) r) AS detail`,
  };
}
