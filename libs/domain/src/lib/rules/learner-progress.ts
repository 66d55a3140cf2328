import { AcademicYear, IsoDate, daysBetween } from '../calendar';
import { confirmedOn } from '../destinations';
import {
  evaluateLearner,
  evaluateLearnerWithFirstMet,
  LearnerEvaluation,
  SharedEvaluation,
} from './evaluate-learner';
import { LearnerEnrolment, LearnerRecord } from './learner-record';
import { PolicyLookup, RuleSet } from './policy';
import { RULE_IDS, RuleId, RuleStatus } from './rule';
import { HoursStep, WexRuleId } from './work-experience';

/**
 * What decides a rule's status at any as-at date, for one learner in one year. A rule is met at an
 * as-at date exactly when `metOn <= asAt`, because evidence only accumulates as the date moves on
 * (R-AY-5): so the status at any date follows from three facts that can be stored and aggregated in SQL.
 */
export interface RuleProgress {
  /** Null when the rule does not apply to the learner this year (R-S-3). */
  windowEnd: IsoDate | null;
  /** The first date on which the rule was met, or null if it is not met by the end of its window. */
  metOn: IsoDate | null;
}

export interface LearnerYearProgress {
  learnerId: string;
  academicYear: AcademicYear;
  ruleSet: RuleSet;
  yearGroup: number | null;
  atRiskDays: number;
  rules: Record<RuleId, RuleProgress>;
  /**
   * R-WEX-4, R-WEX-6: the work-experience rules' targets and the learner's counted hours as steps (the
   * counted hours at any as-at date are those of the last step on or before it); no steps where the rule
   * does not apply.
   */
  hours: Record<WexRuleId, HoursProgress>;
}

export interface HoursProgress {
  targetHours: number;
  steps: HoursStep[];
}

/** After every date the product handles, so that everything the learner has done counts. */
const END_OF_TIME: IsoDate = '9999-12-31';

/**
 * With `placement`, the progress as the learner counts through that enrolment of the year (the rows of a
 * learner who moved academy during the year: each holds on the dates `coverageSpans` gives it), exact
 * whatever the other enrolments say.
 *
 * The progress of every rule for one learner and year, from one evaluation with everything counted: each
 * met rule's first-met date comes from the same pass over the date-sorted evidence (the date of the n-th
 * qualifying piece). That is exact when the enrolment that places the learner is the same at every date of
 * the year; for a learner whose year group or profile changed during the year (a move between academies)
 * it falls back to {@link learnerProgressBySearch}, which asks the engine at the evidence dates.
 *
 * `shared` ({@link shareEvaluation} of the same learner and policies) lets the years of one learner share
 * what does not depend on the year; the answer is the same with it or without.
 */
export function learnerProgress(
  learner: LearnerRecord,
  academicYear: AcademicYear,
  policyFor: PolicyLookup,
  placement?: LearnerEnrolment,
  shared?: SharedEvaluation,
): LearnerYearProgress {
  if (!placement && !sameProfileAllYear(learner.enrolments, academicYear)) {
    return learnerProgressBySearch(learner, academicYear, policyFor);
  }
  const { evaluation, firstMet, hoursSteps } = evaluateLearnerWithFirstMet({
    learner,
    academicYear,
    asAt: END_OF_TIME,
    policyFor,
    placement,
    shared,
  });
  const eventDates = sharedEvidenceDates(learner, shared);
  const rules = {} as Record<RuleId, RuleProgress>;
  for (const rule of RULE_IDS) {
    const result = evaluation.results[rule];
    if (result.status === 'not_applicable' || !result.window) {
      rules[rule] = { windowEnd: null, metOn: null };
      continue;
    }
    const windowEnd = result.window.end;
    const earliest = firstMet[rule];
    if (result.status !== 'met' || earliest === null) {
      rules[rule] = { windowEnd, metOn: null };
      continue;
    }
    // The first evidence date on or after the date the requirements were all satisfied: the date itself,
    // or (for a rule met with no evidence needed) the rule's first piece of evidence, as the search finds.
    let metOn: IsoDate | null = null;
    for (const id of result.evidence) {
      const date = eventDates.get(id);
      if (date && date >= earliest && (!metOn || date < metOn)) metOn = date;
    }
    // Evidence whose date is not its own (a part-time job counts from the window's first day, R-WEX-7).
    if (!metOn && earliest) metOn = earliest;
    rules[rule] = { windowEnd, metOn };
  }
  return {
    learnerId: learner.learnerId,
    academicYear,
    ruleSet: evaluation.ruleSet,
    yearGroup: evaluation.yearGroup,
    atRiskDays: policyFor(academicYear).atRiskDays,
    rules,
    hours: hoursProgress(policyFor, academicYear, (rule) => (rules[rule].windowEnd ? hoursSteps[rule] : [])),
  };
}

function hoursProgress(
  policyFor: PolicyLookup,
  academicYear: AcademicYear,
  steps: (rule: WexRuleId) => HoursStep[],
): Record<WexRuleId, HoursProgress> {
  const { wex } = policyFor(academicYear);
  return {
    WEX_KS3: { targetHours: wex.ks3Hours, steps: steps('WEX_KS3') },
    WEX_KS4: { targetHours: wex.ks4Hours, steps: steps('WEX_KS4') },
  };
}

/**
 * True when every enrolment of the year places the learner alike: same year group, same plan for higher
 * education, same curriculum area. Then nothing the rules read from the enrolment moves with the as-at date.
 */
function sameProfileAllYear(enrolments: readonly LearnerEnrolment[], academicYear: AcademicYear): boolean {
  let first: LearnerEnrolment | null = null;
  for (const enrolment of enrolments) {
    if (enrolment.academicYear !== academicYear) continue;
    if (!first) {
      first = enrolment;
      continue;
    }
    if (
      enrolment.yearGroup !== first.yearGroup ||
      // R-V-1, R-V-2: the evaluation type, the academy (the programme's window) and the EHC plan (Year 14).
      (enrolment.evaluationType ?? 'school') !== (first.evaluationType ?? 'school') ||
      (enrolment.evaluationType === 'post16' && enrolment.academyId !== first.academyId) ||
      enrolment.senStatus !== first.senStatus ||
      enrolment.consideringHigherEducation !== first.consideringHigherEducation ||
      (enrolment.curriculumSectors ?? []).join() !== (first.curriculumSectors ?? []).join()
    ) {
      return false;
    }
  }
  return true;
}

/** The evidence dates of a learner, once for all the years evaluated with `shared` (made for that learner). */
const evidenceDatesShared = new WeakMap<SharedEvaluation, Map<string, IsoDate>>();
function sharedEvidenceDates(learner: LearnerRecord, shared?: SharedEvaluation): Map<string, IsoDate> {
  if (shared?.learner !== learner) return evidenceDates(learner);
  let found = evidenceDatesShared.get(shared);
  if (!found) {
    found = evidenceDates(learner);
    evidenceDatesShared.set(shared, found);
  }
  return found;
}

function evidenceDates(learner: LearnerRecord): Map<string, IsoDate> {
  return new Map<string, IsoDate>([
    ...(learner.partTimeJobs ?? []).map((job) => [job.id, job.from] as const),
    ...learner.attendances.map((attendance) => [attendance.encounterId, attendance.date] as const),
    ...learner.guidanceMeetings.map((meeting) => [meeting.id, meeting.date] as const),
    // R-DEST-2: a destination is evidence from the day it was confirmed.
    ...(learner.intendedDestinations ?? []).flatMap((destination) => {
      const since = confirmedOn(destination.history);
      return since ? [[destination.id, since] as const] : [];
    }),
  ]);
}

/**
 * The progress found with the rules engine alone: once with everything counted, then by bisection over
 * the dates of the evidence for the first date each rule is met (about a dozen full evaluations per
 * learner and year). The oracle for {@link learnerProgress}, and its answer for learners who moved.
 */
export function learnerProgressBySearch(
  learner: LearnerRecord,
  academicYear: AcademicYear,
  policyFor: PolicyLookup,
): LearnerYearProgress {
  const evaluations = new Map<IsoDate, LearnerEvaluation>();
  const evaluateAt = (asAt: IsoDate): LearnerEvaluation => {
    let evaluation = evaluations.get(asAt);
    if (!evaluation) {
      evaluation = evaluateLearner({ learner, academicYear, asAt, policyFor });
      evaluations.set(asAt, evaluation);
    }
    return evaluation;
  };
  const eventDates = evidenceDates(learner);

  const everything = evaluateAt(END_OF_TIME);
  const rules = {} as Record<RuleId, RuleProgress>;
  for (const rule of RULE_IDS) {
    const result = everything.results[rule];
    if (result.status === 'not_applicable' || !result.window) {
      rules[rule] = { windowEnd: null, metOn: null };
      continue;
    }
    const windowEnd = result.window.end;
    if (result.status !== 'met') {
      rules[rule] = { windowEnd, metOn: null };
      continue;
    }
    const dates = [
      ...new Set(result.evidence.map((id) => eventDates.get(id)).filter((d): d is IsoDate => !!d)),
    ].sort();
    // The rule is met by the last evidence date at the latest; find the first date at which it is met.
    let low = 0;
    let high = dates.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (evaluateAt(dates[middle]).results[rule].status === 'met') high = middle;
      else low = middle + 1;
    }
    rules[rule] = { windowEnd, metOn: dates[high] ?? null };
  }
  // The counted hours can change only on the date of an attended experience: asked at each of them.
  const experienceDates = [
    ...new Set(learner.attendances.filter((a) => a.status === 'attended').map((a) => a.date)),
  ].sort();
  const stepsOf = (rule: WexRuleId): HoursStep[] => {
    if (!rules[rule].windowEnd) return [];
    const steps: HoursStep[] = [];
    for (const date of experienceDates) {
      const ledger = evaluateAt(date).workExperience;
      const counted = rule === 'WEX_KS3' ? ledger.ks3.countedHours : ledger.ks4.countedHours;
      if (counted !== (steps[steps.length - 1]?.counted ?? 0)) steps.push({ on: date, counted });
    }
    return steps;
  };
  return {
    learnerId: learner.learnerId,
    academicYear,
    ruleSet: everything.ruleSet,
    yearGroup: everything.yearGroup,
    atRiskDays: policyFor(academicYear).atRiskDays,
    rules,
    hours: hoursProgress(policyFor, academicYear, stepsOf),
  };
}

/**
 * The rules whose planned evidence keeps them on track inside the at-risk period (R-WEX-8). Everything the
 * learner is listed on, done or planned, is what counts with no as-at date, so "done + planned reach the
 * target" is exactly "the rule is met by the end of its window": `metOn` is not null.
 */
export const PLANNED_EVIDENCE_RULES: readonly RuleId[] = ['WEX_KS3', 'WEX_KS4'];

/** R-S-1, R-S-2 (and R-WEX-8): the status at `asAt` from stored progress; the API's SQL computes the same. */
export function statusFromProgress(
  progress: RuleProgress,
  asAt: IsoDate,
  atRiskDays: number,
  rule?: RuleId,
): RuleStatus {
  if (!progress.windowEnd) return 'not_applicable';
  if (progress.metOn && progress.metOn <= asAt) return 'met';
  const daysLeft = daysBetween(asAt, progress.windowEnd);
  if (daysLeft < 0) return 'missed';
  if (rule && PLANNED_EVIDENCE_RULES.includes(rule) && progress.metOn) return 'on_track';
  return daysLeft <= atRiskDays ? 'at_risk' : 'on_track';
}
