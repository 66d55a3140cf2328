import { evaluateLearner } from './evaluate-learner';
import { attendance, collegeTalk } from './testing/encounters';
import { learner, learnerIn, movedOverSummer, onRoll } from './testing/learner-builder';
import { policyWith, ruleTable, underEach, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('PAL2', () => {
    ruleTable('PAL2', [
      {
        title: 'R-PAL-1: window 2 runs from the start of Year 10 to February of Year 11',
        learner: learnerIn(2025, 11, [
          collegeTalk('c9', '2024-06-01'),
          collegeTalk('c1', '2024-10-01'),
          collegeTalk('c2', '2026-02-27'),
        ]),
        exact: true,
        at: [['2026-03-31', whole('met', ['2024-09-01', '2026-02-28'], ['c1', 'c2'])]],
      },
      {
        title: 'R-PAL-1: window 2 ends 29 Feb in a leap year',
        learner: learnerIn(2027, 11, [collegeTalk('c1', '2028-02-29')]),
        at: [
          [
            '2028-02-29',
            {
              status: 'at_risk',
              window: { start: '2026-09-01', end: '2028-02-29' },
              stillNeeded: '1 more provider access encounter by 29 Feb 2028',
            },
          ],
          ['2028-03-01', { status: 'missed' }],
        ],
      },
      {
        title: 'R-C-7: an ITP apprenticeship workshop and a UTC taster count; a parents’ evening does not',
        learner: learnerIn(2025, 10, [
          attendance('itp', '2025-10-01', 'workshop', ['independent_training_provider']),
          attendance('utc', '2025-11-01', 'taster_session', ['utc_or_studio_school']),
          attendance('eve', '2025-12-01', 'careers_fair', ['further_education'], { duringSchoolDay: false }),
        ]),
        at: [['2026-01-01', { evidence: ['itp', 'utc'] }]],
      },
      {
        title: 'R-M-3: a withdrawn attendance does not count',
        learner: learnerIn(2025, 11, [
          collegeTalk('c1', '2024-10-01'),
          collegeTalk('c2', '2025-10-01', { status: 'withdrawn' }),
        ]),
        at: [['2025-11-01', { status: 'at_risk' }]],
      },
      {
        title:
          'R-M-2, R-PAL-3: a non-meaningful provider encounter counts for provider access without palRequiresContent',
        learner: learnerIn(2025, 10, [
          collegeTalk('c1', '2025-10-01', { meaningful: {} }),
          collegeTalk('c2', '2025-11-01', { meaningful: {} }),
        ]),
        at: underEach('2026-01-01', { status: 'met' }, [
          policyWith({ requireMeaningful: true, palRequiresContent: false }),
          policyWith({ requireMeaningful: false, palRequiresContent: false }),
        ]),
      },
      {
        title: 'R-G-2: encounters at two academies combine after a move',
        learner: learner({
          enrolments: movedOverSummer(2025, 11),
          attendances: [collegeTalk('c1', '2025-05-01'), collegeTalk('c2', '2025-10-01')],
        }),
        at: [['2025-11-01', { status: 'met' }]],
      },
      {
        title: 'R-G-4: a learner joining in March of Year 11 has already missed window 2',
        learner: onRoll(2025, 11, { admissionDate: '2026-03-02' }),
        at: [['2026-03-02', { status: 'missed' }]],
      },
      {
        title: 'R-PAL-1: the duty is the same under gatsby-2014',
        learner: learnerIn(2024, 11, [collegeTalk('c1', '2024-10-01')]),
        at: [['2025-03-01', { status: 'missed' }]],
      },
    ]);
  });
});
