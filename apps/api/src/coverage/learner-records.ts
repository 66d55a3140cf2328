import type {
  AcademyEvaluationType,
  DeliveryMode,
  DestinationStatus,
  EducationOrganisationType,
  EncounterFormat,
  EncounterCategory,
  LearnerRecord,
  MeaningfulChecklist,
} from '@encounters/domain';
import type { EntityManager } from 'typeorm';
import { checklistJsonSql } from '../common/checklist-columns';

interface EnrolmentRow {
  learner_id: string;
  date_of_birth: string;
  gender: string | null;
  academic_year: number;
  academy_id: string;
  year_group: number;
  registration_group_id: string | null;
  considering_higher_education: boolean;
  admission_date: string | null;
  leaving_date: string | null;
  pupil_premium: boolean;
  sen_status: 'N' | 'K' | 'E';
  eal: boolean;
  looked_after: boolean;
  evaluation_type: AcademyEvaluationType;
}

/** A learner's place on an encounter: learner id, encounter id, status, meaningful override, own hours. */
type AttendanceRow = [string, string, 'attended' | 'absent' | 'withdrawn', boolean | null, number | null];

/** What an encounter evidences, read once however many of the learners attended it. */
interface EncounterRow {
  id: string;
  date: string;
  categories: EncounterCategory[];
  education_types: EducationOrganisationType[];
  checklist: MeaningfulChecklist;
  format: EncounterFormat;
  delivery: DeliveryMode;
  duration_minutes: number;
  days: number | null;
  curriculum_linked: boolean;
}

/**
 * Everything the rules engine needs about these learners, read with one statement whatever their number
 * (one round trip: the enrolments, attendances, their encounters and guidance meetings as JSON arrays, each
 * encounter's facts once rather than once per attendee, which is most of the cost). Dates come back as
 * ISO strings (`::text`), never through a JavaScript Date and its time zone.
 */
export async function loadLearnerRecords(
  manager: EntityManager,
  learnerIds: readonly string[],
): Promise<LearnerRecord[]> {
  return (await loadLearnerRecordsWith(manager, learnerIds, null)).records;
}

/**
 * {@link loadLearnerRecords}, with further columns computed by the same statement (`$1` is the learners' ids,
 * the parameters given follow it), answered in `extras`.
 */
export async function loadLearnerRecordsWith(
  manager: EntityManager,
  learnerIds: readonly string[],
  extra: {
    columns: string;
    parameters: unknown[];
    /** Set by the progress bookkeeping of a migration older than the destination tables (1764996000000). */
    withoutDestinations?: boolean;
  } | null,
): Promise<{ records: LearnerRecord[]; extras: Record<string, unknown> }> {
  if (!learnerIds.length) return { records: [], extras: {} };
  const ids = [...new Set(learnerIds)];
  const [row]: {
    enrolments: EnrolmentRow[];
    attendances: AttendanceRow[];
    encounters: EncounterRow[];
    meetings: { id: string; learner_id: string; date: string; adviser_level: number | null }[];
    jobs: { id: string; learner_id: string; from: string; to: string | null }[];
    destinations: {
      id: string;
      learner_id: string;
      academic_year: number;
      history: [DestinationStatus, string][];
    }[];
    [column: string]: unknown;
  }[] = await manager.query(learnerRecordsSql(extra), [ids, ...(extra?.parameters ?? [])]);
  const { enrolments, attendances, encounters, meetings, jobs, destinations } = row;
  const encounterById = new Map(encounters.map((encounter) => [encounter.id, encounter]));
  const records = new Map<string, LearnerRecord & { enrolments: LearnerRecord['enrolments'][number][] }>();
  const recordOf = (learnerId: string) => {
    let record = records.get(learnerId);
    if (!record) {
      record = { learnerId, dateOfBirth: null, enrolments: [], attendances: [], guidanceMeetings: [] };
      records.set(learnerId, record);
    }
    return record;
  };
  for (const row of enrolments) {
    const record = recordOf(row.learner_id);
    record.dateOfBirth = row.date_of_birth;
    record.enrolments.push({
      academicYear: row.academic_year,
      academyId: row.academy_id,
      yearGroup: row.year_group,
      groupId: row.registration_group_id,
      consideringHigherEducation: row.considering_higher_education,
      admissionDate: row.admission_date,
      leavingDate: row.leaving_date,
      pupilPremium: row.pupil_premium,
      senStatus: row.sen_status,
      eal: row.eal,
      lookedAfter: row.looked_after,
      gender: row.gender ?? '',
      evaluationType: row.evaluation_type,
    });
  }
  for (const [learnerId, encounterId, status, meaningfulOverride, hours] of attendances) {
    const encounter = encounterById.get(encounterId);
    if (!encounter) continue;
    (recordOf(learnerId).attendances as LearnerRecord['attendances'][number][]).push({
      encounterId,
      date: encounter.date,
      status,
      categories: encounter.categories,
      educationTypes: encounter.education_types,
      meaningful: encounter.checklist,
      meaningfulOverride,
      format: encounter.format,
      delivery: encounter.delivery,
      durationMinutes: encounter.duration_minutes,
      days: encounter.days,
      // numeric comes back from JSON as a number; null takes the default hours (R-WEX-1).
      hours: hours === null ? null : Number(hours),
      curriculumLinked: encounter.curriculum_linked,
    });
  }
  for (const row of meetings) {
    (recordOf(row.learner_id).guidanceMeetings as LearnerRecord['guidanceMeetings'][number][]).push({
      id: row.id,
      date: row.date,
      adviserLevel: row.adviser_level,
    });
  }
  for (const job of jobs) {
    const record = recordOf(job.learner_id);
    record.partTimeJobs = [...(record.partTimeJobs ?? []), { id: job.id, from: job.from, to: job.to }];
  }
  for (const destination of destinations) {
    // R-DEST-1: a destination's learner has enrolments (Year 11 or 13), so the record exists already.
    const record = records.get(destination.learner_id);
    if (!record) continue;
    record.intendedDestinations = [
      ...(record.intendedDestinations ?? []),
      {
        id: destination.id,
        academicYear: destination.academic_year,
        history: (destination.history ?? []).map(([status, on]) => ({ status, on })),
      },
    ];
  }
  return { records: [...records.values()], extras: row };
}

/**
 * The statement {@link loadLearnerRecordsWith} runs: `$1` is the learners' ids, `extra.parameters` follow it.
 * Exported for the bench's floor server (`cli sql learner-record`), which runs the very same text.
 */
export function learnerRecordsSql(extra: { columns: string; withoutDestinations?: boolean } | null): string {
  return `SELECT
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT e.learner_id, l.date_of_birth::text AS date_of_birth, l.gender, e.academic_year, e.academy_id, e.year_group,
                 e.registration_group_id, e.considering_higher_education, e.admission_date::text AS admission_date,
                 e.leaving_date::text AS leaving_date, e.pupil_premium, e.sen_status, e.eal, e.looked_after,
                 ac.evaluation_type
            FROM enrolment e JOIN learner l ON l.id = e.learner_id JOIN academy ac ON ac.id = e.academy_id
           WHERE e.learner_id = ANY($1::uuid[])
           -- R-G-2 picks among a year's enrolments by admission date; equal dates go to the one recorded last.
           ORDER BY e.learner_id, e.academic_year, e.admission_date NULLS FIRST, e.created_at, e.id) x) AS enrolments,
       -- Attendances of deleted encounters come too, and are dropped below: the encounters' list has none.
       (SELECT coalesce(json_agg(json_build_array(a.learner_id, a.encounter_id, a.status, a.meaningful_override, a.hours)), '[]')
          FROM attendance a
         WHERE a.learner_id = ANY($1::uuid[])) AS attendances,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT e.id, e.date::text AS date, e.categories, e.education_types,
                 ${checklistJsonSql('e')} AS checklist, e.format, e.delivery, e.duration_minutes, e.days,
                 e.curriculum_linked
            FROM encounter e
           -- An array, so that each encounter is read through its key: as a join, the planner scanned every
           -- encounter of the trust for a class's few dozen (issue 20).
           WHERE e.id = ANY(ARRAY(SELECT DISTINCT a.encounter_id FROM attendance a WHERE a.learner_id = ANY($1::uuid[])))
             AND e.deleted_at IS NULL) x) AS encounters,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT id, learner_id, date::text AS date, adviser_level
            FROM guidance_meeting WHERE learner_id = ANY($1::uuid[]) AND deleted_at IS NULL) x) AS meetings,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT id, learner_id, held_from::text AS "from", held_to::text AS "to"
            FROM learner_part_time_job WHERE learner_id = ANY($1::uuid[])) x) AS jobs,
       ${
         extra?.withoutDestinations
           ? `'[]'::json AS destinations`
           : `(SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT d.id, d.learner_id, d.academic_year,
                 (SELECT json_agg(json_build_array(c.status, c."on"::text) ORDER BY c."on", c.seq)
                    FROM destination_status_change c WHERE c.destination_id = d.id) AS history
            FROM intended_destination d WHERE d.learner_id = ANY($1::uuid[])) x) AS destinations`
       }
       ${extra ? `, ${extra.columns}` : ''}`;
}
