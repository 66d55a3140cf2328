import { LearnerEnrolment } from './learner-record';
import { evaluateLearner } from './evaluate-learner';
import { CORE_ITEMS_ONLY, employerTalk, NOTHING_TICKED, workplaceVisit } from './testing/encounters';
import { enrolment, learner, learnerIn, movedMidYear, onRoll } from './testing/learner-builder';
import { evaluate, evaluation, policyWith, ruleTable } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('B5', () => {
    const year10 = [enrolment(2025, 10)];

    it('R-B5-1: one meaningful employer encounter in the year meets B5', () => {
      const sut = evaluate(
        learner({ enrolments: year10, attendances: [employerTalk('e1', '2025-10-14')] }),
        2025,
        '2026-07-31',
      );
      expect(sut.B5).toEqual({
        rule: 'B5',
        status: 'met',
        window: { start: '2025-09-01', end: '2026-08-31' },
        evidence: ['e1'],
        stillNeeded: null,
      });
    });

    it('R-C-1: a workplace visit is not an employer encounter for B5', () => {
      const sut = evaluate(
        learner({ enrolments: year10, attendances: [workplaceVisit('w1', '2025-10-14')] }),
        2025,
        '2026-03-31',
      );
      expect(sut.B5.status).toBe('on_track');
    });

    it('R-S-2: not yet met on 30 Apr is on track, with what is still needed', () => {
      const sut = evaluate(learner({ enrolments: year10 }), 2025, '2026-04-30');
      expect(sut.B5.status).toBe('on_track');
      expect(sut.B5.stillNeeded).toBe('1 employer encounter by 31 Aug 2026');
    });

    it('R-S-2: not yet met on 1 May is at risk', () => {
      expect(evaluate(learner({ enrolments: year10 }), 2025, '2026-05-01').B5.status).toBe('at_risk');
    });

    it('R-S-1: not met once the year is over is missed', () => {
      const sut = evaluate(learner({ enrolments: year10 }), 2025, '2026-09-01');
      expect(sut.B5.status).toBe('missed');
      expect(sut.B5.stillNeeded).toBe('Missed on 31 Aug 2026: 1 employer encounter needed');
    });

    it('R-AY-1: an encounter on 31 August belongs to the year that is ending', () => {
      const record = learner({
        enrolments: [enrolment(2024, 9), enrolment(2025, 10)],
        attendances: [employerTalk('e1', '2025-08-31')],
      });
      expect(evaluate(record, 2024, '2025-08-31').B5.status).toBe('met');
      expect(evaluate(record, 2025, '2025-09-30').B5.status).toBe('on_track');
    });

    it('R-AY-1: an encounter on 1 September belongs to the year that is starting', () => {
      const record = learner({
        enrolments: [enrolment(2024, 9), enrolment(2025, 10)],
        attendances: [employerTalk('e1', '2025-09-01')],
      });
      expect(evaluate(record, 2024, '2025-09-30').B5.status).toBe('missed');
      expect(evaluate(record, 2025, '2025-09-01').B5.status).toBe('met');
    });
    ruleTable('B5', [
      {
        title: 'R-AY-5: an encounter dated after the as-at date does not count yet',
        learner: learner({ enrolments: year10, attendances: [employerTalk('e1', '2026-01-20')] }),
        year: 2025,
        at: [
          ['2026-01-19', { status: 'on_track' }],
          ['2026-01-20', { status: 'met' }],
        ],
      },
      {
        title: 'R-M-3: absent and withdrawn attendances never count',
        learner: learner({
          enrolments: year10,
          attendances: [
            employerTalk('e1', '2025-10-14', { status: 'absent' }),
            employerTalk('e2', '2025-11-14', { status: 'withdrawn' }),
          ],
        }),
        year: 2025,
        at: [['2026-06-01', { status: 'at_risk', evidence: [] }]],
      },
      {
        title: 'R-M-2: a non-meaningful encounter does not count while requireMeaningful is true',
        learner: learner({
          enrolments: year10,
          attendances: [employerTalk('e1', '2025-10-14', { meaningful: NOTHING_TICKED })],
        }),
        year: 2025,
        at: [['2026-03-01', { status: 'on_track' }, policyWith({ requireMeaningful: true })]],
      },
      {
        title: 'R-M-2: a non-meaningful encounter counts when requireMeaningful is false',
        learner: learner({
          enrolments: year10,
          attendances: [employerTalk('e1', '2025-10-14', { meaningful: NOTHING_TICKED })],
        }),
        year: 2025,
        at: [['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })]],
      },
      {
        title: 'R-M-1: the four core items are enough for an employer encounter',
        learner: learner({
          enrolments: year10,
          attendances: [employerTalk('e1', '2025-10-14', { meaningful: CORE_ITEMS_ONLY })],
        }),
        year: 2025,
        at: [['2026-03-01', { status: 'met' }]],
      },
      {
        title:
          'R-M-2: a per-learner override takes meaningfulness away, unless meaningfulness is not required',
        learner: learner({
          enrolments: year10,
          attendances: [employerTalk('e1', '2025-10-14', { meaningfulOverride: false })],
        }),
        year: 2025,
        at: [
          ['2026-03-01', { status: 'on_track' }],
          ['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
    ]);

    it('R-G-2: a learner joining mid-year from another trust academy keeps the autumn encounter', () => {
      const record = learner({
        enrolments: movedMidYear(2025, 10),
        attendances: [employerTalk('e1', '2025-10-14')],
      });
      const sut = evaluation(record, 2025, '2026-02-01');
      expect(sut.enrolment?.academyId).toBe('academy-b');
      expect(sut.results.B5.status).toBe('met');
    });
    ruleTable('B5', [
      {
        title: 'R-G-4: a learner joining mid-year from outside the trust still needs this year’s encounter',
        learner: onRoll(2025, 10, { admissionDate: '2026-04-20' }),
        at: [['2026-05-01', { status: 'at_risk' }]],
      },
      {
        title: 'R-G-4: a leaver keeps the status earned in the year they were enrolled',
        learner: onRoll(2025, 10, { leavingDate: '2026-02-13' }, [employerTalk('e1', '2025-11-03')]),
        at: [['2026-07-31', { status: 'met' }]],
      },
    ]);

    it('R-B5-1: the rule is the same under gatsby-2014 (2024/25) and gatsby-2024 (2025/26)', () => {
      const record = learner({
        enrolments: [enrolment(2024, 9), enrolment(2025, 10)],
        attendances: [employerTalk('e1', '2024-10-01'), employerTalk('e2', '2025-10-01')],
      });
      const sut = evaluation(record, 2024, '2025-07-31');
      expect(sut.ruleSet).toBe('gatsby-2014');
      expect(sut.results.B5.evidence).toEqual(['e1']);
      expect(evaluate(record, 2025, '2026-07-31').B5.evidence).toEqual(['e2']);
    });

    describe('post-16 academies (R-V-1 replaces policy collegeMode)', () => {
      const college = (overrides: Partial<LearnerEnrolment> = {}) =>
        enrolment(2025, 12, { evaluationType: 'post16', ...overrides });

      ruleTable('B5', [
        {
          title: 'R-B5-1, R-V-1: colleges need two employer encounters a year',
          learner: learner({
            enrolments: [college()],
            attendances: [employerTalk('e1', '2025-10-14', { curriculumLinked: true })],
          }),
          year: 2025,
          at: [
            ['2026-03-01', { status: 'on_track', stillNeeded: '1 more employer encounter by 31 Aug 2026' }],
          ],
        },
        {
          title: 'R-V-1: policy collegeMode no longer decides: a school academy keeps one a year',
          learner: learnerIn(2025, 12, [employerTalk('e1', '2025-10-14')]),
          at: [['2026-03-01', { status: 'met' }, policyWith({ collegeMode: true })]],
        },
        {
          title: 'R-B5-1, R-V-1: one of them must be linked to the curriculum',
          learner: learner({
            enrolments: [college({ curriculumSectors: ['Digital'] })],
            attendances: [
              employerTalk('e1', '2025-10-14', { sectors: ['Care services'] }),
              employerTalk('e2', '2025-11-14', { sectors: ['Catering and hospitality'] }),
            ],
          }),
          year: 2025,
          at: [
            [
              '2026-03-01',
              {
                status: 'on_track',
                stillNeeded: '1 employer encounter linked to the curriculum by 31 Aug 2026',
              },
            ],
          ],
        },
        {
          title: 'R-B5-1, R-V-1: an employer of the learner’s curriculum area is linked',
          learner: learner({
            enrolments: [college({ curriculumSectors: ['Digital'] })],
            attendances: [
              employerTalk('e1', '2025-10-14', { sectors: ['Digital', 'Business and administration'] }),
              employerTalk('e2', '2025-11-14', { sectors: ['Care services'] }),
            ],
          }),
          year: 2025,
          at: [['2026-03-01', { status: 'met', evidence: ['e1', 'e2'] }]],
        },
        {
          title: 'R-V-1: an encounter marked curriculumLinked is linked',
          learner: learner({
            enrolments: [college()],
            attendances: [
              employerTalk('e1', '2025-10-14'),
              employerTalk('e2', '2025-11-14', { curriculumLinked: true }),
            ],
          }),
          year: 2025,
          at: [['2026-03-01', { status: 'met' }]],
        },
      ]);
    });
  });
});
