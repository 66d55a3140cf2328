import {
  COVERAGE_BREAKDOWNS,
  LearnerCoverageEntry,
  coverageBreakdown,
  coverageEntries,
  coverageRow,
  tallyStatuses,
} from './coverage';
import { RULE_IDS, RuleStatus, RuleStatuses } from './rule';
import { employerTalk } from './testing/encounters';
import { enrolment, learner, onRoll } from './testing/learner-builder';
import { policyWith } from './testing/rule-table';

function statuses(overrides: Partial<RuleStatuses> = {}): RuleStatuses {
  const all = Object.fromEntries(RULE_IDS.map((rule) => [rule, 'not_applicable'])) as RuleStatuses;
  return { ...all, ...overrides };
}

function entry(
  learnerId: string,
  b5: RuleStatus,
  characteristics: Partial<LearnerCoverageEntry['enrolment']> = {},
): LearnerCoverageEntry {
  return {
    learnerId,
    enrolment: {
      pupilPremium: false,
      senStatus: 'N',
      eal: false,
      gender: 'F',
      lookedAfter: false,
      ...characteristics,
    },
    statuses: statuses({ B5: b5 }),
  };
}

describe(tallyStatuses.name, () => {
  it('R-G-1: met over applicable, as a percentage to one decimal place', () => {
    expect(tallyStatuses(['met', 'on_track', 'at_risk', 'not_applicable'])).toEqual({
      met: 1,
      onTrack: 1,
      atRisk: 1,
      missed: 0,
      applicable: 3,
      percent: 33.3,
    });
  });

  it('R-G-1: no percentage when the rule applies to nobody', () => {
    expect(tallyStatuses(['not_applicable']).percent).toBeNull();
    expect(tallyStatuses([]).percent).toBeNull();
  });
});

describe(coverageRow.name, () => {
  it('R-G-1: gives every rule’s figures in the /api/coverage row shape', () => {
    const sut = coverageRow('academy-a', 'Academy A', [entry('l1', 'met'), entry('l2', 'missed')]);
    expect(sut.key).toBe('academy-a');
    expect(sut.learners).toBe(2);
    expect(Object.keys(sut.rules)).toEqual([...RULE_IDS]);
    expect(sut.rules.B5).toEqual({ met: 1, onTrack: 0, atRisk: 0, missed: 1, applicable: 2, percent: 50 });
    expect(sut.rules.PAL3).toEqual({
      met: 0,
      onTrack: 0,
      atRisk: 0,
      missed: 0,
      applicable: 0,
      percent: null,
    });
  });

  it('R-G-1: counts each learner once', () => {
    expect(
      coverageRow('all', 'All', [entry('l1', 'met'), entry('l1', 'met'), entry('l2', 'on_track')]).rules.B5,
    ).toMatchObject({
      met: 1,
      applicable: 2,
      percent: 50,
    });
  });
});

describe(coverageBreakdown.name, () => {
  const group = [
    entry('pp1', 'met', { pupilPremium: true, senStatus: 'K' }),
    entry('pp2', 'missed', { pupilPremium: true, senStatus: 'E', gender: 'M' }),
    entry('n1', 'met', { gender: 'M' }),
    entry('n2', 'met'),
    entry('n3', 'met', { gender: 'X' }),
    entry('n4', 'at_risk', { eal: true, lookedAfter: true }),
  ];

  it('R-G-3: pupil premium against the rest, with the gap in percentage points', () => {
    const [pp, notPp] = coverageBreakdown('pupilPremium', group);
    expect(pp).toMatchObject({ key: 'pupilPremium:yes', label: 'Pupil premium', learners: 2 });
    expect(pp.rules.B5.percent).toBe(50);
    expect(notPp.rules.B5.percent).toBe(75);
    expect(pp.gaps.B5).toBe(-25);
    expect(notPp.gaps.B5).toBe(25);
    expect(pp.gaps.O2).toBeNull();
  });

  it('R-G-3: SEN lists N, K and E even when a status has no learners', () => {
    const sut = coverageBreakdown('sen', group.slice(2));
    expect(sut.map((row) => [row.key, row.label, row.learners])).toEqual([
      ['sen:N', 'No SEN (N)', 4],
      ['sen:K', 'SEN support (K)', 0],
      ['sen:E', 'EHC plan (E)', 0],
    ]);
    expect(sut[1].gaps.B5).toBeNull();
  });

  it('R-G-3: gender lists the values present, labelled in words', () => {
    expect(coverageBreakdown('gender', group).map((row) => [row.key, row.label])).toEqual([
      ['gender:F', 'Female'],
      ['gender:M', 'Male'],
      ['gender:X', 'X'],
    ]);
  });

  it('R-G-3: the gap is computed from unrounded shares', () => {
    const thirds = [
      entry('a', 'met', { eal: true }),
      entry('b', 'met', { eal: true }),
      entry('c', 'missed', { eal: true }),
      entry('d', 'met'),
    ];
    const [eal] = coverageBreakdown('eal', thirds);
    expect(eal.rules.B5.percent).toBe(66.7);
    expect(eal.gaps.B5).toBe(-33.3);
  });

  it.each(COVERAGE_BREAKDOWNS)(
    'R-G-3: the %s breakdown puts every learner in exactly one row',
    (breakdown) => {
      const rows = coverageBreakdown(breakdown, group);
      expect(rows.reduce((sum, row) => sum + row.learners, 0)).toBe(group.length);
    },
  );
});

describe(coverageEntries.name, () => {
  const asAt = '2026-03-31';

  it('R-G-4: a leaver is excluded from current coverage but kept in an earlier year', () => {
    const leaver = learner({
      learnerId: 'leaver',
      enrolments: [enrolment(2024, 9), enrolment(2025, 10, { leavingDate: '2026-02-13' })],
    });
    expect(coverageEntries([leaver], 2025, asAt, policyWith())).toEqual([]);
    expect(coverageEntries([leaver], 2024, asAt, policyWith()).map((e) => e.learnerId)).toEqual(['leaver']);
  });

  it('R-G-4: a learner leaving after the as-at date still counts', () => {
    const later = onRoll(2025, 10, { leavingDate: '2026-04-01' });
    expect(coverageEntries([later], 2025, asAt, policyWith())).toHaveLength(1);
  });

  it('R-G-4: a learner joining mid-year counts from their admission date', () => {
    const joiner = onRoll(2025, 10, { admissionDate: '2026-04-20' });
    expect(coverageEntries([joiner], 2025, asAt, policyWith())).toEqual([]);
    expect(coverageEntries([joiner], 2025, '2026-04-20', policyWith())).toHaveLength(1);
  });

  it('R-G-2: a learner who moved academy counts once, at the academy of the as-at date, with their whole history', () => {
    const mover = learner({
      learnerId: 'mover',
      enrolments: [
        enrolment(2025, 10, { academyId: 'academy-a', leavingDate: '2025-12-19', pupilPremium: true }),
        enrolment(2025, 10, { academyId: 'academy-b', admissionDate: '2026-01-05', pupilPremium: true }),
      ],
      attendances: [employerTalk('e1', '2025-10-14')],
    });
    const sut = coverageEntries([mover], 2025, asAt, policyWith());
    expect(sut).toHaveLength(1);
    expect(sut[0].enrolment.academyId).toBe('academy-b');
    expect(sut[0].statuses.B5).toBe('met');
    expect(coverageEntries([mover], 2025, '2025-11-30', policyWith())[0].enrolment.academyId).toBe(
      'academy-a',
    );
  });

  it('R-G-1: a trust row from entries', () => {
    const learners = [
      learner({
        learnerId: 'a',
        enrolments: [enrolment(2025, 10)],
        attendances: [employerTalk('e1', '2025-10-14')],
      }),
      learner({ learnerId: 'b', enrolments: [enrolment(2025, 10)] }),
      learner({ learnerId: 'c', enrolments: [enrolment(2025, 6)] }),
    ];
    const sut = coverageRow('trust', 'Trust', coverageEntries(learners, 2025, asAt, policyWith()));
    expect(sut.learners).toBe(3);
    expect(sut.rules.B5).toEqual({ met: 1, onTrack: 1, atRisk: 0, missed: 0, applicable: 2, percent: 50 });
  });
});
