import { evaluateLearner } from './evaluate-learner';
import {
  CORE_ITEMS_ONLY,
  attendance,
  enrolment,
  evaluate,
  learner,
  policyWith,
  providerTalk,
  universityVisit,
} from './testing/learner-builder';

describe(evaluateLearner.name, () => {
  describe('B7_16', () => {
    it('R-B7-1: a careers fair and a sixth-form talk together cover the whole default range', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [
          attendance('fair', '2025-11-05', 'careers_fair', [
            'employer',
            'higher_education',
            'further_education',
            'independent_training_provider',
          ]),
          providerTalk('sixth', '2026-01-12', ['sixth_form']),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-01').B7_16).toMatchObject({
        status: 'met',
        evidence: ['fair', 'sixth'],
      });
    });

    it('R-B7-1: names the provider types still to meet', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [providerTalk('p1', '2025-11-05', ['higher_education', 'further_education'])],
      });
      expect(evaluate(record, 2025, '2026-03-01').B7_16.stillNeeded).toBe(
        'an encounter with a sixth form and an independent training provider by 31 Aug 2027',
      );
    });

    it('R-B7-1: a UTC is outside the default range and does not stand in for another type', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11)],
        attendances: [
          providerTalk('p1', '2025-11-05', ['higher_education', 'further_education', 'sixth_form']),
          providerTalk('utc', '2025-12-05', ['utc_or_studio_school']),
        ],
      });
      expect(evaluate(record, 2025, '2026-09-01').B7_16).toMatchObject({
        status: 'missed',
        evidence: ['p1'],
        stillNeeded: 'Missed on 31 Aug 2026: an encounter with an independent training provider needed',
      });
    });

    it('R-B7-1: the range follows the policy’s b7Range', () => {
      const record = learner({
        enrolments: [enrolment(2025, 9)],
        attendances: [universityVisit('u1', '2025-11-05')],
      });
      expect(
        evaluate(record, 2025, '2026-03-01', policyWith({ b7Range: ['higher_education'] })).B7_16.status,
      ).toBe('met');
    });

    it('R-AY-4: an encounter on 31 August of Year 11 counts, one on 1 September does not', () => {
      const record = learner({
        enrolments: [enrolment(2025, 11)],
        attendances: [
          providerTalk('p1', '2025-10-05', ['higher_education', 'further_education', 'sixth_form']),
          providerTalk('late', '2026-09-01', ['independent_training_provider']),
          providerTalk('itp', '2026-08-31', ['independent_training_provider']),
        ],
      });
      expect(evaluate(record, 2025, '2026-09-30').B7_16).toMatchObject({
        status: 'met',
        evidence: ['p1', 'itp'],
      });
    });

    it('R-G-2: encounters from two academies combine after a move', () => {
      const record = learner({
        enrolments: [
          enrolment(2024, 9, { academyId: 'academy-a' }),
          enrolment(2025, 10, { academyId: 'academy-b' }),
        ],
        attendances: [
          providerTalk('a', '2025-02-05', ['higher_education', 'further_education']),
          providerTalk('b', '2025-10-05', ['sixth_form', 'independent_training_provider']),
        ],
      });
      expect(evaluate(record, 2025, '2025-12-01').B7_16.status).toBe('met');
    });

    it('R-M-3: an absent attendance covers nothing', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [providerTalk('p1', '2025-11-05', ['sixth_form'], { status: 'absent' })],
      });
      expect(evaluate(record, 2025, '2026-03-01').B7_16.evidence).toEqual([]);
    });

    it('R-M-1: the four core items are not meaningful for B7, which counts only when requireMeaningful is false', () => {
      const record = learner({
        enrolments: [enrolment(2025, 10)],
        attendances: [
          providerTalk(
            'p1',
            '2025-11-05',
            ['higher_education', 'further_education', 'sixth_form', 'independent_training_provider'],
            {
              meaningful: CORE_ITEMS_ONLY,
            },
          ),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-01', policyWith({ requireMeaningful: true })).B7_16.status).toBe(
        'on_track',
      );
      expect(
        evaluate(record, 2025, '2026-03-01', policyWith({ requireMeaningful: false })).B7_16.status,
      ).toBe('met');
    });

    it('R-B7-1: the rule is the same under gatsby-2014', () => {
      const record = learner({
        enrolments: [enrolment(2024, 11)],
        attendances: [
          providerTalk('p1', '2024-11-05', ['higher_education', 'further_education', 'sixth_form']),
        ],
      });
      expect(evaluate(record, 2024, '2025-07-31').B7_16.stillNeeded).toBe(
        'an encounter with an independent training provider by 31 Aug 2025',
      );
    });

    it('R-G-4: a learner joining mid-Year 11 from outside the trust needs the whole range', () => {
      const record = learner({ enrolments: [enrolment(2025, 11, { admissionDate: '2026-02-23' })] });
      expect(evaluate(record, 2025, '2026-05-01').B7_16.status).toBe('at_risk');
    });
  });

  describe('B7_18', () => {
    const consideringHe = (academicYear: number, yearGroup: number) =>
      enrolment(academicYear, yearGroup, { consideringHigherEducation: true });

    it('R-B7-2: two university visits, one from Year 10, meet B7 by 18', () => {
      const record = learner({
        enrolments: [consideringHe(2025, 12)],
        attendances: [
          universityVisit('u1', '2024-03-01'),
          attendance('u2', '2025-11-01', 'taster_session', ['higher_education']),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-01').B7_18).toEqual({
        rule: 'B7_18',
        status: 'met',
        window: { start: '2020-09-01', end: '2027-08-31' },
        evidence: ['u1', 'u2'],
        stillNeeded: null,
      });
    });

    it('R-C-4: a university talk in school is not a visit', () => {
      const record = learner({
        enrolments: [consideringHe(2025, 13)],
        attendances: [
          universityVisit('u1', '2025-10-01'),
          providerTalk('talk', '2025-11-01', ['higher_education']),
        ],
      });
      expect(evaluate(record, 2025, '2026-05-01').B7_18).toMatchObject({
        status: 'at_risk',
        evidence: ['u1'],
        stillNeeded: '1 more higher-education visit by 31 Aug 2026',
      });
    });

    it('R-S-3: a learner not considering higher education is not assessed', () => {
      const record = learner({ enrolments: [enrolment(2025, 13)] });
      expect(evaluate(record, 2025, '2026-05-01').B7_18.status).toBe('not_applicable');
    });

    it('R-S-3: B7 by 18 does not apply before Year 12', () => {
      expect(
        evaluate(learner({ enrolments: [consideringHe(2025, 11)] }), 2025, '2026-05-01').B7_18.status,
      ).toBe('not_applicable');
    });

    it('R-M-2: a non-meaningful visit counts only when requireMeaningful is false', () => {
      const record = learner({
        enrolments: [consideringHe(2025, 13)],
        attendances: [
          universityVisit('u1', '2025-10-01'),
          universityVisit('u2', '2025-11-01', { meaningful: CORE_ITEMS_ONLY }),
        ],
      });
      expect(evaluate(record, 2025, '2026-09-01', policyWith({ requireMeaningful: true })).B7_18.status).toBe(
        'missed',
      );
      expect(
        evaluate(record, 2025, '2026-09-01', policyWith({ requireMeaningful: false })).B7_18.status,
      ).toBe('met');
    });

    it('R-M-3: a withdrawn visit does not count', () => {
      const record = learner({
        enrolments: [consideringHe(2025, 12)],
        attendances: [
          universityVisit('u1', '2025-10-01'),
          universityVisit('u2', '2025-11-01', { status: 'withdrawn' }),
        ],
      });
      expect(evaluate(record, 2025, '2026-03-01').B7_18.evidence).toEqual(['u1']);
    });

    it('R-B7-2: the rule is the same under gatsby-2014', () => {
      const record = learner({
        enrolments: [consideringHe(2024, 13)],
        attendances: [universityVisit('u1', '2024-10-01'), universityVisit('u2', '2025-06-01')],
      });
      expect(evaluate(record, 2024, '2025-08-31').B7_18.status).toBe('met');
    });
  });
});
