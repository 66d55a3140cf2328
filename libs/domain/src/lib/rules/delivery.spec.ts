import { evaluateLearner } from './evaluate-learner';
import {
  attendance,
  collegeTalk,
  employerTalk,
  groupGuidance,
  NOTHING_TICKED,
  providerTalk,
  universityVisit,
  workplaceVisit,
} from './testing/encounters';
import { enrolment, learner, learnerIn } from './testing/learner-builder';
import { evaluate, policyWith } from './testing/rule-table';

describe(evaluateLearner.name, () => {
  describe('delivery (2025 revision)', () => {
    it('R-D-1: under gatsby-2024 a virtual taster day is not an HE visit', () => {
      const record = learner({
        enrolments: [enrolment(2025, 12, { consideringHigherEducation: true })],
        attendances: [
          attendance('t1', '2025-10-01', 'taster_session', ['higher_education'], { delivery: 'virtual' }),
          universityVisit('u1', '2025-11-01'),
        ],
      });
      expect(evaluate(record, 2025, '2026-07-31').B7_18).toMatchObject({
        status: 'on_track',
        evidence: ['u1'],
      });
    });

    it.each(['in_person', 'mixed'] as const)('R-D-1: an HE visit delivered %s counts', (delivery) => {
      const record = learner({
        enrolments: [enrolment(2025, 12, { consideringHigherEducation: true })],
        attendances: [universityVisit('u1', '2025-10-01', { delivery }), universityVisit('u2', '2025-11-01')],
      });
      expect(evaluate(record, 2025, '2026-07-31').B7_18.status).toBe('met');
    });

    it('R-D-1: a virtual workplace experience does not count for B6; an in-person or mixed one does', () => {
      const record = learnerIn(2025, 12, [workplaceVisit('w1', '2025-10-01', { delivery: 'virtual' })]);
      expect(evaluate(record, 2025, '2026-07-31').B6_18.status).toBe('on_track');
      const mixed = learnerIn(2025, 12, [workplaceVisit('w1', '2025-10-01', { delivery: 'mixed' })]);
      expect(evaluate(mixed, 2025, '2026-07-31').B6_18.status).toBe('met');
    });

    it('R-D-1: a virtual employer talk counts for B5 and a virtual provider talk for B7 by 16', () => {
      const record = learnerIn(2025, 11, [
        employerTalk('e1', '2025-10-01', { delivery: 'virtual' }),
        providerTalk(
          'p1',
          '2025-10-02',
          ['higher_education', 'further_education', 'sixth_form', 'independent_training_provider'],
          { delivery: 'virtual' },
        ),
      ]);
      const results = evaluate(record, 2025, '2026-07-31');
      expect(results.B5.status).toBe('met');
      expect(results.B7_16.status).toBe('met');
    });

    it('R-D-2: a virtual visit in a gatsby-2014 year still counts, judged by the rule set of its own year', () => {
      const record = learner({
        enrolments: [enrolment(2024, 11), enrolment(2025, 12, { consideringHigherEducation: true })],
        attendances: [
          universityVisit('u1', '2025-03-01', { delivery: 'virtual' }),
          universityVisit('u2', '2025-11-01', { delivery: 'virtual' }),
          universityVisit('u3', '2026-01-10'),
        ],
      });
      // 2024/25 is a gatsby-2014 year by default, 2025/26 a gatsby-2024 one.
      expect(evaluate(record, 2025, '2026-07-31').B7_18).toMatchObject({
        status: 'met',
        evidence: ['u1', 'u3'],
      });
    });

    it('R-D-1: under gatsby-2014 every delivery counts', () => {
      const record = learnerIn(2025, 12, [workplaceVisit('w1', '2025-10-01', { delivery: 'virtual' })]);
      const policyFor = policyWith({ ruleSet: 'gatsby-2014' });
      expect(evaluate(record, 2025, '2026-07-31', policyFor).B6_18.status).toBe('met');
    });
  });

  describe('provider access content (2025 revision)', () => {
    it('R-PAL-3: a PAL talk without provider information does not count for PAL1', () => {
      const withoutInformation = { twoWayInteraction: true, whatLearningIsLike: true };
      const record = learnerIn(2025, 8, [
        collegeTalk('c1', '2025-11-01', { meaningful: withoutInformation }),
        collegeTalk('c2', '2026-01-10'),
      ]);
      expect(evaluate(record, 2025, '2026-07-31').PAL1).toMatchObject({
        status: 'on_track',
        evidence: ['c2'],
      });
    });

    it.each(['providerInformation', 'whatLearningIsLike', 'twoWayInteraction'] as const)(
      'R-PAL-3: without %s a provider encounter does not count for PAL2',
      (item) => {
        const record = learnerIn(2025, 10, [
          collegeTalk('c1', '2025-11-01', {
            meaningful: {
              providerInformation: true,
              whatLearningIsLike: true,
              twoWayInteraction: true,
              [item]: false,
            },
          }),
          collegeTalk('c2', '2026-01-10'),
        ]);
        expect(evaluate(record, 2025, '2026-07-31').PAL2.status).toBe('on_track');
      },
    );

    it('R-PAL-3: the content alone is enough, without the rest of the checklist', () => {
      const content = { providerInformation: true, whatLearningIsLike: true, twoWayInteraction: true };
      const record = learnerIn(2025, 8, [
        collegeTalk('c1', '2025-11-01', { meaningful: content }),
        collegeTalk('c2', '2026-01-10', { meaningful: content }),
      ]);
      expect(evaluate(record, 2025, '2026-07-31').PAL1.status).toBe('met');
    });

    it('R-PAL-3: policy palRequiresContent false counts every PAL provider encounter', () => {
      const record = learnerIn(2025, 8, [
        collegeTalk('c1', '2025-11-01', { meaningful: NOTHING_TICKED }),
        collegeTalk('c2', '2026-01-10', { meaningful: NOTHING_TICKED }),
      ]);
      expect(evaluate(record, 2025, '2026-07-31').PAL1.status).toBe('on_track');
      expect(
        evaluate(record, 2025, '2026-07-31', policyWith({ palRequiresContent: false })).PAL1.status,
      ).toBe('met');
    });
  });

  describe('settled readings (2025 revision)', () => {
    it('R-M-4: whether an encounter had to be meaningful is decided by the policy of its own year', () => {
      const record = learner({
        enrolments: [enrolment(2024, 10), enrolment(2025, 11)],
        attendances: [
          workplaceVisit('w1', '2025-03-01', { meaningful: NOTHING_TICKED }),
          workplaceVisit('w2', '2025-10-01', { meaningful: NOTHING_TICKED }),
        ],
      });
      const lenientLastYear = (year: number) => policyWith({ requireMeaningful: year !== 2024 })(year);
      expect(evaluate(record, 2025, '2026-07-31', lenientLastYear).B6_16).toMatchObject({
        status: 'at_risk',
        evidence: ['w1'],
      });
    });

    it('R-M-5: specialist careers advice counts by the adviser level alone, with nothing on the checklist ticked', () => {
      const record = learnerIn(2025, 9, [
        groupGuidance('g1', '2025-11-01', 6, { meaningful: NOTHING_TICKED }),
        employerTalk('e1', '2025-11-02'),
        collegeTalk('c1', '2025-11-03'),
      ]);
      expect(evaluate(record, 2025, '2026-07-31').O2).toMatchObject({
        status: 'met',
        evidence: ['g1', 'e1', 'c1'],
      });
    });
  });
});
