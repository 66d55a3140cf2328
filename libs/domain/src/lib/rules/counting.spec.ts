import { notCountingText } from '../vocabulary/counting-labels';
import { attendanceCounting, CountingAttendance, meetingCounting } from './counting';
import { evaluateLearner } from './evaluate-learner';
import { defaultPolicy, PolicyLookup } from './policy';
import {
  CORE_ITEMS_ONLY,
  employerTalk,
  groupGuidance,
  meeting,
  NOTHING_TICKED,
  universityVisit,
  workplaceVisit,
} from './testing/encounters';
import { enrolment, learner } from './testing/learner-builder';
import { policyWith } from './testing/rule-table';
import { LearnerRecord } from './learner-record';

/** The counting of every item of a Year 10 learner's record in 2025/26 at an as-at date. */
function counting(
  attendances: CountingAttendance[],
  options: {
    asAt?: string;
    meetings?: LearnerRecord['guidanceMeetings'];
    policyFor?: PolicyLookup;
    yearGroup?: number;
  } = {},
) {
  const asAt = options.asAt ?? '2026-03-01';
  const policyFor = options.policyFor ?? defaultPolicy;
  const record = learner({
    enrolments: [enrolment(2025, options.yearGroup ?? 10)],
    attendances,
    guidanceMeetings: options.meetings ?? [],
  });
  const { results } = evaluateLearner({ learner: record, academicYear: 2025, asAt, policyFor });
  const context = { results, asAt, policyFor };
  return {
    items: Object.fromEntries(attendances.map((a) => [a.encounterId, attendanceCounting(a, context)])),
    meetings: Object.fromEntries((options.meetings ?? []).map((m) => [m.id, meetingCounting(m, context)])),
  };
}

describe(attendanceCounting.name, () => {
  it('counts an attended, meaningful employer talk for B5 and O2, with no reason against it', () => {
    const { items } = counting([employerTalk('e1', '2025-10-01')]);
    expect(items['e1']).toEqual({ counts: true, rules: ['O2', 'B5'], reasons: [] });
  });

  it('says an absent learner was not marked as attending, and nothing else', () => {
    const { items } = counting([employerTalk('e1', '2025-10-01', { status: 'absent' })]);
    expect(items['e1']).toEqual({ counts: false, rules: [], reasons: [{ code: 'absent' }] });
  });

  it('names the unticked checklist items when an encounter is not meaningful (R-M-1)', () => {
    const { items } = counting([employerTalk('e1', '2025-10-01', { meaningful: { purposeShared: true } })]);
    expect(items['e1']).toEqual({
      counts: false,
      rules: [],
      reasons: [
        {
          code: 'checklist_incomplete',
          benchmark: 'B5',
          missing: ['learningOutcomes', 'twoWayInteraction', 'reflection'],
        },
      ],
    });
    expect(notCountingText(items['e1'].reasons[0])).toBe(
      'Not meaningful for Benchmark 5 (employer encounters): the checklist is incomplete (not ticked: ' +
        '“Learning outcomes were set”; “Learners talked with the visitors, not just listened”; ' +
        '“Learners had time to reflect afterwards”). If these happened, tick them on the encounter.',
    );
  });

  it("asks for Benchmark 6's own items when only the core items of a workplace visit are ticked", () => {
    const { items } = counting([workplaceVisit('w1', '2025-10-01', { meaningful: CORE_ITEMS_ONLY })]);
    expect(items['w1'].counts).toBe(false);
    expect(items['w1'].reasons).toEqual([
      {
        code: 'checklist_incomplete',
        benchmark: 'B6',
        missing: ['rangeOfPeople', 'taskSet', 'employerFeedback'],
      },
    ]);
  });

  it('gives no checklist reason when the policy does not require meaningful encounters', () => {
    const { items } = counting([employerTalk('e1', '2025-10-01', { meaningful: NOTHING_TICKED })], {
      policyFor: policyWith({ requireMeaningful: false }),
    });
    expect(items['e1']).toMatchObject({ counts: true, reasons: [] });
  });

  it('says a per-learner "not meaningful" mark took it away (R-M-2)', () => {
    const { items } = counting([employerTalk('e1', '2025-10-01', { meaningfulOverride: false })]);
    expect(items['e1']).toEqual({
      counts: false,
      rules: [],
      reasons: [{ code: 'not_meaningful_for_learner' }],
    });
  });

  it('says a virtual workplace visit is no visit under gatsby-2024 (R-D-1), though it may count as an employer encounter', () => {
    const { items } = counting([workplaceVisit('w1', '2025-10-01', { delivery: 'virtual' })]);
    expect(items['w1'].reasons).toEqual([{ code: 'virtual_visit', category: 'workplace_experience' }]);
    expect(notCountingText(items['w1'].reasons[0])).toMatch(/virtual workplace experience is not a visit/);
  });

  it('says a virtual university visit is no visit (R-D-1)', () => {
    const { items } = counting([universityVisit('u1', '2025-10-01', { delivery: 'virtual' })], {
      yearGroup: 12,
    });
    expect(items['u1'].reasons).toContainEqual({ code: 'virtual_visit', category: 'he_visit' });
  });

  it('says group guidance by a level-4 adviser is not specialist advice (R-C-5)', () => {
    const talk: CountingAttendance = { ...groupGuidance('g1', '2025-10-01', 4), adviserLevel: 4 };
    const { items } = counting([talk]);
    expect(items['g1'].counts).toBe(false);
    expect(items['g1'].reasons).toContainEqual({ code: 'adviser_below_level_6', adviserLevel: 4 });
  });

  it('says an encounter dated after the as-at date counts from its own date (R-AY-5)', () => {
    const { items } = counting([employerTalk('e1', '2026-05-01')], { asAt: '2026-03-01' });
    expect(items['e1']).toEqual({
      counts: false,
      rules: [],
      reasons: [{ code: 'after_as_at', asAt: '2026-03-01' }],
    });
  });

  it("says an encounter outside every window of the learner's rules does not count there", () => {
    // Year 10 in 2025/26: the widest window (B6, B7, B8 by 16) starts on 1 Sep 2022, when they joined Year 7.
    const { items } = counting([employerTalk('e1', '2021-10-01')]);
    expect(items['e1'].counts).toBe(false);
    expect(items['e1'].reasons).toEqual([
      {
        code: 'outside_window',
        windows: expect.arrayContaining([{ start: '2022-09-01', end: '2027-08-31' }]),
      },
    ]);
    expect(notCountingText(items['e1'].reasons[0])).toBe(
      "It falls outside the dates this learner's rules count (1 Sep 2022 to 31 Aug 2027).",
    );
  });

  it('says no applicable rule counts what it evidences, when it is within the dates', () => {
    // A Year 10 employer talk of last year counts for neither this year's B5/O2 nor a rule by 16.
    const { items } = counting([employerTalk('e1', '2024-10-01')]);
    expect(items['e1']).toEqual({ counts: false, rules: [], reasons: [{ code: 'no_rule_applies' }] });
  });
});

describe(meetingCounting.name, () => {
  it("counts a level-6 meeting for B8 (and O2's advice), and says a level-4 one does not count and why", () => {
    const { meetings } = counting([], {
      meetings: [meeting('m6', '2025-11-01', 6), meeting('m4', '2025-11-02', 4)],
    });
    expect(meetings['m6']).toEqual({ counts: true, rules: ['O2', 'B8_16'], reasons: [] });
    expect(meetings['m4']).toEqual({
      counts: false,
      rules: [],
      reasons: [{ code: 'adviser_below_level_6', adviserLevel: 4 }],
    });
    expect(notCountingText(meetings['m4'].reasons[0])).toBe(
      'The adviser is at level 4: guidance counts only with an adviser qualified to level 6 or above. ' +
        'If the adviser holds level 6, correct the level on the record.',
    );
  });

  it('says a meeting after the as-at date counts from its own date', () => {
    const { meetings } = counting([], { meetings: [meeting('m', '2026-06-01', 6)] });
    expect(meetings['m'].reasons).toEqual([{ code: 'after_as_at', asAt: '2026-03-01' }]);
  });
});
