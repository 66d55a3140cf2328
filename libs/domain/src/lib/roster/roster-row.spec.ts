import { RosterField } from './roster-fields';
import { mapRosterHeaders, RosterColumnMapping } from './roster-headers';
import { findDuplicateUpns, parseRosterRow, RosterRow, RosterRowResult } from './roster-row';

/** Headers as a SIMS export writes them, one per field, in the order of `VALID_CELLS`. */
const HEADERS: Readonly<Record<RosterField, string>> = {
  upn: 'UPN',
  legalSurname: 'Legal Surname',
  legalForename: 'Legal Forename',
  preferredSurname: 'Preferred Surname',
  preferredForename: 'Known As',
  dateOfBirth: 'D.O.B.',
  gender: 'Gender',
  yearGroup: 'NC Year',
  registrationGroup: 'Reg Group',
  pupilPremium: 'Pupil Premium',
  freeSchoolMeals: 'FSM Eligible',
  senStatus: 'SEN Status',
  eal: 'EAL',
  lookedAfter: 'Looked After',
  consideringHigherEducation: 'HE Intent',
  admissionDate: 'Admission Date',
  leavingDate: 'Leaving Date',
};

const VALID_CELLS: Readonly<Record<RosterField, string>> = {
  upn: 'B801200005001',
  legalSurname: 'Okafor',
  legalForename: 'Adaeze',
  preferredSurname: '',
  preferredForename: 'Ada',
  dateOfBirth: '03/09/2012',
  gender: 'Female',
  yearGroup: 'Year 8',
  registrationGroup: '8RB',
  pupilPremium: 'Y',
  freeSchoolMeals: 'Yes',
  senStatus: 'K',
  eal: 'No',
  lookedAfter: 'N',
  consideringHigherEducation: '',
  admissionDate: '01/09/2023',
  leavingDate: '',
};

const FIELDS = Object.keys(HEADERS) as RosterField[];
const LINE = 7;

function fullMapping(): RosterColumnMapping {
  const result = mapRosterHeaders(FIELDS.map((field) => HEADERS[field]));
  if (!result.ok) throw new Error(result.error.message);
  return result.mapping;
}

function parseWith(overrides: Partial<Record<RosterField, string>>): RosterRowResult {
  const cells = FIELDS.map((field) => overrides[field] ?? VALID_CELLS[field]);
  return parseRosterRow(fullMapping(), cells, LINE);
}

function rowWith(overrides: Partial<Record<RosterField, string>>): RosterRow {
  const result = parseWith(overrides);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.row;
}

describe(parseRosterRow.name, () => {
  it('normalises a complete row', () => {
    expect(parseWith({})).toEqual({
      ok: true,
      row: {
        line: LINE,
        upn: 'B801200005001',
        temporaryUpn: false,
        legalSurname: 'Okafor',
        legalForename: 'Adaeze',
        preferredForename: 'Ada',
        dateOfBirth: '2012-09-03',
        gender: 'F',
        yearGroup: 8,
        registrationGroup: '8RB',
        pupilPremium: true,
        freeSchoolMeals: true,
        senStatus: 'K',
        eal: false,
        lookedAfter: false,
        consideringHigherEducation: false,
        admissionDate: '2023-09-01',
        leavingDate: null,
      },
    });
  });

  it('leaves out the optional fields the file has no column for, so that what is held is kept', () => {
    const mapping = mapRosterHeaders(['UPN', 'Surname', 'Forename', 'DOB', 'Year']);
    if (!mapping.ok) throw new Error(mapping.error.message);

    const result = parseRosterRow(
      mapping.mapping,
      ['B801200005001', 'Okafor', 'Adaeze', '2012-09-03', '8'],
      2,
    );

    expect(result).toEqual({
      ok: true,
      row: {
        line: 2,
        upn: 'B801200005001',
        temporaryUpn: false,
        legalSurname: 'Okafor',
        legalForename: 'Adaeze',
        dateOfBirth: '2012-09-03',
        yearGroup: 8,
      },
    });
  });

  it('reads blank cells as "no" where blank means no, and as not said for names, gender, group and admission', () => {
    const cells = FIELDS.slice(0, FIELDS.indexOf('yearGroup') + 1).map((field) =>
      field === 'preferredForename' || field === 'gender' ? '' : VALID_CELLS[field],
    );

    const result = parseRosterRow(fullMapping(), cells, LINE);

    expect(result.ok && result.row).toEqual({
      line: LINE,
      upn: 'B801200005001',
      temporaryUpn: false,
      legalSurname: 'Okafor',
      legalForename: 'Adaeze',
      dateOfBirth: '2012-09-03',
      yearGroup: 8,
      pupilPremium: false,
      freeSchoolMeals: false,
      senStatus: 'N',
      eal: false,
      lookedAfter: false,
      consideringHigherEducation: false,
      leavingDate: null,
    });
  });

  it('reads a preferred name that is the legal name as no preferred name', () => {
    expect(rowWith({ preferredForename: 'Adaeze' }).preferredForename).toBeNull();
  });

  it('reads a sentinel leaving date as none', () => {
    expect(rowWith({ leavingDate: '2079-06-06' }).leavingDate).toBeNull();
  });

  describe('normalisation', () => {
    it.each<[RosterField, string, keyof RosterRow, unknown]>([
      ['upn', ' b801200005001 ', 'upn', 'B801200005001'],
      ['upn', 'X86041100101A', 'temporaryUpn', true],
      ['legalSurname', '  Okafor  ', 'legalSurname', 'Okafor'],
      ['legalForename', ' Adaeze ', 'legalForename', 'Adaeze'],
      ['preferredSurname', ' Smith ', 'preferredSurname', 'Smith'],
      ['preferredSurname', '   ', 'preferredSurname', undefined],
      ['preferredForename', ' Ada ', 'preferredForename', 'Ada'],
      ['preferredForename', '', 'preferredForename', undefined],
      ['dateOfBirth', '3/9/2012', 'dateOfBirth', '2012-09-03'],
      ['dateOfBirth', '2012-09-03', 'dateOfBirth', '2012-09-03'],
      ['dateOfBirth', '29/02/2012', 'dateOfBirth', '2012-02-29'],
      ['gender', 'M', 'gender', 'M'],
      ['gender', 'male', 'gender', 'M'],
      ['gender', 'F', 'gender', 'F'],
      ['gender', 'FEMALE', 'gender', 'F'],
      ['gender', 'X', 'gender', 'X'],
      ['gender', 'Not stated', 'gender', 'Not stated'],
      ['gender', '', 'gender', undefined],
      ['yearGroup', '7', 'yearGroup', 7],
      ['yearGroup', 'Y7', 'yearGroup', 7],
      ['yearGroup', 'Year 7', 'yearGroup', 7],
      ['yearGroup', '1', 'yearGroup', 1],
      ['yearGroup', 'Y14', 'yearGroup', 14],
      ['registrationGroup', ' 10XY ', 'registrationGroup', '10XY'],
      ['registrationGroup', '', 'registrationGroup', undefined],
      ['senStatus', 'N', 'senStatus', 'N'],
      ['senStatus', 'e', 'senStatus', 'E'],
      ['senStatus', '', 'senStatus', 'N'],
      ['admissionDate', '1/9/2023', 'admissionDate', '2023-09-01'],
      ['leavingDate', '2025-07-18', 'leavingDate', '2025-07-18'],
      ['leavingDate', '01/09/2023', 'leavingDate', '2023-09-01'],
    ])('reads %s %j as %s %j', (field, cell, property, value) => {
      expect(rowWith({ [field]: cell })[property]).toEqual(value);
    });

    const flagFields = [
      'pupilPremium',
      'freeSchoolMeals',
      'eal',
      'lookedAfter',
      'consideringHigherEducation',
    ] as const;
    const flagWords: readonly [string, boolean][] = [
      ['Y', true],
      ['Yes', true],
      ['True', true],
      ['T', true],
      ['1', true],
      ['y', true],
      ['N', false],
      ['No', false],
      ['False', false],
      ['F', false],
      ['0', false],
      ['', false],
    ];
    describe.each(flagFields)('the %s flag', (field) => {
      it.each(flagWords)('reads %j as %s', (cell, value) => {
        expect(rowWith({ [field]: cell })[field]).toBe(value);
      });
    });
  });

  describe('bad values', () => {
    it.each<[RosterField, string, string]>([
      [
        'upn',
        'A801200005001',
        'UPN check letter is wrong: "A801200005001" starts with A but the check letter for the digits that follow is B',
      ],
      ['upn', 'B80120000500', 'UPN must be 13 characters long but "B80120000500" has 12'],
      ['upn', 'B8012000O5001', 'UPN character 9 must be a digit but is "O"'],
      ['upn', '', 'UPN is blank'],
      ['legalSurname', '', 'Legal surname is blank but is required'],
      ['legalForename', '  ', 'Legal forename is blank but is required'],
      ['dateOfBirth', '', 'Date of birth is blank but is required'],
      ['dateOfBirth', '31/02/2012', 'Date of birth is not a real date: February 2012 has 29 days'],
      ['dateOfBirth', '2012-04-31', 'Date of birth is not a real date: April 2012 has 30 days'],
      ['dateOfBirth', '03/15/2012', 'Date of birth is not a real date: there is no month 15'],
      [
        'dateOfBirth',
        '2012/09/03',
        'Date of birth is not a date in the form DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY or YYYY-MM-DD',
      ],
      [
        'dateOfBirth',
        '3/9/12',
        'Date of birth is not a date in the form DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY or YYYY-MM-DD',
      ],
      ['yearGroup', '', 'Year group is blank but is required'],
      ['yearGroup', '0', 'Year group is not a year group: it must be between 1 and 14'],
      ['yearGroup', 'Year 15', 'Year group is not a year group: it must be between 1 and 14'],
      ['yearGroup', 'R', 'Year group is not a year group: expected a number such as "7", "Y7" or "Year 7"'],
      [
        'pupilPremium',
        'maybe',
        'Pupil premium is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0',
      ],
      ['eal', '2', 'EAL is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0'],
      [
        'lookedAfter',
        'CLA',
        'Looked after is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0',
      ],
      [
        'consideringHigherEducation',
        'HE',
        'Considering HE is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0',
      ],
      [
        'senStatus',
        'Dyslexia',
        'SEN status is not a SEN status: expected N, K or E, or "No special educational need", "SEN support" or "EHC plan" (blank means N)',
      ],
      ['admissionDate', '30/02/2023', 'Admission date is not a real date: February 2023 has 28 days'],
      [
        'leavingDate',
        'July 2025',
        'Leaving date is not a date in the form DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY or YYYY-MM-DD',
      ],
    ])('rejects %s %j', (field, value, reason) => {
      expect(parseWith({ [field]: value })).toEqual({
        ok: false,
        errors: [{ line: LINE, column: HEADERS[field], value, reason }],
      });
    });

    it('rejects a leaving date before the admission date', () => {
      expect(parseWith({ admissionDate: '01/09/2023', leavingDate: '31/08/2023' })).toEqual({
        ok: false,
        errors: [
          {
            line: LINE,
            column: 'Leaving Date',
            value: '31/08/2023',
            reason: 'Leaving date 2023-08-31 is before the admission date 2023-09-01',
          },
        ],
      });
    });

    it('accepts a leaving date equal to the admission date', () => {
      expect(parseWith({ admissionDate: '2023-09-01', leavingDate: '01/09/2023' }).ok).toBe(true);
    });

    it('reports every bad cell of the row, in column order, with the cell as written', () => {
      const result = parseWith({
        upn: ' A801200005001',
        dateOfBirth: '31/02/2012',
        yearGroup: 'Y15',
        eal: 'x',
      });

      expect(result).toEqual({
        ok: false,
        errors: [
          {
            line: LINE,
            column: 'UPN',
            value: ' A801200005001',
            reason:
              'UPN check letter is wrong: "A801200005001" starts with A but the check letter for the digits that follow is B',
          },
          {
            line: LINE,
            column: 'D.O.B.',
            value: '31/02/2012',
            reason: 'Date of birth is not a real date: February 2012 has 29 days',
          },
          {
            line: LINE,
            column: 'NC Year',
            value: 'Y15',
            reason: 'Year group is not a year group: it must be between 1 and 14',
          },
          {
            line: LINE,
            column: 'EAL',
            value: 'x',
            reason: 'EAL is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0',
          },
        ],
      });
    });
  });
});

describe(findDuplicateUpns.name, () => {
  const A = 'B801200005001';
  const duplicateOfLine2 = (line: number, column: string, value: string) => ({
    line,
    column,
    value,
    reason: 'UPN B801200005001 is a duplicate of line 2',
  });

  it.each([
    {
      when: 'finds nothing when every UPN is different',
      column: 'UPN',
      rows: [
        [2, A],
        [3, 'Q801200005002'],
      ],
      errors: [],
    },
    {
      when: 'rejects the second occurrence, naming the first line',
      column: 'Pupil UPN',
      rows: [
        [2, A],
        [3, 'Q801200005002'],
        [5, A],
      ],
      errors: [duplicateOfLine2(5, 'Pupil UPN', A)],
    },
    {
      when: 'names the first line for every later occurrence',
      column: 'UPN',
      rows: [
        [2, A],
        [4, A],
        [9, A],
      ],
      errors: [duplicateOfLine2(4, 'UPN', A), duplicateOfLine2(9, 'UPN', A)],
    },
    {
      when: 'matches UPNs regardless of case and surrounding spaces, quoting the cell as written',
      column: 'UPN',
      rows: [
        [2, A],
        [3, ' b801200005001 '],
      ],
      errors: [duplicateOfLine2(3, 'UPN', ' b801200005001 ')],
    },
    {
      when: 'ignores blank UPNs, which are reported as blank elsewhere',
      column: 'UPN',
      rows: [
        [2, ''],
        [3, ' '],
      ],
      errors: [],
    },
  ] as { when: string; column: string; rows: [number, string][]; errors: object[] }[])(
    '$when',
    ({ column, rows, errors }) => {
      expect(
        findDuplicateUpns(
          rows.map(([line, upn]) => ({ line, upn })),
          column,
        ),
      ).toEqual(errors);
    },
  );
});
