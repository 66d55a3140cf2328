import { AcademicYear, IsoDate } from '../../calendar';
import { evaluateLearner } from '../evaluate-learner';
import { GuidanceMeetingRecord, LearnerAttendance, LearnerEnrolment, LearnerRecord } from '../learner-record';
import { Policy, PolicyLookup, defaultPolicy } from '../policy';
import { RuleResults } from '../rule';

// Builders for the learner, the policy and the evaluation in the rules specs; what they attended is built by
// ./encounters.

export function enrolment(
  academicYear: AcademicYear,
  yearGroup: number,
  overrides: Partial<LearnerEnrolment> = {},
): LearnerEnrolment {
  return {
    academicYear,
    yearGroup,
    academyId: 'academy-a',
    groupId: null,
    consideringHigherEducation: false,
    admissionDate: null,
    leavingDate: null,
    pupilPremium: false,
    senStatus: 'N',
    eal: false,
    lookedAfter: false,
    gender: 'F',
    ...overrides,
  };
}

export function learner(parts: Partial<LearnerRecord> & Pick<LearnerRecord, 'enrolments'>): LearnerRecord {
  return { learnerId: 'learner-1', dateOfBirth: null, attendances: [], guidanceMeetings: [], ...parts };
}

/** The plainest learner: one enrolment (at academy-a, no flags) in `yearGroup` of `academicYear`. */
export function learnerIn(
  academicYear: AcademicYear,
  yearGroup: number,
  attendances: LearnerAttendance[] = [],
  guidanceMeetings: GuidanceMeetingRecord[] = [],
): LearnerRecord {
  return onRoll(academicYear, yearGroup, {}, attendances, guidanceMeetings);
}

/** R-G-4: as `learnerIn`, but joined from outside the trust on `admissionDate` or left on `leavingDate`. */
export function onRoll(
  academicYear: AcademicYear,
  yearGroup: number,
  dates: Partial<Pick<LearnerEnrolment, 'admissionDate' | 'leavingDate'>>,
  attendances: LearnerAttendance[] = [],
  guidanceMeetings: GuidanceMeetingRecord[] = [],
): LearnerRecord {
  return learner({ enrolments: [enrolment(academicYear, yearGroup, dates)], attendances, guidanceMeetings });
}

/** Every year's default policy with the same changes applied. */
export function policyWith(overrides: Partial<Policy> = {}): PolicyLookup {
  return (academicYear) => ({ ...defaultPolicy(academicYear), ...overrides });
}

export function evaluate(
  record: LearnerRecord,
  academicYear: AcademicYear,
  asAt: IsoDate,
  policyFor: PolicyLookup = defaultPolicy,
): RuleResults {
  return evaluateLearner({ learner: record, academicYear, asAt, policyFor }).results;
}
