import type { GuidanceMeetingMode } from '../contracts/guidance-meeting';
import type { CoverageBreakdown } from '../rules/coverage';
import type { AttendanceStatus } from '../taxonomy/encounter-format';

export const GUIDANCE_MODE_LABELS: Readonly<Record<GuidanceMeetingMode, string>> = {
  in_person: 'In person',
  virtual: 'Virtual',
  telephone: 'Telephone',
};

export const ATTENDANCE_STATUS_LABELS: Readonly<Record<AttendanceStatus, string>> = {
  attended: 'Attended',
  absent: 'Absent',
  withdrawn: 'Withdrawn',
};

export const SEN_LABELS: Readonly<Record<'N' | 'K' | 'E', string>> = {
  N: 'None',
  K: 'SEN support (K)',
  E: 'EHC plan (E)',
};

/** How each breakdown of the coverage figures (the cohorts compared on the dashboard) is named on screen. */
export const BREAKDOWN_LABELS: Readonly<Record<CoverageBreakdown, string>> = {
  pupilPremium: 'Pupil premium',
  freeSchoolMeals: 'Free school meals',
  sen: 'SEN',
  eal: 'EAL',
  gender: 'Gender',
  lookedAfter: 'Looked after',
};
