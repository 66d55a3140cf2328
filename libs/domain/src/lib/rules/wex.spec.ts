import { countedHoursFigures, trustOfferStatus } from './coverage';
import { evaluateLearner, evaluateLearnerWithFirstMet } from './evaluate-learner';
import { LearnerAttendance } from './learner-record';
import {
  attendance,
  CORE_ITEMS_ONLY,
  employerTalk,
  employerWorkshop,
  placement,
  workplaceVisit,
} from './testing/encounters';
import { enrolment, learner, learnerIn } from './testing/learner-builder';
import { evaluate, evaluation, policyWith } from './testing/rule-table';
import {
  attendanceHours,
  countedHours,
  histogramMedian,
  hoursAt,
  hoursFigures,
  hoursGaps,
  hoursHistogram,
} from './work-experience';

const year10 = (attendances: LearnerAttendance[]) =>
  learner({ enrolments: [enrolment(2025, 10)], attendances });
const year8 = (attendances: LearnerAttendance[]) =>
  learner({ enrolments: [enrolment(2025, 8)], attendances });

describe(evaluateLearner.name, () => {
  describe('WEX_KS4', () => {
    it('R-WEX-2, R-WEX-3: one 10-day in-person Year 10 placement meets WEX_KS4', () => {
      const record = year10([placement('p1', '2026-06-15', 10)]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS4).toEqual({
        rule: 'WEX_KS4',
        status: 'met',
        window: { start: '2025-09-01', end: '2027-08-31' },
        evidence: ['p1'],
        stillNeeded: null,
      });
    });

    it('R-WEX-2: a placement split across two employers adds up', () => {
      const record = year10([placement('p1', '2026-06-15', 2), placement('p2', '2026-07-06', 3)]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS4).toMatchObject({
        status: 'met',
        evidence: ['p1', 'p2'],
      });
      expect(evaluate(record, 2025, '2026-07-01').WEX_KS4).toMatchObject({
        status: 'on_track',
        evidence: ['p1'],
        stillNeeded: '13 more hours of work-experience placements (18 hours planned) by 31 Aug 2027',
      });
    });

    it('R-WEX-2: a workplace visit carries hours for KS3 but is not a KS4 placement', () => {
      const record = year10([workplaceVisit('v1', '2026-03-01', { durationMinutes: 1500 })]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS4).toMatchObject({
        status: 'on_track',
        evidence: [],
        stillNeeded: '25 hours of work-experience placements by 31 Aug 2027',
      });
    });

    it('R-WEX-3, R-S-3: applies only in Years 10 and 11; R-S-1 missed once Year 11 is over', () => {
      const record = learnerIn(2025, 11, [placement('p1', '2026-01-12', 2)]);
      expect(evaluate(record, 2025, '2026-09-01').WEX_KS4.status).toBe('missed');
      expect(evaluate(record, 2025, '2026-09-01').WEX_KS3.status).toBe('not_applicable');
      expect(evaluate(learnerIn(2025, 12), 2025, '2026-01-01').WEX_KS4.status).toBe('not_applicable');
    });

    it('R-WEX-3: the target is the policy of the year (wex.ks4Hours)', () => {
      const record = year10([placement('p1', '2026-06-15', 5)]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS4.status).toBe('met');
      const strict = policyWith({
        wex: { ks3Hours: 25, ks4Hours: 50, hoursPerDay: 6, virtualShareMax: 0.5 },
      });
      expect(evaluate(record, 2025, '2026-07-31', strict).WEX_KS4.status).toBe('on_track');
    });
  });

  describe('WEX_KS3', () => {
    it('R-WEX-4: 30 virtual KS3 hours count 12.5', () => {
      const record = year8([
        employerWorkshop('w1', '2025-11-03', 15, { delivery: 'virtual' }),
        employerWorkshop('w2', '2025-11-04', 15, { delivery: 'virtual' }),
      ]);
      const sut = evaluation(record, 2025, '2026-07-31');
      expect(sut.workExperience.ks3).toEqual({
        doneHours: 30,
        plannedHours: 0,
        countedHours: 12.5,
        targetHours: 25,
      });
      expect(sut.results.WEX_KS3).toMatchObject({
        status: 'on_track',
        stillNeeded: '12.5 more hours of work-experience activities by 31 Aug 2027',
      });
    });

    it('R-WEX-4: in-person hours fill the rest of the target; virtual ones never more than half', () => {
      const record = year8([
        employerWorkshop('w1', '2025-11-03', 30, { delivery: 'virtual' }),
        employerWorkshop('w2', '2026-02-03', 12.5, { delivery: 'mixed' }),
      ]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS3).toMatchObject({
        status: 'met',
        evidence: ['w1', 'w2'],
      });
    });

    it('R-WEX-1: an employer workshop carries hours only when the employer set a task', () => {
      const record = year8([employerWorkshop('w1', '2025-11-03', 30, { meaningful: CORE_ITEMS_ONLY })]);
      const sut = evaluation(record, 2025, '2026-07-31');
      expect(sut.workExperience.items).toEqual([]);
      expect(sut.results.WEX_KS3.status).toBe('on_track');
    });

    it('R-WEX-1: a talk never carries hours, whatever its length', () => {
      const record = year8([employerTalk('t1', '2025-11-03', { durationMinutes: 1800 })]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS3.evidence).toEqual([]);
    });

    it('R-WEX-2: KS3 counts hours attended in Years 7 to 9 only, from Year 7 on', () => {
      const record = learner({
        enrolments: [enrolment(2024, 7), enrolment(2025, 8)],
        attendances: [employerWorkshop('w1', '2024-10-01', 15), employerWorkshop('w2', '2025-10-01', 10)],
      });
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS3).toMatchObject({
        status: 'met',
        window: { start: '2024-09-01', end: '2027-08-31' },
      });
    });

    it('R-M-3: an absent learner has no hours', () => {
      const record = year8([employerWorkshop('w1', '2025-11-03', 30, { status: 'absent' })]);
      expect(evaluate(record, 2025, '2026-07-31').WEX_KS3.status).toBe('on_track');
    });
  });

  describe('planned experiences', () => {
    it('R-WEX-5: planned hours never make the rule met', () => {
      const record = year10([placement('p1', '2026-07-06', 10)]);
      const sut = evaluation(record, 2025, '2026-05-01');
      expect(sut.results.WEX_KS4.status).toBe('on_track');
      expect(sut.workExperience.ks4).toEqual({
        doneHours: 0,
        plannedHours: 60,
        countedHours: 0,
        targetHours: 25,
      });
      expect(sut.workExperience.items).toEqual([
        {
          encounterId: 'p1',
          date: '2026-07-06',
          hours: 60,
          delivery: 'in_person',
          planned: true,
          placement: true,
        },
      ]);
    });

    it('R-WEX-5, R-WEX-8: inside the at-risk period, done + planned reaching the target stays on track; short of it is at risk', () => {
      const reaches = learnerIn(2025, 11, [placement('p1', '2026-07-06', 5)]);
      const short = learnerIn(2025, 11, [placement('p1', '2026-07-06', 2)]);
      expect(evaluate(reaches, 2025, '2026-06-01').WEX_KS4.status).toBe('on_track');
      expect(evaluate(short, 2025, '2026-06-01').WEX_KS4).toMatchObject({
        status: 'at_risk',
        stillNeeded: '25 hours of work-experience placements (12 hours planned) by 31 Aug 2026',
      });
      expect(evaluate(reaches, 2025, '2026-07-06').WEX_KS4.status).toBe('met');
    });

    it('R-WEX-5: a planned experience after the window closes does not keep the rule on track', () => {
      const record = learnerIn(2025, 11, [placement('p1', '2026-09-10', 5)]);
      expect(evaluate(record, 2025, '2026-06-01').WEX_KS4.status).toBe('at_risk');
    });
  });
});

describe(attendanceHours.name, () => {
  const at = (options: Parameters<typeof attendance>[4]) =>
    attendance('e1', '2026-01-01', 'work_experience', ['employer'], options);

  it.each([
    ['one day: the duration in hours', { durationMinutes: 150 }, 2.5],
    ['a date range: days x hoursPerDay', { durationMinutes: 150, days: 5 }, 30],
    ["the learner's own hours win (left at noon)", { days: 5, hours: 27 }, 27],
    ['never negative', { hours: -3 }, 0],
    ['never more than 24 a day', { hours: 30 }, 24],
    ['never more than 24 a day over the days', { days: 2, hours: 50 }, 48],
  ])('R-WEX-1: %s', (_, options, expected) => {
    expect(attendanceHours(at(options), 6)).toBe(expected);
  });
});

describe(countedHours.name, () => {
  it.each([
    [0, 30, 12.5],
    [10, 30, 22.5],
    [25, 0, 25],
    [5, 5, 10],
  ])('R-WEX-4: %d in person and %d virtual hours count %d against 25', (inPerson, virtual, expected) => {
    expect(countedHours(inPerson, virtual, 25, 0.5)).toBe(expected);
  });
});

describe(hoursFigures.name, () => {
  it('R-WEX-6, R-WEX-9: zero, below and at target are disjoint; the median is of counted hours', () => {
    expect(hoursFigures([0, 0, 12.5, 24, 25, 60], 25)).toEqual({
      zero: 2,
      belowTarget: 2,
      atTarget: 2,
      median: 18.25,
    });
    expect(hoursFigures([3, 30, 9], 25)).toEqual({ zero: 0, belowTarget: 2, atTarget: 1, median: 9 });
  });

  it('R-WEX-9: no learners, no median', () => {
    expect(hoursFigures([], 25)).toEqual({ zero: 0, belowTarget: 0, atTarget: 0, median: null });
  });
});

describe('R-WEX-4, R-WEX-6: counted hours as steps, group figures and gaps', () => {
  it('keeps the counted hours after each done experience, virtual ones capped, one step a date', () => {
    const record = year8([
      workplaceVisit('v1', '2025-10-01', { delivery: 'virtual', durationMinutes: 600 }),
      workplaceVisit('v2', '2025-11-01', { delivery: 'virtual', durationMinutes: 600 }),
      workplaceVisit('p1', '2026-01-10', { durationMinutes: 300 }),
      workplaceVisit('p2', '2026-01-10', { durationMinutes: 120 }),
    ]);
    const { hoursSteps } = evaluateLearnerWithFirstMet({
      learner: record,
      academicYear: 2025,
      asAt: '9999-12-31',
      policyFor: policyWith({}),
    });
    // 10 virtual hours, then 20 capped at 12.5 (half of 25), then 7 in person on one day.
    expect(hoursSteps.WEX_KS3).toEqual([
      { on: '2025-10-01', counted: 10 },
      { on: '2025-11-01', counted: 12.5 },
      { on: '2026-01-10', counted: 19.5 },
    ]);
    expect(hoursSteps.WEX_KS4).toEqual([]);
    expect(hoursAt(hoursSteps.WEX_KS3, '2025-09-30')).toBe(0);
    expect(hoursAt(hoursSteps.WEX_KS3, '2025-12-31')).toBe(12.5);
    expect(hoursAt(hoursSteps.WEX_KS3, '2026-01-10')).toBe(19.5);
  });

  it('R-WEX-9: each learner against their own target; the median of counted hours', () => {
    expect(
      countedHoursFigures([
        { counted: 0, targetHours: 25 },
        { counted: 12.5, targetHours: 10 },
        { counted: 12.5, targetHours: 25 },
        { counted: 30, targetHours: 25 },
      ]),
    ).toEqual({ zero: 1, belowTarget: 1, atTarget: 2, median: 12.5 });
  });

  it('R-G-3: the gaps are the cohort’s shares and median minus the rest’s; none where either is empty', () => {
    const cohort = { zero: 1, belowTarget: 1, atTarget: 2, median: 20 };
    const rest = { zero: 3, belowTarget: 3, atTarget: 4, median: 12.5 };
    expect(hoursGaps(cohort, rest)).toEqual({ zero: -5, atTarget: 10, median: 7.5 });
    expect(hoursGaps(cohort, { zero: 0, belowTarget: 0, atTarget: 0, median: null })).toEqual({
      zero: null,
      atTarget: null,
      median: null,
    });
  });

  it('R-PAL-4: the trust meets the offer when every academy it applies to does, else the least favourable', () => {
    expect(trustOfferStatus(['met', 'not_applicable', 'met'])).toBe('met');
    expect(trustOfferStatus(['met', 'on_track'])).toBe('on_track');
    expect(trustOfferStatus(['at_risk', 'missed', 'met'])).toBe('missed');
    expect(trustOfferStatus(['not_applicable'])).toBe('not_applicable');
    expect(trustOfferStatus([])).toBe('not_applicable');
  });
});

describe(histogramMedian.name, () => {
  it('R-WEX-9: the median of groups kept as histograms is the median of all their hours in one list', () => {
    let seed = 20;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 500; trial++) {
      const groups = Array.from({ length: Math.floor(next() * 5) }, () =>
        Array.from({ length: Math.floor(next() * 12) }, () =>
          // Few distinct values, as counted hours are, with decimals and zeros among them.
          next() < 0.3 ? 0 : Math.round(next() * 16) * 2.5,
        ),
      );
      expect(histogramMedian(groups.map(hoursHistogram))).toBe(hoursFigures(groups.flat(), 0).median);
    }
  });

  it('keeps each distinct value once, in increasing order, with its count', () => {
    expect(hoursHistogram([12.5, 0, 30, 12.5, 0, 0])).toEqual({ values: [0, 12.5, 30], counts: [3, 2, 1] });
    expect(histogramMedian([])).toBeNull();
  });
});
