import { academicYearEnd, academicYearStart, addDays } from '../calendar';
import {
  coverageEnrolment,
  coverageSpans,
  enrolmentAt,
  isOnRollAt,
  type LearnerEnrolment,
} from './learner-record';
import { enrolment } from './testing/learner-builder';
import { seededRandom } from '../random';

/** A Year 9 learner who moves from academy a to academy b over Christmas (R-G-2). */
const autumn = enrolment(2025, 9, { academyId: 'a', admissionDate: '2025-09-01', leavingDate: '2025-12-19' });
const spring = enrolment(2025, 9, { academyId: 'b', admissionDate: '2026-01-05' });

describe(enrolmentAt.name, () => {
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

  it('R-G-5: of two overlapping enrolments, the one that started later places the learner', () => {
    const first = enrolment(2025, 9, { academyId: 'a', admissionDate: '2025-09-01' });
    const later = enrolment(2025, 9, { academyId: 'b', admissionDate: '2025-11-03' });
    expect(enrolmentAt([first, later], 2025, '2026-01-10')?.academyId).toBe('b');
    expect(enrolmentAt([later, first], 2025, '2026-01-10')?.academyId).toBe('b');
    // Before the later one started, the first still places the learner.
    expect(enrolmentAt([first, later], 2025, '2025-10-01')?.academyId).toBe('a');
  });

  it('R-G-5: with neither admission date known, the later import (given last) places the learner', () => {
    const imported = enrolment(2025, 9, { academyId: 'a' });
    const importedLater = enrolment(2025, 9, { academyId: 'b' });
    expect(enrolmentAt([imported, importedLater], 2025, '2026-01-10')?.academyId).toBe('b');
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

describe(coverageSpans.name, () => {
  it('R-G-2, R-G-4: a move in the year splits the as-at dates between the two academies, the gap in neither', () => {
    expect(coverageSpans([autumn, spring], 2025)).toEqual([
      [{ from: null, until: '2025-12-19' }],
      [{ from: '2026-01-05', until: null }],
    ]);
  });

  it('R-G-4: a leaver counts until their leaving date; a late joiner from their admission', () => {
    const leaver = enrolment(2025, 11, { leavingDate: '2026-02-13' });
    expect(coverageSpans([leaver], 2025)).toEqual([[{ from: null, until: '2026-02-13' }]]);
    const joiner = enrolment(2025, 8, { admissionDate: '2025-11-03' });
    expect(coverageSpans([joiner], 2025)).toEqual([
      [
        { from: null, until: '2025-08-31' },
        { from: '2025-11-03', until: null },
      ],
    ]);
  });

  it('gives nothing to enrolments of other years', () => {
    expect(coverageSpans([enrolment(2024, 8), autumn], 2025)).toEqual([
      [],
      [{ from: null, until: '2025-12-19' }],
    ]);
  });

  /** Every date from a month before the year to a month after, against `coverageEnrolment` itself. */
  function expectSpansMatch(enrolments: LearnerEnrolment[], academicYear: number): void {
    const spans = coverageSpans(enrolments, academicYear);
    for (
      let date = addDays(academicYearStart(academicYear), -40);
      date <= addDays(academicYearEnd(academicYear), 40);
      date = addDays(date, 1)
    ) {
      const chosen = coverageEnrolment({ enrolments }, academicYear, date);
      const holding = spans
        .map((list, index) =>
          list.some((span) => (!span.from || span.from <= date) && (!span.until || date <= span.until))
            ? index
            : -1,
        )
        .filter((index) => index >= 0);
      expect({ date, holding }).toEqual({ date, holding: chosen ? [enrolments.indexOf(chosen)] : [] });
    }
  }

  it('agrees with coverageEnrolment on every date, for random moves, leavers and joiners', () => {
    const next = seededRandom(20251);
    const maybeDate = (year: number) =>
      next() < 0.5 ? null : addDays(academicYearStart(year), Math.floor(next() * 420) - 30);
    for (let trial = 0; trial < 100; trial += 1) {
      const count = 1 + Math.floor(next() * 3);
      const enrolments = Array.from({ length: count }, (_, index) => {
        const admissionDate = maybeDate(2025);
        let leavingDate = maybeDate(2025);
        if (admissionDate && leavingDate && leavingDate < admissionDate) leavingDate = null;
        return enrolment(2025, 9, { academyId: `academy-${index}`, admissionDate, leavingDate });
      });
      expectSpansMatch(enrolments, 2025);
    }
  });
});
