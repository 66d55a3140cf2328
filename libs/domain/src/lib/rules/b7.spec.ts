import { evaluateLearner } from './evaluate-learner';
import { attendance, CORE_ITEMS_ONLY, providerTalk, universityVisit } from './testing/encounters';
import { enrolment, learner, learnerIn, movedOverSummer, onRoll } from './testing/learner-builder';
import { evaluate, policyWith, ruleTable, whole } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('B7_16', () => {
    ruleTable('B7_16', [
      {
        title: 'R-B7-1: a careers fair and a sixth-form talk together cover the whole default range',
        learner: learnerIn(2025, 10, [
          attendance('fair', '2025-11-05', 'careers_fair', [
            'employer',
            'higher_education',
            'further_education',
            'independent_training_provider',
          ]),
          providerTalk('sixth', '2026-01-12', ['sixth_form']),
        ]),
        at: [['2026-03-01', { status: 'met', evidence: ['fair', 'sixth'] }]],
      },
      {
        title: 'R-B7-1: names the provider types still to meet',
        learner: learnerIn(2025, 10, [
          providerTalk('p1', '2025-11-05', ['higher_education', 'further_education']),
        ]),
        at: [
          [
            '2026-03-01',
            {
              stillNeeded:
                'an encounter with a sixth form and an independent training provider by 31 Aug 2027',
            },
          ],
        ],
      },
      {
        title: 'R-B7-1: a UTC is outside the default range and does not stand in for another type',
        learner: learnerIn(2025, 11, [
          providerTalk('p1', '2025-11-05', ['higher_education', 'further_education', 'sixth_form']),
          providerTalk('utc', '2025-12-05', ['utc_or_studio_school']),
        ]),
        at: [
          [
            '2026-09-01',
            {
              status: 'missed',
              evidence: ['p1'],
              stillNeeded: 'Missed on 31 Aug 2026: an encounter with an independent training provider needed',
            },
          ],
        ],
      },
      {
        title: 'R-B7-1: the range follows the policy’s b7Range',
        learner: learnerIn(2025, 9, [universityVisit('u1', '2025-11-05')]),
        at: [['2026-03-01', { status: 'met' }, policyWith({ b7Range: ['higher_education'] })]],
      },
      {
        title: 'R-AY-4: an encounter on 31 August of Year 11 counts, one on 1 September does not',
        learner: learnerIn(2025, 11, [
          providerTalk('p1', '2025-10-05', ['higher_education', 'further_education', 'sixth_form']),
          providerTalk('late', '2026-09-01', ['independent_training_provider']),
          providerTalk('itp', '2026-08-31', ['independent_training_provider']),
        ]),
        at: [['2026-09-30', { status: 'met', evidence: ['p1', 'itp'] }]],
      },
      {
        title: 'R-G-2: encounters from two academies combine after a move',
        learner: learner({
          enrolments: movedOverSummer(2025, 10),
          attendances: [
            providerTalk('a', '2025-02-05', ['higher_education', 'further_education']),
            providerTalk('b', '2025-10-05', ['sixth_form', 'independent_training_provider']),
          ],
        }),
        at: [['2025-12-01', { status: 'met' }]],
      },
      {
        title: 'R-M-3: an absent attendance covers nothing',
        learner: learnerIn(2025, 10, [
          providerTalk('p1', '2025-11-05', ['sixth_form'], { status: 'absent' }),
        ]),
        at: [['2026-03-01', { evidence: [] }]],
      },
      {
        title:
          'R-M-1: the four core items are not meaningful for B7, which counts only when requireMeaningful is false',
        learner: learnerIn(2025, 10, [
          providerTalk(
            'p1',
            '2025-11-05',
            ['higher_education', 'further_education', 'sixth_form', 'independent_training_provider'],
            { meaningful: CORE_ITEMS_ONLY },
          ),
        ]),
        at: [
          ['2026-03-01', { status: 'on_track' }, policyWith({ requireMeaningful: true })],
          ['2026-03-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
      {
        title: 'R-B7-1: the rule is the same under gatsby-2014',
        learner: learnerIn(2024, 11, [
          providerTalk('p1', '2024-11-05', ['higher_education', 'further_education', 'sixth_form']),
        ]),
        at: [
          [
            '2025-07-31',
            { stillNeeded: 'an encounter with an independent training provider by 31 Aug 2025' },
          ],
        ],
      },
      {
        title: 'R-G-4: a learner joining mid-Year 11 from outside the trust needs the whole range',
        learner: onRoll(2025, 11, { admissionDate: '2026-02-23' }),
        at: [['2026-05-01', { status: 'at_risk' }]],
      },
    ]);
  });

  describe('B7_18', () => {
    const consideringHe = (academicYear: number, yearGroup: number) =>
      enrolment(academicYear, yearGroup, { consideringHigherEducation: true });

    ruleTable('B7_18', [
      {
        title: 'R-B7-2: two university visits, one from Year 10, meet B7 by 18',
        learner: learner({
          enrolments: [consideringHe(2025, 12)],
          attendances: [
            universityVisit('u1', '2024-03-01'),
            attendance('u2', '2025-11-01', 'taster_session', ['higher_education']),
          ],
        }),
        year: 2025,
        exact: true,
        at: [['2026-03-01', whole('met', ['2020-09-01', '2027-08-31'], ['u1', 'u2'])]],
      },
      {
        title: 'R-C-4: a university talk in school is not a visit',
        learner: learner({
          enrolments: [consideringHe(2025, 13)],
          attendances: [
            universityVisit('u1', '2025-10-01'),
            providerTalk('talk', '2025-11-01', ['higher_education']),
          ],
        }),
        year: 2025,
        at: [
          [
            '2026-05-01',
            {
              status: 'at_risk',
              evidence: ['u1'],
              stillNeeded: '1 more higher-education visit by 31 Aug 2026',
            },
          ],
        ],
      },
      {
        title: 'R-S-3: a learner not considering higher education is not assessed',
        learner: learnerIn(2025, 13),
        at: [['2026-05-01', { status: 'not_applicable' }]],
      },
    ]);

    it('R-S-3: B7 by 18 does not apply before Year 12', () => {
      expect(
        evaluate(learner({ enrolments: [consideringHe(2025, 11)] }), 2025, '2026-05-01').B7_18.status,
      ).toBe('not_applicable');
    });
    ruleTable('B7_18', [
      {
        title: 'R-M-2: a non-meaningful visit counts only when requireMeaningful is false',
        learner: learner({
          enrolments: [consideringHe(2025, 13)],
          attendances: [
            universityVisit('u1', '2025-10-01'),
            universityVisit('u2', '2025-11-01', { meaningful: CORE_ITEMS_ONLY }),
          ],
        }),
        year: 2025,
        at: [
          ['2026-09-01', { status: 'missed' }, policyWith({ requireMeaningful: true })],
          ['2026-09-01', { status: 'met' }, policyWith({ requireMeaningful: false })],
        ],
      },
      {
        title: 'R-M-3: a withdrawn visit does not count',
        learner: learner({
          enrolments: [consideringHe(2025, 12)],
          attendances: [
            universityVisit('u1', '2025-10-01'),
            universityVisit('u2', '2025-11-01', { status: 'withdrawn' }),
          ],
        }),
        year: 2025,
        at: [['2026-03-01', { evidence: ['u1'] }]],
      },
      {
        title: 'R-B7-2: the rule is the same under gatsby-2014',
        learner: learner({
          enrolments: [consideringHe(2024, 13)],
          attendances: [universityVisit('u1', '2024-10-01'), universityVisit('u2', '2025-06-01')],
        }),
        year: 2024,
        at: [['2025-08-31', { status: 'met' }]],
      },
    ]);
  });
});
