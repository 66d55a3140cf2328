import { evaluateLearner } from './evaluate-learner';
import { attendance, collegeTalk, enrolment, evaluate, learner, policyWith } from './testing/learner-builder';

describe(evaluateLearner.name, () => {
  describe('PAL2', () => {
    it('R-PAL-1: window 2 runs from the start of Year 10 to February of Year 11', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11)],
        attendances: [
          collegeTalk('c9', '2024-06-01'),
          collegeTalk('c1', '2024-10-01'),
          collegeTalk('c2', '2026-02-27'),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-31').PAL2).toEqual({
        rule: 'PAL2',
        status: 'met',
        window: { start: '2024-09-01', end: '2026-02-28' },
        evidence: ['c1', 'c2'],
        stillNeeded: null,
      });
    });

    it('R-PAL-1: window 2 ends 29 Feb in a leap year', () => {
      const record = learner({
        enrolments: [enrolment(2027, 11)],
        attendances: [collegeTalk('c1', '2028-02-29')],
      });
      expect(evaluate(record, 2027, '2028-02-29').PAL2).toMatchObject({
        status: 'at_risk',
        window: { start: '2026-09-01', end: '2028-02-29' },
        stillNeeded: '1 more provider access encounter by 29 Feb 2028',
      });
      expect(evaluate(record, 2027, '2028-03-01').PAL2.status).toBe('missed');
    });

    it('R-C-7: an ITP apprenticeship workshop and a UTC taster count; a parents’ evening does not', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [
          attendance('itp', '2025-10-01', 'workshop', ['independent_training_provider']),
          attendance('utc', '2025-11-01', 'taster_session', ['utc_or_studio_school']),
          attendance('eve', '2025-12-01', 'careers_fair', ['further_education'], { duringSchoolDay: false }),
        ],
      });
      expect(evaluate(record, 2025, '2026-01-01').PAL2.evidence).toEqual(['itp', 'utc']);
    });

    it('R-M-3: a withdrawn attendance does not count', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11)],
        attendances: [
          collegeTalk('c1', '2024-10-01'),
          collegeTalk('c2', '2025-10-01', { status: 'withdrawn' }),
        ],
      });
      expect(evaluate(record, 2025, '2025-11-01').PAL2.status).toBe('at_risk');
    });

    it('R-M-2, R-PAL-3: a non-meaningful provider encounter still counts for provider access, under either setting (without palRequiresContent)', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [
          collegeTalk('c1', '2025-10-01', { meaningful: {} }),
          collegeTalk('c2', '2025-11-01', { meaningful: {} }),
        ],
      });
      expect(
        evaluate(
          record,
          2025,
          '2026-01-01',
          policyWith({ requireMeaningful: true, palRequiresContent: false }),
        ).PAL2.status,
      ).toBe('met');
      expect(
        evaluate(
          record,
          2025,
          '2026-01-01',
          policyWith({ requireMeaningful: false, palRequiresContent: false }),
        ).PAL2.status,
      ).toBe('met');
    });

    it('R-G-2: encounters at two academies combine after a move', () => {
      const record = learner({
        enrolments: [
          enrolment(2024, 10, { academyId: 'academy-a' }),
          enrolment(2025, 11, { academyId: 'academy-b' }),
        ],
        attendances: [collegeTalk('c1', '2025-05-01'), collegeTalk('c2', '2025-10-01')],
      });
      expect(evaluate(record, 2025, '2025-11-01').PAL2.status).toBe('met');
    });

    it('R-G-4: a learner joining in March of Year 11 has already missed window 2', () => {
      const record = learner({ enrolments: [enrolment(2025, 11, { admissionDate: '2026-03-02' })] });
      expect(evaluate(record, 2025, '2026-03-02').PAL2.status).toBe('missed');
    });

    it('R-S-3: window 2 applies to Years 10 and 11 only', () => {
      const at = (yearGroup: number) =>
        evaluate(learner({ enrolments: [enrolment(2025, yearGroup)] }), 2025, '2025-11-01').PAL2.status;
      expect([9, 10, 11, 12].map(at)).toEqual(['not_applicable', 'on_track', 'at_risk', 'not_applicable']);
    });

    it('R-PAL-1: the duty is the same under gatsby-2014', () => {
      const record = learner({
        enrolments: [enrolment(2024, 11)],
        attendances: [collegeTalk('c1', '2024-10-01')],
      });
      expect(evaluate(record, 2024, '2025-03-01').PAL2.status).toBe('missed');
    });
  });
});
