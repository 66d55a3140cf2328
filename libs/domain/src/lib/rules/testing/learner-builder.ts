import { AcademicYear } from '../../calendar';
import { GuidanceMeetingRecord, LearnerAttendance, LearnerEnrolment, LearnerRecord } from '../learner-record';

// Builders for the learner in the rules specs: their enrolments; what they attended is built by ./encounters,
// and ./rule-table asks the rules about them.

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

/** R-G-2: enrolments in `yearGroup` of `academicYear` at academy-a to 19 December, then at academy-b from 5 January. */
export function movedMidYear(academicYear: AcademicYear, yearGroup: number): LearnerEnrolment[] {
  return [
    enrolment(academicYear, yearGroup, { academyId: 'academy-a', leavingDate: `${academicYear}-12-19` }),
    enrolment(academicYear, yearGroup, {
      academyId: 'academy-b',
      admissionDate: `${academicYear + 1}-01-05`,
    }),
  ];
}

/** R-G-2: the year before at academy-a, then `yearGroup` of `academicYear` at academy-b. */
export function movedOverSummer(academicYear: AcademicYear, yearGroup: number): LearnerEnrolment[] {
  return [
    enrolment(academicYear - 1, yearGroup - 1, { academyId: 'academy-a' }),
    enrolment(academicYear, yearGroup, { academyId: 'academy-b' }),
  ];
}
