import { evaluateLearner } from './evaluate-learner';
import { collegeTalk, universityVisit } from './testing/encounters';
import { enrolment, learner, learnerIn, onRoll } from './testing/learner-builder';
import { policyWith, ruleTable, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('PAL3', () => {
    ruleTable('PAL3', [
      {
        title:
          'R-PAL-2: take-up is met when the learner attended two provider access encounters in Years 12..13',
        learner: learnerIn(2025, 12, [collegeTalk('c1', '2025-10-01'), collegeTalk('c2', '2026-06-01')]),
        exact: true,
        at: [['2026-07-01', whole('met', ['2025-09-01', '2027-02-28'], ['c1', 'c2'])]],
      },
      {
        title: 'R-PAL-2: window 3 ends 29 Feb in a leap year',
        learner: learnerIn(2027, 13, [collegeTalk('c1', '2027-01-01')]),
        at: [
          [
            '2028-01-01',
            {
              window: { start: '2026-09-01', end: '2028-02-29' },
              stillNeeded: '1 more provider access encounter by 29 Feb 2028',
            },
          ],
        ],
      },
      {
        title: 'R-PAL-2: window 3 ends 28 Feb in a common year; after it, take-up short of two is missed',
        learner: learnerIn(2025, 13, [collegeTalk('c1', '2025-10-01')]),
        at: [
          ['2026-02-28', { status: 'at_risk' }],
          ['2026-03-01', { status: 'missed' }],
        ],
      },
      {
        title: 'R-C-7: a university visit without technical education is not a provider access encounter',
        learner: learner({
          enrolments: [enrolment(2025, 12, { consideringHigherEducation: true })],
          attendances: [
            universityVisit('u1', '2025-10-01'),
            universityVisit('u2', '2025-11-01', { offersTechnicalEducation: true }),
          ],
        }),
        at: [['2026-01-01', { evidence: ['u2'] }]],
      },
      {
        title: 'R-M-3: an absent attendance is not take-up',
        learner: learnerIn(2025, 12, [
          collegeTalk('c1', '2025-10-01'),
          collegeTalk('c2', '2025-11-01', { status: 'absent' }),
        ]),
        at: [['2026-01-01', { evidence: ['c1'] }]],
      },
      {
        title: 'R-M-2: the meaningful checklist does not affect take-up, under either setting',
        learner: learnerIn(2025, 12, [
          collegeTalk('c1', '2025-10-01', { meaningful: {} }),
          collegeTalk('c2', '2025-11-01', { meaningful: {} }),
        ]),
        at: [
          ['2026-01-01', { status: 'met' }, policyWith({ requireMeaningful: true })],
          ['2026-01-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
      {
        title: 'R-AY-1: a Year 11 encounter on 31 August does not count; one on 1 September of Year 12 does',
        learner: learnerIn(2025, 12, [collegeTalk('c0', '2025-08-31'), collegeTalk('c1', '2025-09-01')]),
        at: [['2025-10-01', { evidence: ['c1'] }]],
      },
      {
        title: 'R-G-2: take-up at a previous trust academy counts after a move into the sixth form',
        learner: learner({
          enrolments: [
            enrolment(2025, 12, { academyId: 'academy-a', leavingDate: '2025-12-19' }),
            enrolment(2025, 12, { academyId: 'sixth-form', admissionDate: '2026-01-05' }),
          ],
          attendances: [collegeTalk('c1', '2025-10-01'), collegeTalk('c2', '2026-02-01')],
        }),
        at: [['2026-02-02', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a learner joining in Year 13 is judged on the same window',
        learner: onRoll(2025, 13, { admissionDate: '2025-11-03' }, [collegeTalk('c1', '2025-12-01')]),
        at: [['2026-01-01', { status: 'at_risk' }]],
      },
    ]);

    ruleTable('PAL3', [
      {
        title: 'R-PAL-2: the duty is the same under gatsby-2014',
        learner: learnerIn(2024, 13, [collegeTalk('c1', '2023-10-01'), collegeTalk('c2', '2024-10-01')]),
        at: [['2025-07-01', { status: 'met' }]],
      },
    ]);
  });
});
