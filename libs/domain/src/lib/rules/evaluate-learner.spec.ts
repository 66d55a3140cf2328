import { evaluateLearner } from './evaluate-learner';
import { RULE_IDS } from './rule';
import { employerTalk, enrolment, learner, policyWith } from './testing/learner-builder';

describe(evaluateLearner.name, () => {
  it('R-S-1: answers every rule', () => {
    const sut = evaluateLearner({
      learner: learner({ enrolments: [enrolment(2025, 9)] }),
      academicYear: 2025,
      asAt: '2026-01-01',
      policyFor: policyWith(),
    });
    expect(Object.keys(sut.results)).toEqual([...RULE_IDS]);
    expect(sut).toMatchObject({
      academicYear: 2025,
      asAt: '2026-01-01',
      ruleSet: 'gatsby-2024',
      yearGroup: 9,
    });
  });

  it('R-AY-6: a year with no enrolment infers the year group from the nearest one', () => {
    const sut = evaluateLearner({
      learner: learner({ enrolments: [enrolment(2025, 9)] }),
      academicYear: 2026,
      asAt: '2026-10-01',
      policyFor: policyWith(),
    });
    expect(sut.yearGroup).toBe(10);
    expect(sut.enrolment).toBeNull();
    expect(sut.results.PAL2.status).toBe('on_track');
  });

  it('R-AY-2: without any enrolment the date of birth places the learner', () => {
    const sut = evaluateLearner({
      learner: learner({ enrolments: [], dateOfBirth: '2014-08-31' }),
      academicYear: 2025,
      asAt: '2025-10-01',
      policyFor: policyWith(),
    });
    expect(sut.yearGroup).toBe(7);
    expect(sut.results.B5.status).toBe('on_track');
  });

  it('R-S-3: a learner nothing places is not assessed', () => {
    const sut = evaluateLearner({
      learner: learner({ enrolments: [] }),
      academicYear: 2025,
      asAt: '2025-10-01',
      policyFor: policyWith(),
    });
    expect(sut.yearGroup).toBeNull();
    expect(Object.values(sut.results).every((result) => result.status === 'not_applicable')).toBe(true);
  });

  it('R-S-1: the same encounter attended twice is one piece of evidence', () => {
    const sut = evaluateLearner({
      learner: learner({
        enrolments: [enrolment(2025, 9)],
        attendances: [employerTalk('e1', '2025-10-01'), employerTalk('e1', '2025-10-01')],
      }),
      academicYear: 2025,
      asAt: '2026-01-01',
      policyFor: policyWith(),
    });
    expect(sut.results.B5.evidence).toEqual(['e1']);
  });

  it('R-S-2: a not-applicable rule has no window, evidence or text', () => {
    const sut = evaluateLearner({
      learner: learner({ enrolments: [enrolment(2025, 6)] }),
      academicYear: 2025,
      asAt: '2026-01-01',
      policyFor: policyWith(),
    });
    expect(sut.results.B5).toEqual({
      rule: 'B5',
      status: 'not_applicable',
      window: null,
      evidence: [],
      stillNeeded: null,
    });
  });
});
