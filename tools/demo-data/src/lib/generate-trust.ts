import {
  academicYearEnd,
  academicYearStart,
  type ActualDestinationCategory,
  addDays,
  anniversaryDate,
  DESTINATION_ANNIVERSARIES,
  type DestinationAnniversary,
  type DestinationCategory,
  type DestinationSource,
  type DestinationStatusChange,
  isInEducationEmploymentOrTraining,
  allowedChecklistItems,
  daysBetween,
  deriveEncounterCategories,
  type EncounterFormat,
  type MeaningfulChecklist,
  type OrganisationType,
  type Sector,
  SECTORS,
  upnCheckLetter,
} from '@encounters/domain';
import { destinationHistory, LEFT_YEAR_13, weighted, YEAR_11, YEAR_13 } from './destination-mix';
import type { TrustParameters } from './presets';
import { seededRandom } from './seeded-random';

export interface GeneratedAcademy {
  name: string;
  urn: string;
  phase: 'secondary';
}

export interface GeneratedGroup {
  academy: number;
  academicYear: number;
  yearGroup: number;
  name: string;
}

export interface GeneratedLearner {
  upn: string;
  legalSurname: string;
  legalForename: string;
  preferredForename: string | null;
  dateOfBirth: string;
  gender: 'M' | 'F';
  /** R-DEST-4: asked of the leavers of Year 13 only; null when never asked. */
  consentToFollowUp: boolean | null;
}

export interface GeneratedEnrolment {
  learner: number;
  academicYear: number;
  academy: number;
  yearGroup: number;
  group: number;
  pupilPremium: boolean;
  senStatus: 'N' | 'K' | 'E';
  eal: boolean;
  lookedAfter: boolean;
  consideringHigherEducation: boolean;
  admissionDate: string | null;
  leavingDate: string | null;
}

export interface GeneratedOrganisation {
  name: string;
  type: OrganisationType;
  sectors: Sector[];
  sizeBand: 'micro' | 'small' | 'medium' | 'large';
  offersTechnicalEducation: boolean;
}

export interface GeneratedEncounter {
  academy: number;
  academicYear: number;
  title: string;
  date: string;
  endDate: string | null;
  format: EncounterFormat;
  duringSchoolDay: boolean;
  durationMinutes: number;
  days: number | null;
  adviserLevel: number | null;
  organisations: number[];
  checklist: MeaningfulChecklist;
}

export interface GeneratedGuidanceMeeting {
  learner: number;
  academy: number;
  academicYear: number;
  date: string;
  adviserName: string;
  adviserLevel: number;
}

/** R-DEST-1: a Year 11 or 13 learner's intended destination in one year, its changes oldest first. */
export interface GeneratedIntendedDestination {
  learner: number;
  academicYear: number;
  category: DestinationCategory;
  providerName: string | null;
  history: DestinationStatusChange[];
}

/** R-DEST-4: what a leaver of Year 13 was doing on one 1 October after leaving. */
export interface GeneratedActualDestination {
  learner: number;
  anniversary: DestinationAnniversary;
  category: ActualDestinationCategory;
  provider: string | null;
  source: DestinationSource;
}

/** A whole trust's records; attendances are columns of numbers because a big trust has a million of them. */
export interface GeneratedTrust {
  parameters: TrustParameters;
  academies: GeneratedAcademy[];
  groups: GeneratedGroup[];
  learners: GeneratedLearner[];
  enrolments: GeneratedEnrolment[];
  organisations: GeneratedOrganisation[];
  encounters: GeneratedEncounter[];
  attendances: { encounter: Int32Array; learner: Int32Array; status: Uint8Array; length: number };
  guidanceMeetings: GeneratedGuidanceMeeting[];
  intendedDestinations: GeneratedIntendedDestination[];
  actualDestinations: GeneratedActualDestination[];
}

export const ATTENDANCE_STATUS_CODES = ['attended', 'absent', 'withdrawn'] as const;

const FORENAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Ivy',
  'Leo',
  'Freya',
  'Oscar',
  'Lily',
  'Harry',
  'Florence',
  'Muhammad',
  'Willow',
  'Jack',
  'Rosie',
  'Charlie',
  'Sophia',
  'Theo',
  'Evie',
  'Alfie',
  'Poppy',
  'Jacob',
  'Grace',
  'Thomas',
  'Daisy',
  'Finley',
  'Aisha',
  'Kai',
  'Zara',
  'Reuben',
  'Hana',
  'Tomasz',
  'Priya',
  'Kwame',
  'Niamh',
  'Callum',
];
const SURNAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Wright',
  'Walker',
  'Robinson',
  'Thompson',
  'White',
  'Hughes',
  'Edwards',
  'Green',
  'Hall',
  'Wood',
  'Harris',
  'Lewis',
  'Martin',
  'Jackson',
  'Clarke',
  'Clark',
  'Turner',
  'Hill',
  'Scott',
  'Cooper',
  'Morris',
  'Ward',
  'Moore',
  'King',
  'Watson',
  'Baker',
  'Harrison',
  'Khan',
  'Begum',
  'Nowak',
  'Okafor',
];
const PLACES = [
  'Kilnside',
  'Burslem Vale',
  'Trentham Fields',
  'Longton',
  'Etruria',
  'Hanley Park',
  'Fenton Cross',
  'Tunstall Heath',
  'Meir Hay',
  'Stoke Road',
  'Bentilee',
  'Penkhull',
  'Smallthorne',
  'Sneyd Green',
  'Blurton',
  'Norton Green',
  'Abbey Hulton',
  'Weston Coyney',
  'Bucknall',
  'Hartshill',
];

interface Template {
  format: EncounterFormat;
  organisationTypes: OrganisationType[];
  yearGroups: number[];
  title: string;
  duringSchoolDay: boolean;
  durationMinutes: number;
  days?: number;
  adviserLevel?: number;
}

const TEMPLATES: Template[] = [
  {
    format: 'talk',
    organisationTypes: ['employer'],
    yearGroups: [7, 8, 9, 10, 11, 12, 13],
    title: 'Employer talk',
    duringSchoolDay: true,
    durationMinutes: 60,
  },
  {
    format: 'workshop',
    organisationTypes: ['employer'],
    yearGroups: [8, 9, 10],
    title: 'Skills workshop',
    duringSchoolDay: true,
    durationMinutes: 120,
  },
  {
    format: 'careers_fair',
    organisationTypes: ['employer', 'further_education', 'higher_education', 'independent_training_provider'],
    yearGroups: [9, 10, 11, 12],
    title: 'Careers fair',
    duringSchoolDay: true,
    durationMinutes: 180,
  },
  {
    format: 'mock_interview',
    organisationTypes: ['employer'],
    yearGroups: [11, 13],
    title: 'Mock interviews',
    duringSchoolDay: true,
    durationMinutes: 45,
  },
  {
    format: 'enterprise_challenge',
    organisationTypes: ['employer'],
    yearGroups: [7, 8],
    title: 'Enterprise challenge',
    duringSchoolDay: true,
    durationMinutes: 300,
  },
  {
    format: 'workplace_visit',
    organisationTypes: ['employer'],
    yearGroups: [9, 10, 12],
    title: 'Workplace visit',
    duringSchoolDay: true,
    durationMinutes: 240,
  },
  {
    format: 'work_experience',
    organisationTypes: ['employer'],
    yearGroups: [10, 12],
    title: 'Work experience week',
    duringSchoolDay: true,
    durationMinutes: 1800,
    days: 5,
  },
  {
    format: 'provider_visit',
    organisationTypes: ['further_education'],
    yearGroups: [8, 9, 10, 11],
    title: 'College visit',
    duringSchoolDay: true,
    durationMinutes: 180,
  },
  {
    format: 'provider_visit',
    organisationTypes: ['higher_education'],
    yearGroups: [10, 12, 13],
    title: 'University campus visit',
    duringSchoolDay: true,
    durationMinutes: 300,
  },
  {
    format: 'provider_talk',
    organisationTypes: ['independent_training_provider'],
    yearGroups: [8, 9, 10, 11],
    title: 'Apprenticeships talk',
    duringSchoolDay: true,
    durationMinutes: 60,
  },
  {
    format: 'provider_talk',
    organisationTypes: ['utc_or_studio_school'],
    yearGroups: [8, 9],
    title: 'UTC assembly',
    duringSchoolDay: true,
    durationMinutes: 45,
  },
  {
    format: 'provider_talk',
    organisationTypes: ['sixth_form'],
    yearGroups: [10, 11],
    title: 'Sixth form open morning',
    duringSchoolDay: true,
    durationMinutes: 90,
  },
  {
    format: 'taster_session',
    organisationTypes: ['higher_education'],
    yearGroups: [12, 13],
    title: 'University taster day',
    duringSchoolDay: true,
    durationMinutes: 300,
  },
  {
    format: 'group_guidance',
    organisationTypes: ['careers_service'],
    yearGroups: [9, 11, 13],
    title: 'Group guidance session',
    duringSchoolDay: true,
    durationMinutes: 60,
    adviserLevel: 6,
  },
  {
    format: 'provider_talk',
    organisationTypes: ['further_education'],
    yearGroups: [10, 11],
    title: 'College evening',
    duringSchoolDay: false,
    durationMinutes: 120,
  },
];

/** Draws from a seeded sequence, so that the same parameters give the same trust. */
function generator(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (low: number, high: number) => low + Math.floor(next() * (high - low + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
  };
}

/** A school day in the year: September to mid-July, Monday to Friday. */
function schoolDay(random: ReturnType<typeof generator>, academicYear: number): string {
  const start = academicYearStart(academicYear);
  const span = daysBetween(start, `${academicYear + 1}-07-17`);
  for (;;) {
    const date = addDays(start, random.int(3, span));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return date;
  }
}

function organisationsFor(random: ReturnType<typeof generator>): GeneratedOrganisation[] {
  const organisations: GeneratedOrganisation[] = [];
  const employers = [
    'Ceramics',
    'Engineering',
    'Logistics',
    'Builders',
    'Care Homes',
    'Digital',
    'Bank',
    'Hospital Trust',
    'Hotel',
    'Salon',
    'Farm',
    'Law',
    'Fire Service',
    'Retail',
    'Design Studio',
  ];
  SECTORS.forEach((sector, index) => {
    for (let copy = 0; copy < 3; copy += 1) {
      organisations.push({
        name: `${random.pick(PLACES)} ${employers[index]} ${['Ltd', 'plc', 'Group'][copy]}`,
        type: 'employer',
        sectors: [sector],
        sizeBand: random.pick(['micro', 'small', 'medium', 'large'] as const),
        offersTechnicalEducation: false,
      });
    }
  });
  const providers: [string, OrganisationType, boolean][] = [
    ['Stoke College', 'further_education', true],
    ['Staffordshire Technical College', 'further_education', true],
    ['University of the Potteries', 'higher_education', false],
    ['Midlands Metropolitan University', 'higher_education', false],
    ['Kilnside Sixth Form', 'sixth_form', false],
    ['Trent Apprenticeships', 'independent_training_provider', true],
    ['Potteries Training Partnership', 'independent_training_provider', true],
    ['Etruria UTC', 'utc_or_studio_school', true],
    ['Careers Hub Staffordshire', 'careers_service', false],
  ];
  for (const [name, type, offersTechnicalEducation] of providers) {
    organisations.push({ name, type, sectors: [], sizeBand: 'large', offersTechnicalEducation });
  }
  return organisations;
}

/** Generates a realistic trust, the same for the same parameters. */
export function generateTrust(parameters: TrustParameters): GeneratedTrust {
  const random = generator(parameters.seed);
  const firstYear = parameters.lastAcademicYear - parameters.academicYears + 1;
  const perYearGroup = Math.max(1, Math.floor(parameters.learnersPerAcademy / 7));
  const groupsPerYearGroup = Math.max(1, Math.round(perYearGroup / 28));
  const academies: GeneratedAcademy[] = Array.from({ length: parameters.academies }, (_, index) => ({
    name: `${PLACES[index % PLACES.length]}${index >= PLACES.length ? ` ${Math.floor(index / PLACES.length) + 1}` : ''} Academy`,
    urn: String(910000 + index),
    phase: 'secondary',
  }));

  const groups: GeneratedGroup[] = [];
  const groupIndex = new Map<string, number>();
  for (let academy = 0; academy < academies.length; academy += 1) {
    for (let year = firstYear; year <= parameters.lastAcademicYear; year += 1) {
      for (let yearGroup = 7; yearGroup <= 13; yearGroup += 1) {
        for (let g = 0; g < groupsPerYearGroup; g += 1) {
          groupIndex.set(`${academy}:${year}:${yearGroup}:${g}`, groups.length);
          groups.push({
            academy,
            academicYear: year,
            yearGroup,
            name: `${yearGroup}${'ABCDEFGHJK'[g % 10]}`,
          });
        }
      }
    }
  }

  const learners: GeneratedLearner[] = [];
  const enrolments: GeneratedEnrolment[] = [];
  /** Learner indexes by academy, year and year group, for choosing attendees. */
  const roll = new Map<string, number[]>();
  for (let academy = 0; academy < academies.length; academy += 1) {
    // Every cohort that is in Years 7..13 at some point of the generated years.
    for (let cohort = firstYear - 6; cohort <= parameters.lastAcademicYear; cohort += 1) {
      for (let n = 0; n < perYearGroup; n += 1) {
        const learner = learners.length;
        const serial = String(learner).padStart(7, '0');
        const body =
          `9${String(academy).padStart(2, '0')}${String(cohort % 100).padStart(2, '0')}${serial}`.slice(
            0,
            12,
          );
        const gender = random.chance(0.5) ? 'F' : 'M';
        learners.push({
          upn: `${upnCheckLetter(body)}${body}`,
          legalSurname: random.pick(SURNAMES),
          legalForename: random.pick(FORENAMES),
          preferredForename: random.chance(0.05) ? random.pick(FORENAMES) : null,
          dateOfBirth: addDays(`${cohort - 12}-09-01`, random.int(0, 364)),
          gender,
          consentToFollowUp: null,
        });
        const pupilPremium = random.chance(0.25);
        const senStatus = random.chance(0.03) ? 'E' : random.chance(0.12) ? 'K' : 'N';
        const eal = random.chance(0.15);
        const lookedAfter = random.chance(0.01);
        const consideringHigherEducation = random.chance(0.55);
        let home = academy;
        const group = random.int(0, groupsPerYearGroup - 1);
        for (let year = Math.max(firstYear, cohort); year <= parameters.lastAcademicYear; year += 1) {
          const yearGroup = 7 + year - cohort;
          if (yearGroup > 13) break;
          if (year > firstYear && academies.length > 1 && random.chance(0.01))
            home = (home + 1) % academies.length;
          const leaves = random.chance(0.015);
          const admissionDate = random.chance(0.02) ? schoolDay(random, year) : null;
          let leavingDate = leaves ? schoolDay(random, year) : null;
          if (admissionDate && leavingDate && leavingDate < admissionDate) leavingDate = admissionDate;
          enrolments.push({
            learner,
            academicYear: year,
            academy: home,
            yearGroup,
            group: groupIndex.get(`${home}:${year}:${yearGroup}:${group}`)!,
            pupilPremium,
            senStatus,
            eal,
            lookedAfter,
            consideringHigherEducation: yearGroup >= 12 && consideringHigherEducation,
            admissionDate,
            leavingDate,
          });
          const key = `${home}:${year}:${yearGroup}`;
          if (!roll.has(key)) roll.set(key, []);
          roll.get(key)!.push(learner);
          if (leaves) break;
        }
      }
    }
  }

  const organisations = organisationsFor(random);
  const byType = (type: OrganisationType) =>
    organisations
      .map((organisation, index) => ({ organisation, index }))
      .filter(({ organisation }) => organisation.type === type);

  const encounters: GeneratedEncounter[] = [];
  const capacity =
    parameters.academies *
    parameters.academicYears *
    parameters.encountersPerAcademyYear *
    parameters.attendeesPerEncounter;
  const attendances = {
    encounter: new Int32Array(capacity),
    learner: new Int32Array(capacity),
    status: new Uint8Array(capacity),
    length: 0,
  };
  const guidanceMeetings: GeneratedGuidanceMeeting[] = [];
  for (let academy = 0; academy < academies.length; academy += 1) {
    for (let year = firstYear; year <= parameters.lastAcademicYear; year += 1) {
      for (let n = 0; n < parameters.encountersPerAcademyYear; n += 1) {
        const template = TEMPLATES[n % TEMPLATES.length];
        const chosen = template.organisationTypes.map((type) => random.pick(byType(type)).index);
        const facts = {
          format: template.format,
          duringSchoolDay: template.duringSchoolDay,
          adviserLevel: template.adviserLevel ?? null,
          organisations: chosen.map((index) => organisations[index]),
        };
        const allowed = allowedChecklistItems(deriveEncounterCategories(facts).categories);
        const complete = random.chance(0.85);
        const checklist = Object.fromEntries(allowed.map((item) => [item, complete || random.chance(0.6)]));
        const date = schoolDay(random, year);
        const encounter = encounters.length;
        encounters.push({
          academy,
          academicYear: year,
          title: `${template.title} ${n + 1}`,
          date,
          endDate: template.days ? addDays(date, template.days - 1) : null,
          format: template.format,
          duringSchoolDay: template.duringSchoolDay,
          durationMinutes: template.durationMinutes,
          days: template.days ?? null,
          adviserLevel: template.adviserLevel ?? null,
          organisations: [...new Set(chosen)],
          checklist,
        });
        const yearGroup = random.pick(template.yearGroups);
        const candidates = roll.get(`${academy}:${year}:${yearGroup}`) ?? [];
        const wanted = Math.min(candidates.length, parameters.attendeesPerEncounter);
        const start = random.int(0, Math.max(0, candidates.length - 1));
        for (let k = 0; k < wanted; k += 1) {
          const at = attendances.length++;
          attendances.encounter[at] = encounter;
          attendances.learner[at] = candidates[(start + k) % candidates.length];
          attendances.status[at] = random.chance(0.92) ? 0 : random.chance(0.75) ? 1 : 2;
        }
      }
      for (const yearGroup of [11, 13]) {
        for (const learner of roll.get(`${academy}:${year}:${yearGroup}`) ?? []) {
          if (!random.chance(0.7)) continue;
          guidanceMeetings.push({
            learner,
            academy,
            academicYear: year,
            date: schoolDay(random, year),
            adviserName: random.pick(['Sam Patel', 'Jo Evans', 'Chris Okoro']),
            adviserLevel: random.chance(0.9) ? random.pick([6, 7]) : 4,
          });
        }
      }
    }
  }
  return {
    parameters,
    academies,
    groups,
    learners,
    enrolments,
    organisations,
    encounters,
    attendances,
    guidanceMeetings,
    ...destinationsFor(parameters, learners, enrolments, organisations),
  };
}

/** The organisations that stand as providers of each category of destination. */
const PROVIDER_TYPES: Partial<Record<ActualDestinationCategory, OrganisationType[]>> = {
  school_sixth_form: ['sixth_form'],
  sixth_form_college: ['sixth_form'],
  further_education: ['further_education'],
  t_level: ['further_education', 'utc_or_studio_school'],
  apprenticeship: ['independent_training_provider', 'employer'],
  higher_education: ['higher_education'],
  employment_with_training: ['employer'],
  employment: ['employer'],
  supported_internship: ['employer'],
};

/**
 * R-DEST-1, R-DEST-4: an intended destination for most learners of Years 11 and 13 in every year, through
 * the year to enrolment the September after (by the end of the last year generated), and for the leavers
 * of Year 13 their consent and what they did on each 1 October by then. From a sequence of its own, so
 * that the rest of the trust is the same as it was before destinations were generated.
 */
function destinationsFor(
  parameters: TrustParameters,
  learners: GeneratedLearner[],
  enrolments: readonly GeneratedEnrolment[],
  organisations: readonly GeneratedOrganisation[],
): Pick<GeneratedTrust, 'intendedDestinations' | 'actualDestinations'> {
  const random = generator(parameters.seed * 7919 + 17);
  const until = academicYearEnd(parameters.lastAcademicYear);
  const provider = (category: ActualDestinationCategory) => {
    const types = PROVIDER_TYPES[category];
    const names = types ? organisations.filter((o) => types.includes(o.type)).map((o) => o.name) : [];
    return names.length ? random.pick(names) : null;
  };
  const intendedDestinations: GeneratedIntendedDestination[] = [];
  const lastEnrolment = new Map<number, GeneratedEnrolment>();
  for (const enrolment of enrolments) {
    lastEnrolment.set(enrolment.learner, enrolment);
    if (![11, 13].includes(enrolment.yearGroup) || enrolment.leavingDate || !random.chance(0.92)) continue;
    const year = enrolment.academicYear;
    const category = weighted(random.next, enrolment.yearGroup === 11 ? YEAR_11 : YEAR_13);
    const yearEnd = academicYearEnd(year);
    intendedDestinations.push({
      learner: enrolment.learner,
      academicYear: year,
      category,
      providerName: provider(category),
      history: destinationHistory(random, `${year}-10-01`, until < yearEnd ? until : yearEnd, category, {
        startBy: `${year + 1}-01-31`,
        enrol: { from: `${year + 1}-09-01`, by: until },
      }),
    });
  }
  const actualDestinations: GeneratedActualDestination[] = [];
  for (const [learner, last] of lastEnrolment) {
    if (last.yearGroup !== 13 || last.leavingDate || last.academicYear >= parameters.lastAcademicYear)
      continue;
    const consent = random.chance(0.85) ? true : random.chance(0.65) ? false : null;
    learners[learner].consentToFollowUp = consent;
    const recorded: GeneratedActualDestination[] = [];
    for (const anniversary of DESTINATION_ANNIVERSARIES) {
      if (anniversaryDate(last.academicYear, anniversary) > until) break;
      if (consent === false && anniversary > 1) break;
      if (!random.chance(0.92)) continue;
      const previous = recorded[recorded.length - 1] as GeneratedActualDestination | undefined;
      const stays = !!previous && isInEducationEmploymentOrTraining(previous.category) && random.chance(0.82);
      const category = stays && previous ? previous.category : weighted(random.next, LEFT_YEAR_13);
      recorded.push({
        learner,
        anniversary,
        category,
        provider: stays && previous ? previous.provider : provider(category),
        source:
          consent === false || category === 'not_known'
            ? 'local_authority'
            : random.pick(['learner', 'provider', 'local_authority'] as const),
      });
    }
    actualDestinations.push(...recorded);
  }
  return { intendedDestinations, actualDestinations };
}
