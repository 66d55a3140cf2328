import { carriesHours, defaultHours, isPlanned, parseHours, yearGroupsOf } from './work-experience-fields';

describe('work-experience fields of the encounter form', () => {
  it('carries hours for workplace experiences and for employer tasks of the task formats (R-WEX-1)', () => {
    expect(carriesHours(['workplace_experience'], 'work_experience', false)).toBe(true);
    expect(carriesHours(['employer_encounter'], 'workshop', true)).toBe(true);
    expect(carriesHours(['employer_encounter'], 'workshop', false)).toBe(false);
    expect(carriesHours(['employer_encounter'], 'talk', true)).toBe(false);
  });

  it('defaults hours from the duration, or days x hours a day (R-WEX-1)', () => {
    expect(defaultHours({ durationMinutes: 90, days: null, academicYear: 2025 })).toBe(1.5);
    expect(defaultHours({ durationMinutes: 360, days: 10, academicYear: 2025 })).toBe(60);
    expect(defaultHours({ durationMinutes: 360, days: 5, hoursPerDay: 7, academicYear: 2025 })).toBe(35);
  });

  it('fills the year groups offered to from the learners picked (R-PAL-4)', () => {
    expect(yearGroupsOf([{ yearGroup: 13 }, { yearGroup: 12 }, { yearGroup: 13 }])).toEqual([12, 13]);
  });

  it('marks a future date as planned (R-WEX-5)', () => {
    expect(isPlanned('2026-07-06', '2026-05-01')).toBe(true);
    expect(isPlanned('2026-05-01', '2026-05-01')).toBe(false);
    expect(isPlanned('', '2026-05-01')).toBe(false);
  });

  it('reads typed hours: empty for the default, 0 to 24 a day', () => {
    expect(parseHours('', null)).toBeNull();
    expect(parseHours('3.5', null)).toBe(3.5);
    expect(parseHours('25', null)).toBe('invalid');
    expect(parseHours('48', 2)).toBe(48);
    expect(parseHours('-1', null)).toBe('invalid');
  });
});
