import { AcademicYear, IsoDate } from '../../calendar';
import { LearnerRecord } from '../learner-record';
import { Policy, PolicyLookup, defaultPolicy } from '../policy';
import { evaluateLearner, type LearnerEvaluation } from '../evaluate-learner';
import { RuleId, RuleResult, RuleResults, RuleStatus } from '../rule';

// How the rules specs ask the rules: one evaluation, a policy with changes, a table of cases for one rule.

/** Every year's default policy with the same changes applied. */
export function policyWith(overrides: Partial<Policy> = {}): PolicyLookup {
  return (academicYear) => ({ ...defaultPolicy(academicYear), ...overrides });
}

/** The whole evaluation of a learner (rule set, results, work-experience hours) for a year, at a date. */
export function evaluation(
  record: LearnerRecord,
  academicYear: AcademicYear,
  asAt: IsoDate,
  policyFor: PolicyLookup = defaultPolicy,
): LearnerEvaluation {
  return evaluateLearner({ learner: record, academicYear, asAt, policyFor });
}

/** What each rule says of a learner for a year, at a date. */
export function evaluate(
  record: LearnerRecord,
  academicYear: AcademicYear,
  asAt: IsoDate,
  policyFor: PolicyLookup = defaultPolicy,
): RuleResults {
  return evaluation(record, academicYear, asAt, policyFor).results;
}

/** One row of a rule's table: a learner, the year asked about, and what the rule says at each date. */
export interface RuleCase {
  /** The rule book's reference and what the row shows. */
  title: string;
  learner: LearnerRecord;
  /** The year asked about; the learner's latest enrolment's year when not given. */
  year?: AcademicYear;
  /** At each date (under the policy given, every year's default otherwise): the fields of the result. */
  at: [IsoDate, Partial<RuleResult>, PolicyLookup?][];
  /** The whole result (the table's rule, and every other field: see `whole`), not only the fields given. */
  exact?: boolean;
}

function latestYear(learner: LearnerRecord): AcademicYear {
  return Math.max(...learner.enrolments.map((enrolment) => enrolment.academicYear));
}

/** Runs a table of cases against one rule: a test per row, named by its title. */
export function ruleTable(rule: RuleId, cases: RuleCase[]): void {
  it.each(cases)('$title', ({ learner, year = latestYear(learner), at, exact }) => {
    for (const [asAt, expected, policy] of at) {
      const result = evaluate(learner, year, asAt, policy)[rule];
      if (exact) expect(result).toEqual({ rule, ...expected });
      else expect(result).toMatchObject(expected);
    }
  });
}

/** The same answer at `asAt` under each of the policies given. */
export function underEach(
  asAt: IsoDate,
  expected: Partial<RuleResult>,
  policies: PolicyLookup[],
): RuleCase['at'] {
  return policies.map((policy) => [asAt, expected, policy]);
}

/** A rule's whole result but its id: the status, the window from `start` to `end`, the evidence, what is still needed. */
export function whole(
  status: RuleStatus,
  [start, end]: [IsoDate, IsoDate],
  evidence: string[],
  stillNeeded: string | null = null,
): Omit<RuleResult, 'rule'> {
  return { status, window: { start, end }, evidence, stillNeeded };
}
