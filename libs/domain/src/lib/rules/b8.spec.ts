import { evaluateLearner } from './evaluate-learner';
import { groupGuidance, guidanceEncounter, meeting } from './testing/encounters';
import { enrolment, learner, learnerIn, movedMidYear, onRoll } from './testing/learner-builder';
import { evaluate, evaluation, policyWith, ruleTable, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('B8_16', () => {
    ruleTable('B8_16', [
      {
        title: 'R-B8-1: one guidance meeting with a level 6 adviser meets B8 by 16',
        learner: learnerIn(2025, 9, [], [meeting('m1', '2025-12-02', 6)]),
        exact: true,
        at: [['2026-03-01', whole('met', ['2023-09-01', '2028-08-31'], ['m1'])]],
      },
      {
        title: 'R-C-5: an adviser below level 6 is recorded but does not count',
        learner: learner({
          enrolments: [enrolment(2025, 11)],
          attendances: [guidanceEncounter('g1', '2026-02-02', 5)],
          guidanceMeetings: [meeting('m1', '2025-12-02', 4), meeting('m2', '2026-01-02', null)],
        }),
        at: [
          [
            '2026-05-01',
            { status: 'at_risk', evidence: [], stillNeeded: '1 personal guidance meeting by 31 Aug 2026' },
          ],
        ],
      },
      {
        title: 'R-C-5: a one-to-one logged as an encounter counts like a meeting record',
        learner: learnerIn(2025, 10, [guidanceEncounter('g1', '2026-02-02', 7)]),
        at: [['2026-03-01', { evidence: ['g1'] }]],
      },
      {
        title: 'R-C-6: group guidance is specialist advice but not a personal guidance meeting',
        learner: learnerIn(2025, 10, [groupGuidance('gg', '2026-02-02', 7)]),
        at: [['2026-03-01', { status: 'on_track' }]],
      },
      {
        title: 'R-M-3: an absent guidance appointment does not count',
        learner: learnerIn(2025, 10, [guidanceEncounter('g1', '2026-02-02', 7, { status: 'absent' })]),
        at: [['2026-03-01', { evidence: [] }]],
      },
      {
        title: 'R-AY-5: a meeting booked after the as-at date does not count yet',
        learner: learnerIn(2025, 11, [], [meeting('m1', '2026-06-10')]),
        at: [
          ['2026-06-09', { status: 'at_risk' }],
          ['2026-06-10', { status: 'met' }],
        ],
      },
    ]);

    it('R-AY-4: a meeting on 31 August of Year 11 counts by 16; on 1 September it counts by 18', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11), enrolment(2026, 12)],
        guidanceMeetings: [meeting('m1', '2026-08-31'), meeting('m2', '2026-09-01')],
      });
      expect(evaluate(record, 2025, '2026-09-15').B8_16.evidence).toEqual(['m1']);
      expect(evaluate(record, 2026, '2026-09-15').B8_18.evidence).toEqual(['m2']);
    });
    ruleTable('B8_16', [
      {
        title: 'R-G-2: a meeting at the previous trust academy counts after a move',
        learner: learner({
          enrolments: movedMidYear(2025, 10),
          guidanceMeetings: [meeting('m1', '2025-11-11')],
        }),
        at: [['2026-02-01', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a leaver’s meeting stays on their record',
        learner: onRoll(2025, 11, { leavingDate: '2026-01-30' }, [], [meeting('m1', '2025-11-11')]),
        at: [['2026-07-31', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a learner joining in Year 11 still needs a meeting',
        learner: onRoll(2025, 11, { admissionDate: '2026-03-02' }),
        at: [['2026-09-01', { status: 'missed' }]],
      },
      {
        title: 'R-M-2: meaningfulness does not apply to guidance, whatever requireMeaningful says',
        learner: learnerIn(2025, 10, [guidanceEncounter('g1', '2026-02-02', 6, { meaningful: {} })]),
        at: [
          ['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: true })],
          ['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
    ]);
  });

  describe('B8_18', () => {
    ruleTable('B8_18', [
      {
        title: 'R-B8-1: a Year 11 meeting does not count by 18; a further one in Year 12..13 is needed',
        learner: learnerIn(2025, 12, [], [meeting('m1', '2025-06-01')]),
        at: [
          [
            '2026-03-01',
            {
              status: 'on_track',
              window: { start: '2025-09-01', end: '2027-08-31' },
              stillNeeded: '1 personal guidance meeting by 31 Aug 2027',
            },
          ],
        ],
      },
    ]);

    it('R-B8-1: by 18 is required under gatsby-2014 too', () => {
      const record = learnerIn(2024, 13);
      const sut = evaluation(record, 2024, '2025-09-01');
      expect(sut.ruleSet).toBe('gatsby-2014');
      expect(sut.results.B8_18.status).toBe('missed');
    });
    ruleTable('B8_18', [
      {
        title: 'R-B8-1: met under gatsby-2024 by a Year 13 meeting',
        learner: learnerIn(2025, 13, [], [meeting('m1', '2025-10-01', 7)]),
        at: [['2026-03-01', { status: 'met' }]],
      },
      {
        title: 'R-C-5: a level 5 adviser in Year 13 leaves B8 by 18 at risk',
        learner: learnerIn(2025, 13, [], [meeting('m1', '2025-10-01', 5)]),
        at: [['2026-06-01', { status: 'at_risk' }]],
      },
    ]);

    it('R-S-3: B8 by 18 does not apply in Year 11, nor B8 by 16 in Year 12', () => {
      expect(evaluate(learnerIn(2025, 11), 2025, '2026-03-01').B8_18.status).toBe('not_applicable');
      expect(evaluate(learnerIn(2025, 12), 2025, '2026-03-01').B8_16.status).toBe('not_applicable');
    });
  });
});
