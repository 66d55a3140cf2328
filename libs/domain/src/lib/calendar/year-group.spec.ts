import {
  YearGroupHistory,
  academicYearsInYearGroup,
  by16WindowEnd,
  by18WindowEnd,
  isInSecondaryScope,
  keyStageOf,
  palWindow,
  yearGroupFromDateOfBirth,
  yearGroupIn,
  yearGroupsWindow,
} from './year-group';

/** A history of enrolment records, each `[academicYear, yearGroup]`. */
const enrolled = (...records: [number, number][]): YearGroupHistory => ({
  records: records.map(([academicYear, yearGroup]) => ({ academicYear, yearGroup })),
});

describe(yearGroupFromDateOfBirth.name, () => {
  it.each([
    ['2013-09-01', 7],
    ['2014-08-31', 7],
    ['2013-08-31', 8],
    ['2014-09-01', 6],
    ['2012-02-29', 9],
  ])('R-AY-2: born %s => Year %i in 2025/26', (dateOfBirth, yearGroup) => {
    expect(yearGroupFromDateOfBirth(dateOfBirth, 2025)).toBe(yearGroup);
  });
});

describe(yearGroupIn.name, () => {
  const history: YearGroupHistory = { records: [{ academicYear: 2025, yearGroup: 9 }] };

  it('R-AY-2: the enrolment record for the year wins over the date of birth', () => {
    expect(yearGroupIn(2025, { ...history, dateOfBirth: '2013-09-01' })).toBe(9);
  });

  it('R-AY-6: Year 9 in 2025/26 => Year 8 in 2024/25 and Year 11 in 2027/28', () => {
    expect(yearGroupIn(2024, history)).toBe(8);
    expect(yearGroupIn(2027, history)).toBe(11);
  });

  it('R-AY-6: infers from the nearest enrolment, so a repeated year carries forward', () => {
    const repeated = enrolled([2023, 10], [2024, 10]);
    expect(yearGroupIn(2022, repeated)).toBe(9);
    expect(yearGroupIn(2025, repeated)).toBe(11);
  });

  it('R-AY-6: on a tie the later enrolment wins', () => {
    const gap = enrolled([2023, 7], [2025, 8]);
    expect(yearGroupIn(2024, gap)).toBe(7);
  });

  it('R-AY-2: falls back to the date of birth without any enrolment', () => {
    expect(yearGroupIn(2025, { records: [], dateOfBirth: '2014-08-31' })).toBe(7);
  });

  it('R-AY-2: is null when nothing is known', () => {
    expect(yearGroupIn(2025, { records: [] })).toBeNull();
  });
});

describe(keyStageOf.name, () => {
  it.each([
    [7, 'KS3'],
    [9, 'KS3'],
    [10, 'KS4'],
    [11, 'KS4'],
    [12, 'KS5'],
    [13, 'KS5'],
    [6, 'KS2'],
    [1, 'KS1'],
    [0, null],
    [14, null],
  ])('R-AY-3: Year %i is in %p', (yearGroup, keyStage) => {
    expect(keyStageOf(yearGroup)).toBe(keyStage);
  });
});

describe(isInSecondaryScope.name, () => {
  it('R-AY-3: Years 7..13 are in scope, Year 6 and Year 14 are not', () => {
    expect([6, 7, 13, 14].map(isInSecondaryScope)).toEqual([false, true, true, false]);
  });
});

describe(academicYearsInYearGroup.name, () => {
  it('R-AY-6: lists both years of a repeated year group', () => {
    const history = enrolled([2023, 10], [2024, 10]);
    expect(academicYearsInYearGroup(10, history)).toEqual([2023, 2024]);
    expect(academicYearsInYearGroup(11, history)).toEqual([2025]);
  });

  it('R-AY-2: works from the date of birth alone', () => {
    expect(academicYearsInYearGroup(7, { records: [], dateOfBirth: '2014-08-31' })).toEqual([2025]);
  });
});

describe(yearGroupsWindow.name, () => {
  it('R-S-3: the Y12..13 window spans two whole academic years', () => {
    const history: YearGroupHistory = { records: [{ academicYear: 2025, yearGroup: 12 }] };
    expect(yearGroupsWindow(12, 13, history)).toEqual({ start: '2025-09-01', end: '2027-08-31' });
  });

  it('R-AY-6: is null when the learner never reaches the year group on record', () => {
    const skipped = enrolled([2024, 8], [2025, 10]);
    expect(yearGroupsWindow(9, 9, skipped)).toBeNull();
  });
});

describe(by16WindowEnd.name, () => {
  it('R-AY-4: a Year 9 learner in 2025/26 must be covered by 31 Aug 2028', () => {
    expect(by16WindowEnd({ records: [{ academicYear: 2025, yearGroup: 9 }] })).toBe('2028-08-31');
  });

  it('R-AY-4: a repeated Year 11 moves the end to the later year', () => {
    const history = enrolled([2024, 11], [2025, 11]);
    expect(by16WindowEnd(history)).toBe('2026-08-31');
  });
});

describe(by18WindowEnd.name, () => {
  it('R-AY-4: a Year 12 learner in 2025/26 must be covered by 31 Aug 2027', () => {
    expect(by18WindowEnd({ records: [{ academicYear: 2025, yearGroup: 12 }] })).toBe('2027-08-31');
  });
});

describe(palWindow.name, () => {
  it.each([
    // R-PAL-1: window 1 runs from the start of Y8 to 28 Feb of Y9, or 29 Feb in a leap year.
    [1, 2025, 8, '2025-09-01', '2027-02-28'],
    [1, 2026, 8, '2026-09-01', '2028-02-29'],
    // R-PAL-1: window 2 runs from the start of Y10 to February of Y11.
    [2, 2025, 11, '2024-09-01', '2026-02-28'],
    // R-PAL-2: window 3 runs from the start of Y12 to February of Y13.
    [3, 2026, 12, '2026-09-01', '2028-02-29'],
  ] as const)(
    'R-PAL-1, R-PAL-2: window %i, for a learner whose year group in %i was %i, runs from %s to %s',
    (window, academicYear, yearGroup, start, end) => {
      const history: YearGroupHistory = { records: [{ academicYear, yearGroup }] };
      expect(palWindow(window, history)).toEqual({ start, end });
    },
  );

  it('R-AY-6: uses the inferred Y8 for a learner first enrolled in Y9', () => {
    const history: YearGroupHistory = { records: [{ academicYear: 2025, yearGroup: 9 }] };
    expect(palWindow(1, history)?.start).toBe('2024-09-01');
  });
});
