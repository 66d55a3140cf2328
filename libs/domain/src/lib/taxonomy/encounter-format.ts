export const ENCOUNTER_FORMATS = [
  'talk',
  'workshop',
  'careers_fair',
  'mentoring',
  'mock_interview',
  'enterprise_challenge',
  'workplace_visit',
  'job_shadowing',
  'work_experience',
  'provider_visit',
  'provider_talk',
  'taster_session',
  'guidance_meeting',
  'group_guidance',
  'other',
] as const;
export type EncounterFormat = (typeof ENCOUNTER_FORMATS)[number];

/** R-C-1 / R-C-2: these formats put the learner in the workplace, so they evidence B6 rather than B5. */
export const WORKPLACE_FORMATS = [
  'workplace_visit',
  'job_shadowing',
  'work_experience',
] as const satisfies readonly EncounterFormat[];

/**
 * R-WEX-1: employer activities that may record a task set by the employer (`taskSet`), which gives their
 * attendances work-experience hours.
 */
export const EMPLOYER_TASK_FORMATS = [
  'enterprise_challenge',
  'workshop',
  'mentoring',
] as const satisfies readonly EncounterFormat[];

/** R-C-4: formats that take the learner onto a higher-education campus or into its teaching. */
export const HE_VISIT_FORMATS = [
  'provider_visit',
  'taster_session',
] as const satisfies readonly EncounterFormat[];

/** All count: virtual encounters have been allowed since 2024. */
export const DELIVERY_MODES = ['in_person', 'virtual', 'mixed'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const ATTENDANCE_STATUSES = ['attended', 'absent', 'withdrawn'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** R-C-5: the CDI register's qualification level an adviser must hold for a meeting to count. */
export const MIN_SPECIALIST_ADVISER_LEVEL = 6;

export function isEncounterFormat(value: unknown): value is EncounterFormat {
  return (ENCOUNTER_FORMATS as readonly unknown[]).includes(value);
}

export function isWorkplaceFormat(format: EncounterFormat): boolean {
  return (WORKPLACE_FORMATS as readonly EncounterFormat[]).includes(format);
}

export function isDeliveryMode(value: unknown): value is DeliveryMode {
  return (DELIVERY_MODES as readonly unknown[]).includes(value);
}

export function isAttendanceStatus(value: unknown): value is AttendanceStatus {
  return (ATTENDANCE_STATUSES as readonly unknown[]).includes(value);
}

export function isSpecialistAdviserLevel(level: number | null | undefined): boolean {
  return typeof level === 'number' && level >= MIN_SPECIALIST_ADVISER_LEVEL;
}
