import { isBlankRosterRecord, parseRosterRecords, readRosterTable, RosterRecord } from './roster';

const HEADERS = ['UPN', 'Surname', 'Forename', 'DOB', 'Year', 'Form'];

function records(...rows: string[][]): RosterRecord[] {
  return rows.map((cells, index) => ({ line: index + 2, cells }));
}

describe(isBlankRosterRecord.name, () => {
  it.each([[[]], [['']], [['', ' ', '\t']]])('treats %j as blank', (cells) => {
    expect(isBlankRosterRecord(cells)).toBe(true);
  });

  it('treats a row with any value as not blank', () => {
    expect(isBlankRosterRecord(['', 'Okafor', ''])).toBe(false);
  });
});

describe(parseRosterRecords.name, () => {
  it('returns the header error without reading any row', () => {
    const result = parseRosterRecords(['UPN', 'Surname'], records(['B801200005001', 'Okafor']));

    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.missing).toEqual(['legalForename', 'dateOfBirth', 'yearGroup']);
  });

  it('returns every good row and no errors for a clean file', () => {
    const result = parseRosterRecords(
      HEADERS,
      records(
        ['B801200005001', 'Okafor', 'Adaeze', '03/09/2012', 'Y8', '8RB'],
        ['Q801200005002', 'Nowak', 'Piotr', '2011-12-01', 'Year 9', '9TP'],
      ),
    );

    expect(
      result.ok && result.rows.map((row) => [row.line, row.upn, row.yearGroup, row.registrationGroup]),
    ).toEqual([
      [2, 'B801200005001', 8, '8RB'],
      [3, 'Q801200005002', 9, '9TP'],
    ]);
    expect(result.ok && result.errors).toEqual([]);
    expect(result.ok && result.rejected).toBe(0);
  });

  it('skips blank records and reports bad ones by the line they were on', () => {
    const result = parseRosterRecords(HEADERS, [
      { line: 2, cells: ['B801200005001', 'Okafor', 'Adaeze', '03/09/2012', '8', ''] },
      { line: 3, cells: ['', '', '', '', '', ''] },
      { line: 6, cells: ['A801200005001', 'Nowak', 'Piotr', '31/02/2012', '9', ''] },
    ]);

    expect(result.ok && result.rows.map((row) => row.line)).toEqual([2]);
    expect(result.ok && result.errors.map((error) => [error.line, error.column])).toEqual([
      [6, 'UPN'],
      [6, 'DOB'],
    ]);
    expect(result.ok && result.rejected).toBe(1);
  });

  it('rejects a repeated UPN on its later lines only, keeping the first row', () => {
    const result = parseRosterRecords(
      HEADERS,
      records(
        ['B801200005001', 'Okafor', 'Adaeze', '03/09/2012', '8', '8RB'],
        ['Q801200005002', 'Nowak', 'Piotr', '2011-12-01', '9', '9TP'],
        ['b801200005001', 'Okafor', 'Ada', '03/09/2012', '8', '8RB'],
      ),
    );

    expect(result.ok && result.rows.map((row) => row.line)).toEqual([2, 3]);
    expect(result.ok && result.errors).toEqual([
      {
        line: 4,
        column: 'UPN',
        value: 'B801200005001',
        reason: 'UPN B801200005001 is a duplicate of line 2',
      },
    ]);
    expect(result.ok && result.rejected).toBe(1);
  });

  it('still detects a repeat when the first occurrence has other errors', () => {
    const result = parseRosterRecords(
      HEADERS,
      records(
        ['B801200005001', 'Okafor', 'Adaeze', '31/02/2012', '8', ''],
        ['B801200005001', 'Okafor', 'Adaeze', '03/02/2012', '8', ''],
      ),
    );

    expect(result.ok && result.rows).toEqual([]);
    expect(result.ok && result.errors.map((error) => [error.line, error.reason])).toEqual([
      [2, 'Date of birth is not a real date: February 2012 has 29 days'],
      [3, 'UPN B801200005001 is a duplicate of line 2'],
    ]);
    expect(result.ok && result.rejected).toBe(2);
  });

  it('orders errors by line, keeping column order within a line', () => {
    const result = parseRosterRecords(
      HEADERS,
      records(
        ['B801200005001', '', 'Adaeze', '03/09/2012', '8', ''],
        ['B801200005001', 'Okafor', '', '03/09/2012', '15', ''],
        ['Q801200005002', 'Nowak', 'Piotr', '2011-12-01', 'nine', ''],
      ),
    );

    expect(result.ok && result.errors.map((error) => [error.line, error.column])).toEqual([
      [2, 'Surname'],
      [3, 'Forename'],
      [3, 'Year'],
      [3, 'UPN'],
      [4, 'Year'],
    ]);
  });

  it('accepts any iterable of records, so a caller can stream them', () => {
    function* generate(): Generator<RosterRecord> {
      yield { line: 2, cells: ['B801200005001', 'Okafor', 'Adaeze', '03/09/2012', '8', ''] };
    }

    expect(parseRosterRecords(HEADERS, generate()).ok).toBe(true);
  });
});

describe(readRosterTable.name, () => {
  const lines = (...rows: string[][]): RosterRecord[] =>
    rows.map((cells, index) => ({ line: index + 1, cells }));
  const learner = ['B801200005001', 'Okafor', 'Adaeze', '03/09/2012', '8', '8RB'];

  it('finds the header below title lines and reports them', () => {
    const result = readRosterTable(
      lines(['Student List', '', ''], ['Printed 01/09/2025', '', ''], ['', '', ''], HEADERS, learner),
    );

    expect(result.ok && result.headerLine).toBe(4);
    expect(result.ok && result.titleLines).toEqual([
      { line: 1, text: 'Student List' },
      { line: 2, text: 'Printed 01/09/2025' },
    ]);
    expect(result.ok && result.rows.map((row) => row.line)).toEqual([5]);
  });

  it('reports summary lines after the data instead of rejecting them', () => {
    const result = readRosterTable(
      lines(HEADERS, learner, ['', '', '', '', '', ''], ['Total: 1 students'], ['Number on roll', '1']),
    );

    expect(result.ok && result.summaryLines).toEqual([
      { line: 4, text: 'Total: 1 students' },
      { line: 5, text: 'Number on roll 1' },
    ]);
    expect(result.ok && result.rejected).toBe(0);
  });

  it('still rejects a short line that learners follow', () => {
    const result = readRosterTable(lines(HEADERS, ['Total: 1 students'], learner));

    expect(result.ok && result.errors.map((error) => error.line)).toEqual([2]);
    expect(result.ok && result.summaryLines).toEqual([]);
  });

  it('gives the header error of the line naming most fields when no line in the first ten is a header', () => {
    const result = readRosterTable(
      lines(['Student List'], ['UPN', 'Surname', 'Forename', 'Postcode'], learner),
    );

    expect(!result.ok && result.error.headerLine).toBe(2);
    expect(!result.ok && result.error.missing).toEqual(['dateOfBirth', 'yearGroup']);
  });
});
