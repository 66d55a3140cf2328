import { ROSTER_FIELDS, ROSTER_HEADER_ALIASES, type RosterField } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { RosterImportService } from '../src/roster-import/roster-import.service';
import {
  cohort,
  countRows,
  csvCell,
  rosterCsv,
  type RosterLine,
  STANDARD_HEADERS,
  upn,
} from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';

describe(`${RosterImportService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let careersLead: SignedInAgent;

  const rosterPath = (academyId: string, academicYear: number, dryRun?: boolean) =>
    `/api/academies/${academyId}/roster?academicYear=${academicYear}${dryRun === undefined ? '' : `&dryRun=${dryRun}`}`;

  /** Uploads `csv` as a multipart `file`, the way the web app does. */
  const upload = (
    agent: SignedInAgent,
    academyId: string,
    academicYear: number,
    csv: string | Buffer,
    dryRun?: boolean,
  ) =>
    agent
      .post(rosterPath(academyId, academicYear, dryRun))
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), 'roster.csv');

  /** Everything the import may write, to show that a refused import wrote nothing. */
  const snapshot = async () => ({
    learners: await countRows(app, 'learner'),
    enrolments: await countRows(app, 'enrolment'),
    groups: await countRows(app, 'learning_group'),
    memberships: await countRows(app, 'group_membership'),
    imports: (
      await dataSource.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'roster.import'`)
    )[0].n,
  });

  /** Confirms the pending move request of the learner with this UPN, as a holder of it would. */
  const confirmMove = async (agent: SignedInAgent, learnerUpn: string) => {
    const pending = await agent.get('/api/roster-moves').expect(200);
    const move = pending.body.find((item: { upn: string }) => item.upn === learnerUpn);
    expect(move).toMatchObject({ mayDecide: true });
    await agent.post(`/api/roster-moves/${move.id}/confirm`).expect(200);
  };

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(910001));
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('header aliases', () => {
    // Enough files that every alias of every field appears in one of them, in varied spellings.
    const maxAliases = Math.max(...ROSTER_FIELDS.map((field) => ROSTER_HEADER_ALIASES[field].length));
    const spell = (alias: string, variant: number) =>
      [
        (text: string) => text,
        (text: string) => text.toUpperCase().replace(/ /g, '_'),
        (text: string) => text.replace(/\b\w/g, (letter) => letter.toUpperCase()),
        (text: string) => text.replace(/ /g, '.'),
        (text: string) => text.replace(/ /g, '-'),
        (text: string) => ` ${text.replace(/ /g, '')} `,
      ][variant % 6](alias);

    const values: Record<RosterField, string> = {
      upn: '',
      legalSurname: "O'Neill",
      legalForename: 'Siobhan',
      preferredSurname: 'Neill',
      preferredForename: 'Shiv',
      dateOfBirth: '14/05/2011',
      gender: 'Female',
      yearGroup: 'Y9',
      registrationGroup: '9K',
      pupilPremium: 'Yes',
      freeSchoolMeals: 'Y',
      senStatus: 'k',
      eal: 'T',
      lookedAfter: '1',
      consideringHigherEducation: 'True',
      admissionDate: '2022-09-01',
      leavingDate: '',
    };

    for (let variant = 0; variant < maxAliases; variant++) {
      it(`reads file ${variant + 1} of ${maxAliases}, headers ${ROSTER_FIELDS.map(
        (field) => ROSTER_HEADER_ALIASES[field][variant % ROSTER_HEADER_ALIASES[field].length],
      ).join(' / ')}`, async () => {
        const fields = ROSTER_FIELDS.filter(
          // "Known as" and "preferred forename" are the same field, as are other pairs: one column each.
          (field, index, all) => all.indexOf(field) === index,
        );
        const headers = fields.map((field) =>
          spell(ROSTER_HEADER_ALIASES[field][variant % ROSTER_HEADER_ALIASES[field].length], variant),
        );
        const learnerUpn = upn(100 + variant);
        const row = fields.map((field) => (field === 'upn' ? learnerUpn : values[field]));
        const csv = `${headers.map(csvCell).join(',')}\n${row.map(csvCell).join(',')}\n`;

        const dryRun = await upload(admin, kilnside, 2025, csv).expect(200);
        expect(dryRun.body).toMatchObject({
          dryRun: true,
          created: 1,
          rejected: 0,
          errors: [],
          ignoredHeaders: [],
        });

        await upload(admin, kilnside, 2025, csv, false).expect(200);
        const found = await admin.get(`/api/learners?q=${learnerUpn}&academicYear=2025`).expect(200);
        expect(found.body.total).toBe(1);
        const detail = await admin.get(`/api/learners/${found.body.items[0].id}`).expect(200);
        expect(detail.body.learner).toMatchObject({
          upn: learnerUpn,
          legalSurname: "O'Neill",
          legalForename: 'Siobhan',
          preferredSurname: 'Neill',
          preferredForename: 'Shiv',
          name: 'Shiv Neill',
          dateOfBirth: '2011-05-14',
          gender: 'F',
        });
        expect(detail.body.enrolments).toEqual([
          expect.objectContaining({
            academicYear: 2025,
            academyId: kilnside,
            yearGroup: 9,
            group: expect.objectContaining({ name: '9K' }),
            pupilPremium: true,
            senStatus: 'K',
            eal: true,
            lookedAfter: true,
            consideringHigherEducation: true,
            admissionDate: '2022-09-01',
            leavingDate: null,
          }),
        ]);
      });
    }

    it('ignores columns it does not know and says which', async () => {
      const csv = `UPN,Surname,Forename,DOB,Year,Boarder,Locker\n${upn(120)},Ng,Li,1/9/2012,8,N,42\n`;
      const response = await upload(admin, kilnside, 2025, csv).expect(200);
      expect(response.body).toMatchObject({ created: 1, errors: [], ignoredHeaders: ['Boarder', 'Locker'] });
    });
  });

  describe('bad input: a precise error and nothing written', () => {
    const header = STANDARD_HEADERS.join(',');
    const good = (serial: number) => `${upn(serial)},Good,Learner,,01/10/2011,M,9,9A,N,N,N,N,N`;

    const cases: {
      name: string;
      csv: string;
      errors: { line: number; column: string; value: string; reason: RegExp }[];
    }[] = [
      {
        name: 'a wrong check letter',
        csv: `${header}\n${good(201)}\nA801200005001,Bad,Letter,,01/10/2011,M,9,9A,N,N,N,N,N\n`,
        errors: [
          {
            line: 3,
            column: 'UPN',
            value: 'A801200005001',
            reason: /check letter is wrong.*check letter for the digits that follow is B/,
          },
        ],
      },
      {
        name: 'a UPN of the wrong length',
        csv: `${header}\nB80120000500,Short,Upn,,01/10/2011,M,9,9A,N,N,N,N,N\n${good(202)}\n`,
        errors: [{ line: 2, column: 'UPN', value: 'B80120000500', reason: /must be 13 characters long/ }],
      },
      {
        name: 'a UPN with a letter among the digits',
        csv: `${header}\n${good(203)}\nB8012O0005001,Letter,Inside,,01/10/2011,M,9,9A,N,N,N,N,N\n`,
        errors: [{ line: 3, column: 'UPN', value: 'B8012O0005001', reason: /character 6 must be a digit/ }],
      },
      {
        name: 'the same UPN twice in one file',
        csv: `${header}\n${good(204)}\n${good(205)}\n${good(204).replace('Good', 'Again')}\n`,
        errors: [
          {
            line: 4,
            column: 'UPN',
            value: upn(204),
            reason: new RegExp(`${upn(204)} is a duplicate of line 2`),
          },
        ],
      },
      {
        name: 'an impossible date (31/02/2012)',
        csv: `${header}\n${good(206)}\n${upn(207)},Bad,Date,,31/02/2012,F,8,8A,N,N,N,N,N\n`,
        errors: [
          {
            line: 3,
            column: 'Date of Birth',
            value: '31/02/2012',
            reason: /not a real date: February 2012 has 29 days/,
          },
        ],
      },
      {
        name: 'year group 0',
        csv: `${header}\n${upn(208)},Year,Nought,,01/10/2011,F,0,9A,N,N,N,N,N\n`,
        errors: [{ line: 2, column: 'Year Group', value: '0', reason: /between 1 and 14/ }],
      },
      {
        name: 'year group 15',
        csv: `${header}\n${good(209)}\n${upn(210)},Year,Fifteen,,01/10/2011,F,Year 15,9A,N,N,N,N,N\n`,
        errors: [{ line: 3, column: 'Year Group', value: 'Year 15', reason: /between 1 and 14/ }],
      },
      {
        name: 'an unknown SEN code',
        csv: `${header}\n${upn(211)},Sen,Code,,01/10/2011,F,9,9A,N,Q,N,N,N\n`,
        errors: [
          { line: 2, column: 'SEN Status', value: 'Q', reason: /not a SEN status: expected N, K or E/ },
        ],
      },
      {
        name: 'ragged rows (too few and too many cells)',
        csv: `${header}\n${good(212)}\n${upn(213)},Too,Few,,01/10/2011\n${upn(214)},Too,Many,,01/10/2011,M,9,9A,N,N,N,N,N,Smith, Jr\n`,
        errors: [
          { line: 3, column: 'Gender', value: '', reason: /has 5 cells but the header row has 13/ },
          { line: 4, column: '', value: 'Smith', reason: /has 15 cells but the header row has 13/ },
        ],
      },
      {
        name: 'several problems on one line, all reported at once',
        csv: `${header}\n${upn(215)},,Blank,,2012-13-01,X,Y7,7A,maybe,N,N,N,N\n`,
        errors: [
          { line: 2, column: 'Legal Surname', value: '', reason: /blank but is required/ },
          { line: 2, column: 'Date of Birth', value: '2012-13-01', reason: /no month 13/ },
          { line: 2, column: 'Pupil Premium', value: 'maybe', reason: /not a yes\/no value/ },
        ],
      },
    ];

    for (const { name, csv, errors } of cases) {
      it(`lists ${name} in a dry run, and refuses to commit it with 422`, async () => {
        const before = await snapshot();
        const dryRun = await upload(careersLead, kilnside, 2025, csv).expect(200);
        const expected = errors.map((error) => ({ ...error, reason: expect.stringMatching(error.reason) }));
        expect(dryRun.body.errors).toEqual(expected);
        expect(dryRun.body.rejected).toBe(new Set(errors.map((error) => error.line)).size);

        const commit = await upload(careersLead, kilnside, 2025, csv, false).expect(422);
        expect(commit.body).toMatchObject({
          statusCode: 422,
          error: 'Unprocessable Entity',
          details: expected,
        });
        expect(commit.body.message).toMatch(/nothing was imported/);
        expect(await snapshot()).toEqual(before);
      });
    }

    it('names a missing required column and lists the headers it found', async () => {
      const before = await snapshot();
      const csv = `UPN,Surname,Forename,Year,Form\n${upn(220)},Ng,Li,9,9A\n`;
      for (const dryRun of [true, false]) {
        const response = await upload(careersLead, kilnside, 2025, csv, dryRun).expect(400);
        expect(response.body.message).toBe(
          'Missing required column: date of birth (accepted headers: date of birth, dob, birth date, birthdate). ' +
            'Headers found: "UPN", "Surname", "Forename", "Year", "Form".',
        );
        expect(response.body.details).toEqual([
          expect.objectContaining({
            line: 1,
            column: 'date of birth',
            reason: expect.stringMatching(/Missing required column/),
          }),
        ]);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an empty file', async () => {
      const before = await snapshot();
      for (const csv of ['', '\r\n\r\n', '\uFEFF']) {
        const response = await upload(careersLead, kilnside, 2025, csv, false).expect(400);
        expect(response.body.message).toMatch(/The file is empty/);
        expect(response.body.details).toEqual([
          expect.objectContaining({ line: 1, reason: expect.stringMatching(/empty/) }),
        ]);
      }
      const headerOnly = await upload(careersLead, kilnside, 2025, `${header}\n`, false).expect(400);
      expect(headerOnly.body.message).toMatch(/header row but no learners/);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a binary file, naming a workbook as such', async () => {
      const before = await snapshot();
      const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 37) % 256));
      const response = await upload(careersLead, kilnside, 2025, binary, false).expect(400);
      expect(response.body.message).toMatch(/not a CSV text file: it contains binary data/);
      expect(response.body.details).toHaveLength(1);

      const workbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), binary]);
      const xlsx = await upload(careersLead, kilnside, 2025, workbook, true).expect(400);
      expect(xlsx.body.message).toMatch(/Excel workbook/);
      expect(await snapshot()).toEqual(before);
    });

    it('reads a file that is not UTF-8 as Windows-1252, and says so', async () => {
      const latin1 = Buffer.from(
        `${header}\n${upn(221)},Zo\xeb,Ren\xe9e,,01/10/2011,F,9,9A,N,N,N,N,N\n`,
        'latin1',
      );
      const response = await upload(careersLead, kilnside, 2025, latin1).expect(200);
      expect(response.body.file).toMatchObject({ encoding: 'Windows-1252', delimiter: ',' });
      expect(response.body.changes).toEqual([]);
      expect(response.body).toMatchObject({ created: 1, rejected: 0 });
    });

    it('refuses a quoted field that never closes, with its line', async () => {
      const csv = `${header}\n${good(222)}\n${upn(223)},"Unclosed,Quote,,01/10/2011,F,9,9A,N,N,N,N,N\n`;
      const response = await upload(careersLead, kilnside, 2025, csv, false).expect(400);
      expect(response.body.message).toMatch(/never closed/);
      expect(response.body.details[0].line).toBeGreaterThanOrEqual(3);
    });
  });

  describe('accepted silently', () => {
    it('reads a BOM, CRLF line ends, quoted commas and quotes, and blank trailing lines', async () => {
      const lines: RosterLine[] = [
        {
          upn: upn(300),
          surname: 'Smith, Jr',
          forename: 'Jo',
          dob: '1/9/2010',
          year: 'Year 10',
          form: '10A',
        },
        {
          upn: upn(301),
          surname: 'O"Brien',
          forename: 'Ann, Marie',
          dob: '2010-09-02',
          year: '10',
          form: '10A',
        },
      ];
      const csv = `\uFEFF${rosterCsv(lines, { eol: '\r\n' })},,,,,,,,,,,,\r\n\r\n\r\n`;
      const response = await upload(careersLead, kilnside, 2025, csv, false).expect(200);
      expect(response.body).toMatchObject({ created: 2, rejected: 0, errors: [] });
      const names = await dataSource.query(
        'SELECT legal_surname, legal_forename FROM learner WHERE upn = ANY($1) ORDER BY legal_forename',
        [[upn(300), upn(301)]],
      );
      expect(names).toEqual([
        { legal_surname: 'O"Brien', legal_forename: 'Ann, Marie' },
        { legal_surname: 'Smith, Jr', legal_forename: 'Jo' },
      ]);
    });

    it('takes the file as a text/csv body as well as a multipart upload', async () => {
      const csv = rosterCsv(cohort(310, 3));
      const response = await careersLead
        .post(rosterPath(kilnside, 2025))
        .set('content-type', 'text/csv')
        .send(csv)
        .expect(200);
      expect(response.body).toMatchObject({ dryRun: true, created: 3 });
    });

    it('reads a quoted cell that spans lines and counts lines from where each row starts', async () => {
      const csv = `${STANDARD_HEADERS.join(',')}\n${upn(320)},"Two\nLines",Ok,,01/10/2011,F,9,9A,N,N,N,N,N\n${upn(321)},Bad,Sen,,01/10/2011,F,9,9A,N,Q,N,N,N\n`;
      const response = await upload(careersLead, kilnside, 2025, csv).expect(200);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ line: 4, column: 'SEN Status', value: 'Q' }),
      ]);
    });
  });

  describe('committing', () => {
    it('is a dry run unless dryRun=false, and writes nothing on a dry run', async () => {
      const before = await snapshot();
      const response = await upload(careersLead, kilnside, 2026, rosterCsv(cohort(400, 5, 9, 2026))).expect(
        200,
      );
      expect(response.body).toMatchObject({ dryRun: true, academicYear: 2026, created: 5 });
      expect(await snapshot()).toEqual(before);
    });

    it('is idempotent: the same file again changes nothing, and the audit log holds counts only', async () => {
      const csv = rosterCsv(cohort(500, 20, 8, 2027));
      const first = await upload(careersLead, kilnside, 2027, csv, false).expect(200);
      expect(first.body).toMatchObject({ dryRun: false, created: 20, updated: 0, unchanged: 0, rejected: 0 });
      const stamps = await dataSource.query(
        `SELECT l.updated_at AS l, e.updated_at AS e FROM learner l JOIN enrolment e ON e.learner_id = l.id
          WHERE e.academic_year = 2027 ORDER BY l.upn`,
      );
      const before = await snapshot();

      const again = await upload(careersLead, kilnside, 2027, csv, false).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 20, missingFromFile: 0 });
      const after = await snapshot();
      expect(after).toEqual({ ...before, imports: before.imports + 1 });
      expect(
        await dataSource.query(
          `SELECT l.updated_at AS l, e.updated_at AS e FROM learner l JOIN enrolment e ON e.learner_id = l.id
            WHERE e.academic_year = 2027 ORDER BY l.upn`,
        ),
      ).toEqual(stamps);

      const [entry] = await dataSource.query(
        `SELECT user_id, academy_id, details FROM audit_entry WHERE action = 'roster.import' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toMatchObject({ user_id: careersLead.userId, academy_id: kilnside });
      expect(entry.details).toMatchObject({ academicYear: 2027, rows: 20, created: 0, unchanged: 20 });
      expect(JSON.stringify(entry.details)).not.toMatch(/Surname|Forename|801200/);
    });

    it('updates what changed, including a move to another registration group', async () => {
      const lines = cohort(600, 4, 10, 2028);
      await upload(admin, kilnside, 2028, rosterCsv(lines), false).expect(200);
      lines[0] = { ...lines[0], form: '10C', sen: 'E' };
      lines[1] = { ...lines[1], knownAs: 'Bee' };
      const response = await upload(admin, kilnside, 2028, rosterCsv(lines), false).expect(200);
      expect(response.body).toMatchObject({ created: 0, updated: 2, unchanged: 2 });

      const groups = await admin.get(`/api/groups?academyId=${kilnside}&academicYear=2028`).expect(200);
      expect(
        groups.body.map((group: { name: string; learnerCount: number; yearGroup: number }) => [
          group.name,
          group.learnerCount,
          group.yearGroup,
        ]),
      ).toEqual([
        ['10A', 1, 10],
        ['10B', 2, 10],
        ['10C', 1, 10],
      ]);
    });

    it('keeps one record for a learner who moves academy, who gains an enrolment there', async () => {
      const mover = cohort(700, 1, 11, 2029)[0];
      const stayers = cohort(701, 3, 11, 2029);
      await upload(admin, kilnside, 2029, rosterCsv([mover, ...stayers]), false).expect(200);

      // Still on Kilnside's roll: Burslem's import asks for the learner, and Kilnside's careers lead moves them.
      const moved = { ...mover, year: '12', form: '12X' };
      const atBurslem = await upload(admin, burslem, 2030, rosterCsv([moved]), false).expect(200);
      expect(atBurslem.body).toMatchObject({
        created: 0,
        updated: 0,
        heldElsewhere: [{ line: 2, upn: mover.upn }],
      });
      await confirmMove(careersLead, mover.upn);

      const [{ id }] = await dataSource.query('SELECT id FROM learner WHERE upn = $1', [mover.upn]);
      const detail = await admin.get(`/api/learners/${id}`).expect(200);
      expect(
        detail.body.enrolments.map((e: { academicYear: number; academyName: string; yearGroup: number }) => [
          e.academicYear,
          e.academyName,
          e.yearGroup,
        ]),
      ).toEqual([
        [2030, 'Burslem Vale Academy', 12],
        [2029, 'Kilnside Academy', 11],
      ]);

      // Kilnside's next file lacks the mover and one stayer: only the stayer is missing, and nobody is deleted.
      const kilnsideNext = stayers.slice(1).map((line) => ({ ...line, year: '12' }));
      const next = await upload(admin, kilnside, 2030, rosterCsv(kilnsideNext), false).expect(200);
      expect(next.body).toMatchObject({ created: 0, updated: 2, missingFromFile: 1 });
      expect(next.body.missingLearners).toEqual([
        {
          learnerId: expect.any(String),
          upn: stayers[0].upn,
          name: `${stayers[0].forename} ${stayers[0].surname}`,
          yearGroup: 11,
        },
      ]);
      expect(
        await dataSource.query('SELECT count(*)::int AS n FROM learner WHERE upn = $1', [stayers[0].upn]),
      ).toEqual([{ n: 1 }]);
    });

    it('R-G-2: a move during the year closes the first enrolment the day before and counts each academy on its own dates', async () => {
      const [mover, stayer] = cohort(750, 2, 9, 2033);
      const withDates = (lines: { line: RosterLine; form: string; admission?: string; leaving?: string }[]) =>
        [
          'UPN,Legal Surname,Legal Forename,Date of Birth,Year Group,Reg Group,Admission Date,Leaving Date',
          ...lines.map(({ line, form, admission, leaving }) =>
            [
              line.upn,
              line.surname,
              line.forename,
              line.dob,
              line.year,
              form,
              admission ?? '',
              leaving ?? '',
            ].join(','),
          ),
        ].join('\n');
      const kilnsideFile = withDates([
        { line: mover, form: '9M' },
        { line: stayer, form: '9M' },
      ]);
      const burslemFile = withDates([{ line: mover, form: '9Q', admission: '12/01/2034' }]);
      await upload(admin, kilnside, 2033, kilnsideFile, false).expect(200);
      const moved = await upload(admin, burslem, 2033, burslemFile, false).expect(200);
      expect(moved.body).toMatchObject({ created: 0, updated: 0, unchanged: 0, movedIn: 0 });
      expect(moved.body.heldElsewhere).toEqual([{ line: 2, upn: mover.upn }]);
      await confirmMove(admin, mover.upn);

      const [{ id }] = await dataSource.query('SELECT id FROM learner WHERE upn = $1', [mover.upn]);
      const detail = await admin.get(`/api/learners/${id}`).expect(200);
      expect(
        detail.body.enrolments.map(
          (e: {
            academicYear: number;
            academyName: string;
            admissionDate: string | null;
            leavingDate: string | null;
          }) => [e.academicYear, e.academyName, e.admissionDate, e.leavingDate],
        ),
      ).toEqual([
        [2033, 'Burslem Vale Academy', '2034-01-12', null],
        [2033, 'Kilnside Academy', null, '2034-01-11'],
      ]);

      // Both files again, in either order: nothing changes, and Kilnside does not report the mover missing.
      const again = await upload(admin, burslem, 2033, burslemFile, false).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 1, movedIn: 0 });
      const kilnsideAgain = await upload(admin, kilnside, 2033, kilnsideFile, false).expect(200);
      expect(kilnsideAgain.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, missingFromFile: 0 });

      const learnersAt = async (query: string) =>
        (await admin.get(`/api/coverage?academicYear=2033&${query}`).expect(200)).body.rows[0].learners;
      expect(await learnersAt(`scope=academy&id=${kilnside}&asAt=2033-12-31`)).toBe(2);
      expect(await learnersAt(`scope=academy&id=${kilnside}&asAt=2034-03-31`)).toBe(1);
      expect(await learnersAt(`scope=academy&id=${burslem}&asAt=2033-12-31`)).toBe(0);
      expect(await learnersAt(`scope=academy&id=${burslem}&asAt=2034-03-31`)).toBe(1);
      const groups = await admin.get(`/api/groups?academyId=${kilnside}&academicYear=2033`).expect(200);
      const nineM = groups.body.find((group: { name: string }) => group.name === '9M').id;
      const classAt = async (asAt: string) =>
        (
          await admin
            .get(`/api/coverage/learners?scope=group&id=${nineM}&academicYear=2033&asAt=${asAt}`)
            .expect(200)
        ).body.rows.map((row: { upn: string }) => row.upn);
      expect(await classAt('2033-12-31')).toEqual([mover.upn, stayer.upn]);
      expect(await classAt('2034-03-31')).toEqual([stayer.upn]);

      // One learner in the trust's list of the year, with the enrolment they have now; one in each academy's.
      const listed = async (query: string) =>
        (await admin.get(`/api/learners?academicYear=2033&q=${mover.upn}${query}`).expect(200)).body;
      expect(await listed('')).toMatchObject({
        total: 1,
        items: [{ academyId: burslem, group: { name: '9Q' } }],
      });
      expect(await listed(`&academyId=${kilnside}`)).toMatchObject({
        total: 1,
        items: [{ academyId: kilnside }],
      });
      // Who can be down for an encounter on a date: the learners on the academy's roll that day.
      expect(await listed(`&academyId=${kilnside}&onRollOn=2033-12-31`)).toMatchObject({ total: 1 });
      expect(await listed(`&academyId=${kilnside}&onRollOn=2034-03-31`)).toMatchObject({ total: 0 });
      expect(await listed(`&academyId=${burslem}&onRollOn=2034-03-31`)).toMatchObject({ total: 1 });
      const refused = await admin.get(`/api/learners?onRollOn=2034-02-30`).expect(400);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'onRollOn' })]);
    });

    it("creates a second academic year's enrolments and reports who is missing from the new file", async () => {
      const year1 = cohort(800, 6, 7, 2031);
      await upload(careersLead, kilnside, 2031, rosterCsv(year1), false).expect(200);
      const learnersBefore = await countRows(app, 'learner');

      const leaver = year1[5];
      const year2 = [
        ...year1.slice(0, 5).map((line) => ({ ...line, year: '8', form: line.form?.replace('7', '8') })),
        ...cohort(806, 1, 8, 2032),
      ];
      const dryRun = await upload(careersLead, kilnside, 2032, rosterCsv(year2)).expect(200);
      expect(dryRun.body).toMatchObject({ created: 1, updated: 5, unchanged: 0, missingFromFile: 1 });
      expect(dryRun.body.missingLearners).toEqual([
        expect.objectContaining({ upn: leaver.upn, yearGroup: 7 }),
      ]);

      const commit = await upload(careersLead, kilnside, 2032, rosterCsv(year2), false).expect(200);
      expect(commit.body).toMatchObject({ created: 1, updated: 5, missingFromFile: 1 });
      expect(await countRows(app, 'learner')).toBe(learnersBefore + 1);
      const enrolments = await dataSource.query(
        `SELECT e.academic_year, e.year_group, g.name FROM enrolment e JOIN learner l ON l.id = e.learner_id
           LEFT JOIN learning_group g ON g.id = e.registration_group_id WHERE l.upn = $1 ORDER BY e.academic_year`,
        [year1[0].upn],
      );
      expect(enrolments).toEqual([
        { academic_year: 2031, year_group: 7, name: '7A' },
        { academic_year: 2032, year_group: 8, name: '8A' },
      ]);
    });
  });

  describe('limits and access', () => {
    const oversized = () => {
      const line = `${upn(900)},Surname,Forename,,01/10/2011,M,9,9A,N,N,N,N,N\n`;
      return Buffer.from(
        STANDARD_HEADERS.join(',') + '\n' + line.repeat(Math.ceil((20 * 1024 * 1024 + 1) / line.length)),
      );
    };

    it('answers 413 to a file over 20 MB, uploaded or as the body', async () => {
      const big = oversized();
      const uploaded = await upload(careersLead, kilnside, 2025, big).expect(413);
      expect(uploaded.body).toMatchObject({
        statusCode: 413,
        message: expect.stringMatching(/larger than 20 MB/),
      });
      const body = await careersLead
        .post(rosterPath(kilnside, 2025))
        .set('content-type', 'text/csv')
        .send(big)
        .expect(413);
      expect(body.body.statusCode).toBe(413);
    }, 90_000); // Two 21 MB uploads: generous on a busy machine.

    it('refuses another content type with 415, and bad query parameters with 400', async () => {
      const xml = await careersLead
        .post(rosterPath(kilnside, 2025))
        .set('Content-Type', 'application/xml')
        .send('<roster/>')
        .expect(415);
      expect(xml.body.message).toMatch(/multipart\/form-data .* text\/csv .* application\/json/);
      const notRows = await careersLead.post(rosterPath(kilnside, 2025)).send({ csv: 'x' }).expect(400);
      expect(notRows.body.message).toMatch(/"rows" array/);
      const csv = rosterCsv(cohort(910, 1));
      const noYear = await careersLead
        .post(`/api/academies/${kilnside}/roster`)
        .attach('file', Buffer.from(csv), 'roster.csv')
        .expect(400);
      expect(noYear.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'academicYear' })]),
      );
      const badDryRun = await careersLead
        .post(`/api/academies/${kilnside}/roster?academicYear=2025&dryRun=maybe`)
        .attach('file', Buffer.from(csv), 'roster.csv')
        .expect(400);
      expect(badDryRun.body.message).toMatch(/dryRun must be true or false/);
    });

    it("lets a careers lead import only their own academy's roster, and only careers leads and trust admins at all", async () => {
      const csv = rosterCsv(cohort(920, 1));
      await upload(careersLead, burslem, 2025, csv).expect(404);
      await upload(careersLead, '00000000-0000-4000-8000-000000000000', 2025, csv).expect(404);
      const leader = await signedInUser(app, ['academy_leader'], { academyIds: [kilnside] });
      await upload(leader, kilnside, 2025, csv).expect(403);
      const teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside] });
      await upload(teacher, kilnside, 2025, csv).expect(403);
      await request(app.getHttpServer())
        .post(rosterPath(kilnside, 2025))
        .attach('file', Buffer.from(csv), 'roster.csv')
        .expect(401);
    });
  });
});
