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
}

// prettier-ignore
const TEMPLATES: EncounterTemplate[] = [
  { at: 0.04, title: 'Meet the employers assembly', format: 'talk', organisations: ['Potteries Digital Studio', 'Trent Valley Construction'], yearGroups: [7], reach: 'year', duringSchoolDay: true, durationMinutes: 50 },
  { at: 0.1, title: 'Sixth form and college options talk', format: 'provider_talk', organisations: ['Trentham Sixth Form College', 'Stoke and Staffordshire College'], yearGroups: [11], reach: 'year', duringSchoolDay: true, durationMinutes: 60 },
  { at: 0.12, title: 'Employer insight morning: finance, law and retail', format: 'talk', organisations: ['Fenton Finance and Law LLP', 'Meir Park Retail Group'], yearGroups: [12, 13], reach: 'year', duringSchoolDay: true, durationMinutes: 90 },
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
  attendance: {
    learnerId: string;
    status: 'attended' | 'absent' | 'withdrawn';
    reflectionRating: number | null;
    reflectionComment: string | null;
  }[];
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
}

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
  const plan: DemoEncounterPlan = { encounters: [], guidanceMeetings: [] };
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
        attendance: attendees.map((learner) => {
          const roll = next();
          const reflects = roll > 0.9;
          return {
            learnerId: learner.learnerId,
            status: roll < 0.04 ? 'absent' : roll < 0.05 ? 'withdrawn' : 'attended',
            reflectionRating: reflects ? 3 + Math.floor(next() * 3) : null,
            reflectionComment: reflects ? REFLECTIONS[Math.floor(next() * REFLECTIONS.length)] : null,
          };
        }),
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
