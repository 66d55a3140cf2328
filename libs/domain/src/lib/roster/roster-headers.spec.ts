import { ROSTER_FIELDS, ROSTER_HEADER_ALIASES, RosterField } from './roster-fields';
import { mapRosterHeaders, normaliseRosterHeader, rosterFieldForHeader } from './roster-headers';

/** Every (field, alias) pair of the product brief's table, written out so a change to the table shows here. */
const BRIEF_ALIASES: readonly [RosterField, string][] = [
  ['upn', 'upn'],
  ['legalSurname', 'legal surname'],
  ['legalSurname', 'surname'],
  ['legalSurname', 'last name'],
  ['legalSurname', 'family name'],
  ['legalForename', 'legal forename'],
  ['legalForename', 'forename'],
  ['legalForename', 'first name'],
  ['legalForename', 'given name'],
  ['preferredSurname', 'preferred surname'],
  ['preferredForename', 'preferred forename'],
  ['preferredForename', 'known as'],
  ['dateOfBirth', 'date of birth'],
  ['dateOfBirth', 'dob'],
  ['dateOfBirth', 'birth date'],
  ['gender', 'gender'],
  ['gender', 'sex'],
  ['yearGroup', 'year'],
  ['yearGroup', 'year group'],
  ['yearGroup', 'nc year'],
  ['yearGroup', 'ncyear'],
  ['yearGroup', 'year code'],
  ['yearGroup', 'current nc year'],
  ['registrationGroup', 'reg group'],
  ['registrationGroup', 'registration group'],
  ['registrationGroup', 'form'],
  ['registrationGroup', 'tutor group'],
  ['pupilPremium', 'pupil premium'],
  ['pupilPremium', 'pp'],
  ['pupilPremium', 'is pp'],
  ['pupilPremium', 'premium pupil indicator'],
  ['pupilPremium', 'disadvantaged'],
  ['senStatus', 'sen status'],
  ['senStatus', 'sen'],
  ['senStatus', 'sen category'],
  ['senStatus', 'sen provision'],
  ['eal', 'eal'],
  ['eal', 'is eal'],
  ['eal', 'english as additional language'],
  ['lookedAfter', 'looked after'],
  ['lookedAfter', 'in care'],
  ['lookedAfter', 'in lea care'],
  ['lookedAfter', 'cla'],
  ['consideringHigherEducation', 'considering he'],
  ['consideringHigherEducation', 'he intent'],
  ['admissionDate', 'admission date'],
  ['admissionDate', 'start date'],
  ['leavingDate', 'leaving date'],
  ['leavingDate', 'end date'],
];

const titleCase = (alias: string) => alias.replace(/\b\w/g, (letter) => letter.toUpperCase());

/** The ways MIS exports dress the same header up. */
const SPELLINGS: readonly [string, (alias: string) => string][] = [
  ['as in the brief', (alias) => alias],
  ['upper case', (alias) => alias.toUpperCase()],
  ['title case', titleCase],
  ['without spaces', (alias) => titleCase(alias).replace(/ /g, '')],
  ['with underscores', (alias) => alias.replace(/ /g, '_')],
  ['with hyphens', (alias) => alias.replace(/ /g, '-')],
  ['with dots', (alias) => alias.replace(/ /g, '.')],
  ['with surrounding spaces', (alias) => `  ${titleCase(alias)} `],
];

const REQUIRED_HEADERS = ['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group'];

describe(normaliseRosterHeader.name, () => {
  it.each([
    ['Date of Birth', 'dateofbirth'],
    ['D.O.B.', 'dob'],
    ['date_of_birth', 'dateofbirth'],
    ['Date-Of-Birth', 'dateofbirth'],
    ['  NC\tYear ', 'ncyear'],
    ['\uFEFFUPN', 'upn'],
    ['', ''],
  ])('normalises %j to %j', (header, normalised) => {
    expect(normaliseRosterHeader(header)).toBe(normalised);
  });
});

describe(rosterFieldForHeader.name, () => {
  it('covers every alias of the product brief, and no other', () => {
    const declared = ROSTER_FIELDS.flatMap((field) =>
      ROSTER_HEADER_ALIASES[field].map((alias): [RosterField, string] => [field, alias]),
    );
    const byField = (pairs: readonly [RosterField, string][]) =>
      [...pairs].map((pair) => pair.join(': ')).sort();
    expect(byField(declared)).toEqual(byField(BRIEF_ALIASES));
  });

  describe.each(SPELLINGS)('with the header written %s', (_, spell) => {
    it.each(BRIEF_ALIASES)('maps to %s from "%s"', (field, alias) => {
      expect(rosterFieldForHeader(spell(alias))).toBe(field);
    });
  });

  it.each(['Student ID', 'Admission Number', 'Postcode', 'Preferred Name', 'Known', 'Years', 'Sen Need'])(
    'matches no field for %s',
    (header) => {
      expect(rosterFieldForHeader(header)).toBeNull();
    },
  );
});

describe(mapRosterHeaders.name, () => {
  it('maps the required headers to their column index and the header as written', () => {
    const result = mapRosterHeaders(['Adno', ...REQUIRED_HEADERS, 'Postcode']);

    expect(result).toEqual({
      ok: true,
      mapping: {
        upn: { index: 1, header: 'UPN' },
        legalSurname: { index: 2, header: 'Legal Surname' },
        legalForename: { index: 3, header: 'Legal Forename' },
        dateOfBirth: { index: 4, header: 'Date of Birth' },
        yearGroup: { index: 5, header: 'Year Group' },
      },
      ignoredHeaders: ['Adno', 'Postcode'],
    });
  });

  it.each(BRIEF_ALIASES)('maps %s from a file whose header is "%s"', (field, alias) => {
    const others = REQUIRED_HEADERS.filter((header) => rosterFieldForHeader(header) !== field);
    const header = titleCase(alias);

    const result = mapRosterHeaders([...others, header]);

    expect(result.ok && result.mapping[field]).toEqual({ index: others.length, header });
  });

  it('maps a typical SIMS export with every field', () => {
    const result = mapRosterHeaders([
      'UPN',
      'Legal Surname',
      'Legal Forename',
      'Preferred Surname',
      'Preferred Forename',
      'DOB',
      'Gender',
      'NC Year',
      'Reg Group',
      'Pupil Premium',
      'SEN Status',
      'EAL',
      'In LEA Care',
      'HE Intent',
      'Admission Date',
      'Leaving Date',
    ]);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.mapping).sort()).toEqual([...ROSTER_FIELDS].sort());
    expect(result.mapping.lookedAfter).toEqual({ index: 12, header: 'In LEA Care' });
    expect(result.ignoredHeaders).toEqual([]);
  });

  it('skips blank headers without reporting them', () => {
    const result = mapRosterHeaders(['', ...REQUIRED_HEADERS, ' ']);

    expect(result.ok && result.ignoredHeaders).toEqual([]);
    expect(result.ok && result.mapping.upn).toEqual({ index: 1, header: 'UPN' });
  });

  it('names the missing required column, its accepted headers and the headers found', () => {
    const result = mapRosterHeaders(['UPN', 'Surname', 'Forename', 'Year', 'Postcode']);

    expect(result).toEqual({
      ok: false,
      error: {
        message:
          'Missing required column: date of birth (accepted headers: date of birth, dob, birth date). ' +
          'Headers found: "UPN", "Surname", "Forename", "Year", "Postcode".',
        missing: ['dateOfBirth'],
        ambiguous: [],
        headersFound: ['UPN', 'Surname', 'Forename', 'Year', 'Postcode'],
        errors: [
          {
            line: 1,
            column: 'date of birth',
            value: '',
            reason:
              'Missing required column date of birth (accepted headers: date of birth, dob, birth date)',
          },
        ],
      },
    });
  });

  it('names every missing required column', () => {
    const result = mapRosterHeaders(['Name', 'Class']);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.missing).toEqual([
      'upn',
      'legalSurname',
      'legalForename',
      'dateOfBirth',
      'yearGroup',
    ]);
    expect(result.error.message).toBe(
      'Missing required columns: UPN (accepted headers: upn); ' +
        'legal surname (accepted headers: legal surname, surname, last name, family name); ' +
        'legal forename (accepted headers: legal forename, forename, first name, given name); ' +
        'date of birth (accepted headers: date of birth, dob, birth date); ' +
        'year group (accepted headers: year, year group, nc year, ncyear, year code, current nc year). ' +
        'Headers found: "Name", "Class".',
    );
    expect(result.error.errors.map((error) => error.column)).toEqual([
      'UPN',
      'legal surname',
      'legal forename',
      'date of birth',
      'year group',
    ]);
  });

  it('says no headers were found in an empty header row', () => {
    const result = mapRosterHeaders([]);

    expect(!result.ok && result.error.headersFound).toEqual([]);
    expect(!result.ok && result.error.message).toMatch(/Headers found: none\.$/);
  });

  it('refuses two columns that give the same field, naming both', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'Surname']);

    expect(result).toEqual({
      ok: false,
      error: {
        message:
          'Columns "Legal Surname", "Surname" both give the legal surname; keep only one. ' +
          'Headers found: "UPN", "Legal Surname", "Legal Forename", "Date of Birth", "Year Group", "Surname".',
        missing: [],
        ambiguous: [{ field: 'legalSurname', headers: ['Legal Surname', 'Surname'] }],
        headersFound: ['UPN', 'Legal Surname', 'Legal Forename', 'Date of Birth', 'Year Group', 'Surname'],
        errors: [
          {
            line: 1,
            column: 'Surname',
            value: 'Surname',
            reason: 'Columns "Legal Surname", "Surname" both give the legal surname; keep only one',
          },
        ],
      },
    });
  });

  it('refuses three columns for one field, saying all of them', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'NC Year', 'Year']);

    expect(!result.ok && result.error.errors[0].reason).toBe(
      'Columns "Year Group", "NC Year", "Year" all give the year group; keep only one',
    );
  });

  it('reports header problems on the header line given', () => {
    const result = mapRosterHeaders(['UPN'], 3);

    expect(!result.ok && result.error.errors.every((error) => error.line === 3)).toBe(true);
  });
});
