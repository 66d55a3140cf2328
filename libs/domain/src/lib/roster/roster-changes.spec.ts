import {
  describeRosterChanges,
  resolveRosterRow,
  rosterChangeWarnings,
  RosterRowBaseline,
} from './roster-changes';
import { RosterRow } from './roster-row';

const fileRow: RosterRow = {
  line: 2,
  upn: 'B801200005001',
  temporaryUpn: false,
  legalSurname: 'Okafor',
  legalForename: 'Zoë',
  dateOfBirth: '2012-09-03',
  yearGroup: 9,
};

const held: RosterRowBaseline = {
  legalSurname: 'Okafor',
  legalForename: 'Zoë',
  preferredSurname: null,
  preferredForename: 'Tom',
  dateOfBirth: '2012-09-03',
  gender: 'F',
  current: true,
  yearGroup: 9,
  registrationGroup: '9K',
  pupilPremium: true,
  freeSchoolMeals: true,
  senStatus: 'K',
  eal: false,
  lookedAfter: false,
  consideringHigherEducation: false,
  admissionDate: '2023-09-04',
  leavingDate: null,
};

describe(resolveRosterRow.name, () => {
  it('keeps every held value the file does not give', () => {
    const { current: _current, yearGroup: _yearGroup, ...kept } = held;

    expect(resolveRosterRow(fileRow, held)).toEqual({ ...fileRow, ...kept, yearGroup: 9 });
  });

  it('takes what the file gives, a cleared value included', () => {
    const row = resolveRosterRow({ ...fileRow, preferredForename: null, pupilPremium: false }, held);

    expect(row).toMatchObject({ preferredForename: null, pupilPremium: false, freeSchoolMeals: true });
  });

  it('gives a learner not held yet the defaults', () => {
    expect(resolveRosterRow(fileRow, null)).toMatchObject({
      preferredSurname: null,
      preferredForename: null,
      gender: null,
      registrationGroup: null,
      pupilPremium: false,
      freeSchoolMeals: false,
      senStatus: 'N',
      admissionDate: null,
      leavingDate: null,
    });
  });
});

describe(describeRosterChanges.name, () => {
  const change = (row: Partial<RosterRow>, baseline = held) => ({
    baseline,
    row: resolveRosterRow({ ...fileRow, ...row }, baseline),
    name: 'Tom Okafor',
  });

  it('counts each field and kind of change, with examples', () => {
    const changes = describeRosterChanges([
      change({ pupilPremium: false, preferredForename: null }),
      change({ pupilPremium: false, senStatus: 'E' }),
      change({ gender: 'X' }),
    ]);

    expect(changes).toEqual([
      {
        field: 'preferredForename',
        change: 'cleared',
        count: 1,
        examples: ['Tom Okafor (B801200005001): Tom → (none)'],
      },
      { field: 'gender', change: 'changed', count: 1, examples: ['Tom Okafor (B801200005001): F → X'] },
      {
        field: 'pupilPremium',
        change: 'set to no',
        count: 2,
        examples: ['Tom Okafor (B801200005001): yes → no', 'Tom Okafor (B801200005001): yes → no'],
      },
      { field: 'senStatus', change: 'changed', count: 1, examples: ['Tom Okafor (B801200005001): K → E'] },
    ]);
  });

  it("does not count a new year's year group and registration group as changes", () => {
    const newYear = { ...held, current: false, yearGroup: null, registrationGroup: null };

    expect(describeRosterChanges([change({ yearGroup: 10, registrationGroup: '10K' }, newYear)])).toEqual([]);
  });
});

describe(rosterChangeWarnings.name, () => {
  const changes = [
    { field: 'pupilPremium' as const, change: 'set to no' as const, count: 11, examples: [] },
    { field: 'preferredForename' as const, change: 'cleared' as const, count: 10, examples: [] },
    { field: 'gender' as const, change: 'changed' as const, count: 50, examples: [] },
  ];

  it('warns of a field cleared or flipped for more than 10 % of the learners, not of other changes', () => {
    expect(rosterChangeWarnings(changes, 100)).toEqual([
      {
        field: 'pupilPremium',
        change: 'set to no',
        count: 11,
        of: 100,
        message:
          'Pupil premium would be set to no for 11 of 100 learners (11 %). Check that this is the file you meant before committing.',
      },
    ]);
  });

  it('warns of nothing for an academy with no learners', () => {
    expect(rosterChangeWarnings(changes, 0)).toEqual([]);
  });
});
