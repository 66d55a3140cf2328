import type { GuidanceMeetingMode } from '../contracts/guidance-meeting';
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
