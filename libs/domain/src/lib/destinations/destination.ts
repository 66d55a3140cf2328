import { AcademicYear, IsoDate } from '../calendar';

/** R-DEST-1: the intended next step after Year 11 or Year 13. */
export const DESTINATION_CATEGORIES = [
  'school_sixth_form',
  'sixth_form_college',
  'further_education',
  'apprenticeship',
  't_level',
  'higher_education',
  'employment_with_training',
  'employment',
  'supported_internship',
  'other',
  'not_known',
] as const;
export type DestinationCategory = (typeof DESTINATION_CATEGORIES)[number];

/** R-DEST-4: what a leaver was doing on 1 October: the same categories, and `neet`. */
export const ACTUAL_DESTINATION_CATEGORIES = [...DESTINATION_CATEGORIES, 'neet'] as const;
export type ActualDestinationCategory = (typeof ACTUAL_DESTINATION_CATEGORIES)[number];

/** R-DEST-1: the pipeline `considering` -> `applied` -> `offered` -> `accepted` -> `enrolled`, or out of it. */
export const DESTINATION_STATUSES = [
  'considering',
  'applied',
  'offered',
  'accepted',
  'enrolled',
  'declined',
  'withdrawn',
] as const;
export type DestinationStatus = (typeof DESTINATION_STATUSES)[number];

/** R-DEST-2: the statuses that confirm a destination. */
export const CONFIRMED_DESTINATION_STATUSES: readonly DestinationStatus[] = ['accepted', 'enrolled'];

/** R-DEST-4: who told us what a leaver was doing. */
export const DESTINATION_SOURCES = ['learner', 'local_authority', 'provider'] as const;
export type DestinationSource = (typeof DESTINATION_SOURCES)[number];

/** R-DEST-1, R-DEST-2: the year groups that have an intended destination. */
export const DESTINATION_YEAR_GROUPS = [11, 13] as const;

/** R-DEST-4: the anniversaries followed up after leaving. */
export const DESTINATION_ANNIVERSARIES = [1, 2, 3] as const;
export type DestinationAnniversary = (typeof DESTINATION_ANNIVERSARIES)[number];

/** R-DEST-4: leavers' personal data is pseudonymised this many years after leaving. */
export const DESTINATION_RETENTION_YEARS = 3;

export interface DestinationStatusChange {
  status: DestinationStatus;
  on: IsoDate;
}

export function isDestinationCategory(value: unknown): value is DestinationCategory {
  return (DESTINATION_CATEGORIES as readonly unknown[]).includes(value);
}

export function isActualDestinationCategory(value: unknown): value is ActualDestinationCategory {
  return (ACTUAL_DESTINATION_CATEGORIES as readonly unknown[]).includes(value);
}

export function isDestinationStatus(value: unknown): value is DestinationStatus {
  return (DESTINATION_STATUSES as readonly unknown[]).includes(value);
}

export function isConfirmedStatus(status: DestinationStatus): boolean {
  return CONFIRMED_DESTINATION_STATUSES.includes(status);
}

/**
 * The status a destination had at the end of a date: the last change on or before it (changes of one day in
 * the order they were made), or null before the first.
 */
export function destinationStatusOn(
  history: readonly DestinationStatusChange[],
  date: IsoDate,
): DestinationStatus | null {
  let found: DestinationStatus | null = null;
  for (const change of history) if (change.on <= date) found = change.status;
  return found;
}

/**
 * R-DEST-2 as settled here (architecture.md, "Destinations"): a destination is judged on the record as it
 * stands. It is confirmed from the day the latest unbroken run of `accepted`/`enrolled` began; a destination
 * whose latest status is anything else is not confirmed at any date (a place withdrawn in June no longer
 * confirms May). So confirmation, like any other evidence, only accumulates as the as-at date moves on, and
 * the fast path can keep one first-met date. `history` is in the order the changes were made.
 */
export function confirmedOn(history: readonly DestinationStatusChange[]): IsoDate | null {
  let since: IsoDate | null = null;
  for (const change of history) {
    if (isConfirmedStatus(change.status)) since ??= change.on;
    else since = null;
  }
  return since;
}

/** R-DEST-2: the day `DEST_16`/`DEST_18` closes in an academic year, from policy `dest.confirmBy` ("MM-DD"). */
export function destinationConfirmBy(academicYear: AcademicYear, confirmBy: string): IsoDate {
  const month = Number(confirmBy.slice(0, 2));
  // September to December fall in the academic year's first calendar year, the rest in its second.
  const year = month >= 9 ? academicYear : academicYear + 1;
  return `${year}-${confirmBy}`;
}

/** R-DEST-4: 1 October of the n-th year after leaving in academic year `leftIn` (left in summer `leftIn + 1`). */
export function anniversaryDate(leftIn: AcademicYear, anniversary: DestinationAnniversary): IsoDate {
  return `${leftIn + anniversary}-10-01`;
}

/** R-DEST-4: the day a leaver's personal data is due to be pseudonymised. */
export function pseudonymiseOn(leftOn: IsoDate): IsoDate {
  const year = Number(leftOn.slice(0, 4)) + DESTINATION_RETENTION_YEARS;
  const rest = leftOn.slice(4);
  // 29 February three years on is 1 March.
  return rest === '-02-29' ? `${year}-03-01` : `${year}${rest}`;
}

/** R-DEST-5: in education, employment or training. `other`, `neet` and `not_known` are not. */
export function isInEducationEmploymentOrTraining(category: ActualDestinationCategory): boolean {
  return category !== 'neet' && category !== 'not_known' && category !== 'other';
}
