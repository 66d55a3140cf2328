import { addDays, coverageSpans, type LearnerEnrolment } from '@encounters/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { migrations } from '../src/database/migrations';
import { AllowMovesWithinAYear1763820800000 } from '../src/database/migrations/1763820800000-AllowMovesWithinAYear';
import { RecordWorkExperienceHoursAndPost16Academies1764986000000 } from '../src/database/migrations/1764986000000-RecordWorkExperienceHoursAndPost16Academies';

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

  it('R-WEX-1, R-V-1: the 2025 revision keeps existing data: default hours, collegeMode as post-16 academies, WEX progress', async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
    const upTo = migrations.indexOf(RecordWorkExperienceHoursAndPost16Academies1764986000000);
    const before = await new DataSource({
      ...dataSourceOptions(url.toString(), 1),
      migrations: migrations.slice(0, upTo),
    }).initialize();
    let learnerId = '';
    try {
      await before.runMigrations({ transaction: 'each' });
      const [trust] = await before.query(`INSERT INTO trust (name) VALUES ('Upgrade Trust') RETURNING id`);
      const academy = async (name: string, urn: string, phase: string) =>
        (
          await before.query(
            `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, $2, $3, $4) RETURNING id`,
            [trust.id, name, urn, phase],
          )
        )[0].id as string;
      const school = await academy('Upgrade School', '990011', 'secondary');
      await academy('Upgrade Sixth Form College', '990012', 'sixth_form');
      await before.query(`INSERT INTO policy (academic_year, body) VALUES (2025, $1)`, [
        JSON.stringify({ ruleSet: 'gatsby-2024', collegeMode: true }),
      ]);
      [{ id: learnerId }] = await before.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
         VALUES ('A990000009999', 'Surname', 'Forename', '2010-10-01') RETURNING id`,
      );
      await before.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group) VALUES ($1, 2025, $2, 10)`,
        [learnerId, school],
      );
      const [encounter] = await before.query(
        `INSERT INTO encounter (academy_id, academic_year, title, date, format, delivery, during_school_day,
           duration_minutes, days, categories)
         VALUES ($1, 2025, 'Work experience week', '2026-06-15', 'work_experience', 'in_person', true, 360, 5,
           ARRAY['workplace_experience']) RETURNING id`,
        [school],
      );
      await before.query(`INSERT INTO attendance (encounter_id, learner_id) VALUES ($1, $2)`, [
        encounter.id,
        learnerId,
      ]);
    } finally {
      await before.destroy();
    }

    const after = await new DataSource(dataSourceOptions(url.toString(), 1)).initialize();
    try {
      const applied = await after.runMigrations({ transaction: 'each' });
      expect(applied.map((migration) => migration.name)).toContain(
        'RecordWorkExperienceHoursAndPost16Academies1764986000000',
      );
      expect(await after.query(`SELECT urn, evaluation_type FROM academy ORDER BY urn`)).toEqual([
        { urn: '990011', evaluation_type: 'school' },
        { urn: '990012', evaluation_type: 'post16' },
      ]);
      expect(await after.query(`SELECT status, hours FROM attendance`)).toEqual([
        { status: 'attended', hours: null },
      ]);
      // 5 days x 6 hours a day (the default): WEX_KS4 met on the placement's date, recomputed by the upgrade.
      expect(
        await after.query(
          `SELECT wex_ks4_window_end::text AS window_end, wex_ks4_met_on::text AS met_on, wex_ks3_window_end
             FROM learner_progress WHERE learner_id = $1`,
          [learnerId],
        ),
      ).toEqual([{ window_end: '2027-08-31', met_on: '2026-06-15', wex_ks3_window_end: null }]);
      // R-WEX-6: and its counted hours kept as steps (1764991000000): 30 hours from the placement's date.
      expect(
        await after.query(
          `SELECT wex_ks4_target::text AS target, wex_ks4_hours_on::text AS hours_on, wex_ks4_hours::text AS hours,
                  wex_ks3_hours
             FROM learner_progress WHERE learner_id = $1`,
          [learnerId],
        ),
      ).toEqual([{ target: '25.00', hours_on: '{2026-06-15}', hours: '{30.00}', wex_ks3_hours: null }]);
    } finally {
      await after.destroy();
    }
  });
});
