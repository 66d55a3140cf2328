import { evaluateLearner } from './evaluate-learner';
import { attendance, CORE_ITEMS_ONLY, workplaceVisit } from './testing/encounters';
import { enrolment, learner, learnerIn, movedOverSummer, onRoll } from './testing/learner-builder';
import { evaluate, policyWith, ruleTable, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('B6_16', () => {
    ruleTable('B6_16', [
      {
        title: 'R-B6-1: under gatsby-2024 one workplace experience is not enough by 16',
        learner: learnerIn(2025, 10, [workplaceVisit('w1', '2025-11-05')]),
        exact: true,
        at: [
          [
            '2026-03-01',
            whole(
              'on_track',
              ['2022-09-01', '2027-08-31'],
              ['w1'],
              '1 more workplace experience by 31 Aug 2027',
            ),
          ],
        ],
      },
      {
        title: 'R-B6-1: under gatsby-2024 two workplace experiences meet B6 by 16',
        learner: learnerIn(2025, 10, [
          workplaceVisit('w1', '2025-11-05'),
          attendance('w2', '2026-06-22', 'work_experience', ['employer']),
        ]),
        at: [['2026-07-01', { status: 'met', evidence: ['w1', 'w2'] }]],
      },
      {
        title: 'R-B6-1: under gatsby-2014 (2024/25) one workplace experience meets B6 by 16',
        learner: learnerIn(2024, 11, [workplaceVisit('w1', '2024-11-05')]),
        at: [['2025-07-31', { status: 'met' }]],
      },
    ]);

    it('R-B6-1: the same learner needs a second experience once 2025/26 runs under gatsby-2024', () => {
      const record = learner({
        enrolments: [enrolment(2024, 10), enrolment(2025, 11)],
        attendances: [workplaceVisit('w1', '2024-11-05')],
      });
      expect(evaluate(record, 2024, '2025-07-31').B6_16.status).toBe('met');
      expect(evaluate(record, 2025, '2026-05-01').B6_16).toMatchObject({
        status: 'at_risk',
        stillNeeded: '1 more workplace experience by 31 Aug 2026',
      });
    });
    ruleTable('B6_16', [
      {
        title: 'R-S-1: a Year 11 learner short of experiences on 1 September has missed B6 by 16',
        learner: learnerIn(2025, 11, [workplaceVisit('w1', '2025-11-05')]),
        at: [
          [
            '2026-09-01',
            { status: 'missed', stillNeeded: 'Missed on 31 Aug 2026: 1 more workplace experience needed' },
          ],
        ],
      },
      {
        title: 'R-S-3: experiences count from Year 7, not before',
        learner: learnerIn(2025, 8, [workplaceVisit('w0', '2024-08-31'), workplaceVisit('w1', '2024-09-01')]),
        at: [['2026-03-01', { evidence: ['w1'] }]],
      },
    ]);

    it('R-AY-4: an experience on 31 August of Year 11 counts by 16; one on 1 September counts by 18 instead', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11), enrolment(2026, 12)],
        attendances: [
          workplaceVisit('w1', '2025-10-01'),
          workplaceVisit('w2', '2026-08-31'),
          workplaceVisit('w3', '2026-09-01'),
        ],
      });
      expect(evaluate(record, 2025, '2026-08-31').B6_16).toMatchObject({
        status: 'met',
        evidence: ['w1', 'w2'],
      });
      expect(evaluate(record, 2026, '2026-09-01').B6_18).toMatchObject({ status: 'met', evidence: ['w3'] });
    });
    ruleTable('B6_16', [
      {
        title: 'R-G-2: experiences at a previous trust academy count after a move',
        learner: learner({
          enrolments: movedOverSummer(2025, 10),
          attendances: [workplaceVisit('w1', '2025-03-10'), workplaceVisit('w2', '2025-10-10')],
        }),
        at: [['2026-03-01', { status: 'met', evidence: ['w1', 'w2'] }]],
      },
      {
        title: 'R-G-4: a learner joining in Year 11 from outside the trust starts from nothing',
        learner: onRoll(2025, 11, { admissionDate: '2026-01-06' }),
        at: [['2026-01-06', { status: 'on_track', stillNeeded: '2 workplace experiences by 31 Aug 2026' }]],
      },
      {
        title: 'R-G-4: a leaver’s evidence stays on their record',
        learner: onRoll(2025, 10, { leavingDate: '2026-03-27' }, [
          workplaceVisit('w1', '2025-10-01'),
          workplaceVisit('w2', '2026-02-01'),
        ]),
        at: [['2026-07-31', { status: 'met' }]],
      },
      {
        title: 'R-M-3: an absent attendance does not count',
        learner: learnerIn(2025, 10, [
          workplaceVisit('w1', '2025-11-05'),
          workplaceVisit('w2', '2026-01-05', { status: 'absent' }),
        ]),
        at: [['2026-03-01', { evidence: ['w1'] }]],
      },
      {
        title: 'R-M-1: a workplace visit with only the four core items is not meaningful for B6',
        learner: learnerIn(2024, 11, [workplaceVisit('w1', '2024-11-05', { meaningful: CORE_ITEMS_ONLY })]),
        at: [
          ['2025-03-01', { status: 'on_track' }, policyWith({ requireMeaningful: true })],
          ['2025-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
    ]);

    it('R-M-2: each encounter is judged by the requireMeaningful of its own year', () => {
      const lenientBefore2025 = (academicYear: number) => ({
        ...policyWith()(academicYear),
        requireMeaningful: academicYear >= 2025,
      });
      const record = learner({
        enrolments: [enrolment(2024, 10), enrolment(2025, 11)],
        attendances: [
          workplaceVisit('w1', '2025-03-01', { meaningful: CORE_ITEMS_ONLY }),
          workplaceVisit('w2', '2025-10-01', { meaningful: CORE_ITEMS_ONLY }),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-01', lenientBefore2025).B6_16.evidence).toEqual(['w1']);
    });

    ruleTable('B6_16', [
      {
        title: 'R-B6-1: the threshold follows the policy’s b6By16',
        learner: learnerIn(2025, 10, [
          workplaceVisit('w1', '2025-11-05'),
          workplaceVisit('w2', '2025-12-05'),
        ]),
        at: [
          [
            '2026-03-01',
            { stillNeeded: '1 more workplace experience by 31 Aug 2027' },
            policyWith({ b6By16: 3 }),
          ],
        ],
      },
    ]);
  });

  describe('B6_18', () => {
    ruleTable('B6_18', [
      {
        title: 'R-B6-1: by 18 needs one further experience during Years 12..13; earlier ones do not count',
        learner: learnerIn(2025, 12, [
          workplaceVisit('w1', '2025-03-01'),
          workplaceVisit('w2', '2025-05-01'),
        ]),
        exact: true,
        at: [
          [
            '2026-03-01',
            whole('on_track', ['2025-09-01', '2027-08-31'], [], '1 workplace experience by 31 Aug 2027'),
          ],
        ],
      },
      {
        title: 'R-B6-1: an experience in Year 12 carries into Year 13',
        learner: learner({
          enrolments: [enrolment(2025, 12), enrolment(2026, 13)],
          attendances: [workplaceVisit('w1', '2026-06-15')],
        }),
        at: [['2026-10-01', { status: 'met', evidence: ['w1'] }]],
      },
    ]);

    it('R-B6-1: by 18 needs one under both rule sets', () => {
      const record = learnerIn(2024, 13, [workplaceVisit('w1', '2024-10-01')]);
      expect(evaluate(record, 2024, '2025-03-01').B6_18.status).toBe('met');
      const later = learnerIn(2025, 13, [workplaceVisit('w1', '2025-10-01')]);
      expect(evaluate(later, 2025, '2026-03-01').B6_18.status).toBe('met');
    });
    ruleTable('B6_18', [
      {
        title: 'R-S-2: a Year 13 learner with none on 1 May is at risk; on 1 September it is missed',
        learner: learnerIn(2025, 13),
        at: [
          ['2026-05-01', { status: 'at_risk' }],
          ['2026-09-01', { status: 'missed' }],
        ],
      },
    ]);

    it('R-S-3: B6 by 18 does not apply in Year 11', () => {
      expect(evaluate(learnerIn(2025, 11), 2025, '2026-03-01').B6_18.status).toBe('not_applicable');
    });
  });
});
