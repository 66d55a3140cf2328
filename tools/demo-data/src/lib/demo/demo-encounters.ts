import {
  academicYearOf,
  addDays,
  CORE_CHECKLIST_ITEMS,
  deriveEncounterCategories,
  type EncounterFormat,
  MEANINGFUL_CHECKLIST_ITEMS,
  type MeaningfulChecklistItem,
  meaningfulBenchmarkFor,
  type OrganisationSizeBand,
  type OrganisationType,
  RECORDED_ONLY_CHECKLIST_ITEMS,
  REQUIRED_CHECKLIST_ITEMS,
  type Sector,
} from '@encounters/domain';
import { seededRandom } from '../seeded-random';

export interface DemoOrganisation {
  name: string;
  type: OrganisationType;
  sectors: Sector[];
  sizeBand: OrganisationSizeBand | null;
  offersTechnicalEducation?: boolean;
  contactName?: string;
}

// Invented for the demo: no real company, college or university is named.
// prettier-ignore
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
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
  /** R-WEX-1: the employer set a task (workshops, mentoring, enterprise challenges), so it carries hours. */
  taskSet?: boolean;
  /** R-V-1: linked to the learners' curriculum. */
  curriculumLinked?: boolean;
}

// prettier-ignore
const TEMPLATES: EncounterTemplate[] = [
  { at: 0.04, title: 'Meet the employers assembly', format: 'talk', organisations: ['Potteries Digital Studio', 'Trent Valley Construction'], yearGroups: [7], reach: 'year', duringSchoolDay: true, durationMinutes: 50 },
  { at: 0.1, title: 'Sixth form and college options talk', format: 'provider_talk', organisations: ['Trentham Sixth Form College', 'Stoke and Staffordshire College'], yearGroups: [11], reach: 'year', duringSchoolDay: true, durationMinutes: 60 },
  { at: 0.12, title: 'Employer insight morning: finance, law and retail', format: 'talk', organisations: ['Fenton Finance and Law LLP', 'Meir Park Retail Group'], yearGroups: [12, 13], reach: 'year', duringSchoolDay: true, durationMinutes: 90, curriculumLinked: true },
  { at: 0.16, title: 'Careers fair', format: 'careers_fair', organisations: ['Kilnworks Ceramics Ltd', 'Royal Kilnside Hospitals Trust', 'Longton Logistics Hub', 'Stoke and Staffordshire College', 'University of the Potteries', 'Potteries Apprenticeship Academy'], yearGroups: [9, 10, 11], reach: 'year', duringSchoolDay: true, durationMinutes: 120 },
  { at: 0.2, title: 'Apprenticeships and T Levels after the sixth form', format: 'provider_talk', organisations: ['Potteries Apprenticeship Academy'], yearGroups: [12, 13], reach: 'year', duringSchoolDay: true, durationMinutes: 60 },
  { at: 0.22, title: 'Apprenticeships explained', format: 'provider_talk', organisations: ['Potteries Apprenticeship Academy'], yearGroups: [8, 9], reach: 'year', duringSchoolDay: true, durationMinutes: 50, delivery: 'virtual' },
  { at: 0.28, title: 'Engineering workplace visit', format: 'workplace_visit', organisations: ['Etruria Engineering Group'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 240 },
  { at: 0.32, title: 'College taster day', format: 'taster_session', organisations: ['Stoke and Staffordshire College'], yearGroups: [10], reach: 'year', duringSchoolDay: true, durationMinutes: 300 },
  { at: 0.38, title: 'University campus visit', format: 'provider_visit', organisations: ['University of the Potteries'], yearGroups: [12], reach: 'year', duringSchoolDay: true, durationMinutes: 360 },
  { at: 0.42, title: 'Enterprise challenge day', format: 'enterprise_challenge', organisations: ['Young Enterprise North Staffordshire', 'Tunstall Business Services'], yearGroups: [8], reach: 'year', duringSchoolDay: true, durationMinutes: 300, taskSet: true },
  { at: 0.48, title: 'Mock interviews with local employers', format: 'mock_interview', organisations: ['Fenton Finance and Law LLP', 'Meir Park Retail Group', 'Hanley Care Partnership'], yearGroups: [11], reach: 'year', duringSchoolDay: true, durationMinutes: 90 },
  { at: 0.52, title: 'UTC and technical routes talk', format: 'provider_talk', organisations: ['Kilnside UTC'], yearGroups: [9], reach: 'year', duringSchoolDay: true, durationMinutes: 50 },
  { at: 0.56, title: 'Options evening with providers', format: 'careers_fair', organisations: ['Newcastle Moor College', 'Trentham Sixth Form College', 'Midlands Skills Training Ltd'], yearGroups: [10], reach: 'year', duringSchoolDay: false, durationMinutes: 120 },
  { at: 0.6, title: 'NHS careers workshop', format: 'workshop', organisations: ['Royal Kilnside Hospitals Trust'], yearGroups: [8], reach: 'class', duringSchoolDay: true, durationMinutes: 100, taskSet: true },
  { at: 0.64, title: 'Group guidance: post-16 choices', format: 'group_guidance', organisations: ['Kilnside Careers Hub'], yearGroups: [11], reach: 'class', duringSchoolDay: true, durationMinutes: 60, adviserLevel: 6 },
  { at: 0.68, title: 'Higher education masterclass', format: 'taster_session', organisations: ['Mercia Hills University'], yearGroups: [12, 13], reach: 'year', duringSchoolDay: true, durationMinutes: 180 },
  { at: 0.72, title: 'Construction site visit', format: 'workplace_visit', organisations: ['Trent Valley Construction'], yearGroups: [10], reach: 'class', duringSchoolDay: true, durationMinutes: 180 },
  { at: 0.78, title: 'Fire service talk', format: 'talk', organisations: ['Kilnside Fire and Rescue Service'], yearGroups: [7], reach: 'year', duringSchoolDay: true, durationMinutes: 45 },
  { at: 0.35, title: 'Insight day at Spitfire Aerostructures', format: 'workplace_visit', organisations: ['Spitfire Aerostructures Ltd'], yearGroups: [8], reach: 'class', duringSchoolDay: true, durationMinutes: 360 },
  { at: 0.58, title: 'Virtual work experience week: digital and creative', format: 'work_experience', organisations: ['Potteries Digital Studio'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 360, days: 5, delivery: 'virtual' },
  { at: 0.75, title: 'Insight day: a day on the wards', format: 'workplace_visit', organisations: ['Hanley Care Partnership'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 330 },
  { at: 0.9, title: 'Year 12 work placement', format: 'work_experience', organisations: ['Spitfire Aerostructures Ltd', 'Fenton Finance and Law LLP'], yearGroups: [12], reach: 'year', duringSchoolDay: true, durationMinutes: 1800, days: 5 },
  { at: 0.95, title: 'Digital skills workshop', format: 'workshop', organisations: ['Potteries Digital Studio'], yearGroups: [9], reach: 'class', duringSchoolDay: true, durationMinutes: 100, delivery: 'mixed', taskSet: true },
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

/** A learner on roll in the demo year, as the seeder reads it back after the roster import. */
export interface DemoEnrolment {
  academyId: string;
  academyUrn: string;
  learnerId: string;
  upn: string;
  yearGroup: number;
  groupName: string | null;
}

export interface PlannedDemoEncounter {
  academyId: string;
  academicYear: number;
  title: string;
  date: string;
  endDate: string | null;
  format: EncounterFormat;
  delivery: 'in_person' | 'virtual' | 'mixed';
  duringSchoolDay: boolean;
  durationMinutes: number;
  days: number | null;
  adviserLevel: number | null;
  checklist: Record<MeaningfulChecklistItem, boolean>;
  categories: string[];
  educationTypes: string[];
  /** Names from DEMO_ORGANISATIONS. */
  organisations: string[];
  /** R-PAL-4: the year groups it was open to. */
  offeredTo: number[];
  curriculumLinked: boolean;
  attendance: {
    learnerId: string;
    status: 'attended' | 'absent' | 'withdrawn';
    reflectionRating: number | null;
    reflectionComment: string | null;
    /** R-WEX-1: the learner's own hours (left early); null takes the default. */
    hours: number | null;
  }[];
}

/** R-WEX-7: a learner's part-time job. */
export interface PlannedDemoPartTimeJob {
  learnerId: string;
  employerName: string;
  sector: Sector | null;
  hoursPerWeek: number;
  from: string;
  to: string | null;
}

export interface PlannedDemoGuidanceMeeting {
  learnerId: string;
  academyId: string;
  academicYear: number;
  date: string;
  adviserName: string;
  adviserLevel: number;
  mode: 'in_person' | 'virtual';
  summary: string;
  agreedActions: string;
  followUpOn: string | null;
}

export interface DemoEncounterPlan {
  encounters: PlannedDemoEncounter[];
  guidanceMeetings: PlannedDemoGuidanceMeeting[];
  partTimeJobs: PlannedDemoPartTimeJob[];
}

/** Employers that take Year 10 learners on placement; a placement split in two uses two of them. */
const PLACEMENT_EMPLOYERS = [
  'Kilnworks Ceramics Ltd',
  'Hanley Care Partnership',
  'Longton Logistics Hub',
  'Little Kilns Day Nursery',
  'Etruria Engineering Group',
  'Burslem Bistro and Hotel',
  'Trent Valley Construction',
  'Fenton Finance and Law LLP',
];

// Invented: where a few Year 11 learners work on Saturdays and after school.
// prettier-ignore
const PART_TIME_JOBS: { employerName: string; sector: Sector | null }[] = [
  { employerName: 'Hanley Market Café', sector: 'Catering and hospitality' },
  { employerName: 'Trentham Garden Centre', sector: 'Sales, marketing and procurement' },
  { employerName: 'Longton Newsagents', sector: null },
  { employerName: 'Burslem Bistro and Hotel', sector: 'Catering and hospitality' },
  { employerName: 'Meir Park Retail Group', sector: 'Sales, marketing and procurement' },
];

/** Monday to Friday: moves a weekend date back to the Friday. */
function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/**
 * The demo trust's year of encounters so far, for the learners on roll: every template that has happened
 * by `today` for each academy with learners of its year groups, attendance by year group or class with a
 * few absentees and learners' reflections, and guidance meetings for Years 11 and 13. Pure and
 * deterministic: the same learners (ordered by academy URN and UPN, whatever their ids) and the same day
 * give the same plan.
 */
export function planDemoEncounters(enrolments: readonly DemoEnrolment[], today: string): DemoEncounterPlan {
  const academicYear = academicYearOf(today);
  const start = weekday(addDays(`${academicYear}-09-01`, 2));
  const lastDay = addDays(today, -1);
  const plan: DemoEncounterPlan = { encounters: [], guidanceMeetings: [], partTimeJobs: [] };
  if (lastDay < start) return plan;
  const span = Math.max(0, Math.round((Date.parse(lastDay) - Date.parse(start)) / 86_400_000));

  const byAcademy = new Map<string, DemoEnrolment[]>();
  const ordered = [...enrolments].sort(
    (a, b) =>
      a.academyUrn.localeCompare(b.academyUrn) ||
      a.yearGroup - b.yearGroup ||
      (a.groupName ?? '').localeCompare(b.groupName ?? '') ||
      a.upn.localeCompare(b.upn),
  );
  for (const row of ordered) byAcademy.set(row.academyUrn, [...(byAcademy.get(row.academyUrn) ?? []), row]);

  for (const [urn, learners] of byAcademy) {
    const next = seededRandom(7919 * Number(urn) + academicYear);
    const academyId = learners[0].academyId;
    for (const template of TEMPLATES) {
      let attendees = learners.filter((learner) => template.yearGroups.includes(learner.yearGroup));
      if (!attendees.length) continue;
      if (template.reach === 'class') {
        const groups = [...new Set(attendees.map((learner) => learner.groupName))].sort();
        const group = groups[Math.floor(next() * groups.length)];
        attendees = attendees.filter((learner) => learner.groupName === group);
      }
      const date = weekday(addDays(start, Math.round(template.at * span)));
      if (date > lastDay) continue;
      const facts = DEMO_ORGANISATIONS.filter((organisation) =>
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
      if (template.taskSet) ticked.add('taskSet');
      const endDate = template.days ? addDays(date, template.days - 1) : null;
      plan.encounters.push({
        academyId,
        academicYear,
        title: template.title,
        date,
        endDate: endDate && endDate <= today ? endDate : null,
        format: template.format,
        delivery: template.delivery ?? 'in_person',
        duringSchoolDay: template.duringSchoolDay,
        durationMinutes: template.durationMinutes,
        days: template.days ?? null,
        adviserLevel: template.adviserLevel ?? null,
        checklist: Object.fromEntries(
          MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, ticked.has(item)]),
        ) as Record<MeaningfulChecklistItem, boolean>,
        categories: [...categories],
        educationTypes: [...educationTypes],
        organisations: [...template.organisations],
        offeredTo: [...template.yearGroups],
        curriculumLinked: template.curriculumLinked ?? false,
        attendance: attendees.map((learner) => {
          const roll = next();
          const reflects = roll > 0.9;
          return {
            learnerId: learner.learnerId,
            status: roll < 0.04 ? 'absent' : roll < 0.05 ? 'withdrawn' : 'attended',
            reflectionRating: reflects ? 3 + Math.floor(next() * 3) : null,
            reflectionComment: reflects ? REFLECTIONS[Math.floor(next() * REFLECTIONS.length)] : null,
            hours: null,
          };
        }),
      });
    }
    plan.encounters.push(
      ...planPlacements(
        academyId,
        academicYear,
        learners.filter((learner) => learner.yearGroup === 10),
        {
          early: weekday(addDays(start, Math.round(0.7 * span))),
          late: weekday(addDays(start, Math.round(0.84 * span))),
        },
        today,
        next,
      ),
    );
    for (const learner of learners.filter((candidate) => candidate.yearGroup === 11)) {
      if (next() > 0.08) continue;
      const job = PART_TIME_JOBS[Math.floor(next() * PART_TIME_JOBS.length)];
      const from = weekday(addDays(`${academicYear}-06-01`, Math.floor(next() * 120)));
      plan.partTimeJobs.push({
        learnerId: learner.learnerId,
        ...job,
        hoursPerWeek: 4 + Math.floor(next() * 9),
        from: from < today ? from : `${academicYear}-06-01`,
        to: null,
      });
    }
    for (const learner of learners.filter((candidate) => [11, 13].includes(candidate.yearGroup))) {
      if (next() > (learner.yearGroup === 11 ? 0.6 : 0.5)) continue;
      const adviser = ADVISERS[next() < 0.1 ? 2 : next() < 0.5 ? 1 : 0];
      const date = weekday(addDays(start, Math.floor(next() * (span + 1))));
      if (date > lastDay) continue;
      plan.guidanceMeetings.push({
        learnerId: learner.learnerId,
        academyId,
        academicYear,
        date,
        adviserName: adviser.name,
        adviserLevel: adviser.level,
        mode: next() < 0.85 ? 'in_person' : 'virtual',
        summary: SUMMARIES[Math.floor(next() * SUMMARIES.length)],
        agreedActions: ACTIONS[Math.floor(next() * ACTIONS.length)],
        followUpOn: next() < 0.5 ? weekday(addDays(date, 42)) : null,
      });
    }
  }
  return plan;
}

/**
 * R-WEX-2, R-WEX-5: Year 10 placements, a realistic spread rather than one week for all: about four in ten
 * did a week with one employer, one in seven split theirs across two (three days and two), three in ten are
 * planned for the summer term (dated ahead, listed, not yet done), and the rest have nothing yet. One
 * learner in twelve of those who went left early one day. Learners at one employer on one date share an
 * encounter.
 */
function planPlacements(
  academyId: string,
  academicYear: number,
  year10: readonly DemoEnrolment[],
  done: { early: string; late: string },
  today: string,
  next: () => number,
): PlannedDemoEncounter[] {
  const summer = weekday(`${academicYear + 1}-06-28`);
  const groups = new Map<string, { date: string; days: number; employer: string; learners: string[] }>();
  const add = (learnerId: string, employer: string, date: string, days: number) => {
    const key = `${employer}|${date}|${days}`;
    const group = groups.get(key) ?? { date, days, employer, learners: [] };
    group.learners.push(learnerId);
    groups.set(key, group);
  };
  year10.forEach((learner, index) => {
    const roll = next();
    const employer = PLACEMENT_EMPLOYERS[index % PLACEMENT_EMPLOYERS.length];
    if (roll < 0.4) add(learner.learnerId, employer, done.late, 5);
    else if (roll < 0.55) {
      add(learner.learnerId, employer, done.early, 3);
      add(learner.learnerId, PLACEMENT_EMPLOYERS[(index + 3) % PLACEMENT_EMPLOYERS.length], done.late, 2);
    } else if (roll < 0.85) add(learner.learnerId, employer, summer, 5);
  });
  const checklist = Object.fromEntries(
    MEANINGFUL_CHECKLIST_ITEMS.map((item) => [
      item,
      [...REQUIRED_CHECKLIST_ITEMS.B6, ...RECORDED_ONLY_CHECKLIST_ITEMS.B6].includes(item),
    ]),
  ) as Record<MeaningfulChecklistItem, boolean>;
  const derived = deriveEncounterCategories({
    format: 'work_experience',
    duringSchoolDay: true,
    organisations: [{ type: 'employer' }],
  });
  const categoriesOfPlacement = {
    categories: [...derived.categories],
    educationTypes: [...derived.educationTypes],
  };
  return [...groups.values()]
    .sort((a, b) => a.date.localeCompare(b.date) || a.employer.localeCompare(b.employer) || a.days - b.days)
    .map((group) => {
      const planned = group.date >= today;
      const endDate = addDays(group.date, group.days - 1);
      return {
        academyId,
        academicYear,
        title: `Year 10 work experience: ${group.employer}${group.days < 5 ? ` (${group.days} days)` : ''}`,
        date: group.date,
        endDate: planned || endDate <= today ? endDate : null,
        format: 'work_experience',
        delivery: 'in_person',
        duringSchoolDay: true,
        durationMinutes: 360,
        days: group.days,
        adviserLevel: null,
        checklist,
        ...categoriesOfPlacement,
        organisations: [group.employer],
        offeredTo: [10],
        curriculumLinked: false,
        attendance: group.learners.map((learnerId) => ({
          learnerId,
          status: 'attended',
          reflectionRating: null,
          reflectionComment: null,
          // Left at noon one day: 3 hours short of the default.
          hours: !planned && next() < 1 / 12 ? group.days * 6 - 3 : null,
        })),
      };
    });
}
