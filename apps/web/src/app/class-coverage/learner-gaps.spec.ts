import { CoverageLearnerRow, RULE_IDS, RuleStatus, RuleStatuses } from '@encounters/domain';

import { applicableRules, needsSomethingThisTerm, sortGapsFirst, unmetRules } from './learner-gaps';

function statuses(overrides: Partial<RuleStatuses>): RuleStatuses {
  return {
    ...(Object.fromEntries(RULE_IDS.map((rule) => [rule, 'not_applicable'])) as RuleStatuses),
    ...overrides,
  };
}

function learner(name: string, overrides: Partial<Record<string, RuleStatus>>): CoverageLearnerRow {
  return { learnerId: name, upn: name, name, yearGroup: 9, group: '9A', statuses: statuses(overrides) };
}

describe(sortGapsFirst.name, () => {
  it('puts the learners with the most unmet rules first, then the most urgent, keeping name order otherwise', () => {
    const rows = [
      learner('Ada', { O2: 'met', B5: 'met' }),
      learner('Ben', { O2: 'on_track', B5: 'on_track' }),
      learner('Cai', { O2: 'on_track', B5: 'at_risk' }),
      learner('Dee', { O2: 'on_track', B5: 'met' }),
      learner('Eve', { O2: 'on_track', B5: 'on_track' }),
    ];

    const sut = sortGapsFirst(rows);

    expect(sut.map((row) => row.name)).toEqual(['Cai', 'Ben', 'Eve', 'Dee', 'Ada']);
  });

  it('leaves the list it was given alone', () => {
    const rows = [learner('Ada', { O2: 'met' }), learner('Ben', { O2: 'missed' })];

    sortGapsFirst(rows);

    expect(rows.map((row) => row.name)).toEqual(['Ada', 'Ben']);
  });
});

describe(unmetRules.name, () => {
  it('counts on track, at risk and missed, but not met or not applicable', () => {
    const sut = unmetRules(statuses({ O2: 'on_track', B5: 'at_risk', B6_16: 'missed', B7_16: 'met' }));

    expect(sut).toEqual(['O2', 'B5', 'B6_16']);
  });
});

describe(needsSomethingThisTerm.name, () => {
  it('is true only when a rule is at risk', () => {
    expect(needsSomethingThisTerm(statuses({ PAL1: 'at_risk' }))).toBe(true);
    expect(needsSomethingThisTerm(statuses({ O2: 'on_track', B5: 'missed' }))).toBe(false);
  });
});

describe(applicableRules.name, () => {
  it('keeps the rules that apply to at least one learner, in rule order', () => {
    const sut = applicableRules([learner('Ada', { PAL1: 'met' }), learner('Ben', { O2: 'on_track' })]);

    expect(sut).toEqual(['O2', 'PAL1']);
  });
});
