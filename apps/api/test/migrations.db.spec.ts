import { addDays, coverageSpans, type LearnerEnrolment } from '@encounters/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrations } from '../src/database/migrations';
import { AllowMovesWithinAYear1763820800000 } from '../src/database/migrations/1763820800000-AllowMovesWithinAYear';

/** Enrolments of a database written before moves during a year were possible: one per learner and year. */
const HELD: Pick<LearnerEnrolment, 'academicYear' | 'admissionDate' | 'leavingDate'>[] = [
  { academicYear: 2025, admissionDate: null, leavingDate: null },
  { academicYear: 2025, admissionDate: '2023-09-04', leavingDate: null },
  { academicYear: 2025, admissionDate: '2025-11-03', leavingDate: null },
  { academicYear: 2025, admissionDate: null, leavingDate: '2026-02-13' },
  { academicYear: 2025, admissionDate: '2025-11-03', leavingDate: '2026-03-01' },
  { academicYear: 2024, admissionDate: null, leavingDate: '2026-02-13' },
  { academicYear: 2025, admissionDate: '2025-09-01', leavingDate: '2026-08-31' },
];

/** What `LearnerProgressService` writes for an enrolment alone in its year: `{[from,until+1)}`, open sides empty. */
function multirange(enrolment: (typeof HELD)[number]): string {
  const alone = { ...enrolment, academyId: 'a', yearGroup: 9 } as LearnerEnrolment;
  const [spans] = coverageSpans([alone], enrolment.academicYear);
  const upTo = (until: string | null) => (until ? addDays(until, 1) : '');
  return `{${spans.map((span) => `${span.from ? `[${span.from}` : '('},${upTo(span.until)})`).join(',')}}`;
}

describe('Migrations (PostgreSQL)', () => {
  let admin: Client;
  let database: string;
  let url: URL;

  beforeAll(async () => {
    const testUrl = new URL(process.env['TEST_DATABASE_URL'] ?? '');
    database = `${testUrl.pathname.slice(1)}_upgrade`;
    const adminUrl = new URL(testUrl);
    adminUrl.pathname = '/postgres';
    admin = new Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
    await admin.query(`CREATE DATABASE "${database}"`);
    url = new URL(testUrl);
    url.pathname = `/${database}`;
  });

  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it('R-G-2, R-G-4: upgrading gives the progress rows held the dates coverageSpans gives their enrolment', async () => {
    const upTo = migrations.indexOf(AllowMovesWithinAYear1763820800000);
    const before = await new DataSource({
      ...dataSourceOptions(url.toString(), 1),
      migrations: migrations.slice(0, upTo),
    }).initialize();
    try {
      await before.runMigrations({ transaction: 'each' });
      const [trust] = await before.query(`INSERT INTO trust (name) VALUES ('Upgrade Trust') RETURNING id`);
      const [academy] = await before.query(
        `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, 'Upgrade Academy', '990001', 'secondary') RETURNING id`,
        [trust.id],
      );
      for (const [index, enrolment] of HELD.entries()) {
        const [learner] = await before.query(
          `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
           VALUES ($1, 'Surname', 'Forename', '2011-10-01') RETURNING id`,
          [`A99000000${String(index).padStart(4, '0')}`],
        );
        await before.query(
          `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, admission_date, leaving_date)
           VALUES ($1, $2, $3, 9, $4, $5)`,
          [learner.id, enrolment.academicYear, academy.id, enrolment.admissionDate, enrolment.leavingDate],
        );
        await before.query(
          `INSERT INTO learner_progress (learner_id, academic_year, rule_set, at_risk_days, academy_id, year_group,
             admission_date, leaving_date)
           VALUES ($1, $2, 'gatsby-2024', 122, $3, 9, $4, $5)`,
          [learner.id, enrolment.academicYear, academy.id, enrolment.admissionDate, enrolment.leavingDate],
        );
      }
    } finally {
      await before.destroy();
    }

    const after = await new DataSource(dataSourceOptions(url.toString(), 1)).initialize();
    try {
      const applied = await after.runMigrations({ transaction: 'each' });
      expect(applied.map((migration) => migration.name)).toContain('AllowMovesWithinAYear1763820800000');
      const rows: { upn: string; counts_at: string }[] = await after.query(
        `SELECT l.upn, p.counts_at::text AS counts_at FROM learner_progress p JOIN learner l ON l.id = p.learner_id
          ORDER BY l.upn`,
      );
      expect(rows.map((row) => row.counts_at)).toEqual(HELD.map(multirange));
    } finally {
      await after.destroy();
    }
  });
});
