import { evaluateLearner } from './evaluate-learner';
import { IsoDate } from '../calendar';
import { RULE_IDS, RuleId, RuleStatus } from './rule';
import { employerTalk } from './testing/encounters';
import { learner, learnerIn } from './testing/learner-builder';
import { evaluate, evaluation } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  it('R-S-1: answers every rule', () => {
    const sut = evaluation(learnerIn(2025, 9), 2025, '2026-01-01');
    expect(Object.keys(sut.results)).toEqual([...RULE_IDS]);
    expect(sut).toMatchObject({
      academicYear: 2025,
      asAt: '2026-01-01',
      ruleSet: 'gatsby-2024',
      yearGroup: 9,
    });
  });

  it('R-AY-6: a year with no enrolment infers the year group from the nearest one', () => {
    const sut = evaluation(learnerIn(2025, 9), 2026, '2026-10-01');
    expect(sut.yearGroup).toBe(10);
    expect(sut.enrolment).toBeNull();
    expect(sut.results.PAL2.status).toBe('on_track');
  });

  it('R-AY-2: without any enrolment the date of birth places the learner', () => {
    const sut = evaluation(learner({ enrolments: [], dateOfBirth: '2014-08-31' }), 2025, '2025-10-01');
    expect(sut.yearGroup).toBe(7);
    expect(sut.results.B5.status).toBe('on_track');
  });

  it('R-S-3: a learner nothing places is not assessed', () => {
    const sut = evaluation(learner({ enrolments: [] }), 2025, '2025-10-01');
    expect(sut.yearGroup).toBeNull();
    expect(Object.values(sut.results).every((result) => result.status === 'not_applicable')).toBe(true);
  });

  it('R-S-1: the same encounter attended twice is one piece of evidence', () => {
    const sut = evaluation(
      learnerIn(2025, 9, [employerTalk('e1', '2025-10-01'), employerTalk('e1', '2025-10-01')]),
      2025,
      '2026-01-01',
    );
    expect(sut.results.B5.evidence).toEqual(['e1']);
  });

  it('R-S-2: a not-applicable rule has no window, evidence or text', () => {
    const sut = evaluation(learnerIn(2025, 6), 2025, '2026-01-01');
    expect(sut.results.B5).toEqual({
      rule: 'B5',
      status: 'not_applicable',
      window: null,
      evidence: [],
      stillNeeded: null,
    });
  });

  describe('the year groups each rule applies to', () => {
    it.each<{ title: string; rule: RuleId; asAt: IsoDate; statuses: Record<number, RuleStatus> }>([
      {
        title: 'R-S-3: B5 applies to Years 7..13 only',
        rule: 'B5',
        asAt: '2026-03-01',
        statuses: { 6: 'not_applicable', 7: 'on_track', 13: 'on_track', 14: 'not_applicable' },
      },
      {
        title: 'R-S-3: B6 by 16 applies to Years 7..11',
        rule: 'B6_16',
        asAt: '2025-10-01',
        statuses: { 6: 'not_applicable', 7: 'on_track', 11: 'on_track', 12: 'not_applicable' },
      },
      {
        title: 'R-S-3: Objective 2 applies to Years 7..13',
        rule: 'O2',
        asAt: '2025-10-01',
        statuses: { 5: 'not_applicable', 6: 'not_applicable', 7: 'on_track', 13: 'on_track' },
      },
      {
        title: 'R-S-3: window 1 applies to Years 8 and 9 only',
        rule: 'PAL1',
        asAt: '2025-10-01',
        statuses: { 7: 'not_applicable', 8: 'on_track', 9: 'on_track', 10: 'not_applicable' },
      },
      {
        title: 'R-S-3: window 2 applies to Years 10 and 11 only',
        rule: 'PAL2',
        asAt: '2025-11-01',
        statuses: { 9: 'not_applicable', 10: 'on_track', 11: 'at_risk', 12: 'not_applicable' },
      },
      {
        title: 'R-S-3: window 3 applies to Years 12 and 13 only',
        rule: 'PAL3',
        asAt: '2025-11-01',
        statuses: { 11: 'not_applicable', 12: 'on_track', 13: 'at_risk', 14: 'not_applicable' },
      },
    ])('$title', ({ rule, asAt, statuses }) => {
      const statusIn = (yearGroup: number) => evaluate(learnerIn(2025, yearGroup), 2025, asAt)[rule].status;
      const yearGroups = Object.keys(statuses).map(Number);
      expect(Object.fromEntries(yearGroups.map((yearGroup) => [yearGroup, statusIn(yearGroup)]))).toEqual(
        statuses,
      );
    });
  });
});
