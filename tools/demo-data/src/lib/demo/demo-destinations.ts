import {
  academicYearOf,
  type ActualDestinationCategory,
  addDays,
  anniversaryDate,
  daysBetween,
  DESTINATION_ANNIVERSARIES,
  type DestinationAnniversary,
  type DestinationCategory,
  type DestinationSource,
  type DestinationStatusChange,
  isInEducationEmploymentOrTraining,
} from '@encounters/domain';
import {
  destinationHistory,
  LEFT_YEAR_11,
  LEFT_YEAR_13,
  type Weighted,
  weekday,
  weighted,
  within,
  YEAR_11,
  YEAR_11_WITH_SIXTH_FORM,
  YEAR_13,
} from '../destination-mix';
import { seededRandom } from '../seeded-random';
import { DEMO_ORGANISATIONS, type DemoEnrolment } from './demo-encounters';
import { DEMO_FORENAMES, DEMO_SURNAMES, demoUpn } from './demo-roster';
import { DEMO_TRUST } from './demo-trust';

/** R-DEST-1: an intended destination, with its dated status changes. */
export interface PlannedDemoIntention {
  category: DestinationCategory;
  providerName: string | null;
  /** The provider's name in DEMO_ORGANISATIONS, when it is one of them. */
  organisation: string | null;
  /** Restricted like guidance notes. */
  notes: string | null;
  /** Oldest first, same-day changes in the order made; the last is the destination's status. */
  history: DestinationStatusChange[];
}

/** R-DEST-1: a Year 11 or 13 learner's intended destination, with its dated status changes. */
export interface PlannedDemoDestination extends PlannedDemoIntention {
  learnerId: string;
  academyId: string;
  academicYear: number;
}

/** R-DEST-3: a learner marked at risk of NEET by the careers staff. */
export interface PlannedDemoNeetRisk {
  learnerId: string;
  reason: string;
  support: string;
  reviewOn: string;
  markedOn: string;
}

/** R-DEST-4: what a leaver was doing on 1 October of a year after leaving, and who said so. */
export interface PlannedDemoActualDestination {
  anniversary: DestinationAnniversary;
  category: ActualDestinationCategory;
  provider: string | null;
  source: DestinationSource;
  recordedOn: string;
}

/** A learner who left from Year 11 or 13 in an earlier year: not on any roster the demo imports. */
export interface PlannedDemoLeaver {
  academyId: string;
  academyUrn: string;
  upn: string;
  legalSurname: string;
  legalForename: string;
  dateOfBirth: string;
  gender: 'F' | 'M';
  /** The academic year of their last enrolment. */
  leftIn: number;
  yearGroup: number;
  admissionDate: string;
  leavingDate: string;
  pupilPremium: boolean;
  senStatus: 'N' | 'K' | 'E';
  /** Whether they agreed to be followed up after 16; null when never asked. */
  consentToFollowUp: boolean | null;
  /** Their intended destination in the year they left, enrolled in the September after for most. */
  intended: PlannedDemoIntention | null;
  destinations: PlannedDemoActualDestination[];
}

export interface DemoDestinationPlan {
  destinations: PlannedDemoDestination[];
  neetRisks: PlannedDemoNeetRisk[];
  leavers: PlannedDemoLeaver[];
}

/** Providers by category: names of the demo directory where there is one, invented otherwise. */
// prettier-ignore
const PROVIDERS: Partial<Record<ActualDestinationCategory, readonly string[]>> = {
  school_sixth_form: ['Trentham Fields Academy sixth form'],
  sixth_form_college: ['Kilnside Sixth Form College', 'Trentham Sixth Form College'],
  further_education: ['Stoke and Staffordshire College', 'Newcastle Moor College'],
  t_level: ['Stoke and Staffordshire College', 'Kilnside UTC'],
  apprenticeship: ['Etruria Engineering Group', 'Kilnworks Ceramics Ltd', 'Trent Valley Construction', 'Spitfire Aerostructures Ltd', 'Potteries Apprenticeship Academy', 'Midlands Skills Training Ltd'],
  higher_education: ['University of the Potteries', 'Mercia Hills University', 'Northern Fells University', 'University of Severnside'],
  employment_with_training: ['Meir Park Retail Group', 'Longton Logistics Hub', 'Hanley Care Partnership'],
  employment: ['Burslem Bistro and Hotel', 'Meir Park Retail Group', 'Longton Logistics Hub', 'Shelton Hair and Beauty Studio'],
  supported_internship: ['Royal Kilnside Hospitals Trust', 'Hanley Care Partnership'],
};

// prettier-ignore
const NOTES = [
  'Predicted grades meet the entry requirements.',
  'Interview booked; practising with the careers adviser.',
  'Parents prefer the sixth form; the learner is keen on an apprenticeship.',
  'Needs support with the application form.',
  'Went to the open evening with family.',
  'Conditional offer: needs a grade 5 in maths.',
  'Considering a degree apprenticeship as well.',
  'Personal statement drafted; reference requested.',
];
// prettier-ignore
const NEET_REASONS = [
  'Attendance below 80% since the spring; no application made yet.',
  'Disengaged from school; unsure about any post-16 option.',
  'Young carer at home; worried about travelling to college.',
  'Withdrew from the college application; no alternative yet.',
];
// prettier-ignore
const NEET_SUPPORT = [
  "Weekly check-in with the careers adviser; referral to the local authority's 16-18 team.",
  'Mentor from the learning support team; college taster day booked.',
  'Family meeting with the careers lead; travel bursary explained.',
  'An extra guidance meeting each half term; application completed together.',
];

/** Careers staff mark this many learners of each academy's Years 11 and 13 at risk of NEET. */
const NEET_RISKS_PER_ACADEMY = 3;
/** Leavers are planned for the two academic years before the demo's. */
const LEAVER_YEARS = [2, 1];

const ORGANISATION_NAMES = new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.name));

function draws(next: () => number) {
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  return {
    int,
    chance: (probability: number) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    weighted: <T>(items: Weighted<T>): T => weighted(next, items),
  };
}
type Draws = ReturnType<typeof draws>;

/** A provider for a category, or none where the category has no provider (other, NEET, not known). */
function providerFor(category: ActualDestinationCategory, random: Draws, ownSixthForm: string | null) {
  if (category === 'school_sixth_form' && ownSixthForm) return ownSixthForm;
  const pool = PROVIDERS[category];
  return pool ? random.pick(pool) : null;
}

/**
 * An intended destination of Year 11 or 13, its changes dated from `from` to `to` (with `options`, for a
 * learner who has left: first recorded by the winter, enrolled after leaving): a category of the year
 * group's mix, a provider for most, a note for some.
 */
function planIntention(
  random: Draws,
  yearGroup: number,
  ownSixthForm: string | null,
  from: string,
  to: string,
  options: Parameters<typeof destinationHistory>[4] = {},
): PlannedDemoIntention {
  const category = random.weighted(
    yearGroup === 13 ? YEAR_13 : ownSixthForm ? YEAR_11_WITH_SIXTH_FORM : YEAR_11,
  );
  const history = destinationHistory(random, from, to, category, options);
  const providerName =
    history.length > 1 || random.chance(0.7) ? providerFor(category, random, ownSixthForm) : null;
  return {
    category,
    providerName,
    organisation: providerName && ORGANISATION_NAMES.has(providerName) ? providerName : null,
    notes: random.chance(0.25) ? random.pick(NOTES) : null,
    history,
  };
}

/**
 * The demo trust's destinations, for the learners on roll in the demo's year and `today`: an intended
 * destination for most learners of Years 11 and 13 with dated changes from October to the day before, a
 * few NEET-risk marks, and the leavers of the two years before with what they were doing at each
 * 1 October passed. Every academy's last Year 11 registration group is left with nothing, for entry in
 * the app. Pure and deterministic, like {@link planDemoEncounters}.
 */
export function planDemoDestinations(
  enrolments: readonly DemoEnrolment[],
  today: string,
): DemoDestinationPlan {
  const academicYear = academicYearOf(today);
  const lastDay = addDays(today, -1);
  const start = weekday(addDays(`${academicYear}-09-01`, 2));
  const october = `${academicYear}-10-01`;
  const from = lastDay >= october ? october : start;
  const plan: DemoDestinationPlan = { destinations: [], neetRisks: [], leavers: [] };

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
    const random = draws(seededRandom(104_729 + 7919 * Number(urn) + academicYear));
    const academyId = learners[0].academyId;
    const yearGroups = new Set(learners.map((learner) => learner.yearGroup));
    const name = DEMO_TRUST.academies.find((academy) => academy.urn === urn)?.name ?? null;
    const ownSixthForm = yearGroups.has(12) && name ? `${name} sixth form` : null;
    const year11Groups = [
      ...new Set(learners.filter((learner) => learner.yearGroup === 11).map((learner) => learner.groupName)),
    ].sort();
    const leftEmpty = year11Groups[year11Groups.length - 1];

    if (lastDay >= start) {
      const candidates: DemoEnrolment[] = [];
      for (const learner of learners.filter((candidate) => [11, 13].includes(candidate.yearGroup))) {
        if (learner.yearGroup === 11 && learner.groupName === leftEmpty) continue;
        // One in twelve has nothing recorded yet.
        if (random.chance(1 / 12)) {
          candidates.push(learner);
          continue;
        }
        const intention = planIntention(random, learner.yearGroup, ownSixthForm, from, lastDay);
        plan.destinations.push({ learnerId: learner.learnerId, academyId, academicYear, ...intention });
        const { category, history } = intention;
        if (category === 'not_known' || history[history.length - 1].status === 'considering')
          candidates.push(learner);
      }
      for (let index = 0; index < NEET_RISKS_PER_ACADEMY && candidates.length; index += 1) {
        const [learner] = candidates.splice(random.int(0, candidates.length - 1), 1);
        const markedOn = within(
          weekday(addDays(from, random.int(0, Math.max(0, daysBetween(from, lastDay))))),
          from,
          lastDay,
        );
        // The first mark of each academy is due for review; the others later in the term.
        const reviewOn = weekday(
          index === 0 ? addDays(today, -random.int(1, 10)) : addDays(today, random.int(10, 45)),
        );
        plan.neetRisks.push({
          learnerId: learner.learnerId,
          reason: random.pick(NEET_REASONS),
          support: random.pick(NEET_SUPPORT),
          reviewOn: reviewOn < markedOn ? markedOn : reviewOn,
          markedOn,
        });
      }
    }

    const firstYearGroup = Math.min(...yearGroups);
    for (const yearGroup of [11, 13].filter((candidate) => yearGroups.has(candidate))) {
      for (const yearsBefore of LEAVER_YEARS) {
        plan.leavers.push(
          ...planLeavers(random, {
            academyId,
            urn,
            leftIn: academicYear - yearsBefore,
            yearGroup,
            firstYearGroup,
            ownSixthForm,
            lastDay,
          }),
        );
      }
    }
  }
  return plan;
}

/**
 * One cohort of leavers, as many as a roster's year group (five forms of 23 to 27): their facts, consent,
 * the intended destination of their last year (enrolled the September after, for most), and for each
 * 1 October passed by `lastDay` what they were doing: recorded for nearly all (fewer for the latest, still
 * being followed up), mostly where they enrolled or as the year before, and only the first for those who
 * did not agree to be followed up after 16.
 */
function planLeavers(
  random: Draws,
  cohort: {
    academyId: string;
    urn: string;
    leftIn: number;
    yearGroup: number;
    firstYearGroup: number;
    ownSixthForm: string | null;
    lastDay: string;
  },
): PlannedDemoLeaver[] {
  const { leftIn, yearGroup, urn, lastDay } = cohort;
  const birthYear = leftIn - yearGroup - 5;
  const size = Array.from({ length: 5 }, () => random.int(23, 27)).reduce((total, form) => total + form, 0);
  const leavers: PlannedDemoLeaver[] = [];
  for (let serial = 1; serial <= size; serial += 1) {
    const consent = random.chance(0.82) ? true : random.chance(0.55) ? false : null;
    const sen = random.int(0, 999) / 1000;
    const yearEnd = `${leftIn + 1}-08-31`;
    const intended = random.chance(0.93)
      ? planIntention(
          random,
          yearGroup,
          cohort.ownSixthForm,
          `${leftIn}-10-01`,
          yearEnd < lastDay ? yearEnd : lastDay,
          { startBy: `${leftIn + 1}-01-31`, enrol: { from: `${leftIn + 1}-09-01`, by: lastDay } },
        )
      : null;
    const enrolled = intended?.history.some((change) => change.status === 'enrolled') ?? false;
    const destinations: PlannedDemoActualDestination[] = [];
    for (const anniversary of DESTINATION_ANNIVERSARIES) {
      const on = anniversaryDate(leftIn, anniversary);
      if (on > lastDay || (consent === false && anniversary > 1)) break;
      const latest = daysBetween(on, lastDay) < 90;
      if (!random.chance(latest ? 0.85 : 0.95)) continue;
      // Mostly where they enrolled, then mostly the same as the year before.
      const before: { category: ActualDestinationCategory; provider: string | null } | undefined =
        destinations[destinations.length - 1] ??
        (intended && enrolled ? { category: intended.category, provider: intended.providerName } : undefined);
      const stays = !!before && isInEducationEmploymentOrTraining(before.category) && random.chance(0.85);
      const category =
        stays && before ? before.category : random.weighted(yearGroup === 13 ? LEFT_YEAR_13 : LEFT_YEAR_11);
      const source: DestinationSource =
        consent === false || category === 'not_known'
          ? 'local_authority'
          : random.weighted<DestinationSource>([
              ['learner', 45],
              ['provider', 30],
              ['local_authority', 25],
            ]);
      destinations.push({
        anniversary,
        category,
        provider: stays && before ? before.provider : providerFor(category, random, cohort.ownSixthForm),
        source,
        recordedOn: within(weekday(addDays(on, random.int(3, 50))), on, lastDay),
      });
    }
    leavers.push({
      academyId: cohort.academyId,
      academyUrn: urn,
      upn: demoUpn(urn, leftIn - yearGroup, 600 + serial),
      legalSurname: random.pick(DEMO_SURNAMES),
      legalForename: random.pick(DEMO_FORENAMES),
      dateOfBirth: addDays(`${birthYear}-09-01`, random.int(0, 364)),
      gender: random.chance(0.5) ? 'F' : 'M',
      leftIn,
      yearGroup,
      admissionDate: addDays(`${leftIn - (yearGroup - cohort.firstYearGroup)}-09-01`, random.int(0, 2)),
      leavingDate: weekday(`${leftIn + 1}-06-27`),
      pupilPremium: random.chance(0.26),
      senStatus: sen < 0.025 ? 'E' : sen < 0.14 ? 'K' : 'N',
      consentToFollowUp: consent,
      intended,
      destinations,
    });
  }
  return leavers;
}
