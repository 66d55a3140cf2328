import { upnCheckLetter } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A valid UPN (right check letter) for any number under 100,000. */
export function upn(serial: number): string {
  const body = `8012000${String(serial).padStart(5, '0')}`;
  return `${upnCheckLetter(body)}${body}`;
}

export interface RosterLine {
  upn: string;
  surname: string;
  forename: string;
  dob: string;
  year: string;
  form?: string;
  pp?: string;
  sen?: string;
  eal?: string;
  cla?: string;
  he?: string;
  gender?: string;
  knownAs?: string;
}

export const STANDARD_HEADERS = [
  'UPN',
  'Legal Surname',
  'Legal Forename',
  'Known As',
  'Date of Birth',
  'Gender',
  'Year Group',
  'Reg Group',
  'Pupil Premium',
  'SEN Status',
  'EAL',
  'Looked After',
  'Considering HE',
];

/** Quotes a cell when it needs quoting, as spreadsheets do. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function rosterCsv(lines: RosterLine[], options: { eol?: string; headers?: string[] } = {}): string {
  const eol = options.eol ?? '\n';
  const rows = lines.map((line) =>
    [
      line.upn,
      line.surname,
      line.forename,
      line.knownAs ?? '',
      line.dob,
      line.gender ?? '',
      line.year,
      line.form ?? '',
      line.pp ?? 'N',
      line.sen ?? '',
      line.eal ?? 'N',
      line.cla ?? 'N',
      line.he ?? 'N',
    ]
      .map(csvCell)
      .join(','),
  );
  return [(options.headers ?? STANDARD_HEADERS).map(csvCell).join(','), ...rows].join(eol) + eol;
}

/** `count` learners in Year `year` of `academicYear`, UPNs from `firstSerial`, spread over forms A and B. */
export function cohort(firstSerial: number, count: number, year = 9, academicYear = 2025): RosterLine[] {
  const birthYear = academicYear - year - 5;
  return Array.from({ length: count }, (_, index) => ({
    upn: upn(firstSerial + index),
    surname: `Surname${firstSerial + index}`,
    forename: `Forename${firstSerial + index}`,
    dob: `${String((index % 28) + 1).padStart(2, '0')}/10/${birthYear}`,
    year: String(year),
    form: `${year}${index % 2 === 0 ? 'A' : 'B'}`,
  }));
}

/** A trust and academies, straight into the database: these tests are about the roster, not academies. */
export async function createAcademies(
  app: INestApplication,
  academies: { name: string; urn: string; phase?: string }[],
): Promise<string[]> {
  const dataSource = app.get(DataSource);
  let [trust] = await dataSource.query('SELECT id FROM trust LIMIT 1');
  if (!trust) [trust] = await dataSource.query(`INSERT INTO trust (name) VALUES ('Test Trust') RETURNING id`);
  const ids: string[] = [];
  for (const academy of academies) {
    const [row] = await dataSource.query(
      `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, $2, $3, $4) RETURNING id`,
      [trust.id, academy.name, academy.urn, academy.phase ?? 'secondary'],
    );
    ids.push(row.id);
  }
  return ids;
}

export async function countRows(app: INestApplication, table: string): Promise<number> {
  const [{ count }] = await app.get(DataSource).query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}
