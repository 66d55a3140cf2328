import {
  normaliseRosterGender,
  parseRosterDate,
  parseRosterFlag,
  parseRosterLeavingDate,
  parseRosterSenStatus,
  parseRosterYearGroup,
} from './roster-values';

describe(parseRosterDate.name, () => {
  it.each([
    ['03/09/2012', '2012-09-03'],
    ['3/9/2012', '2012-09-03'],
    ['03/9/2012', '2012-09-03'],
    ['3/09/2012', '2012-09-03'],
    ['2012-09-03', '2012-09-03'],
    ['29/02/2012', '2012-02-29'],
    ['2012-02-29', '2012-02-29'],
    ['31/12/2011', '2011-12-31'],
    ['1/1/2013', '2013-01-01'],
    [' 03/09/2012 ', '2012-09-03'],
  ])('reads %s day first as %s', (cell, iso) => {
    expect(parseRosterDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/02/2012', 'is not a real date: February 2012 has 29 days'],
    ['29/02/2013', 'is not a real date: February 2013 has 28 days'],
    ['31/04/2012', 'is not a real date: April 2012 has 30 days'],
    ['00/01/2012', 'is not a real date: January 2012 has 31 days'],
    ['2012-02-30', 'is not a real date: February 2012 has 29 days'],
    ['2012-06-31', 'is not a real date: June 2012 has 30 days'],
    ['01/13/2012', 'is not a real date: there is no month 13'],
    ['01/00/2012', 'is not a real date: there is no month 0'],
    ['2012-13-01', 'is not a real date: there is no month 13'],
  ])('refuses %s, which does not exist', (cell, reason) => {
    expect(parseRosterDate(cell)).toEqual({ ok: false, reason });
  });

  it.each([
    ['03-09-2012', '2012-09-03'],
    ['03.09.2012', '2012-09-03'],
    ['3 Sep 2012', '2012-09-03'],
    ['12 Apr 2014', '2014-04-12'],
    ['12 April 2014', '2014-04-12'],
    ['12-Apr-2014', '2014-04-12'],
    ['1 sept 2014', '2014-09-01'],
    ['2014-11-11T00:00:00.000Z', '2014-11-11'],
    ['2014-11-11T00:00:00', '2014-11-11'],
    ['2014-11-11T00:00:00+01:00', '2014-11-11'],
    ['2014-11-11 00:00:00.000000', '2014-11-11'],
    ['2014-11-11 00:00:00', '2014-11-11'],
    ['11/11/2014 00:00', '2014-11-11'],
  ])('reads %s, as MIS exports and Excel write it, as %s', (cell, iso) => {
    expect(parseRosterDate(cell)).toEqual({ ok: true, value: iso });
  });

  it.each(['2014-11-11T09:30:00.000Z', '2014-11-11 23:00:00', '11/11/2014 00:01'])(
    'refuses %s, whose time of day would have to be guessed into a date',
    (cell) => {
      expect(parseRosterDate(cell)).toEqual({
        ok: false,
        reason: 'has a time of day: only a date, or a date at midnight, can be read',
      });
    },
  );

  it.each(['', '03/09/12', '2012/09/03', '2012-9-3', '3 Smarch 2012', 'tomorrow'])(
    'refuses "%s", which is in none of the accepted forms',
    (cell) => {
      expect(parseRosterDate(cell)).toEqual({
        ok: false,
        reason: 'is not a date in the form DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D MMM YYYY or YYYY-MM-DD',
      });
    },
  );
});

describe(parseRosterLeavingDate.name, () => {
  it.each(['2079-06-06', '06/06/2079', '9999-12-31', '2079-06-06T00:00:00'])(
    'reads the sentinel %s as no leaving date',
    (cell) => {
      expect(parseRosterLeavingDate(cell)).toEqual({ ok: true, value: null });
    },
  );

  it('reads a real leaving date', () => {
    expect(parseRosterLeavingDate('18/07/2026')).toEqual({ ok: true, value: '2026-07-18' });
  });
});

describe(parseRosterYearGroup.name, () => {
  it.each([
    ['7', 7],
    ['07', 7],
    ['Y7', 7],
    ['y7', 7],
    ['Y 7', 7],
    ['Year 7', 7],
    ['year 7', 7],
    ['YEAR7', 7],
    [' Year 11 ', 11],
    ['1', 1],
    ['Y13', 13],
    ['14', 14],
  ])('reads %s as %s', (cell, yearGroup) => {
    expect(parseRosterYearGroup(cell)).toEqual({ ok: true, value: yearGroup });
  });

  it.each(['0', 'Y0', '15', 'Year 15', '99'])('refuses %s, outside 1..14', (cell) => {
    expect(parseRosterYearGroup(cell)).toEqual({
      ok: false,
      reason: 'is not a year group: it must be between 1 and 14',
    });
  });

  it.each(['', 'R', 'Reception', 'N1', 'Year', '7A', '7.5', '-7', 'Year Seven', '100'])(
    'refuses "%s", which is not a year group',
    (cell) => {
      expect(parseRosterYearGroup(cell)).toEqual({
        ok: false,
        reason: 'is not a year group: expected a number such as "7", "Y7" or "Year 7"',
      });
    },
  );
});

describe(parseRosterFlag.name, () => {
  it.each(['Y', 'y', 'Yes', 'YES', 'yes', 'True', 'TRUE', 'true', 'T', 't', '1', ' Y '])(
    'reads %s as true',
    (cell) => {
      expect(parseRosterFlag(cell)).toEqual({ ok: true, value: true });
    },
  );

  it.each(['N', 'n', 'No', 'NO', 'no', 'False', 'FALSE', 'false', 'F', 'f', '0', '', '   '])(
    'reads "%s" as false',
    (cell) => {
      expect(parseRosterFlag(cell)).toEqual({ ok: true, value: false });
    },
  );

  it.each(['2', 'maybe', 'Ye', 'X', '-', 'yes please'])('refuses %s', (cell) => {
    expect(parseRosterFlag(cell)).toEqual({
      ok: false,
      reason: 'is not a yes/no value: expected Y/N, Yes/No, True/False, T/F or 1/0',
    });
  });
});

describe(parseRosterSenStatus.name, () => {
  it.each([
    ['N', 'N'],
    ['K', 'K'],
    ['E', 'E'],
    ['n', 'N'],
    ['k', 'K'],
    ['e', 'E'],
    [' E ', 'E'],
    ['', 'N'],
    ['  ', 'N'],
  ])('reads "%s" as %s', (cell, status) => {
    expect(parseRosterSenStatus(cell)).toEqual({ ok: true, value: status });
  });

  it.each([
    ['SEN support', 'K'],
    ['SEN Support', 'K'],
    ['School Action Plus', 'K'],
    ['A', 'K'],
    ['P', 'K'],
    ['EHC plan', 'E'],
    ['EHCP', 'E'],
    ['Education, Health and Care Plan', 'E'],
    ['Statement', 'E'],
    ['S', 'E'],
    ['No Special Educational Need', 'N'],
    ['No special educational needs', 'N'],
    ['None', 'N'],
  ])('reads the description or former code "%s" as %s', (cell, status) => {
    expect(parseRosterSenStatus(cell)).toEqual({ ok: true, value: status });
  });

  it.each(['Y', '1', 'Dyslexia'])('refuses %s', (cell) => {
    expect(parseRosterSenStatus(cell)).toEqual({
      ok: false,
      reason:
        'is not a SEN status: expected N, K or E, or "No special educational need", "SEN support" or "EHC plan" (blank means N)',
    });
  });
});

describe(normaliseRosterGender.name, () => {
  it.each([
    ['M', 'M'],
    ['m', 'M'],
    ['Male', 'M'],
    ['MALE', 'M'],
    ['male', 'M'],
    ['F', 'F'],
    ['f', 'F'],
    ['Female', 'F'],
    ['FEMALE', 'F'],
    [' female ', 'F'],
  ])('normalises %s to %s', (cell, gender) => {
    expect(normaliseRosterGender(cell)).toBe(gender);
  });

  it.each([
    ['X', 'X'],
    ['Non-binary', 'Non-binary'],
    ['Prefer not to say', 'Prefer not to say'],
  ])('keeps %s as given (trimmed)', (cell, gender) => {
    expect(normaliseRosterGender(cell)).toBe(gender);
  });

  it.each(['Boy', 'boy'])('normalises %s to M', (cell) => {
    expect(normaliseRosterGender(cell)).toBe('M');
  });

  it.each(['', '   ', 'U', ' u ', 'Unknown', 'Not Known'])('reads "%s" as not recorded', (cell) => {
    expect(normaliseRosterGender(cell)).toBeNull();
  });
});
