import { DEMO_ORGANISATIONS, type DemoEnrolment, planDemoEncounters } from '@encounters/demo-data';
import {
  academicYearOf,
  MEANINGFUL_CHECKLIST_ITEMS,
  type MeaningfulChecklistItem,
  todayIsoDate,
} from '@encounters/domain';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LearnerProgressService } from '../../coverage/learner-progress.service';
import { CHECKLIST_COLUMNS } from '../../common/checklist-columns';

/**
 * Writes the demo trust's organisations and, for every academy with learners and no encounters yet, the year
 * of encounters, attendance and guidance meetings that tools/demo-data plans for them. Bulk SQL in one
 * transaction; coverage bookkeeping for every learner touched.
 */
@Injectable()
export class DemoEncountersSeeder {
  private readonly logger = new Logger(DemoEncountersSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: LearnerProgressService,
  ) {}

  async seed(today = todayIsoDate()): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const organisationIds = await this.seedOrganisations(manager);
      const enrolments: DemoEnrolment[] = await manager.query(
        `SELECT en.academy_id AS "academyId", a.urn AS "academyUrn", en.learner_id AS "learnerId", l.upn,
                en.year_group AS "yearGroup", g.name AS "groupName"
         FROM enrolment en
         JOIN academy a ON a.id = en.academy_id
         JOIN learner l ON l.id = en.learner_id
         LEFT JOIN learning_group g ON g.id = en.registration_group_id
         WHERE en.academic_year = $1 AND en.leaving_date IS NULL
           AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.academy_id = en.academy_id)`,
        [academicYearOf(today)],
      );
      const plan = planDemoEncounters(enrolments, today);
      if (!plan.encounters.length) return;

      const encounters = plan.encounters.map((encounter) => {
        const organisations = encounter.organisations.map((name) => organisationIds.get(name.toLowerCase())!);
        const row = {
          id: randomUUID(),
          academy_id: encounter.academyId,
          academic_year: encounter.academicYear,
          title: encounter.title,
          date: encounter.date,
          end_date: encounter.endDate,
          format: encounter.format,
          delivery: encounter.delivery,
          during_school_day: encounter.duringSchoolDay,
          duration_minutes: encounter.durationMinutes,
          days: encounter.days,
          adviser_level: encounter.adviserLevel,
          ...Object.fromEntries(
            MEANINGFUL_CHECKLIST_ITEMS.map((item) => [CHECKLIST_COLUMNS[item], encounter.checklist[item]]),
          ),
          organiser: 'Casey Careers',
          categories: encounter.categories,
          education_types: encounter.educationTypes,
          organisation_key: [...organisations].sort().join(','),
          offered_to: encounter.offeredTo,
          curriculum_linked: encounter.curriculumLinked,
        };
        return { row, organisations, attendance: encounter.attendance };
      });
      const attendance = encounters.flatMap((encounter) =>
        encounter.attendance.map((row) => ({ ...row, encounterId: encounter.row.id })),
      );
      const meetings = plan.guidanceMeetings;

      await manager.query(
        `INSERT INTO encounter (id, academy_id, academic_year, title, date, end_date, format, delivery,
           during_school_day, duration_minutes, days, adviser_level, ${Object.values(CHECKLIST_COLUMNS).join(', ')},
           organiser, categories, education_types, organisation_key, offered_to, curriculum_linked)
         SELECT id, academy_id, academic_year, title, date, end_date, format, delivery, during_school_day,
           duration_minutes, days, adviser_level, ${Object.values(CHECKLIST_COLUMNS).join(', ')}, organiser, categories,
           education_types, organisation_key, offered_to, curriculum_linked
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, academy_id uuid, academic_year smallint, title text,
           date date, end_date date, format text, delivery text, during_school_day boolean,
           duration_minutes integer, days smallint, adviser_level smallint,
           ${Object.values(CHECKLIST_COLUMNS)
             .map((column) => `${column} boolean`)
             .join(', ')},
           organiser text, categories text[], education_types text[], organisation_key text, offered_to smallint[],
           curriculum_linked boolean)`,
        [JSON.stringify(encounters.map((encounter) => encounter.row))],
      );
      await manager.query(
        `INSERT INTO encounter_organisation (encounter_id, organisation_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
        [
          encounters.flatMap((encounter) => encounter.organisations.map(() => encounter.row.id)),
          encounters.flatMap((encounter) => encounter.organisations),
        ],
      );
      await manager.query(
        `INSERT INTO attendance (encounter_id, learner_id, status, reflection_rating, reflection_comment, hours)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[], $5::text[], $6::numeric[])`,
        [
          attendance.map((row) => row.encounterId),
          attendance.map((row) => row.learnerId),
          attendance.map((row) => row.status),
          attendance.map((row) => row.reflectionRating),
          attendance.map((row) => row.reflectionComment),
          attendance.map((row) => row.hours),
        ],
      );
      if (plan.partTimeJobs.length) {
        await manager.query(
          `INSERT INTO learner_part_time_job (learner_id, employer_name, sector, hours_per_week, held_from, held_to)
           SELECT "learnerId", "employerName", sector, "hoursPerWeek", "from", "to"
           FROM jsonb_to_recordset($1::jsonb) AS t("learnerId" uuid, "employerName" text, sector text,
             "hoursPerWeek" numeric, "from" date, "to" date)`,
          [JSON.stringify(plan.partTimeJobs)],
        );
      }
      if (meetings.length) {
        await manager.query(
          `INSERT INTO guidance_meeting (learner_id, academy_id, academic_year, date, adviser_name, adviser_level,
             mode, summary, agreed_actions, follow_up_on)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS t("learnerId" uuid, "academyId" uuid,
             "academicYear" smallint, date date, "adviserName" text, "adviserLevel" smallint, mode text,
             summary text, "agreedActions" text, "followUpOn" date)`,
          [JSON.stringify(meetings)],
        );
      }
      await this.coverage.learnersChanged(manager, [
        ...new Set([
          ...attendance.map((row) => row.learnerId),
          ...meetings.map((meeting) => meeting.learnerId),
          ...plan.partTimeJobs.map((job) => job.learnerId),
        ]),
      ]);
      this.logger.log(
        `Seeded ${encounters.length} encounters, ${attendance.length} attendances, ${meetings.length} guidance meetings and ${plan.partTimeJobs.length} part-time jobs`,
      );
    });
  }

  /** The demo directory; answers every organisation's id by lower-cased name. */
  private async seedOrganisations(manager: EntityManager): Promise<Map<string, string>> {
    await manager.query(
      `INSERT INTO organisation (name, type, sectors, size_band, offers_technical_education, contact_name, contact_email)
       SELECT name, type, sectors, "sizeBand", coalesce("offersTechnicalEducation", false), "contactName",
         CASE WHEN "contactName" IS NULL THEN NULL
           ELSE lower(regexp_replace(name, '[^A-Za-z]+', '', 'g')) || '@example.org' END
       FROM jsonb_to_recordset($1::jsonb) AS t(name text, type text, sectors text[], "sizeBand" text,
         "offersTechnicalEducation" boolean, "contactName" text)
       ON CONFLICT ((lower(name))) DO NOTHING`,
      [JSON.stringify(DEMO_ORGANISATIONS)],
    );
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, lower(name) AS name FROM organisation WHERE lower(name) = ANY($1::text[])`,
      [DEMO_ORGANISATIONS.map((organisation) => organisation.name.toLowerCase())],
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }
}
