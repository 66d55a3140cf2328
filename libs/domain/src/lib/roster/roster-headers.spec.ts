import { ROSTER_FIELDS, ROSTER_HEADER_ALIASES, RosterField } from './roster-fields';
import { mapRosterHeaders, normaliseRosterHeader, rosterFieldForHeader } from './roster-headers';

/**
 * Every (field, alias) pair of the product brief's table and the MIS spellings added for issue 14, written out
 * so that a change to the table shows here. Bare names (surname, forename, ...) are tested on their own.
 */
const BRIEF_ALIASES: readonly [RosterField, string][] = [
  ['upn', 'upn'],
  ['legalSurname', 'legal surname'],
  ['legalForename', 'legal forename'],
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
  ['upn', 'unique pupil number'],
  ['upn', 'pupil upn'],
  ['upn', 'student upn'],
  ['upn', 'upn number'],
  ['legalSurname', 'legal last name'],
  ['legalSurname', 'legal family name'],
  ['legalForename', 'legal first name'],
  ['legalForename', 'legal given name'],
  ['legalForename', 'legal forenames'],
  ['preferredSurname', 'preferred last name'],
  ['preferredSurname', 'preferred family name'],
  ['preferredSurname', 'chosen surname'],
  ['preferredSurname', 'chosen last name'],
  ['preferredSurname', 'known as surname'],
  ['preferredForename', 'preferred first name'],
  ['preferredForename', 'preferred name'],
  ['preferredForename', 'chosen forename'],
  ['preferredForename', 'chosen first name'],
  ['preferredForename', 'chosen name'],
  ['preferredForename', 'known as forename'],
  ['preferredForename', 'known as first name'],
  ['dateOfBirth', 'birthdate'],
  ['gender', 'legal sex'],
  ['gender', 'gender code'],
  ['yearGroup', 'nc year actual'],
  ['yearGroup', 'national curriculum year'],
  ['yearGroup', 'curriculum year'],
  ['yearGroup', 'year taught in'],
  ['registrationGroup', 'registration form'],
  ['registrationGroup', 'reg form'],
  ['registrationGroup', 'form group'],
  ['registrationGroup', 'registration class'],
  ['registrationGroup', 'reg'],
  ['pupilPremium', 'pupil premium indicator'],
  ['pupilPremium', 'pupil premium eligible'],
  ['pupilPremium', 'pp eligible'],
  ['freeSchoolMeals', 'fsm'],
  ['freeSchoolMeals', 'fsm eligible'],
  ['freeSchoolMeals', 'fsm eligibility'],
  ['freeSchoolMeals', 'is fsm'],
  ['freeSchoolMeals', 'free school meals'],
  ['freeSchoolMeals', 'free school meal eligibility'],
  ['freeSchoolMeals', 'free school meals eligible'],
  ['freeSchoolMeals', 'eligible for fsm'],
  ['freeSchoolMeals', 'fsm6'],
  ['freeSchoolMeals', 'ever fsm 6'],
  ['freeSchoolMeals', 'fsm ever 6'],
  ['freeSchoolMeals', 'ever 6 fsm'],
  ['senStatus', 'send status'],
  ['senStatus', 'sen stage'],
  ['senStatus', 'sen code'],
  ['eal', 'eal status'],
  ['lookedAfter', 'in la care'],
  ['lookedAfter', 'child looked after'],
  ['lookedAfter', 'looked after child'],
  ['lookedAfter', 'lac'],
  ['admissionDate', 'date of admission'],
  ['admissionDate', 'entry date'],
  ['admissionDate', 'date of entry'],
  ['leavingDate', 'date of leaving'],
  ['leavingDate', 'leave date'],
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

  it.each([
    'Student ID',
    'Admission Number',
    'Postcode',
    'Surname',
    'First Name',
    'Known',
    'Years',
    'Sen Need',
  ])('matches no field for %s', (header) => {
    expect(rosterFieldForHeader(header)).toBeNull();
  });
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
      unmappedHeaders: [
        { header: 'Adno', problem: 'unknown', suggestions: [] },
        { header: 'Postcode', problem: 'unknown', suggestions: [] },
      ],
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
      'FSM Eligible',
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
    expect(result.mapping.lookedAfter).toEqual({ index: 13, header: 'In LEA Care' });
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
        unmappedHeaders: [{ header: 'Postcode', problem: 'unknown', suggestions: [] }],
        headerLine: 1,
        message:
          'Missing required column: date of birth (accepted headers: date of birth, dob, birth date, birthdate). ' +
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
              'Missing required column date of birth (accepted headers: date of birth, dob, birth date, birthdate)',
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
      'Missing required columns: UPN (accepted headers: upn, unique pupil number, pupil upn, student upn, upn number); ' +
        'legal surname (accepted headers: legal surname, legal last name, legal family name, surname, last name, family name, lastname); ' +
        'legal forename (accepted headers: legal forename, legal first name, legal given name, legal forenames, forename, first name, given name, forenames); ' +
        'date of birth (accepted headers: date of birth, dob, birth date, birthdate); ' +
        'year group (accepted headers: year, year group, nc year, ncyear, year code, current nc year, nc year actual, national curriculum year, curriculum year, year taught in). ' +
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

  it('refuses two columns that give the same field, naming both and suggesting the field', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'NC Year Actual']);

    expect(result).toEqual({
      ok: false,
      error: {
        message:
          'Columns "Year Group", "NC Year Actual" both give the year group; map one to another field or ignore it. ' +
          'Headers found: "UPN", "Legal Surname", "Legal Forename", "Date of Birth", "Year Group", "NC Year Actual".',
        missing: [],
        ambiguous: [{ field: 'yearGroup', headers: ['Year Group', 'NC Year Actual'] }],
        headersFound: [
          'UPN',
          'Legal Surname',
          'Legal Forename',
          'Date of Birth',
          'Year Group',
          'NC Year Actual',
        ],
        unmappedHeaders: [
          { header: 'Year Group', problem: 'ambiguous', suggestions: expect.arrayContaining(['yearGroup']) },
          {
            header: 'NC Year Actual',
            problem: 'ambiguous',
            suggestions: expect.arrayContaining(['yearGroup']),
          },
        ],
        headerLine: 1,
        errors: [
          {
            line: 1,
            column: 'NC Year Actual',
            value: 'NC Year Actual',
            reason:
              'Columns "Year Group", "NC Year Actual" both give the year group; map one to another field or ignore it',
          },
        ],
      },
    });
  });

  it('refuses three columns for one field, saying all of them', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'NC Year', 'Year']);

    expect(!result.ok && result.error.errors[0].reason).toBe(
      'Columns "Year Group", "NC Year", "Year" all give the year group; map one to another field or ignore it',
    );
  });

  it('reports header problems on the header line given', () => {
    const result = mapRosterHeaders(['UPN'], 3);

    expect(!result.ok && result.error.errors.every((error) => error.line === 3)).toBe(true);
  });
});

describe(`${mapRosterHeaders.name} with bare names`, () => {
  const OTHERS = ['UPN', 'DOB', 'Year'];

  it('reads bare names as the legal names when the file has no legal-name column (SIMS, CBDS)', () => {
    const result = mapRosterHeaders([...OTHERS, 'Surname', 'Forename', 'Preferred Forename']);

    expect(result.ok && result.mapping.legalSurname?.header).toBe('Surname');
    expect(result.ok && result.mapping.legalForename?.header).toBe('Forename');
    expect(result.ok && result.mapping.preferredForename?.header).toBe('Preferred Forename');
  });

  it('reads bare names as the preferred names beside legal ones (Groupcall/Assembly)', () => {
    const result = mapRosterHeaders([
      ...OTHERS,
      'first_name',
      'last_name',
      'legal_first_name',
      'legal_last_name',
    ]);

    expect(result.ok && result.mapping).toMatchObject({
      preferredForename: { header: 'first_name' },
      preferredSurname: { header: 'last_name' },
      legalForename: { header: 'legal_first_name' },
      legalSurname: { header: 'legal_last_name' },
    });
  });

  it('decides for each part of the name: a legal forename does not make the surname preferred', () => {
    const result = mapRosterHeaders([...OTHERS, 'Forename', 'Surname', 'Legal Forename']);

    expect(result.ok && result.mapping).toMatchObject({
      legalSurname: { header: 'Surname' },
      legalForename: { header: 'Legal Forename' },
      preferredForename: { header: 'Forename' },
    });
  });

  it('leaves a bare name unread when legal and preferred columns both give that part', () => {
    const result = mapRosterHeaders([...OTHERS, 'Legal Surname', 'Preferred Surname', 'Surname', 'Forename']);

    expect(result.ok && result.mapping.preferredSurname?.header).toBe('Preferred Surname');
    expect(result.ok && result.ignoredHeaders).toEqual(['Surname']);
    expect(result.ok && result.unmappedHeaders).toEqual([]);
  });
});

describe(`${mapRosterHeaders.name} with a careers lead's mapping`, () => {
  it('gives a mapped header its field, whatever the spelling of the mapping key', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'Disadv. Flag'], 1, {
      'disadv flag': 'pupilPremium',
    });

    expect(result.ok && result.mapping.pupilPremium).toEqual({ index: 5, header: 'Disadv. Flag' });
    expect(result.ok && result.unmappedHeaders).toEqual([]);
  });

  it('ignores a header mapped to "ignore", which settles a clash', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'NC Year'], 1, { 'NC Year': 'ignore' });

    expect(result.ok && result.mapping.yearGroup?.header).toBe('Year Group');
    expect(result.ok && result.ignoredHeaders).toEqual(['NC Year']);
  });

  it('suggests fields for an unknown header that resembles an alias', () => {
    const result = mapRosterHeaders([...REQUIRED_HEADERS, 'Pupil Premium Flag', 'Forname']);

    expect(result.ok && result.unmappedHeaders).toEqual([
      { header: 'Pupil Premium Flag', problem: 'unknown', suggestions: ['pupilPremium'] },
      { header: 'Forname', problem: 'unknown', suggestions: expect.arrayContaining(['legalForename']) },
    ]);
  });
});
