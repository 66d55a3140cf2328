import { coverageEnrolment, enrolmentAt, isOnRollAt } from './learner-record';
import { enrolment } from './testing/learner-builder';

describe(enrolmentAt.name, () => {
  const autumn = enrolment(2025, 9, {
    academyId: 'a',
    admissionDate: '2025-09-01',
    leavingDate: '2025-12-19',
  });
  const spring = enrolment(2025, 9, { academyId: 'b', admissionDate: '2026-01-05' });

  it('R-G-2: picks the enrolment whose span holds the as-at date', () => {
    expect(enrolmentAt([spring, autumn], 2025, '2025-10-01')?.academyId).toBe('a');
    expect(enrolmentAt([spring, autumn], 2025, '2026-02-01')?.academyId).toBe('b');
  });

  it('R-G-2: in the holiday between the two, the one already started', () => {
    expect(enrolmentAt([autumn, spring], 2025, '2025-12-25')?.academyId).toBe('a');
  });

  it('R-G-2: clamps an as-at date outside the year to the year', () => {
    expect(enrolmentAt([autumn, spring], 2025, '2027-01-01')?.academyId).toBe('b');
    expect(enrolmentAt([autumn, spring], 2025, '2025-06-01')?.academyId).toBe('a');
  });

  it('R-G-2: is null without an enrolment that year', () => {
    expect(enrolmentAt([autumn], 2024, '2025-01-01')).toBeNull();
  });
});

describe(isOnRollAt.name, () => {
  it('R-G-4: a learner who left before the as-at date is off roll that year', () => {
    expect(isOnRollAt(enrolment(2025, 11, { leavingDate: '2026-02-13' }), '2026-02-14')).toBe(false);
    expect(isOnRollAt(enrolment(2025, 11, { leavingDate: '2026-02-13' }), '2026-02-13')).toBe(true);
  });

  it('R-G-4: an enrolment from a year completed before leaving stays on roll', () => {
    expect(isOnRollAt(enrolment(2024, 10, { leavingDate: '2026-02-13' }), '2026-07-31')).toBe(true);
  });

  it('R-G-4: next year’s roster imported in July is on roll before September', () => {
    expect(isOnRollAt(enrolment(2026, 7, { admissionDate: '2026-09-01' }), '2026-07-20')).toBe(true);
    expect(isOnRollAt(enrolment(2025, 7, { admissionDate: '2026-01-05' }), '2025-12-01')).toBe(false);
  });
});

describe(coverageEnrolment.name, () => {
  it('R-G-4: no coverage enrolment for a leaver at the as-at date', () => {
    expect(
      coverageEnrolment(
        { enrolments: [enrolment(2025, 11, { leavingDate: '2026-01-01' })] },
        2025,
        '2026-03-01',
      ),
    ).toBeNull();
  });
});
