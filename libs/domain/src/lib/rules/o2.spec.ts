import { evaluateLearner } from './evaluate-learner';
import {
  CORE_ITEMS_ONLY,
  employerTalk,
  groupGuidance,
  guidanceEncounter,
  meeting,
  providerTalk,
  workplaceVisit,
} from './testing/encounters';
import { enrolment, learner, movedMidYear, onRoll } from './testing/learner-builder';
import { evaluate, policyWith, ruleTable, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('O2', () => {
    const year8 = [enrolment(2025, 8)];

    ruleTable('O2', [
      {
        title:
          'R-O2-1: an employer talk, a provider talk and group guidance by a level 6 adviser meet Objective 2',
        learner: learner({
          enrolments: year8,
          attendances: [
            employerTalk('e1', '2025-10-01'),
            providerTalk('p1', '2025-11-01', ['sixth_form']),
            groupGuidance('g1', '2026-01-15', 6),
          ],
        }),
        year: 2025,
        exact: true,
        at: [['2026-03-01', whole('met', ['2025-09-01', '2026-08-31'], ['e1', 'p1', 'g1'])]],
      },
    ]);

    it('R-O2-1: lists every missing part', () => {
      expect(evaluate(learner({ enrolments: year8 }), 2025, '2026-03-01').O2.stillNeeded).toBe(
        '1 employer or workplace encounter, 1 education-provider encounter and 1 specialist careers advice session by 31 Aug 2026',
      );
    });
    ruleTable('O2', [
      {
        title:
          'R-O2-1: a workplace visit is an employer or workplace encounter; a guidance meeting record is advice',
        learner: learner({
          enrolments: year8,
          attendances: [
            workplaceVisit('w1', '2025-10-01'),
            providerTalk('p1', '2025-11-01', ['higher_education']),
          ],
          guidanceMeetings: [meeting('m1', '2026-02-01', 6)],
        }),
        year: 2025,
        at: [['2026-03-01', { status: 'met', evidence: ['w1', 'p1', 'm1'] }]],
      },
      {
        title: 'R-C-6: advice from an adviser below level 6 does not count',
        learner: learner({
          enrolments: year8,
          attendances: [
            employerTalk('e1', '2025-10-01'),
            providerTalk('p1', '2025-11-01', ['sixth_form']),
            groupGuidance('g1', '2026-01-15', 5),
          ],
          guidanceMeetings: [meeting('m1', '2026-02-01', 4)],
        }),
        year: 2025,
        at: [
          [
            '2026-06-01',
            { status: 'at_risk', stillNeeded: '1 specialist careers advice session by 31 Aug 2026' },
          ],
        ],
      },
    ]);

    it('R-O2-1: without requireAdvice, the two encounters are enough', () => {
      const record = learner({
        enrolments: year8,
        attendances: [employerTalk('e1', '2025-10-01'), providerTalk('p1', '2025-11-01', ['sixth_form'])],
      });
      const policy = policyWith({ o2: { employer: 1, education: 1, requireAdvice: false } });
      expect(evaluate(record, 2025, '2026-03-01', policy).O2.status).toBe('met');
    });

    it('R-O2-1: the thresholds follow the policy', () => {
      const record = learner({
        enrolments: year8,
        attendances: [
          employerTalk('e1', '2025-10-01'),
          providerTalk('p1', '2025-11-01', ['sixth_form']),
          guidanceEncounter('g1', '2026-01-15', 6),
        ],
      });
      const policy = policyWith({ o2: { employer: 2, education: 1, requireAdvice: true } });
      expect(evaluate(record, 2025, '2026-03-01', policy).O2.stillNeeded).toBe(
        '1 more employer or workplace encounter by 31 Aug 2026',
      );
    });
    ruleTable('O2', [
      {
        title: 'R-AY-1: last year’s encounter on 31 August does not count; this year’s on 1 September does',
        learner: learner({
          enrolments: year8,
          attendances: [
            employerTalk('old', '2025-08-31'),
            employerTalk('e1', '2025-09-01'),
            providerTalk('p1', '2025-09-01', ['sixth_form']),
            groupGuidance('g1', '2025-09-01', 6),
          ],
        }),
        year: 2025,
        at: [['2025-09-01', { status: 'met', evidence: ['e1', 'g1', 'p1'] }]],
      },
      {
        title: 'R-M-3: an absent attendance is not an encounter',
        learner: learner({
          enrolments: year8,
          attendances: [
            employerTalk('e1', '2025-10-01', { status: 'absent' }),
            providerTalk('p1', '2025-11-01', ['sixth_form']),
          ],
          guidanceMeetings: [meeting('m1', '2026-02-01')],
        }),
        year: 2025,
        at: [['2026-03-01', { stillNeeded: '1 employer or workplace encounter by 31 Aug 2026' }]],
      },
      {
        title:
          'R-M-2: a provider talk that is not meaningful for B7 counts only when requireMeaningful is false',
        learner: learner({
          enrolments: year8,
          attendances: [
            employerTalk('e1', '2025-10-01'),
            providerTalk('p1', '2025-11-01', ['sixth_form'], { meaningful: CORE_ITEMS_ONLY }),
            groupGuidance('g1', '2026-01-15', 6),
          ],
        }),
        year: 2025,
        at: [
          ['2026-03-01', { status: 'on_track' }, policyWith({ requireMeaningful: true })],
          ['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
    ]);

    ruleTable('O2', [
      {
        title: 'R-O2-1: the objective is the same under gatsby-2014',
        learner: learner({
          enrolments: [enrolment(2024, 12)],
          attendances: [
            employerTalk('e1', '2024-10-01'),
            providerTalk('p1', '2024-11-01', ['higher_education']),
          ],
          guidanceMeetings: [meeting('m1', '2025-02-01')],
        }),
        at: [['2025-09-01', { status: 'met' }]],
      },
      {
        title: 'R-G-2: a learner who moved academy mid-year brings this year’s encounters with them',
        learner: learner({
          enrolments: movedMidYear(2025, 8),
          attendances: [employerTalk('e1', '2025-10-01'), providerTalk('p1', '2026-02-01', ['sixth_form'])],
          guidanceMeetings: [meeting('m1', '2026-03-01')],
        }),
        at: [['2026-03-31', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a leaver’s record keeps what they did before leaving',
        learner: onRoll(2025, 8, { leavingDate: '2025-12-19' }, [employerTalk('e1', '2025-10-01')]),
        at: [['2026-07-31', { evidence: ['e1'] }]],
      },
    ]);
  });
});
