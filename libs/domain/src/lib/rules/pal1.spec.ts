import { evaluateLearner } from './evaluate-learner';
import { collegeTalk, providerTalk } from './testing/encounters';
import { enrolment, learner, learnerIn, onRoll } from './testing/learner-builder';
import { policyWith, ruleTable, underEach, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('PAL1', () => {
    ruleTable('PAL1', [
      {
        title: 'R-PAL-1: two provider access encounters in Year 8 meet window 1',
        learner: learnerIn(2025, 8, [
          collegeTalk('c1', '2025-11-01'),
          providerTalk('c2', '2026-03-01', ['independent_training_provider']),
        ]),
        exact: true,
        at: [['2026-03-31', whole('met', ['2025-09-01', '2027-02-28'], ['c1', 'c2'])]],
      },
      {
        title: 'R-PAL-1: window ends 28 Feb in a common year: the encounter on 1 March is too late',
        learner: learnerIn(2025, 9, [collegeTalk('c1', '2024-11-01'), collegeTalk('c2', '2026-03-01')]),
        at: [
          [
            '2026-02-28',
            { status: 'at_risk', stillNeeded: '1 more provider access encounter by 28 Feb 2026' },
          ],
          [
            '2026-03-01',
            {
              status: 'missed',
              evidence: ['c1'],
              stillNeeded: 'Missed on 28 Feb 2026: 1 more provider access encounter needed',
            },
          ],
        ],
      },
      {
        title: 'R-PAL-1: window ends 29 Feb in a leap year, and an encounter that day counts',
        learner: learnerIn(2027, 9, [
          collegeTalk('c1', '2027-01-10'),
          collegeTalk('c2', '2028-02-29'),
          collegeTalk('c3', '2028-03-01'),
        ]),
        at: [
          [
            '2028-07-01',
            { status: 'met', window: { start: '2026-09-01', end: '2028-02-29' }, evidence: ['c1', 'c2'] },
          ],
        ],
      },
      {
        title: 'R-S-2: at risk from 29 October for a window closing 28 February',
        learner: learnerIn(2025, 9),
        at: [
          ['2025-10-28', { status: 'on_track' }],
          ['2025-10-29', { status: 'at_risk' }],
        ],
      },
      {
        title: 'R-AY-1: an encounter on 31 August before Year 8 is outside the window; 1 September is inside',
        learner: learnerIn(2025, 8, [collegeTalk('c0', '2025-08-31'), collegeTalk('c1', '2025-09-01')]),
        at: [['2025-10-01', { evidence: ['c1'] }]],
      },
      {
        title: 'R-C-7: an evening event with a college does not count',
        learner: learnerIn(2025, 8, [
          collegeTalk('c1', '2025-11-01'),
          collegeTalk('eve', '2025-11-20', { duringSchoolDay: false }),
        ]),
        at: [['2026-01-10', { evidence: ['c1'] }]],
      },
      {
        title: 'R-C-7: a sixth form without technical education does not count',
        learner: learnerIn(2025, 8, [providerTalk('s1', '2025-11-01', ['sixth_form'])]),
        at: [['2026-01-10', { evidence: [] }]],
      },
      {
        title: 'R-M-3: an absent attendance does not count',
        learner: learnerIn(2025, 8, [
          collegeTalk('c1', '2025-11-01'),
          collegeTalk('c2', '2025-12-01', { status: 'absent' }),
        ]),
        at: [['2026-01-10', { status: 'on_track' }]],
      },
      {
        title:
          'R-M-2, R-PAL-3: provider access does not depend on the meaningful setting (without palRequiresContent)',
        learner: learnerIn(2025, 8, [
          collegeTalk('c1', '2025-11-01', { meaningful: {} }),
          collegeTalk('c2', '2025-12-01', { meaningful: {} }),
        ]),
        at: underEach('2026-01-10', { status: 'met' }, [
          policyWith({ requireMeaningful: true, palRequiresContent: false }),
          policyWith({ requireMeaningful: false, palRequiresContent: false }),
        ]),
      },
      {
        title: 'R-AY-6: a learner first enrolled in Year 9 has window 1 from their inferred Year 8',
        learner: learnerIn(2025, 9, [collegeTalk('c1', '2024-09-10')]),
        at: [['2025-09-10', { window: { start: '2024-09-01', end: '2026-02-28' }, evidence: ['c1'] }]],
      },
      {
        title: 'R-G-2: a learner joining Year 9 from another trust academy keeps their Year 8 encounters',
        learner: learner({
          enrolments: [
            enrolment(2024, 8, { academyId: 'academy-a' }),
            enrolment(2025, 9, { academyId: 'academy-b', admissionDate: '2025-11-03' }),
          ],
          attendances: [collegeTalk('c1', '2025-03-10'), collegeTalk('c2', '2025-12-10')],
        }),
        at: [['2026-01-01', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a leaver’s encounters stay on their record',
        learner: onRoll(2025, 8, { leavingDate: '2025-12-19' }, [
          collegeTalk('c1', '2025-10-10'),
          collegeTalk('c2', '2025-12-10'),
        ]),
        at: [['2026-07-31', { status: 'met' }]],
      },
    ]);

    ruleTable('PAL1', [
      {
        title: 'R-PAL-1: the duty is the same under gatsby-2014',
        learner: learnerIn(2024, 9, [collegeTalk('c1', '2023-11-01'), collegeTalk('c2', '2025-01-15')]),
        at: [['2025-03-31', { status: 'met' }]],
      },
    ]);
  });
});
