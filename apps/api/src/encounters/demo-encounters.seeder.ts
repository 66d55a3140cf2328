import { seededRandom } from '@encounters/demo-data';
import {
  academicYearOf,
  addDays,
  CORE_CHECKLIST_ITEMS,
  deriveEncounterCategories,
  type EncounterFormat,
  MEANINGFUL_CHECKLIST_ITEMS,
  type MeaningfulChecklistItem,
  type OrganisationSizeBand,
  type OrganisationType,
  REQUIRED_CHECKLIST_ITEMS,
  RECORDED_ONLY_CHECKLIST_ITEMS,
  type Sector,
  todayIsoDate,
  meaningfulBenchmarkFor,
} from '@encounters/domain';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LearnerProgressService } from '../coverage/learner-progress.service';

interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  sectors: Sector[];
  sizeBand: OrganisationSizeBand | null;
  offersTechnicalEducation?: boolean;
  contactName?: string;
}

// Invented for the demo: no real company, college or university is named.
// prettier-ignore
const ORGANISATIONS: DemoOrganisation[] = [
  { name: 'Kilnworks Ceramics Ltd', type: 'employer', sectors: ['Engineering and manufacturing', 'Creative and design'], sizeBand: 'large', offersTechnicalEducation: true, contactName: 'Helen Salt' },
  { name: 'Etruria Engineering Group', type: 'employer', sectors: ['Engineering and manufacturing'], sizeBand: 'large', offersTechnicalEducation: true, contactName: 'Raj Mistry' },
  { name: 'Trent Valley Construction', type: 'employer', sectors: ['Construction and the built environment'], sizeBand: 'medium', contactName: 'Dave Shenton' },
  { name: 'Potteries Digital Studio', type: 'employer', sectors: ['Digital', 'Creative and design'], sizeBand: 'small', contactName: 'Aisha Karim' },
  { name: 'Hanley Care Partnership', type: 'employer', sectors: ['Care services'], sizeBand: 'large', contactName: 'Bev Lowe' },
  { name: 'Royal Kilnside Hospitals Trust', type: 'employer', sectors: ['Health and science', 'Care services'], sizeBand: 'large', contactName: 'Dr Sam Oduya' },
  { name: 'Longton Logistics Hub', type: 'employer', sectors: ['Transport and logistics'], sizeBand: 'large', contactName: 'Gary Birch' },
  { name: 'Burslem Bistro and Hotel', type: 'employer', sectors: ['Catering and hospitality'], sizeBand: 'small' },
  { name: 'Moorlands Farms Co-operative', type: 'employer', sectors: ['Agriculture, environmental and animal care'], sizeBand: 'small' },
  { name: 'Fenton Finance and Law LLP', type: 'employer', sectors: ['Legal, finance and accounting'], sizeBand: 'medium', contactName: 'Olivia Grant' },
  { name: 'Kilnside Fire and Rescue Service', type: 'employer', sectors: ['Protective services'], sizeBand: 'large' },
  { name: 'Shelton Hair and Beauty Studio', type: 'employer', sectors: ['Hair and beauty'], sizeBand: 'micro' },
  { name: 'Meir Park Retail Group', type: 'employer', sectors: ['Sales, marketing and procurement', 'Business and administration'], sizeBand: 'large' },
  { name: 'Little Kilns Day Nursery', type: 'employer', sectors: ['Education and early years'], sizeBand: 'small' },
  { name: 'Tunstall Business Services', type: 'employer', sectors: ['Business and administration', 'Digital'], sizeBand: 'medium' },
  { name: 'Spitfire Aerostructures Ltd', type: 'employer', sectors: ['Engineering and manufacturing'], sizeBand: 'large', offersTechnicalEducation: true },
  { name: 'Stoke and Staffordshire College', type: 'further_education', sectors: [], sizeBand: 'large', contactName: 'Schools liaison team' },
  { name: 'Newcastle Moor College', type: 'further_education', sectors: [], sizeBand: 'large' },
  { name: 'Trentham Sixth Form College', type: 'sixth_form', sectors: [], sizeBand: 'medium' },
  { name: 'University of the Potteries', type: 'higher_education', sectors: [], sizeBand: 'large', contactName: 'Outreach office' },
  { name: 'Mercia Hills University', type: 'higher_education', sectors: [], sizeBand: 'large', offersTechnicalEducation: true },
  { name: 'Potteries Apprenticeship Academy', type: 'independent_training_provider', sectors: ['Engineering and manufacturing', 'Construction and the built environment'], sizeBand: 'medium' },
  { name: 'Midlands Skills Training Ltd', type: 'independent_training_provider', sectors: ['Care services', 'Business and administration'], sizeBand: 'small' },
  { name: 'Kilnside UTC', type: 'utc_or_studio_school', sectors: ['Engineering and manufacturing', 'Digital'], sizeBand: 'medium' },
  { name: 'Kilnside Careers Hub', type: 'careers_service', sectors: [], sizeBand: 'small' },
  { name: 'Young Enterprise North Staffordshire', type: 'other', sectors: [], sizeBand: 'micro' },
];

interface EncounterTemplate {
  /** Where in the academic year it falls, as a share of the weeks so far (0 = early September). */
  at: number;
  title: string;
  format: EncounterFormat;
  organisations: string[];
  yearGroups: number[];
  /** `class`: one registration group of the first year group; `year`: every learner of the year groups. */
  reach: 'year' | 'class';
  duringSchoolDay: boolean;
  durationMinutes: number;
  days?: number;
  adviserLevel?: number;
  delivery?: 'in_person' | 'virtual' | 'mixed';
}

// prettier-ignore
const TEMPLATES: EncounterTemplate[] = [
  { at: 0.04, title: 'Meet the employers assembly', format: 'talk', organisations: ['Potteries Digital Studio', 'Trent Valley Construction'], yearGroups: [7], reach: 'year', duringSchoolDay: true, durationMinutes: 50 },
  { at: 0.1, title: 'Sixth form and college options talk', format: 'provider_talk', organisations: ['Trentham Sixth Form College', 'Stoke and Staffordshire College'], yearGroups: [11], reach: 'year', duringSchoolDay: true, durationMinutes: 60 },
  { at: 0.16, title: 'Careers fair', format: 'careers_fair', organisations: ['Kilnworks Ceramics Ltd', 'Royal Kilnside Hospitals Trust', 'Longton Logistics Hub', 'Stoke and Staffordshire College', 'University of the Potteries', 'Potteries Apprenticeship Academy'], yearGroups: [9, 10, 11], reach: 'year', duringSchoolDay: true, durationMinutes: 120 },
  { at: 0.22, title: 'Apprenticeships explained', format: 'provider_talk', organisations: ['Potteries Apprenticeship Academy'], yearGroups: [8, 9], reach: 'year', duringSchoolDay: true, durationMinutes: 50, delivery: 'virtual' },
  { at: 0.28, title: 'Engineering workplace visit', format: 'workplace_visit', organisations: ['Etruria Engineering Group'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 240 },
  { at: 0.32, title: 'College taster day', format: 'taster_session', organisations: ['Stoke and Staffordshire College'], yearGroups: [10], reach: 'year', duringSchoolDay: true, durationMinutes: 300 },
  { at: 0.38, title: 'University campus visit', format: 'provider_visit', organisations: ['University of the Potteries'], yearGroups: [12], reach: 'year', duringSchoolDay: true, durationMinutes: 360 },
  { at: 0.42, title: 'Enterprise challenge day', format: 'enterprise_challenge', organisations: ['Young Enterprise North Staffordshire', 'Tunstall Business Services'], yearGroups: [8], reach: 'year', duringSchoolDay: true, durationMinutes: 300 },
  { at: 0.48, title: 'Mock interviews with local employers', format: 'mock_interview', organisations: ['Fenton Finance and Law LLP', 'Meir Park Retail Group', 'Hanley Care Partnership'], yearGroups: [11], reach: 'year', duringSchoolDay: true, durationMinutes: 90 },
  { at: 0.52, title: 'UTC and technical routes talk', format: 'provider_talk', organisations: ['Kilnside UTC'], yearGroups: [9], reach: 'year', duringSchoolDay: true, durationMinutes: 50 },
  { at: 0.56, title: 'Options evening with providers', format: 'careers_fair', organisations: ['Newcastle Moor College', 'Trentham Sixth Form College', 'Midlands Skills Training Ltd'], yearGroups: [10], reach: 'year', duringSchoolDay: false, durationMinutes: 120 },
  { at: 0.6, title: 'NHS careers workshop', format: 'workshop', organisations: ['Royal Kilnside Hospitals Trust'], yearGroups: [8], reach: 'class', duringSchoolDay: true, durationMinutes: 100 },
  { at: 0.64, title: 'Group guidance: post-16 choices', format: 'group_guidance', organisations: ['Kilnside Careers Hub'], yearGroups: [11], reach: 'class', duringSchoolDay: true, durationMinutes: 60, adviserLevel: 6 },
  { at: 0.68, title: 'Higher education masterclass', format: 'taster_session', organisations: ['Mercia Hills University'], yearGroups: [12, 13], reach: 'year', duringSchoolDay: true, durationMinutes: 180 },
  { at: 0.72, title: 'Construction site visit', format: 'workplace_visit', organisations: ['Trent Valley Construction'], yearGroups: [10], reach: 'class', duringSchoolDay: true, durationMinutes: 180 },
  { at: 0.78, title: 'Fire service talk', format: 'talk', organisations: ['Kilnside Fire and Rescue Service'], yearGroups: [7], reach: 'year', duringSchoolDay: true, durationMinutes: 45 },
  { at: 0.84, title: 'Year 10 work experience week', format: 'work_experience', organisations: ['Kilnworks Ceramics Ltd', 'Hanley Care Partnership', 'Longton Logistics Hub', 'Little Kilns Day Nursery'], yearGroups: [10], reach: 'year', duringSchoolDay: true, durationMinutes: 1800, days: 5 },
  { at: 0.9, title: 'Year 12 work placement', format: 'work_experience', organisations: ['Spitfire Aerostructures Ltd', 'Fenton Finance and Law LLP'], yearGroups: [12], reach: 'year', duringSchoolDay: true, durationMinutes: 1800, days: 5 },
  { at: 0.95, title: 'Digital skills workshop', format: 'workshop', organisations: ['Potteries Digital Studio'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 100, delivery: 'mixed' },
];

// prettier-ignore
const REFLECTIONS = ['Really useful, I want to find out more', 'Good to talk to real people', 'It was OK', 'Helped me think about college', 'I liked the hands-on part', 'Not sure it is for me'];
// prettier-ignore
const SUMMARIES = ['Interested in engineering; unsure between college and sixth form.', 'Wants to work with animals; discussed land-based courses.', 'Considering nursing; talked about entry requirements.', 'No clear plan yet; explored strengths and interests.', 'Keen on digital careers; looked at T Levels and apprenticeships.', 'Thinking about university; discussed subjects and costs.'];
// prettier-ignore
const ACTIONS = ['Attend the college open evening and bring questions.', 'Research two apprenticeship vacancies and share them.', 'Book a taster day; talk to parents about options.', 'Complete the careers quiz and review results with tutor.', 'Draft a CV before the next meeting.'];
const ADVISERS = [
  { name: 'Jo Bennett', level: 6 },
  { name: 'Sam Adeyemi', level: 7 },
  { name: 'Chris Hollins', level: 4 },
];

interface EnrolmentRow {
  academy_id: string;
  learner_id: string;
  year_group: number;
  group_name: string | null;
}

/** Monday to Friday: moves a weekend date back to the Friday. */
function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/**
 * The demo trust's organisations, and for every academy with learners a year of encounters so far, with
 * attendance by year group or class, a few absentees, learners' reflections, and guidance meetings for
 * Year 11 and Year 13. Bulk SQL in one transaction; coverage bookkeeping for every learner touched.
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
      const academicYear = academicYearOf(today);
      const start = weekday(addDays(`${academicYear}-09-01`, 2));
      const lastDay = addDays(today, -1);
      if (lastDay < start) return;
      const enrolments: EnrolmentRow[] = await manager.query(
        `SELECT en.academy_id, en.learner_id, en.year_group, g.name AS group_name
         FROM enrolment en LEFT JOIN learning_group g ON g.id = en.registration_group_id
         WHERE en.academic_year = $1 AND en.leaving_date IS NULL
           AND NOT EXISTS (SELECT 1 FROM encounter e WHERE e.academy_id = en.academy_id)
         ORDER BY en.academy_id, en.year_group, g.name, en.learner_id`,
        [academicYear],
      );
      const byAcademy = new Map<string, EnrolmentRow[]>();
      for (const row of enrolments)
        byAcademy.set(row.academy_id, [...(byAcademy.get(row.academy_id) ?? []), row]);
      const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(start)) / 86_400_000));

      const encounters: Record<string, unknown>[] = [];
      const links: { encounter_id: string; organisation_id: string }[] = [];
      const attendance = {
        encounterIds: [] as string[],
        learnerIds: [] as string[],
        statuses: [] as string[],
        ratings: [] as (number | null)[],
        comments: [] as (string | null)[],
      };
      const meetings: Record<string, unknown>[] = [];
      let academyIndex = 0;
      for (const [academyId, learners] of [...byAcademy.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        const next = seededRandom(7919 * ++academyIndex);
        for (const template of TEMPLATES) {
          let attendees = learners.filter((learner) => template.yearGroups.includes(learner.year_group));
          if (!attendees.length) continue;
          if (template.reach === 'class') {
            const groups = [...new Set(attendees.map((learner) => learner.group_name))].sort();
            const group = groups[Math.floor(next() * groups.length)];
            attendees = attendees.filter((learner) => learner.group_name === group);
          }
          const date = weekday(addDays(start, Math.round(template.at * span)));
          if (date > lastDay) continue;
          const organisations = template.organisations.map((name) =>
            organisationIds.get(name.toLowerCase())!,
          );
          const facts = ORGANISATIONS.filter((organisation) =>
            template.organisations.includes(organisation.name),
          );
          const { categories, educationTypes } = deriveEncounterCategories({
            format: template.format,
            duringSchoolDay: template.duringSchoolDay,
            adviserLevel: template.adviserLevel ?? null,
            organisations: facts.map((organisation) => ({
              type: organisation.type,
              offersTechnicalEducation: organisation.offersTechnicalEducation ?? false,
            })),
            attendedLearnerCount: attendees.length,
          });
          // Most organisers tick every item; one encounter in six misses the time to reflect.
          const ticked = new Set<MeaningfulChecklistItem>(CORE_CHECKLIST_ITEMS);
          for (const category of categories) {
            const benchmark = meaningfulBenchmarkFor(category);
            if (!benchmark) continue;
            for (const item of [
              ...REQUIRED_CHECKLIST_ITEMS[benchmark],
              ...RECORDED_ONLY_CHECKLIST_ITEMS[benchmark],
            ])
              ticked.add(item);
          }
          if (next() < 1 / 6) ticked.delete('reflection');
          const id = randomUUID();
          const endDate = template.days ? addDays(date, template.days - 1) : null;
          encounters.push({
            id,
            academy_id: academyId,
            academic_year: academicYear,
            title: template.title,
            date,
            end_date: endDate && endDate <= today ? endDate : null,
            format: template.format,
            delivery: template.delivery ?? 'in_person',
            during_school_day: template.duringSchoolDay,
            duration_minutes: template.durationMinutes,
            days: template.days ?? null,
            adviser_level: template.adviserLevel ?? null,
            ...Object.fromEntries(MEANINGFUL_CHECKLIST_ITEMS.map((item) => [COLUMN[item], ticked.has(item)])),
            organiser: 'Casey Careers',
            categories,
            education_types: educationTypes,
            organisation_key: [...organisations].sort().join(','),
          });
          for (const organisationId of organisations)
            links.push({ encounter_id: id, organisation_id: organisationId });
          for (const learner of attendees) {
            const roll = next();
            attendance.encounterIds.push(id);
            attendance.learnerIds.push(learner.learner_id);
            attendance.statuses.push(roll < 0.04 ? 'absent' : roll < 0.05 ? 'withdrawn' : 'attended');
            const reflects = roll > 0.9;
            attendance.ratings.push(reflects ? 3 + Math.floor(next() * 3) : null);
            attendance.comments.push(reflects ? REFLECTIONS[Math.floor(next() * REFLECTIONS.length)] : null);
          }
        }
        for (const learner of learners.filter((candidate) => [11, 13].includes(candidate.year_group))) {
          if (next() > (learner.year_group === 11 ? 0.6 : 0.5)) continue;
          const adviser = ADVISERS[next() < 0.1 ? 2 : next() < 0.5 ? 1 : 0];
          const date = weekday(addDays(start, Math.floor(next() * (span + 1))));
          if (date > lastDay) continue;
          meetings.push({
            id: randomUUID(),
            learner_id: learner.learner_id,
            academy_id: academyId,
            academic_year: academicYear,
            date,
            adviser_name: adviser.name,
            adviser_level: adviser.level,
            mode: next() < 0.85 ? 'in_person' : 'virtual',
            summary: SUMMARIES[Math.floor(next() * SUMMARIES.length)],
            agreed_actions: ACTIONS[Math.floor(next() * ACTIONS.length)],
            follow_up_on: next() < 0.5 ? weekday(addDays(date, 42)) : null,
          });
        }
      }
      if (!encounters.length) return;

      await manager.query(
        `INSERT INTO encounter (id, academy_id, academic_year, title, date, end_date, format, delivery,
           during_school_day, duration_minutes, days, adviser_level, ${Object.values(COLUMN).join(', ')},
           organiser, categories, education_types, organisation_key)
         SELECT id, academy_id, academic_year, title, date, end_date, format, delivery, during_school_day,
           duration_minutes, days, adviser_level, ${Object.values(COLUMN).join(', ')}, organiser, categories,
           education_types, organisation_key
         FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, academy_id uuid, academic_year smallint, title text,
           date date, end_date date, format text, delivery text, during_school_day boolean,
           duration_minutes integer, days smallint, adviser_level smallint,
           ${Object.values(COLUMN)
             .map((column) => `${column} boolean`)
             .join(', ')},
           organiser text, categories text[], education_types text[], organisation_key text)`,
        [JSON.stringify(encounters)],
      );
      await manager.query(
        `INSERT INTO encounter_organisation (encounter_id, organisation_id)
         SELECT encounter_id, organisation_id FROM jsonb_to_recordset($1::jsonb) AS t(encounter_id uuid, organisation_id uuid)`,
        [JSON.stringify(links)],
      );
      await manager.query(
        `INSERT INTO attendance (encounter_id, learner_id, status, reflection_rating, reflection_comment)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[], $5::text[])`,
        [
          attendance.encounterIds,
          attendance.learnerIds,
          attendance.statuses,
          attendance.ratings,
          attendance.comments,
        ],
      );
      if (meetings.length) {
        await manager.query(
          `INSERT INTO guidance_meeting (id, learner_id, academy_id, academic_year, date, adviser_name, adviser_level,
             mode, summary, agreed_actions, follow_up_on)
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, learner_id uuid, academy_id uuid,
             academic_year smallint, date date, adviser_name text, adviser_level smallint, mode text, summary text,
             agreed_actions text, follow_up_on date)`,
          [JSON.stringify(meetings)],
        );
      }
      await this.coverage.learnersChanged(manager, [
        ...new Set([...attendance.learnerIds, ...meetings.map((meeting) => meeting.learner_id as string)]),
      ]);
      this.logger.log(
        `Seeded ${encounters.length} encounters, ${attendance.learnerIds.length} attendances and ${meetings.length} guidance meetings`,
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
      [JSON.stringify(ORGANISATIONS)],
    );
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, lower(name) AS name FROM organisation WHERE lower(name) = ANY($1::text[])`,
      [ORGANISATIONS.map((organisation) => organisation.name.toLowerCase())],
    );
    return new Map(rows.map((row) => [row.name, row.id]));
  }
}

const COLUMN: Readonly<Record<MeaningfulChecklistItem, string>> = {
  purposeShared: 'purpose_shared',
  learningOutcomes: 'learning_outcomes',
  twoWayInteraction: 'two_way_interaction',
  reflection: 'reflection',
  rangeOfPeople: 'range_of_people',
  taskSet: 'task_set',
  employerFeedback: 'employer_feedback',
  providerInformation: 'provider_information',
  whatLearningIsLike: 'what_learning_is_like',
  metStaffAndLearners: 'met_staff_and_learners',
};
