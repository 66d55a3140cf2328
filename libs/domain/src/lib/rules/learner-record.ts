import {
  AcademicYear,
  IsoDate,
  YearGroupHistory,
  academicYearEnd,
  academicYearStart,
  addDays,
} from '../calendar';
import { DestinationStatusChange } from '../destinations';
import {
  AttendanceStatus,
  DeliveryMode,
  EducationOrganisationType,
  EncounterFormat,
  EncounterCategory,
  MeaningfulChecklist,
  Sector,
} from '../taxonomy';

/** One academic year of a learner at one academy, as the MIS gives it. */
export interface LearnerEnrolment {
  academicYear: AcademicYear;
  academyId: string;
  yearGroup: number;
  groupId?: string | null;
  consideringHigherEducation: boolean;
  admissionDate?: IsoDate | null;
  leavingDate?: IsoDate | null;
  pupilPremium: boolean;
  senStatus: 'N' | 'K' | 'E';
  eal: boolean;
  lookedAfter: boolean;
  gender: string;
  /**
   * Post-16 B5 (R-V-1): the routes of the learner's curriculum area. Nothing in
   * the MIS import carries it yet, so it is optional and the curriculum link is only checked when present.
   */
  curriculumSectors?: readonly Sector[];
  /** R-V-1: the academy's evaluation type; absent means `school`. */
  evaluationType?: AcademyEvaluationType;
}

/** R-V-1: how an academy is judged: by school rules, or as a post-16 institution (a sixth-form college). */
export const ACADEMY_EVALUATION_TYPES = ['school', 'post16'] as const;
export type AcademyEvaluationType = (typeof ACADEMY_EVALUATION_TYPES)[number];

/** A learner's place on one encounter, with what the encounter evidences (see `deriveEncounterCategories`). */
export interface LearnerAttendance {
  encounterId: string;
  /** The encounter's (first) date. */
  date: IsoDate;
  status: AttendanceStatus;
  categories: readonly EncounterCategory[];
  educationTypes: readonly EducationOrganisationType[];
  /** The encounter's meaningful checklist. */
  meaningful: MeaningfulChecklist;
  /**
   * R-M-2: false marks this learner's attendance as not meaningful (e.g. they left early). True or absent
   * leaves the encounter's checklist to decide: an override can take meaningfulness away, never grant it.
   */
  meaningfulOverride?: boolean | null;
  /** Sectors of the encounter's employers, for the colleges' curriculum link. */
  sectors?: readonly Sector[];
  /** R-D-1: how the encounter was delivered; absent means in person. */
  delivery?: DeliveryMode;
  /** R-WEX-1, R-WEX-2: which experiences carry hours, and which are placements. */
  format?: EncounterFormat;
  /** R-WEX-1: the encounter's length on one day, for the default hours. */
  durationMinutes?: number | null;
  /** R-WEX-1: the days of an experience over a date range (null or 1 for one day). */
  days?: number | null;
  /** R-WEX-1: the hours a careers lead set for this learner; null or absent takes the default. */
  hours?: number | null;
  /** R-V-1: marked as linked to the learner's curriculum (post-16 B5). */
  curriculumLinked?: boolean;
}

/** R-WEX-7: a learner's own part-time job; never work experience, but may count for B5 under policy. */
export interface PartTimeJobRecord {
  id: string;
  from: IsoDate;
  /** Null while the learner still holds it. */
  to?: IsoDate | null;
}

export interface GuidanceMeetingRecord {
  id: string;
  date: IsoDate;
  adviserLevel: number | null;
}

/** R-DEST-1: an intended destination of Year 11 or Year 13, with its status changes in the order made. */
export interface IntendedDestinationRecord {
  id: string;
  academicYear: AcademicYear;
  history: readonly DestinationStatusChange[];
}

export interface LearnerRecord {
  learnerId: string;
  dateOfBirth?: IsoDate | null;
  enrolments: readonly LearnerEnrolment[];
  attendances: readonly LearnerAttendance[];
  guidanceMeetings: readonly GuidanceMeetingRecord[];
  /** R-WEX-7. */
  partTimeJobs?: readonly PartTimeJobRecord[];
  /** R-DEST-1, R-DEST-2. */
  intendedDestinations?: readonly IntendedDestinationRecord[];
}

export function yearGroupHistoryOf(
  learner: Pick<LearnerRecord, 'enrolments' | 'dateOfBirth'>,
): YearGroupHistory {
  return {
    records: learner.enrolments.map(({ academicYear, yearGroup }) => ({ academicYear, yearGroup })),
    dateOfBirth: learner.dateOfBirth ?? null,
  };
}

/**
 * R-G-2: the enrolment that places the learner at the as-at date. A learner who moved academy during the
 * year has two enrolments; the one whose admission..leaving span holds the date wins, else the latest one
 * started by then, else the first. An as-at date outside the year is clamped to the year.
 */
export function enrolmentAt(
  enrolments: readonly LearnerEnrolment[],
  academicYear: AcademicYear,
  asAt: IsoDate,
): LearnerEnrolment | null {
  const inYear = enrolments
    .filter((enrolment) => enrolment.academicYear === academicYear)
    .sort((a, b) => (a.admissionDate ?? '').localeCompare(b.admissionDate ?? ''));
  if (!inYear.length) return null;
  const start = academicYearStart(academicYear);
  const end = academicYearEnd(academicYear);
  const date = asAt < start ? start : asAt > end ? end : asAt;
  const started = inYear.filter((enrolment) => !enrolment.admissionDate || enrolment.admissionDate <= date);
  const current = started.filter((enrolment) => !enrolment.leavingDate || enrolment.leavingDate >= date);
  return current.at(-1) ?? started.at(-1) ?? inYear[0];
}

/**
 * R-G-4: a learner who left before the as-at date drops out of that year's (and any later year's) coverage,
 * but stays in the coverage of earlier years, whose enrolments they completed. A learner admitted after the
 * as-at date is not yet on roll, unless the as-at date falls before the year has even begun (next year's
 * roster imported early).
 */
export function isOnRollAt(enrolment: LearnerEnrolment, asAt: IsoDate): boolean {
  const { leavingDate, admissionDate, academicYear } = enrolment;
  if (leavingDate && leavingDate < asAt && leavingDate <= academicYearEnd(academicYear)) return false;
  if (admissionDate && admissionDate > asAt && asAt >= academicYearStart(academicYear)) return false;
  return true;
}

/** The enrolment through which a learner counts in group figures for the year at the as-at date, if any. */
export function coverageEnrolment(
  learner: Pick<LearnerRecord, 'enrolments'>,
  academicYear: AcademicYear,
  asAt: IsoDate,
): LearnerEnrolment | null {
  const enrolment = enrolmentAt(learner.enrolments, academicYear, asAt);
  return enrolment && isOnRollAt(enrolment, asAt) ? enrolment : null;
}

/** A stretch of as-at dates, both ends included; null for a side without end. */
export interface DateSpan {
  from: IsoDate | null;
  until: IsoDate | null;
}

/**
 * R-G-2, R-G-4 for every as-at date at once: for each enrolment given, the as-at dates on which
 * {@link coverageEnrolment} counts the learner through it in `academicYear` (none for enrolments of other
 * years). The answer changes only on the year's first and last days and on admission and leaving dates, so
 * the choice is made once at each of those dates, the day after each, and once before them all; each choice
 * holds until the next of those days. The summary table keeps these spans, so that a group figure at any
 * date is a containment test, never a search through the learner's other enrolments.
 */
export function coverageSpans(
  enrolments: readonly LearnerEnrolment[],
  academicYear: AcademicYear,
): DateSpan[][] {
  const spans = enrolments.map((): DateSpan[] => []);
  const inYear = enrolments.filter((enrolment) => enrolment.academicYear === academicYear);
  if (!inYear.length) return spans;
  const marks = new Set<IsoDate>([academicYearStart(academicYear), academicYearEnd(academicYear)]);
  for (const enrolment of inYear) {
    if (enrolment.admissionDate) marks.add(enrolment.admissionDate);
    if (enrolment.leavingDate) marks.add(enrolment.leavingDate);
  }
  const sorted = [...marks].sort();
  const points = [
    ...new Set([addDays(sorted[0], -1), ...sorted.flatMap((mark) => [mark, addDays(mark, 1)])]),
  ].sort();
  const learner = { enrolments: inYear };
  let open: { index: number; from: IsoDate | null } | null = null;
  points.forEach((point, position) => {
    const chosen = coverageEnrolment(learner, academicYear, point);
    const index = chosen ? enrolments.indexOf(chosen) : -1;
    if (open && open.index === index) return;
    if (open && open.index >= 0) spans[open.index].push({ from: open.from, until: addDays(point, -1) });
    open = { index, from: position === 0 ? null : point };
  });
  const last = open as { index: number; from: IsoDate | null } | null;
  if (last && last.index >= 0) spans[last.index].push({ from: last.from, until: null });
  return spans;
}
