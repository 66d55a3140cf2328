import {
  addDays,
  daysBetween,
  formatBritishDate,
  isIsoDate,
  lastDayOfFebruary,
  parseIsoDate,
  todayIsoDate,
} from './iso-date';

describe(isIsoDate.name, () => {
  it.each(['2024-02-29', '2025-08-31', '2025-09-01', '2000-02-29'])(
    'R-AY-1: accepts the real date %s',
    (date) => {
      expect(isIsoDate(date)).toBe(true);
    },
  );

  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-9-1', '01/09/2025', '2025-09-01T00:00:00Z', ''])(
    'R-AY-1: rejects %p',
    (date) => {
      expect(isIsoDate(date)).toBe(false);
    },
  );
});

describe(parseIsoDate.name, () => {
  it('R-AY-1: throws a RangeError naming the bad value', () => {
    expect(() => parseIsoDate('2025-02-30')).toThrow(
      new RangeError('Not a date in the form YYYY-MM-DD: 2025-02-30'),
    );
  });
});

describe(daysBetween.name, () => {
  it('R-S-2: 1 May to 31 August is 122 days', () => {
    expect(daysBetween('2026-05-01', '2026-08-31')).toBe(122);
  });

  it('R-S-2: 29 October to 28 February is 122 days', () => {
    expect(daysBetween('2025-10-29', '2026-02-28')).toBe(122);
  });

  it('R-AY-1: is unaffected by the clocks changing in late March', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });
});

describe(addDays.name, () => {
  it('R-AY-1: steps over 29 February in a leap year', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
});

describe(lastDayOfFebruary.name, () => {
  it('R-PAL-1: is 29 Feb in a leap year and 28 Feb otherwise', () => {
    expect(lastDayOfFebruary(2028)).toBe('2028-02-29');
    expect(lastDayOfFebruary(2027)).toBe('2027-02-28');
    expect(lastDayOfFebruary(2100)).toBe('2100-02-28');
  });
});

describe(formatBritishDate.name, () => {
  it('R-S-1: writes dates the British way', () => {
    expect(formatBritishDate('2027-08-31')).toBe('31 Aug 2027');
    expect(formatBritishDate('2026-02-01')).toBe('1 Feb 2026');
  });
});

describe(todayIsoDate.name, () => {
  it('R-AY-5: takes the date in England, where 23:30 UTC on 31 August is already 1 September', () => {
    expect(todayIsoDate(new Date('2025-08-31T23:30:00Z'))).toBe('2025-09-01');
  });

  it('R-AY-5: matches UTC in winter', () => {
    expect(todayIsoDate(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});
