import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { LearnerProgressService } from '../src/coverage/learner-progress.service';
import { DestinationsReportService } from '../src/reports/destinations-report.service';
import { binary, pdfInfo, pdfText } from './pdf-files';
import { cohort, rosterCsv } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';

/** A year already over: at its end (31 August 2026) the confirm-by date, 31 May 2026, has passed. */
const YEAR = 2025;
const AS_AT = '2026-08-31';
const HEADER = [
  'UPN',
  'Legal surname',
  'Legal forename',
  'Date of birth',
  'Academy',
  'Year group',
  'Category',
  'Provider',
  'Status',
  'Status date',
];
const TRICKY_SURNAME = 'Hart, "Bee" Jones';

/** The CSV as rows, checked on the way to be what Excel opens cleanly. */
function csvRows(file: Buffer, options: { relax_column_count?: boolean } = {}): string[][] {
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = file.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.filter((line) => !/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/.test(line))).toEqual([]);
  return parse(file, { bom: true, ...options }) as string[][];
}

describe(`${DestinationsReportService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let trustLeader: SignedInAgent;
  let academyLeader: SignedInAgent;
  let careersLead: SignedInAgent;
  let teacher: SignedInAgent;
  let adviser: SignedInAgent;
  const learners = new Map<string, { id: string; upn: string }>();

  const learner = (surname: string) => {
    const found = learners.get(surname);
    if (!found) throw new Error(`No learner ${surname} in the fixture`);
    return found;
  };
  const get = (agent: SignedInAgent, query: string) =>
    agent.get(`/api/reports/destinations?${query}`).buffer(true).parse(binary);

  /** An intended destination with its changes in the order made; `status` is the last. */
  async function destination(
    surname: string,
    category: string,
    provider: string | null,
    history: [string, string][],
  ): Promise<void> {
    const [{ id }] = await dataSource.query(
      `INSERT INTO intended_destination (learner_id, academic_year, category, provider_name, status)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [learner(surname).id, YEAR, category, provider, history[history.length - 1][0]],
    );
    for (const [status, on] of history) {
      await dataSource.query(
        `INSERT INTO destination_status_change (destination_id, status, "on") VALUES ($1, $2, $3)`,
        [id, status, on],
      );
    }
  }

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(940001, {
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    }));
    const year11 = cohort(100, 4, 11, YEAR).map((line, index) =>
      index === 0 ? { ...line, surname: TRICKY_SURNAME } : line,
    );
    const roster = async (academyId: string, lines: ReturnType<typeof cohort>) =>
      admin
        .post(`/api/academies/${academyId}/roster?academicYear=${YEAR}&dryRun=false`)
        .set('content-type', 'text/csv')
        .send(rosterCsv(lines))
        .expect(200);
    await roster(kilnside, [...year11, ...cohort(200, 3, 13, YEAR), ...cohort(300, 2, 10, YEAR)]);
    await roster(burslem, cohort(400, 2, 11, YEAR));
    const rows: { id: string; upn: string; legal_surname: string }[] = await dataSource.query(
      'SELECT id, upn, legal_surname FROM learner',
    );
    for (const row of rows) {
      learners.set(row.legal_surname === TRICKY_SURNAME ? 'Surname100' : row.legal_surname, row);
    }
    // Kilnside's Year 11: confirmed in March; applied only (missed at the year's end); nothing but a NEET-risk
    // mark; offered then accepted on one day. Year 13: one confirmed. Burslem: one confirmed.
    await destination('Surname100', 'sixth_form_college', '=cmd|calc', [
      ['considering', '2025-10-06'],
      ['applied', '2025-11-10'],
      ['accepted', '2026-03-02'],
    ]);
    await destination('Surname101', 'further_education', 'Potteries College', [
      ['considering', '2025-10-06'],
      ['applied', '2026-01-12'],
    ]);
    await dataSource.query(
      `INSERT INTO neet_risk (learner_id, reason, support, review_on) VALUES ($1, 'No plan yet', 'Weekly check-in', '2026-06-01')`,
      [learner('Surname102').id],
    );
    await destination('Surname103', 'apprenticeship', 'Kiln Engineering Ltd', [
      ['considering', '2025-11-03'],
      ['offered', '2026-04-01'],
      ['accepted', '2026-04-01'],
    ]);
    await destination('Surname200', 'higher_education', 'University of the Potteries', [
      ['applied', '2025-10-13'],
      ['offered', '2026-01-19'],
      ['accepted', '2026-02-02'],
    ]);
    await destination('Surname400', 'employment', 'Burslem Bistro', [['accepted', '2026-05-11']]);
    // Two Year 11 leavers of Kilnside the year before: one in further education on 1 October, one NEET.
    for (const [serial, category] of [
      [500, 'further_education'],
      [501, 'neet'],
    ] as const) {
      const [leaver] = await dataSource.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth, consent_to_follow_up)
         VALUES ($1, $2, 'Leaver', '2008-10-01', true) RETURNING id`,
        [cohort(serial, 1, 11, YEAR - 1)[0].upn, `Leaver${serial}`],
      );
      await dataSource.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, leaving_date)
         VALUES ($1, $2, $3, 11, '2025-07-18')`,
        [leaver.id, YEAR - 1, kilnside],
      );
      await dataSource.query(
        `INSERT INTO actual_destination (learner_id, anniversary, category, source) VALUES ($1, 1, $2, 'learner')`,
        [leaver.id, category],
      );
    }
    await dataSource.transaction((manager) =>
      app.get(LearnerProgressService).learnersChanged(
        manager,
        [...learners.values()].map((learner) => learner.id),
      ),
    );
    trustLeader = await signedInUser(app, ['trust_leader']);
    academyLeader = await signedInUser(app, ['academy_leader'], { academyIds: [kilnside] });
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [kilnside] });
    const [{ id: group11A }] = await dataSource.query(
      `SELECT id FROM learning_group WHERE academy_id = $1 AND name = '11A'`,
      [kilnside],
    );
    teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside], groupIds: [group11A] });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/reports/destinations?format=csv', () => {
    it('returns every learner of Years 11 and 13 once, with their destination or blanks, and the NEET-risk flag', async () => {
      const response = await get(admin, `academicYear=${YEAR}&format=csv`).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="destinations-2025-26-trust-${AS_AT}.csv"`,
      );
      const [header, ...rows] = csvRows(response.body);
      expect(header).toEqual([...HEADER, 'NEET risk']);
      const bySurname = new Map(rows.map((row) => [row[1], row]));
      // Kilnside's 4 in Year 11 and 3 in Year 13, Burslem's 2 in Year 11; not Year 10, nor last year's leavers.
      expect(rows).toHaveLength(9);
      expect(rows.map((row) => `${row[4]} ${row[5]}`)).toEqual([
        ...Array(2).fill('Burslem Vale Academy 11'),
        ...Array(4).fill('Kilnside Academy 11'),
        ...Array(3).fill('Kilnside Academy 13'),
      ]);
      expect(bySurname.get(TRICKY_SURNAME)).toEqual([
        learner('Surname100').upn,
        TRICKY_SURNAME,
        'Forename100',
        '2009-10-01',
        'Kilnside Academy',
        '11',
        'Sixth-form college',
        "'=cmd|calc",
        'Accepted',
        '2026-03-02',
        'No',
      ]);
      // Applied only: DEST_16 missed at the year's end, so at risk of NEET.
      expect(bySurname.get('Surname101')?.slice(6)).toEqual([
        'Further-education college',
        'Potteries College',
        'Applied',
        '2026-01-12',
        'Yes',
      ]);
      // Nothing recorded: blanks; marked at risk by careers staff.
      expect(bySurname.get('Surname102')?.slice(6)).toEqual(['', '', '', '', 'Yes']);
      // Two changes on one day: the one made last is the status.
      expect(bySurname.get('Surname103')?.slice(6)).toEqual([
        'Apprenticeship',
        'Kiln Engineering Ltd',
        'Accepted',
        '2026-04-01',
        'No',
      ]);
      expect(bySurname.get('Surname200')?.slice(5)).toEqual([
        '13',
        'Higher education',
        'University of the Potteries',
        'Accepted',
        '2026-02-02',
        'No',
      ]);
      expect(bySurname.get('Surname201')?.slice(6)).toEqual(['', '', '', '', 'Yes']);
      expect(bySurname.has('Surname300')).toBe(false);
      expect(bySurname.has('Leaver500')).toBe(false);
    });

    it('carries the NEET-risk column only for those who may mark NEET risk at the academy', async () => {
      const forLead = csvRows(
        (await get(careersLead, `academicYear=${YEAR}&academyId=${kilnside}&format=csv`).expect(200)).body,
      );
      expect(forLead[0]).toEqual([...HEADER, 'NEET risk']);
      expect(forLead.slice(1)).toHaveLength(7);
      expect(forLead.slice(1).every((row) => row[4] === 'Kilnside Academy')).toBe(true);
      for (const [agent, query] of [
        [academyLeader, `academicYear=${YEAR}&academyId=${kilnside}&format=csv`],
        [trustLeader, `academicYear=${YEAR}&format=csv`],
      ] as const) {
        const rows = csvRows((await get(agent, query).expect(200)).body);
        expect(rows[0]).toEqual(HEADER);
        expect(rows.slice(1).every((row) => row.length === HEADER.length)).toBe(true);
      }
    });

    it('says so for a year with no learner in Year 11 or 13, instead of failing', async () => {
      const rows = csvRows((await get(trustLeader, 'academicYear=2030&format=csv').expect(200)).body, {
        relax_column_count: true,
      });
      expect(rows[0]).toEqual(HEADER);
      expect(rows[1][0]).toMatch(/^No data: no learner of .* is enrolled in Year 11 or 13 in 2030\/31/);
    });
  });

  describe('GET /api/reports/destinations?format=pdf', () => {
    it("draws each academy's page: Years 11 and 13 by category and status, confirmed, NEET-risk counts and leavers", async () => {
      const response = await get(trustLeader, `academicYear=${YEAR}&format=pdf`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="destinations-2025-26-trust-${AS_AT}.pdf"`,
      );
      expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfInfo(response.body)).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
      const text = pdfText(response.body);
      const line = (start: string, after = '') =>
        text
          .slice(text.indexOf(after))
          .split('\n')
          .find((candidate) => candidate.trim().startsWith(start))
          ?.replace(/\s+/g, ' ')
          .trim();
      expect(text).toContain('Destinations: Burslem Vale Academy');
      expect(text).toContain('Destinations: Kilnside Academy');
      const kilnsidePage = 'Destinations: Kilnside Academy';
      // Learners, recorded, confirmed, confirmed %, NEET risk.
      expect(line('Year 11', kilnsidePage)).toBe('Year 11 4 3 2 50.0% 2');
      expect(line('Year 13', kilnsidePage)).toBe('Year 13 3 1 1 33.3% 2');
      expect(line('Further-education college', kilnsidePage)).toMatch(/^Further-education college 1 –/);
      expect(line('No destination recorded', kilnsidePage)).toMatch(/^No destination recorded 1 2\b/);
      // The status table stands beside the category table, so its rows share their lines.
      const statusRow = (status: string) =>
        text
          .slice(text.indexOf(kilnsidePage))
          .split('\n')
          .find((candidate) => candidate.includes(` ${status} `))
          ?.replace(/\s+/g, ' ');
      expect(statusRow('Accepted')).toMatch(/ Accepted 2 1\b/);
      expect(statusRow('Applied')).toMatch(/ Applied 1 –/);
      // The leavers of 2024/25: one of the two in education on 1 October 2025; the second anniversary is ahead.
      expect(text).toContain('Year 11, 2024/25');
      expect(line('Year 11, 2024/25')).toMatch(/^Year 11, 2024\/25 2 50\.0% still to come still to come$/);
      // Figures only: no learner is named.
      for (const surname of learners.keys()) expect(text).not.toContain(surname);
      expect(text).not.toContain('Hart');
    });

    it('adds the destinations pages to the compliance report', async () => {
      const response = await trustLeader
        .get(`/api/reports/compliance?academicYear=${YEAR}&academyId=${kilnside}&format=pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const text = pdfText(response.body);
      expect(text).toContain('Destinations of Years 11 and 13, and leavers');
      expect(text).toContain('Destinations: Kilnside Academy');
      expect(text).not.toContain('Destinations: Burslem Vale Academy');
    });
  });

  describe('access and bad input', () => {
    it('refuses teachers and advisers with 403, the whole trust to academy staff with 403, and another academy with 404', async () => {
      await get(teacher, `academicYear=${YEAR}&academyId=${kilnside}&format=csv`).expect(403);
      await get(adviser, `academicYear=${YEAR}&academyId=${kilnside}&format=csv`).expect(403);
      await get(academyLeader, `academicYear=${YEAR}&format=csv`).expect(403);
      await get(careersLead, `academicYear=${YEAR}&format=pdf`).expect(403);
      const hidden = await academyLeader
        .get(`/api/reports/destinations?academicYear=${YEAR}&academyId=${burslem}&format=csv`)
        .expect(404);
      const unknown = await trustLeader
        .get(
          `/api/reports/destinations?academicYear=${YEAR}&academyId=00000000-0000-4000-8000-000000000000&format=pdf`,
        )
        .expect(404);
      expect(hidden.body.message).toBe(unknown.body.message);
    });

    it.each([
      [`academicYear=${YEAR}&format=xlsx`, 'format'],
      [`academicYear=${YEAR}`, 'format'],
      ['format=csv', 'academicYear'],
      [`academicYear=${YEAR}&academyId=kilnside&format=csv`, 'academyId'],
      [`academicYear=${YEAR}&format=csv&asAt=2026-03-31`, 'asAt'],
    ])('answers destinations?%s with 400 naming %s', async (query, field) => {
      const response = await trustLeader.get(`/api/reports/destinations?${query}`).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    });
  });

  it('audits every download with its format, scope and whether it held the NEET-risk flags, and no personal data', async () => {
    const entries: {
      user_id: string;
      entity_id: string;
      academy_id: string | null;
      details: Record<string, unknown>;
    }[] = await dataSource.query(
      `SELECT user_id, entity_id, academy_id, details FROM audit_entry
          WHERE action = 'report.export' AND entity_id = 'destinations' ORDER BY id`,
    );
    const base = { report: 'destinations', academicYear: YEAR, asAt: AS_AT };
    expect(entries.map((entry) => [entry.user_id, entry.details])).toEqual(
      expect.arrayContaining([
        [admin.userId, { ...base, format: 'csv', scope: 'trust', neetRisk: true }],
        [careersLead.userId, { ...base, format: 'csv', scope: 'academy', neetRisk: true }],
        [academyLeader.userId, { ...base, format: 'csv', scope: 'academy', neetRisk: false }],
        [trustLeader.userId, { ...base, format: 'pdf', scope: 'trust' }],
      ]),
    );
    expect(entries.find((entry) => entry.user_id === careersLead.userId)?.academy_id).toBe(kilnside);
    // Refused requests export nothing.
    expect(entries.filter((entry) => [teacher.userId, adviser.userId].includes(entry.user_id))).toEqual([]);
    const details = JSON.stringify(entries.map((entry) => entry.details));
    expect([...learners.values()].filter(({ upn }) => details.includes(upn))).toEqual([]);
  });
});
