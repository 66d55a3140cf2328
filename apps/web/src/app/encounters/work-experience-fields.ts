import { defaultPolicy, EncounterCategory, EncounterFormat, IsoDate, roundHours } from '@encounters/domain';

/** R-WEX-1: employer formats whose attendances carry hours when the employer set a task (`taskSet`). */
const TASK_FORMATS: readonly EncounterFormat[] = ['enterprise_challenge', 'workshop', 'mentoring'];

/**
 * R-WEX-1: whether the encounter's attendances carry hours: a workplace experience (R-C-2), or an employer
 * activity of one of the task formats with the employer's task ticked.
 */
export function carriesHours(
  categories: readonly EncounterCategory[],
  format: EncounterFormat,
  taskSet: boolean,
): boolean {
  return (
    categories.includes('workplace_experience') ||
    (taskSet && categories.includes('employer_encounter') && TASK_FORMATS.includes(format))
  );
}

/**
 * R-WEX-1: a learner's hours when nobody changed them: the duration for one day; for several days, the days
 * times the hours a day of the year's policy (the default policy's 6 unless the trust changed it).
 */
export function defaultHours(input: {
  durationMinutes: number | null | undefined;
  days: number | null | undefined;
  hoursPerDay?: number;
  academicYear: number;
}): number {
  const hoursPerDay = input.hoursPerDay ?? defaultPolicy(input.academicYear).wex.hoursPerDay;
  const days = Number(input.days ?? 0);
  if (days > 1) return roundHours(days * hoursPerDay);
  return roundHours(Number(input.durationMinutes ?? 0) / 60);
}

/** The year groups of the learners picked, in order: what `offeredTo` starts from (R-PAL-4). */
export function yearGroupsOf(learners: readonly { yearGroup: number }[]): number[] {
  return [...new Set(learners.map((learner) => learner.yearGroup))].sort((a, b) => a - b);
}

/** R-WEX-5: an encounter dated after today is planned until its date. */
export function isPlanned(date: IsoDate | string, today: IsoDate): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date > today;
}

/** A learner's hours as typed: a number from 0 to 24 a day, or null to take the default. */
export function parseHours(text: string, days: number | null | undefined): number | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const hours = Number(trimmed);
  const maximum = 24 * Math.max(1, Number(days ?? 1));
  return Number.isFinite(hours) && hours >= 0 && hours <= maximum ? roundHours(hours) : 'invalid';
}
