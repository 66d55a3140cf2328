import { CoverageLearnerRow, RULE_IDS, RuleStatus, RuleStatuses } from '@encounters/domain';

import {
  applicableRules,
  needsSomethingThisTerm,
  REGISTER_ORDER,
  sortLearners,
  unmetRules,
} from './learner-gaps';

function statuses(overrides: Partial<RuleStatuses>): RuleStatuses {
  return {
    ...(Object.fromEntries(RULE_IDS.map((rule) => [rule, 'not_applicable'])) as RuleStatuses),
    ...overrides,
  };
}

function learner(name: string, overrides: Partial<Record<string, RuleStatus>>): CoverageLearnerRow {
  return { learnerId: name, upn: name, name, yearGroup: 9, group: '9A', statuses: statuses(overrides) };
}

describe(sortLearners.name, () => {
  // In register order, as the API lists a class.
  const rows = [
    learner('Ada', { O2: 'met', B5: 'met' }),
    learner('Ben', { O2: 'on_track', B5: 'on_track' }),
    learner('Cai', { O2: 'on_track', B5: 'at_risk' }),
    learner('Dee', { O2: 'missed', B5: 'met' }),
    learner('Eve', { O2: 'on_track', B5: 'on_track' }),
  ];
  const names = (sorted: CoverageLearnerRow[]) => sorted.map((row) => row.name);

  it('keeps register order by default, and reverses it on request', () => {
    expect(names(sortLearners(rows, REGISTER_ORDER))).toEqual(['Ada', 'Ben', 'Cai', 'Dee', 'Eve']);
    expect(names(sortLearners(rows, { column: 'learner', direction: 'descending' }))).toEqual([
      'Eve',
      'Dee',
      'Cai',
      'Ben',
      'Ada',
    ]);
  });

  it('puts the most unmet rules first, then the most urgent, then register order', () => {
    expect(names(sortLearners(rows, { column: 'unmet', direction: 'descending' }))).toEqual([
      'Cai',
      'Ben',
      'Eve',
      'Dee',
      'Ada',
    ]);
    // Ties stay in register order whichever the direction.
    expect(names(sortLearners(rows, { column: 'unmet', direction: 'ascending' }))).toEqual([
      'Ada',
      'Dee',
      'Ben',
      'Eve',
      'Cai',
    ]);
  });

  it("sorts by a rule's status from missed to not applicable, or back", () => {
    expect(names(sortLearners(rows, { column: 'O2', direction: 'descending' }))).toEqual([
      'Dee',
      'Ben',
      'Cai',
      'Eve',
      'Ada',
    ]);
    expect(names(sortLearners(rows, { column: 'B5', direction: 'ascending' }))).toEqual([
      'Ada',
      'Dee',
      'Ben',
      'Eve',
      'Cai',
    ]);
  });

  it('leaves the list it was given alone', () => {
    sortLearners(rows, { column: 'O2', direction: 'descending' });
    expect(names(rows)).toEqual(['Ada', 'Ben', 'Cai', 'Dee', 'Eve']);
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
