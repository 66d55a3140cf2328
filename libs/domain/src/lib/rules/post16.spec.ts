import { evaluateLearner } from './evaluate-learner';
import { LearnerEnrolment } from './learner-record';
import { collegeTalk, employerTalk, meeting, NOTHING_TICKED, workplaceVisit } from './testing/encounters';
import { enrolment, learner, learnerIn } from './testing/learner-builder';
import { evaluate, policyWith } from './testing/rule-table';

const college = (academicYear: number, yearGroup: number, overrides: Partial<LearnerEnrolment> = {}) =>
  enrolment(academicYear, yearGroup, { academyId: 'college', evaluationType: 'post16', ...overrides });

describe(evaluateLearner.name, () => {
  describe('post-16 academies (2025 revision)', () => {
    it('R-V-1: B5 at a post-16 academy needs 2 employer encounters a year, 1 linked to the curriculum', () => {
      const one = learner({
        enrolments: [college(2025, 12)],
        attendances: [employerTalk('e1', '2025-10-01', { curriculumLinked: true })],
      });
      expect(evaluate(one, 2025, '2026-03-01').B5).toMatchObject({
        status: 'on_track',
        stillNeeded: '1 more employer encounter by 31 Aug 2026',
      });
      const twoUnlinked = learner({
        enrolments: [college(2025, 12)],
        attendances: [employerTalk('e1', '2025-10-01'), employerTalk('e2', '2025-11-01')],
      });
      expect(evaluate(twoUnlinked, 2025, '2026-03-01').B5).toMatchObject({
        status: 'on_track',
        stillNeeded: '1 employer encounter linked to the curriculum by 31 Aug 2026',
      });
      const met = learner({
        enrolments: [college(2025, 12)],
        attendances: [
          employerTalk('e1', '2025-10-01'),
          employerTalk('e2', '2025-11-01', { curriculumLinked: true }),
        ],
      });
      expect(evaluate(met, 2025, '2026-03-01').B5.status).toBe('met');
    });

    it('R-V-1: a school academy keeps one employer encounter a year', () => {
      const record = learnerIn(2025, 12, [employerTalk('e1', '2025-10-01')]);
      expect(evaluate(record, 2025, '2026-03-01').B5.status).toBe('met');
    });

    it('R-V-1, R-V-3: B6, B7 and B8 run to the end of the programme and are reported as the "by 18" rules', () => {
      const record = learner({
        enrolments: [college(2025, 12), college(2026, 13)],
        attendances: [workplaceVisit('w1', '2027-05-01'), collegeTalk('c1', '2026-02-01')],
        guidanceMeetings: [meeting('m1', '2027-01-10')],
      });
      const results = evaluate(record, 2025, '2026-03-01');
      expect(results.B6_18).toMatchObject({
        status: 'on_track',
        window: { start: '2025-09-01', end: '2027-08-31' },
      });
      expect(results.B7_18).toMatchObject({ status: 'met', evidence: ['c1'] });
      expect(results.B8_18.status).toBe('on_track');
      const later = evaluate(record, 2026, '2027-06-01');
      expect([later.B6_18.status, later.B7_18.status, later.B8_18.status]).toEqual(['met', 'met', 'met']);
    });

    it('R-V-1: the programme B6 needs a meaningful workplace experience', () => {
      const record = learner({
        enrolments: [college(2025, 12)],
        attendances: [workplaceVisit('w1', '2026-05-01', { meaningful: NOTHING_TICKED })],
      });
      expect(evaluate(record, 2025, '2026-06-01').B6_18.status).toBe('at_risk');
    });

    it('R-V-3: B6_16, B7_16, B8_16 and PAL do not apply at a post-16 academy', () => {
      const results = evaluate(learner({ enrolments: [college(2025, 12)] }), 2025, '2026-03-01');
      for (const rule of ['B6_16', 'B7_16', 'B8_16', 'PAL1', 'PAL2', 'PAL3'] as const) {
        expect(results[rule].status).toBe('not_applicable');
      }
      // Not only for Year 12: a Year 11 learner enrolled at a post-16 academy is judged by the programme too.
      const year11 = evaluate(learner({ enrolments: [college(2025, 11)] }), 2025, '2026-03-01');
      expect([year11.B6_16.status, year11.PAL2.status]).toEqual(['not_applicable', 'not_applicable']);
    });

    it('R-V-2: a learner with an EHC plan stays in scope of B5, B8 and O2 in Year 14 at a post-16 academy', () => {
      const results = evaluate(
        learner({ enrolments: [college(2025, 14, { senStatus: 'E' })] }),
        2025,
        '2026-03-01',
      );
      expect([results.B5.status, results.B8_18.status, results.O2.status]).toEqual([
        'on_track',
        'on_track',
        'on_track',
      ]);
      expect(results.B6_18.status).toBe('not_applicable');
    });

    it('R-V-2: elsewhere, and without an EHC plan, Year 14 stays out of scope', () => {
      const atSchool = evaluate(
        learner({ enrolments: [enrolment(2025, 14, { senStatus: 'E' })] }),
        2025,
        '2026-03-01',
      );
      const noPlan = evaluate(
        learner({ enrolments: [college(2025, 14, { senStatus: 'K' })] }),
        2025,
        '2026-03-01',
      );
      expect([atSchool.B5.status, atSchool.O2.status, noPlan.B5.status, noPlan.B8_18.status]).toEqual([
        'not_applicable',
        'not_applicable',
        'not_applicable',
        'not_applicable',
      ]);
    });
  });

  describe('part-time jobs (2025 revision)', () => {
    const withJob = learner({
      enrolments: [enrolment(2025, 11)],
      partTimeJobs: [{ id: 'job1', from: '2025-06-01', to: null }],
      attendances: [workplaceVisit('w1', '2025-10-01', { meaningful: NOTHING_TICKED })],
    });

    it('R-WEX-7: a part-time job never counts for B6 or work experience', () => {
      const results = evaluate(withJob, 2025, '2026-03-01', policyWith({ requireMeaningful: false }));
      expect(results.B6_16.evidence).toEqual(['w1']);
      expect(results.WEX_KS4.evidence).toEqual([]);
    });

    it("R-WEX-7: with b5CountsPartTimeJob under gatsby-2024, a job held during the year is that year's B5", () => {
      expect(evaluate(withJob, 2025, '2026-03-01').B5.status).toBe('on_track');
      const counting = policyWith({ b5CountsPartTimeJob: true });
      expect(evaluate(withJob, 2025, '2026-03-01', counting).B5).toMatchObject({
        status: 'met',
        evidence: ['job1'],
      });
      const old = policyWith({ b5CountsPartTimeJob: true, ruleSet: 'gatsby-2014' });
      expect(evaluate(withJob, 2025, '2026-03-01', old).B5.status).toBe('on_track');
    });
  });
});
