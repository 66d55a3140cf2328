import { upnCheckLetter } from '@encounters/domain';
import { parseRoster, readRosterCsv, readRosterFile } from './roster-csv-reader';

const upn = (serial: number) => {
  const body = `8014000${String(serial).padStart(5, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
};

function csv(count: number, delimiter = ','): string {
  const lines = [['UPN', 'Legal Surname', 'Legal Forename', 'DOB', 'Year'].join(delimiter)];
  for (let index = 0; index < count; index++) {
    lines.push([upn(index), 'Brontë', `Zoë${index}`, '01/09/2012', '8'].join(delimiter));
  }
  return lines.join('\r\n') + '\r\n';
}

describe(readRosterFile.name, () => {
  it('keeps every accented character of a UTF-8 file larger than one parser slice, in small chunks', async () => {
    const bytes = Buffer.from(csv(12_000), 'utf8');
    expect(bytes.length).toBeGreaterThan(256 * 1024);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, index) =>
      bytes.subarray(index * 1000, (index + 1) * 1000),
    );

    const sut = await readRosterCsv(chunks);

    expect(sut.encoding).toBe('UTF-8');
    expect(sut.rows).toHaveLength(12_000);
    expect(
      sut.rows.every((row, index) => row.legalSurname === 'Brontë' && row.legalForename === `Zoë${index}`),
    ).toBe(true);
  });

  it.each([
    ['Windows-1252', Buffer.from(csv(3), 'latin1'), ','],
    ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(3, '\t'), 'utf16le')]), '\t'],
    ['UTF-16LE', Buffer.from(csv(3, '\t'), 'utf16le'), '\t'],
    ['UTF-8', Buffer.from(`\uFEFF${csv(3, ';')}`, 'utf8'), ';'],
  ])('reads %s with its delimiter', async (encoding, bytes, delimiter) => {
    const sut = await readRosterFile([bytes]);

    expect(sut).toMatchObject({ encoding, delimiter });
    const { rows } = await parseRoster(sut);
    expect(rows[0]).toMatchObject({ legalSurname: 'Brontë', legalForename: 'Zoë0' });
  });

  it('refuses a workbook, saying how to save a CSV', async () => {
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

    await expect(readRosterFile([workbook])).rejects.toMatchObject({
      response: { message: expect.stringMatching(/Excel workbook.*CSV UTF-8/) },
    });
  });
});
