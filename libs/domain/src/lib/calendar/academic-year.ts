import { IsoDate, formatBritishDate, knownDateFact } from './iso-date';

/** An academic year is named by its first calendar year: 2025 is 2025/26 (R-AY-1). */
export type AcademicYear = number;

export interface DateWindow {
  /** First day, inclusive. */
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
}

const academicYearOfKnown = knownDateFact(({ year, month }) => (month >= 9 ? year : year - 1));

/** R-AY-1: 1 September starts a new academic year; 31 August still belongs to the old one. */
export function academicYearOf(date: IsoDate): AcademicYear {
  return academicYearOfKnown(date);
}

export function academicYearStart(academicYear: AcademicYear): IsoDate {
  return `${academicYear}-09-01`;
}

export function academicYearEnd(academicYear: AcademicYear): IsoDate {
  return `${academicYear + 1}-08-31`;
}

export function academicYearWindow(academicYear: AcademicYear): DateWindow {
  return { start: academicYearStart(academicYear), end: academicYearEnd(academicYear) };
}

/** 2025 => '2025/26'. */
export function academicYearLabel(academicYear: AcademicYear): string {
  return `${academicYear}/${String((academicYear + 1) % 100).padStart(2, '0')}`;
}

export function isWithinWindow(date: IsoDate, window: DateWindow): boolean {
  return date >= window.start && date <= window.end;
}

export function formatWindow(window: DateWindow): string {
  return `${formatBritishDate(window.start)} to ${formatBritishDate(window.end)}`;
}
