import { AcademicYear, IsoDate, daysBetween } from '../calendar';
import { evaluateLearner, LearnerEvaluation } from './evaluate-learner';
import { LearnerRecord } from './learner-record';
import { PolicyLookup, RuleSet } from './policy';
import { RULE_IDS, RuleId, RuleStatus } from './rule';

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
}

/** After every date the product handles, so that everything the learner has done counts. */
const END_OF_TIME: IsoDate = '9999-12-31';

/**
 * The progress of every rule for one learner and year, found with the rules engine itself: once with
 * everything counted, then by bisection over the dates of the evidence for the first date each rule is met.
 */
export function learnerProgress(
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
  const eventDates = new Map<string, IsoDate>([
    ...learner.attendances.map((attendance) => [attendance.encounterId, attendance.date] as const),
    ...learner.guidanceMeetings.map((meeting) => [meeting.id, meeting.date] as const),
  ]);

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
  return {
    learnerId: learner.learnerId,
    academicYear,
    ruleSet: everything.ruleSet,
    yearGroup: everything.yearGroup,
    atRiskDays: policyFor(academicYear).atRiskDays,
    rules,
  };
}

/** R-S-1, R-S-2: the status at `asAt` from stored progress; the API's SQL computes the same. */
export function statusFromProgress(progress: RuleProgress, asAt: IsoDate, atRiskDays: number): RuleStatus {
  if (!progress.windowEnd) return 'not_applicable';
  if (progress.metOn && progress.metOn <= asAt) return 'met';
  const daysLeft = daysBetween(asAt, progress.windowEnd);
  if (daysLeft < 0) return 'missed';
  return daysLeft <= atRiskDays ? 'at_risk' : 'on_track';
}
