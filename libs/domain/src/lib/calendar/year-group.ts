import {
  AcademicYear,
  DateWindow,
  academicYearEnd,
  academicYearOf,
  academicYearStart,
} from './academic-year';
import { IsoDate, lastDayOfFebruary, parseIsoDate } from './iso-date';

/** A National Curriculum year group as an MIS gives it for one academic year (an enrolment). */
export interface YearGroupRecord {
  academicYear: AcademicYear;
  yearGroup: number;
}

/** Everything known about a learner's progress through school, from which any year's year group follows. */
export interface YearGroupHistory {
  records: readonly YearGroupRecord[];
  dateOfBirth?: IsoDate | null;
}

export const KEY_STAGES = ['KS1', 'KS2', 'KS3', 'KS4', 'KS5'] as const;
export type KeyStage = (typeof KEY_STAGES)[number];

/** R-AY-3: benchmarks apply "from the age of 11". */
export const FIRST_SECONDARY_YEAR_GROUP = 7;
export const LAST_SECONDARY_YEAR_GROUP = 13;

export const PAL_WINDOW_NUMBERS = [1, 2, 3] as const;
export type PalWindowNumber = (typeof PAL_WINDOW_NUMBERS)[number];

/** R-AY-3: Years 7..13 are in scope; younger learners are tracked but no secondary benchmark applies. */
export function isInSecondaryScope(yearGroup: number): boolean {
  return yearGroup >= FIRST_SECONDARY_YEAR_GROUP && yearGroup <= LAST_SECONDARY_YEAR_GROUP;
}

/** R-AY-3, with KS1/KS2 added so that first and middle schools' learners still get a key stage. */
export function keyStageOf(yearGroup: number): KeyStage | null {
  if (yearGroup >= 1 && yearGroup <= 2) return 'KS1';
  if (yearGroup >= 3 && yearGroup <= 6) return 'KS2';
  if (yearGroup >= 7 && yearGroup <= 9) return 'KS3';
  if (yearGroup >= 10 && yearGroup <= 11) return 'KS4';
  if (yearGroup >= 12 && yearGroup <= 13) return 'KS5';
  return null;
}

/**
 * R-AY-2: age on 31 August before the academic year starts, minus 4. Born 1 Sep 2013 .. 31 Aug 2014
 * gives Year 7 in 2025/26.
 */
export function yearGroupFromDateOfBirth(dateOfBirth: IsoDate, academicYear: AcademicYear): number {
  const { year, month } = parseIsoDate(dateOfBirth);
  const birthdayFallsAfter31August = month >= 9;
  const ageOn31August = academicYear - year - (birthdayFallsAfter31August ? 1 : 0);
  return ageOn31August - 4;
}

/**
 * R-AY-6 then R-AY-2. The MIS record for the year wins; without one, the learner's own history is a better
 * guide than the date of birth (a learner taught out of their chronological year stays out of it), so the
 * year group is offset from the nearest enrolment. On a tie the later enrolment wins, being the fresher
 * record. The date of birth is the last resort.
 */
export function yearGroupIn(academicYear: AcademicYear, history: YearGroupHistory): number | null {
  const nearest = nearestRecord(academicYear, history.records);
  if (nearest) return nearest.yearGroup + (academicYear - nearest.academicYear);
  if (history.dateOfBirth) return yearGroupFromDateOfBirth(history.dateOfBirth, academicYear);
  return null;
}

function nearestRecord(
  academicYear: AcademicYear,
  records: readonly YearGroupRecord[],
): YearGroupRecord | undefined {
  let best: YearGroupRecord | undefined;
  for (const record of records) {
    if (!best) {
      best = record;
      continue;
    }
    const distance = Math.abs(record.academicYear - academicYear);
    const bestDistance = Math.abs(best.academicYear - academicYear);
    if (distance < bestDistance || (distance === bestDistance && record.academicYear > best.academicYear)) {
      best = record;
    }
  }
  return best;
}

/**
 * The academic years in which the learner is (or was, or will be) in `yearGroup`. Usually one year;
 * two or more when the MIS shows a repeated year, none when the MIS shows the year skipped.
 */
export function academicYearsInYearGroup(yearGroup: number, history: YearGroupHistory): AcademicYear[] {
  const anchor = history.records.length
    ? history.records.map((r) => r.academicYear)
    : history.dateOfBirth
      ? [academicYearOf(history.dateOfBirth)]
      : [];
  if (!anchor.length) return [];
  // A learner spends at most 14 years in school, so 20 years either side of what we know is enough.
  const from = Math.min(...anchor) - 20;
  const to = Math.max(...anchor) + 20;
  const years: AcademicYear[] = [];
  for (let year = from; year <= to; year++) {
    if (yearGroupIn(year, history) === yearGroup) years.push(year);
  }
  return years;
}

/**
 * From 1 September of the learner's first year in `firstYearGroup` to 31 August of their last year in
 * `lastYearGroup`. A repeated year lengthens the window rather than cutting it short.
 */
export function yearGroupsWindow(
  firstYearGroup: number,
  lastYearGroup: number,
  history: YearGroupHistory,
): DateWindow | null {
  const firstYears = academicYearsInYearGroup(firstYearGroup, history);
  const lastYears = academicYearsInYearGroup(lastYearGroup, history);
  if (!firstYears.length || !lastYears.length) return null;
  return {
    start: academicYearStart(firstYears[0]),
    end: academicYearEnd(lastYears[lastYears.length - 1]),
  };
}

/** R-AY-4: "by 16" ends on 31 August of the academic year in which the learner is in Year 11. */
export function by16WindowEnd(history: YearGroupHistory): IsoDate | null {
  return yearGroupsWindow(11, 11, history)?.end ?? null;
}

/** R-AY-4: "by 18" ends on 31 August of the academic year in which the learner is in Year 13. */
export function by18WindowEnd(history: YearGroupHistory): IsoDate | null {
  return yearGroupsWindow(13, 13, history)?.end ?? null;
}

/**
 * R-PAL-1 / R-PAL-2: window 1 is all of Y8 plus 1 Sep .. 28/29 Feb of Y9; window 2 the same for Y10/Y11;
 * window 3 for Y12/Y13. The end is the last day of February of the spring term, so 29 Feb in a leap year.
 */
export function palWindow(window: PalWindowNumber, history: YearGroupHistory): DateWindow | null {
  const openingYearGroup = 6 + 2 * window;
  const closingYearGroup = openingYearGroup + 1;
  const openingYears = academicYearsInYearGroup(openingYearGroup, history);
  const closingYears = academicYearsInYearGroup(closingYearGroup, history);
  if (!openingYears.length || !closingYears.length) return null;
  const closingAcademicYear = closingYears[closingYears.length - 1];
  return {
    start: academicYearStart(openingYears[0]),
    end: lastDayOfFebruary(closingAcademicYear + 1),
  };
}
