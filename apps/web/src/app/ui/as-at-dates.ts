import { AcademicYear, academicYearOf, IsoDate, todayIsoDate } from '@encounters/domain';

export interface AsAtQuickPick {
  readonly label: string;
  readonly date: IsoDate;
  /** What the date stands for, in words. */
  readonly meaning: string;
}

/** R-AY-5: the Careers & Enterprise Company measures on 31 Dec, 31 Mar and 31 Jul. */
export function asAtQuickPicks(academicYear: AcademicYear): AsAtQuickPick[] {
  return [
    { label: `31 Dec ${academicYear}`, date: `${academicYear}-12-31`, meaning: 'the end of the autumn term' },
    {
      label: `31 Mar ${academicYear + 1}`,
      date: `${academicYear + 1}-03-31`,
      meaning: 'the end of the spring term',
    },
    {
      label: `31 Jul ${academicYear + 1}`,
      date: `${academicYear + 1}-07-31`,
      meaning: 'the end of the academic year',
    },
  ];
}

/** One sentence saying what the measuring dates are, shown beside their buttons. */
export const MEASURING_DATES_EXPLAINED =
  'Measuring dates: the Careers & Enterprise Company counts at the end of the autumn term (31 Dec), the ' +
  'spring term (31 Mar) and the academic year (31 Jul). Encounters after the date chosen are not counted.';

/** Today while the year runs; for a year that has ended, its last measuring date (31 Jul). */
export function defaultAsAt(academicYear: AcademicYear, today: IsoDate = todayIsoDate()): IsoDate {
  return academicYearOf(today) === academicYear ? today : `${academicYear + 1}-07-31`;
}

/** This academic year and the ones before it, newest first. */
export function recentAcademicYears(count = 5, today: IsoDate = todayIsoDate()): AcademicYear[] {
  const current = academicYearOf(today);
  return Array.from({ length: count }, (_, index) => current - index);
}
