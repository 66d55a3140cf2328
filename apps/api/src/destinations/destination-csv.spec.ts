import { ApiError } from '../common/api-error';
import { readCategory, readDestinationCsv, readStatus } from './destination-csv';

const csv = (text: string) => Buffer.from(text, 'utf8');

function refusal(read: () => unknown): { message: string; details: unknown[] } {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error.getResponse() as { message: string; details: unknown[] };
    throw error;
  }
  throw new Error('expected the file to be refused');
}

describe(readCategory.name, () => {
  it('reads a code or a label in any case, with spaces around', () => {
    expect(readCategory('further_education')).toBe('further_education');
    expect(readCategory(' Further-education college ')).toBe('further_education');
    expect(readCategory('T LEVEL')).toBe('t_level');
    expect(readCategory('college')).toBeNull();
  });
});

describe(readStatus.name, () => {
  it('reads a code or a label in any case', () => {
    expect(readStatus('Accepted')).toBe('accepted');
    expect(readStatus('withdrawn')).toBe('withdrawn');
    expect(readStatus('maybe')).toBeNull();
  });
});

describe(readDestinationCsv.name, () => {
  it('reads the columns in any order and case, with an optional Date in either form', () => {
    const sut = readDestinationCsv(
      csv(
        'status,UPN,Provider,category,Date\n' +
          'Applied,a801200000001,Potteries College,Further-education college,2026-10-03\n' +
          'accepted,B801200000002,,apprenticeship,04/11/2026\n' +
          '\n' +
          'Considering,C801200000003,"Kiln Engineering, Stoke",Employment with training,\n',
      ),
    );
    expect(sut.errors).toEqual([]);
    expect(sut.headers).toEqual({
      UPN: 'UPN',
      Category: 'category',
      Provider: 'Provider',
      Status: 'status',
      Date: 'Date',
    });
    expect(sut.rows).toEqual([
      {
        line: 2,
        upn: 'A801200000001',
        category: 'further_education',
        providerName: 'Potteries College',
        status: 'applied',
        statusOn: '2026-10-03',
        dateCell: '2026-10-03',
      },
      {
        line: 3,
        upn: 'B801200000002',
        category: 'apprenticeship',
        status: 'accepted',
        statusOn: '2026-11-04',
        dateCell: '04/11/2026',
      },
      {
        line: 5,
        upn: 'C801200000003',
        category: 'employment_with_training',
        providerName: 'Kiln Engineering, Stoke',
        status: 'considering',
      },
    ]);
  });

  it('names the line, column and value of each bad cell, and keeps the good lines', () => {
    const sut = readDestinationCsv(
      csv(
        'UPN,Category,Provider,Status,Date\n' +
          'A801200000001,College,Potteries,Applied,31/02/2026\n' +
          ',Apprenticeship,,Accepted,\n' +
          'B801200000002,Employment,,Accepted,\n',
      ),
    );
    expect(sut.errors).toEqual([
      {
        line: 2,
        column: 'Category',
        value: 'College',
        reason: expect.stringContaining('not a destination category'),
      },
      { line: 2, column: 'Date', value: '31/02/2026', reason: expect.stringContaining('not a real date') },
      { line: 3, column: 'UPN', value: '', reason: expect.stringContaining('blank') },
    ]);
    expect(sut.rejectedLines).toEqual(new Set([2, 3]));
    expect(sut.rows.map((row) => row.line)).toEqual([4]);
  });

  it('refuses a header without the columns it needs, naming them', () => {
    const sut = refusal(() =>
      readDestinationCsv(csv('UPN,Destination,Status\nA801200000001,Employment,Accepted\n')),
    );
    expect(sut.message).toMatch(/Category/);
    expect(sut.details).toEqual([
      { line: 1, column: 'Category', value: '', reason: 'the header row has no Category column' },
      { line: 1, column: 'Provider', value: '', reason: 'the header row has no Provider column' },
    ]);
  });

  it('refuses an empty file and a file with no learners', () => {
    expect(refusal(() => readDestinationCsv(csv('\n\n'))).message).toMatch(/empty/);
    expect(refusal(() => readDestinationCsv(csv('UPN,Category,Provider,Status\n'))).message).toMatch(
      /no learners/,
    );
  });

  it('refuses a quoted cell that never closes', () => {
    const sut = refusal(() => readDestinationCsv(csv('UPN,Category,Provider,Status\nA1,"Employment,x,y\n')));
    expect(sut.message).toMatch(/not valid CSV/);
  });
});
