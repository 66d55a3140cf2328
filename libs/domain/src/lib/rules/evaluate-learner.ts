import {
  AcademicYear,
  DateWindow,
  IsoDate,
  PalWindowNumber,
  academicYearEnd,
  academicYearOf,
  academicYearStart,
  academicYearWindow,
  isWithinWindow,
  lastDayOfFebruary,
  palWindow,
  YearGroupHistory,
  yearGroupIn,
  yearGroupsWindow,
} from '../calendar';
import { confirmedOn, destinationConfirmBy, destinationStatusOn } from '../destinations';
import {
  ENCOUNTER_CATEGORY_NOUNS,
  EducationOrganisationType,
  EncounterCategory,
  isMeaningfulFor,
  isSpecialistAdviserLevel,
  meaningfulBenchmarkFor,
} from '../taxonomy';
import {
  LearnerAttendance,
  LearnerEnrolment,
  LearnerRecord,
  enrolmentAt,
  yearGroupHistoryOf,
} from './learner-record';
import { Policy, PolicyLookup, RuleSet } from './policy';
import { RuleId, RuleResult, RuleResults } from './rule';
import { countShortfall, joinInEnglish, ruleStatus, stillNeededText } from './rule-status';
import {
  HoursStep,
  WexRuleId,
  WorkExperienceLedger,
  attendanceHours,
  carriesHours,
  hoursInWindow,
  hoursText,
  isPlacement,
  moreHoursText,
} from './work-experience';

export interface EvaluateLearnerInput {
  learner: LearnerRecord;
  academicYear: AcademicYear;
  /** R-AY-5: nothing dated after this counts. */
  asAt: IsoDate;
  policyFor: PolicyLookup;
  /**
   * The enrolment that places the learner, where the caller knows it (the fast path keeps one row per
   * enrolment, each used only on the dates the learner counts through it); else the one at the as-at date.
   */
  placement?: LearnerEnrolment;
  /**
   * What evaluations of the same learner under the same policies share ({@link shareEvaluation}): the
   * year-group windows and which attendances count for each category. Ignored when made for another
   * learner or another policy lookup.
   */
  shared?: SharedEvaluation;
}

/**
 * Facts about one learner under one policy lookup that do not depend on the academic year evaluated:
 * the learner's year-group history and the windows worked out from it, and, per as-at date and category,
 * the attendances that count for it. Evaluating several years of a learner (the progress bookkeeping
 * does, for each year still open) works them out once. The learner's record must not change meanwhile.
 */
export interface SharedEvaluation {
  readonly learner: LearnerRecord;
  readonly policyFor: PolicyLookup;
  readonly history: YearGroupHistory;
  /** Keyed by window (`7-11`, `pal1`): the window the history gives, or null when it gives none. */
  readonly historyWindows: Map<string, DateWindow | null>;
  /** Keyed by as-at date and category: the attended attendances that count for the category, in order. */
  readonly counting: Map<string, LearnerAttendance[]>;
}

export function shareEvaluation(learner: LearnerRecord, policyFor: PolicyLookup): SharedEvaluation {
  return {
    learner,
    policyFor,
    history: yearGroupHistoryOf(learner),
    historyWindows: new Map(),
    counting: new Map(),
  };
}

export interface LearnerEvaluation {
  academicYear: AcademicYear;
  asAt: IsoDate;
  ruleSet: RuleSet;
  /** From the enrolment for the year, else inferred (R-AY-6, R-AY-2); null when nothing places the learner. */
  yearGroup: number | null;
  /** The enrolment at the as-at date (R-G-2); null when the learner has none that year. */
  enrolment: LearnerEnrolment | null;
  results: RuleResults;
  /** R-WEX-1..5: the learner's work-experience hours for KS3 and KS4, and each experience. */
  workExperience: WorkExperienceLedger;
}

interface Evidence {
  id: string;
  date: IsoDate;
}

interface Requirement {
  evidence: readonly Evidence[];
  /** What is missing, or null when the requirement is satisfied. */
  shortfall: string | null;
  /**
   * The first date by which the evidence satisfies the requirement: the date of the n-th piece for a count,
   * the date the last missing kind was covered for a range; {@link ALWAYS} when nothing is needed, null
   * when the evidence never does.
   */
  satisfiedOn: IsoDate | null;
  /**
   * R-WEX-5, R-WEX-8: the requirement would be satisfied with the planned evidence (dated after the as-at
   * date) counted too; such a rule stays on track inside the at-risk period.
   */
  plannedReaches?: boolean;
}

/** Before every date: a requirement satisfied with no evidence at all. */
const ALWAYS = '';

/**
 * For each rule, the first date at which it is met when only evidence dated on or before that date counts
 * (R-AY-5), given the enrolment this evaluation placed the learner by; an empty string when it is met with
 * no evidence, null when it is not met (or does not apply).
 */
export type FirstMetDates = Record<RuleId, IsoDate | null>;

const EDUCATION_TYPE_NOUNS: Readonly<Record<EducationOrganisationType, string>> = {
  higher_education: 'a university or higher-education college',
  further_education: 'a further-education college',
  sixth_form: 'a sixth form',
  independent_training_provider: 'an independent training provider',
  utc_or_studio_school: 'a UTC or studio school',
};

const EMPLOYER_OR_WORKPLACE = {
  one: 'employer or workplace encounter',
  many: 'employer or workplace encounters',
};

/**
 * The status of every rule for one learner in one academic year, at an as-at date.
 *
 * The year's policy sets the thresholds. Whether an encounter had to be meaningful is decided by the policy
 * of the year in which it happened, so that changing this year's policy never rewrites a past year's record.
 * Encounters from every academy count (R-G-2): the learner's history travels with them.
 */
export function evaluateLearner(input: EvaluateLearnerInput): LearnerEvaluation {
  return evaluateLearnerWithFirstMet(input).evaluation;
}

/**
 * {@link evaluateLearner}, and from the same pass over the evidence each met rule's first-met date: for
 * count rules the date of the n-th qualifying piece of evidence, for the education range the date the last
 * missing kind was covered. Exact as long as the learner's enrolment that year is the same at every date
 * (the window and thresholds then do not move with the as-at date); `learnerProgress` checks that.
 */
export function evaluateLearnerWithFirstMet(input: EvaluateLearnerInput): {
  evaluation: LearnerEvaluation;
  firstMet: FirstMetDates;
  /**
   * R-WEX-4: for the work-experience rules that apply, the counted hours after each done experience (every
   * experience is done when the as-at date is after them all); empty when the rule does not apply.
   */
  hoursSteps: Record<WexRuleId, HoursStep[]>;
} {
  const { learner, academicYear, asAt, policyFor } = input;
  const shared =
    input.shared?.learner === learner && input.shared.policyFor === policyFor
      ? input.shared
      : shareEvaluation(learner, policyFor);
  const policy = policyFor(academicYear);
  const { history } = shared;
  const enrolment = input.placement ?? enrolmentAt(learner.enrolments, academicYear, asAt);
  const yearGroup = enrolment?.yearGroup ?? yearGroupIn(academicYear, history);
  const profile = enrolment ?? nearestEnrolment(learner.enrolments, academicYear);

  // R-M-3 and R-AY-5: only attendances that happened, on or before the as-at date.
  const attended = learner.attendances.filter((a) => a.status === 'attended' && a.date <= asAt);
  const specialistMeetings = learner.guidanceMeetings.filter(
    (meeting) => isSpecialistAdviserLevel(meeting.adviserLevel) && meeting.date <= asAt,
  );

  const requireMeaningfulIn = new Map<AcademicYear, boolean>();
  const meaningfulRequiredOn = (date: IsoDate): boolean => {
    const year = academicYearOf(date);
    if (!requireMeaningfulIn.has(year)) requireMeaningfulIn.set(year, policyFor(year).requireMeaningful);
    return requireMeaningfulIn.get(year) === true;
  };
  const policyIn = new Map<AcademicYear, Policy>();
  const policyOn = (date: IsoDate): Policy => {
    const year = academicYearOf(date);
    let found = policyIn.get(year);
    if (!found) {
      found = policyFor(year);
      policyIn.set(year, found);
    }
    return found;
  };
  const counts = (attendance: LearnerAttendance, category: EncounterCategory): boolean => {
    if (!attendance.categories.includes(category)) return false;
    // R-D-1, R-D-2: under the rule set of the encounter's own year, a virtual workplace experience or HE
    // visit is no visit at all.
    if (
      attendance.delivery === 'virtual' &&
      (category === 'workplace_experience' || category === 'he_visit') &&
      policyOn(attendance.date).ruleSet === 'gatsby-2024'
    ) {
      return false;
    }
    const benchmark = meaningfulBenchmarkFor(category);
    if (!benchmark || !meaningfulRequiredOn(attendance.date)) return true;
    return attendance.meaningfulOverride !== false && isMeaningfulFor(benchmark, attendance.meaningful);
  };
  // Whether an attendance counts for a category depends on the policy of its own year, not this one's.
  const countingFor = (category: EncounterCategory): LearnerAttendance[] => {
    const key = `${asAt} ${category}`;
    let found = shared.counting.get(key);
    if (!found) {
      found = attended.filter((a) => counts(a, category));
      shared.counting.set(key, found);
    }
    return found;
  };
  const attendancesIn = (category: EncounterCategory, window: DateWindow) =>
    countingFor(category).filter((a) => isWithinWindow(a.date, window));
  const evidenceOf = (category: EncounterCategory, window: DateWindow): Evidence[] =>
    distinct(attendancesIn(category, window).map((a) => ({ id: a.encounterId, date: a.date })));
  const meetingsIn = (window: DateWindow): Evidence[] =>
    specialistMeetings.filter((m) => isWithinWindow(m.date, window)).map(({ id, date }) => ({ id, date }));

  const countOf = (
    evidence: Evidence[],
    required: number,
    noun: { one: string; many: string },
  ): Requirement => ({
    evidence,
    shortfall: countShortfall(evidence.length, required, noun),
    // `distinct` sorts the evidence by date, so the n-th piece is the n-th date.
    satisfiedOn: required <= 0 ? ALWAYS : (evidence[required - 1]?.date ?? null),
  });
  const categoryCount = (category: EncounterCategory, window: DateWindow, required: number): Requirement =>
    countOf(evidenceOf(category, window), required, ENCOUNTER_CATEGORY_NOUNS[category]);
  // R-PAL-3: for PAL1/PAL2, the content the law asks for (policy of the encounter's year).
  const palContentCount = (window: DateWindow): Requirement =>
    countOf(
      distinct(
        attendancesIn('pal_provider_encounter', window)
          .filter((a) => !policyOn(a.date).palRequiresContent || hasPalContent(a))
          .map((a) => ({ id: a.encounterId, date: a.date })),
      ),
      2,
      ENCOUNTER_CATEGORY_NOUNS.pal_provider_encounter,
    );
  const guidanceCount = (window: DateWindow): Requirement =>
    countOf(
      distinct([...evidenceOf('personal_guidance_meeting', window), ...meetingsIn(window)]),
      1,
      ENCOUNTER_CATEGORY_NOUNS.personal_guidance_meeting,
    );

  const between = (first: number, last: number) =>
    yearGroup !== null && yearGroup >= first && yearGroup <= last;
  // R-V-1: at a post-16 academy (a sixth-form college) the programme rules replace the school ones.
  const post16 = (enrolment ?? profile)?.evaluationType === 'post16';
  const school = !post16;
  // R-V-2: a learner with an EHC plan stays in scope of B5, B8 and O2 in Year 14 at a post-16 academy.
  const ehcYear14 = post16 && yearGroup === 14 && (enrolment ?? profile)?.senStatus === 'E';
  const programme = (): DateWindow => programmeWindow(learner.enrolments, enrolment ?? profile, academicYear);
  // Each window worked out once per evaluation: several rules share one (B6_16, B7_16 and B8_16 span Years
  // 7 to 11), and finding it walks the learner's year-group history.
  const windows = new Map<string, DateWindow>();
  const once = (key: string, find: () => DateWindow): DateWindow => {
    let found = windows.get(key);
    if (!found) {
      found = find();
      windows.set(key, found);
    }
    return found;
  };
  // What the history alone gives is the same in every year evaluated: shared.
  const fromHistory = (key: string, find: () => DateWindow | null): DateWindow | null => {
    let found = shared.historyWindows.get(key);
    if (found === undefined) {
      found = find();
      shared.historyWindows.set(key, found);
    }
    return found;
  };
  const span = (first: number, last: number): DateWindow =>
    once(
      `${first}-${last}`,
      () =>
        fromHistory(`${first}-${last}`, () => yearGroupsWindow(first, last, history)) ??
        offsetWindow(academicYear, yearGroup ?? first, first, last),
    );
  const pal = (window: PalWindowNumber): DateWindow =>
    once(
      `pal${window}`,
      () =>
        fromHistory(`pal${window}`, () => palWindow(window, history)) ??
        offsetPalWindow(academicYear, yearGroup ?? 6 + 2 * window, window),
    );

  const firstMet = {} as FirstMetDates;
  const hoursSteps: Record<WexRuleId, HoursStep[]> = { WEX_KS3: [], WEX_KS4: [] };
  const hoursFound = new Map<string, ReturnType<typeof hoursInWindow>>();
  const evaluate = (
    rule: RuleId,
    applies: boolean,
    window: () => DateWindow,
    requirements: (window: DateWindow) => Requirement[],
  ): RuleResult => {
    firstMet[rule] = null;
    if (!applies) return { rule, status: 'not_applicable', window: null, evidence: [], stillNeeded: null };
    const dates = window();
    const found = requirements(dates);
    let metOn: IsoDate | null = ALWAYS;
    for (const requirement of found) {
      if (metOn === null || requirement.satisfiedOn === null) metOn = null;
      else if (requirement.satisfiedOn > metOn) metOn = requirement.satisfiedOn;
    }
    firstMet[rule] = metOn;
    const shortfalls = found.map((r) => r.shortfall).filter((s): s is string => s !== null);
    let status = ruleStatus(shortfalls.length === 0, dates, asAt, policy.atRiskDays);
    // R-WEX-8: done + planned reaching the target keeps the rule on track inside the at-risk period.
    if (status === 'at_risk' && found.every((r) => r.shortfall === null || r.plannedReaches === true)) {
      status = 'on_track';
    }
    return {
      rule,
      status,
      window: dates,
      evidence: distinct(found.flatMap((r) => r.evidence)).map((e) => e.id),
      stillNeeded: stillNeededText(shortfalls, dates, status),
    };
  };

  const thisYear = () => academicYearWindow(academicYear);
  const results: RuleResults = {
    O2: evaluate('O2', between(7, 13) || ehcYear14, thisYear, (w) => objectiveTwo(w)),
    B5: evaluate('B5', between(7, 13) || ehcYear14, thisYear, (w) => benchmarkFive(w)),
    B6_16: evaluate(
      'B6_16',
      school && between(7, 11),
      () => span(7, 11),
      (w) => [categoryCount('workplace_experience', w, policy.b6By16)],
    ),
    // R-V-1, R-V-3: at a post-16 academy, >= 1 (meaningful) workplace experience by the end of the programme.
    B6_18: evaluate('B6_18', between(12, 13), post16 ? programme : () => span(12, 13), (w) => [
      categoryCount('workplace_experience', w, 1),
    ]),
    B7_16: evaluate(
      'B7_16',
      school && between(7, 11),
      () => span(7, 11),
      (w) => [educationRange(w)],
    ),
    // R-V-1, R-V-3: at a post-16 academy, every learner needs >= 1 encounter with a provider of a next stage.
    B7_18: post16
      ? evaluate('B7_18', between(12, 13), programme, (w) => [
          categoryCount('education_provider_encounter', w, 1),
        ])
      : evaluate(
          'B7_18',
          between(12, 13) && profile?.consideringHigherEducation === true,
          () => span(7, 13),
          (w) => [categoryCount('he_visit', w, 2)],
        ),
    B8_16: evaluate(
      'B8_16',
      school && between(7, 11),
      () => span(7, 11),
      (w) => [guidanceCount(w)],
    ),
    B8_18: evaluate('B8_18', between(12, 13) || ehcYear14, post16 ? programme : () => span(12, 13), (w) => [
      guidanceCount(w),
    ]),
    // R-V-1: provider access does not apply at a post-16 academy.
    PAL1: evaluate(
      'PAL1',
      school && between(8, 9),
      () => pal(1),
      (w) => [palContentCount(w)],
    ),
    PAL2: evaluate(
      'PAL2',
      school && between(10, 11),
      () => pal(2),
      (w) => [palContentCount(w)],
    ),
    // R-PAL-2: window 3 is the school's duty to offer; per learner we report take-up against the same two.
    PAL3: evaluate(
      'PAL3',
      school && between(12, 13),
      () => pal(3),
      (w) => [categoryCount('pal_provider_encounter', w, 2)],
    ),
    WEX_KS3: evaluate(
      'WEX_KS3',
      between(7, 9),
      () => span(7, 9),
      (w) => [hoursRequirement(w, 'ks3')],
    ),
    WEX_KS4: evaluate(
      'WEX_KS4',
      between(10, 11),
      () => span(10, 11),
      (w) => [hoursRequirement(w, 'ks4')],
    ),
    // R-DEST-2: Year 11 and Year 13, each in its own year, closing on the policy's confirm-by date.
    DEST_16: evaluate('DEST_16', yearGroup === 11, destinationWindow, (w) => [confirmedDestination(w)]),
    DEST_18: evaluate('DEST_18', yearGroup === 13, destinationWindow, (w) => [confirmedDestination(w)]),
  };

  // Worked out when first read: the progress bookkeeping reads only the rules' results.
  let ledger: WorkExperienceLedger | undefined;
  const workExperienceLedger = (): WorkExperienceLedger => ({
    ks3: hoursOf(span(7, 9), 'ks3').hours,
    ks4: hoursOf(span(10, 11), 'ks4').hours,
    items: learner.attendances
      .filter((a) => a.status === 'attended' && carriesHours(a))
      .map((a) => ({
        encounterId: a.encounterId,
        date: a.date,
        hours: hoursOfAttendance(a),
        delivery: a.delivery ?? 'in_person',
        planned: a.date > asAt,
        placement: isPlacement(a),
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.encounterId.localeCompare(b.encounterId)),
  });
  const evaluation = {
    academicYear,
    asAt,
    ruleSet: policy.ruleSet,
    yearGroup,
    enrolment,
    results,
  } as LearnerEvaluation;
  Object.defineProperty(evaluation, 'workExperience', {
    enumerable: true,
    get: () => (ledger ??= workExperienceLedger()),
  });

  return {
    evaluation,
    firstMet,
    hoursSteps,
  };

  /** R-WEX-1: the hours of a day run by the policy of the experience's own year. */
  function hoursOfAttendance(attendance: LearnerAttendance): number {
    return attendanceHours(attendance, policyOn(attendance.date).wex.hoursPerDay);
  }

  /** R-WEX-2..5: KS3 activities are every experience with hours, KS4 placements only placements. */
  function hoursOf(window: DateWindow, stage: 'ks3' | 'ks4') {
    // The same window and stage for the rule and the ledger: worked out once.
    const key = `${stage} ${window.start} ${window.end}`;
    let found = hoursFound.get(key);
    if (!found) {
      found = hoursInWindowOf(window, stage);
      hoursFound.set(key, found);
    }
    return found;
  }

  function hoursInWindowOf(window: DateWindow, stage: 'ks3' | 'ks4') {
    return hoursInWindow(
      learner.attendances,
      window,
      asAt,
      stage === 'ks3' ? carriesHours : isPlacement,
      hoursOfAttendance,
      stage === 'ks3' ? policy.wex.ks3Hours : policy.wex.ks4Hours,
      policy.wex.virtualShareMax,
    );
  }

  /** R-WEX-3: met when counted hours reach the target; R-WEX-5: planned hours never make it met. */
  function hoursRequirement(window: DateWindow, stage: 'ks3' | 'ks4'): Requirement {
    const found = hoursOf(window, stage);
    hoursSteps[stage === 'ks3' ? 'WEX_KS3' : 'WEX_KS4'] = found.steps;
    const { countedHours, targetHours, plannedHours } = found.hours;
    const missing = targetHours - countedHours;
    const what = stage === 'ks3' ? 'work-experience activities' : 'work-experience placements';
    return {
      evidence: found.evidence,
      satisfiedOn: found.reachedOn,
      plannedReaches: found.countedWithPlanned >= targetHours,
      shortfall:
        missing > 0
          ? `${countedHours > 0 ? moreHoursText(missing) : hoursText(missing)} of ${what}${
              plannedHours > 0 ? ` (${hoursText(plannedHours)} planned)` : ''
            }`
          : null,
    };
  }

  function destinationWindow(): DateWindow {
    return {
      start: academicYearStart(academicYear),
      end: destinationConfirmBy(academicYear, policy.dest.confirmBy),
    };
  }

  /**
   * R-DEST-2: an intended destination of this year, `accepted` or `enrolled`, confirmed within the window and
   * by the as-at date (`confirmedOn` judges the record as it stands: see its comment).
   */
  function confirmedDestination(window: DateWindow): Requirement {
    const destination = (learner.intendedDestinations ?? []).find((d) => d.academicYear === academicYear);
    const since = destination ? confirmedOn(destination.history) : null;
    const counted = since !== null && isWithinWindow(since, window) ? since : null;
    const evidence =
      destination && counted !== null && counted <= asAt ? [{ id: destination.id, date: counted }] : [];
    const now = destination ? destinationStatusOn(destination.history, asAt) : null;
    return {
      evidence,
      satisfiedOn: counted,
      shortfall: evidence.length
        ? null
        : `a confirmed destination (accepted or enrolled${now ? `; ${now} so far` : ''})`,
    };
  }

  function objectiveTwo(window: DateWindow): Requirement[] {
    const employerOrWorkplace = distinct([
      ...evidenceOf('employer_encounter', window),
      ...evidenceOf('workplace_experience', window),
    ]);
    const requirements = [
      countOf(employerOrWorkplace, policy.o2.employer, EMPLOYER_OR_WORKPLACE),
      categoryCount('education_provider_encounter', window, policy.o2.education),
    ];
    if (policy.o2.requireAdvice) {
      const advice = distinct([...evidenceOf('specialist_careers_advice', window), ...meetingsIn(window)]);
      requirements.push(countOf(advice, 1, ENCOUNTER_CATEGORY_NOUNS.specialist_careers_advice));
    }
    return requirements;
  }

  function benchmarkFive(window: DateWindow): Requirement[] {
    if (post16) {
      // R-V-1: >= 2 employer encounters a year, >= 1 of them marked as linked to the curriculum.
      // An employer of the learner's curriculum area (where the MIS gives it) is linked too.
      const curriculum = profile?.curriculumSectors ?? [];
      const linked = attendancesIn('employer_encounter', window).filter(
        (a) => a.curriculumLinked === true || (a.sectors ?? []).some((sector) => curriculum.includes(sector)),
      );
      return [
        categoryCount('employer_encounter', window, 2),
        countOf(distinct(linked.map((a) => ({ id: a.encounterId, date: a.date }))), 1, {
          one: 'employer encounter linked to the curriculum',
          many: 'employer encounters linked to the curriculum',
        }),
      ];
    }
    // R-WEX-7: under gatsby-2024, with b5CountsPartTimeJob, a part-time job held during the year counts.
    const jobs =
      policy.ruleSet === 'gatsby-2024' && policy.b5CountsPartTimeJob
        ? (learner.partTimeJobs ?? []).filter(
            (job) => job.from <= window.end && (!job.to || job.to >= window.start) && job.from <= asAt,
          )
        : [];
    if (!jobs.length) return [categoryCount('employer_encounter', window, 1)];
    const evidence = distinct([
      ...evidenceOf('employer_encounter', window),
      ...jobs.map((job) => ({ id: job.id, date: job.from < window.start ? window.start : job.from })),
    ]);
    return [countOf(evidence, 1, ENCOUNTER_CATEGORY_NOUNS.employer_encounter)];
  }

  function educationRange(window: DateWindow): Requirement {
    const range = policy.b7Range;
    const contributing = attendancesIn('education_provider_encounter', window).filter((a) =>
      a.educationTypes.some((type) => range.includes(type)),
    );
    const covered = new Set(contributing.flatMap((a) => a.educationTypes));
    const missing = range.filter((type) => !covered.has(type));
    // The date on which the last kind of the range was first covered.
    let satisfiedOn: IsoDate | null = missing.length ? null : ALWAYS;
    if (!missing.length) {
      for (const type of range) {
        const first = contributing.reduce<IsoDate | null>(
          (earliest, a) =>
            a.educationTypes.includes(type) && (!earliest || a.date < earliest) ? a.date : earliest,
          null,
        );
        if (first && first > (satisfiedOn ?? ALWAYS)) satisfiedOn = first;
      }
    }
    return {
      satisfiedOn,
      evidence: distinct(contributing.map((a) => ({ id: a.encounterId, date: a.date }))),
      shortfall: missing.length
        ? `an encounter with ${joinInEnglish(missing.map((type) => EDUCATION_TYPE_NOUNS[type]))}`
        : null,
    };
  }
}

/** R-PAL-3: information about the provider, what learning there is like, and a chance to ask questions. */
function hasPalContent(attendance: LearnerAttendance): boolean {
  const { providerInformation, whatLearningIsLike, twoWayInteraction } = attendance.meaningful;
  return providerInformation === true && whatLearningIsLike === true && twoWayInteraction === true;
}

function distinct(evidence: readonly Evidence[]): Evidence[] {
  const byId = new Map<string, Evidence>();
  for (const item of evidence) if (!byId.has(item.id)) byId.set(item.id, item);
  // ISO dates order alike by code unit and by locale (digits and hyphens in the same places), and the
  // plain comparison is much the cheaper; ids of one date still order by locale.
  return [...byId.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.id.localeCompare(b.id),
  );
}

/**
 * R-V-1: "by the end of the programme": from the first to the last academic year of the learner's enrolments
 * at the academy of this year's enrolment.
 */
function programmeWindow(
  enrolments: readonly LearnerEnrolment[],
  current: LearnerEnrolment | null,
  academicYear: AcademicYear,
): DateWindow {
  const years = enrolments
    .filter((enrolment) => enrolment.academyId === current?.academyId)
    .map((enrolment) => enrolment.academicYear);
  const first = Math.min(academicYear, ...years);
  const last = Math.max(academicYear, ...years);
  return { start: academicYearStart(first), end: academicYearEnd(last) };
}

function nearestEnrolment(
  enrolments: readonly LearnerEnrolment[],
  academicYear: AcademicYear,
): LearnerEnrolment | null {
  let best: LearnerEnrolment | null = null;
  for (const enrolment of enrolments) {
    const distance = Math.abs(enrolment.academicYear - academicYear);
    if (!best || distance < Math.abs(best.academicYear - academicYear)) best = enrolment;
  }
  return best;
}

/** Only reached when the MIS history skips a year group; the plain offset from this year is the best guess. */
function offsetWindow(
  academicYear: AcademicYear,
  yearGroup: number,
  first: number,
  last: number,
): DateWindow {
  return {
    start: academicYearStart(academicYear + first - yearGroup),
    end: academicYearEnd(academicYear + last - yearGroup),
  };
}

function offsetPalWindow(academicYear: AcademicYear, yearGroup: number, window: PalWindowNumber): DateWindow {
  const opening = 6 + 2 * window;
  return {
    start: academicYearStart(academicYear + opening - yearGroup),
    end: lastDayOfFebruary(academicYear + opening + 1 - yearGroup + 1),
  };
}
