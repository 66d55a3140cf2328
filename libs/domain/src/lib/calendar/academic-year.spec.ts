import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
  academicYearWindow,
  isWithinWindow,
} from './academic-year';

describe(academicYearOf.name, () => {
  it.each([
    ['2025-09-01', 2025],
    ['2026-08-31', 2025],
    ['2025-08-31', 2024],
    ['2026-01-01', 2025],
    ['2024-02-29', 2023],
  ])('R-AY-1: %s is in academic year %i', (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it('R-AY-1: refuses a malformed date rather than guessing', () => {
    expect(() => academicYearOf('31/08/2025')).toThrow(RangeError);
  });
});

describe(academicYearStart.name, () => {
  it('R-AY-1: 2025/26 starts on 1 Sep 2025', () => {
    expect(academicYearStart(2025)).toBe('2025-09-01');
  });
});

describe(academicYearEnd.name, () => {
  it('R-AY-1: 2025/26 ends on 31 Aug 2026', () => {
    expect(academicYearEnd(2025)).toBe('2026-08-31');
  });
});

describe(academicYearLabel.name, () => {
  it('R-AY-1: names the year by both calendar years', () => {
    expect(academicYearLabel(2025)).toBe('2025/26');
    expect(academicYearLabel(2099)).toBe('2099/00');
  });
});

describe(isWithinWindow.name, () => {
  const sut = academicYearWindow(2025);

  it('R-AY-1: includes both the first and the last day', () => {
    expect(isWithinWindow('2025-09-01', sut)).toBe(true);
    expect(isWithinWindow('2026-08-31', sut)).toBe(true);
  });

  it('R-AY-1: excludes the day before and the day after', () => {
    expect(isWithinWindow('2025-08-31', sut)).toBe(false);
    expect(isWithinWindow('2026-09-01', sut)).toBe(false);
  });
});
