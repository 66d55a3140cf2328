import { OPTIONAL_ROSTER_FIELDS } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RosterImportService } from '../src/roster-import/roster-import.service';
import { createAcademies } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/** A learner as the corpus's cohort holds them (learners.json, written by write-mis-fixtures.mjs). */
interface CorpusLearner {
  legalSurname: string;
  legalForename: string;
  preferredSurname: string | null;
  preferredForename: string | null;
  dateOfBirth: string;
  gender: string;
  yearGroup: number;
  registrationGroup: string;
  pupilPremium: boolean;
  freeSchoolMeals: boolean;
  senStatus: 'N' | 'K' | 'E';
  eal: boolean;
  lookedAfter: boolean;
  admissionDate: string;
  leavingDate: string | null;
}

interface CorpusFile {
  name: string;
  description: string;
  serialBase: number;
  fields: (keyof CorpusLearner | 'upn')[];
  encoding: string;
  delimiter: string;
  titleLines: number;
  summaryLines: number;
}

const FIXTURES = join(__dirname, 'fixtures', 'mis');
const corpus: { academicYear: number; learners: CorpusLearner[]; files: CorpusFile[] } = JSON.parse(
  readFileSync(join(FIXTURES, 'learners.json'), 'utf8'),
);
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

/** What a learner the trust did not hold has for a field its file does not carry. */
const DEFAULTS: Partial<CorpusLearner> = {
  preferredSurname: null,
  preferredForename: null,
  gender: null as unknown as string,
  pupilPremium: false,
  freeSchoolMeals: false,
  senStatus: 'N',
  eal: false,
  lookedAfter: false,
  admissionDate: null as unknown as string,
  leavingDate: null,
};

const FIELDS = Object.keys(corpus.learners[0]) as (keyof CorpusLearner)[];

const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';
function corpusUpn(serial: number): string {
  const body = `8013000${String(serial).padStart(5, '0')}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index + 2), 0);
  return `${CHECK_LETTERS[sum % 23]}${body}`;
}

describe(`${RosterImportService.name} with real MIS exports (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let admin: SignedInAgent;
  const academyOf = new Map<string, string>();

  const upload = (academyId: string, name: string, dryRun: boolean, content = fixture(name)) =>
    admin
      .post(`/api/academies/${academyId}/roster?academicYear=${corpus.academicYear}&dryRun=${dryRun}`)
      .attach('file', content, name);

  /** Every field the import holds for the file's learners, in the cohort's shape. */
  async function held(academyId: string, file: CorpusFile): Promise<Record<string, unknown>[]> {
    const upns = corpus.learners.map((_, index) => corpusUpn(file.serialBase + index));
    const rows: Record<string, unknown>[] = await dataSource.query(
      `SELECT l.upn, l.legal_surname AS "legalSurname", l.legal_forename AS "legalForename",
              l.preferred_surname AS "preferredSurname", l.preferred_forename AS "preferredForename",
              to_char(l.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", l.gender, e.year_group AS "yearGroup",
              g.name AS "registrationGroup", e.pupil_premium AS "pupilPremium",
              e.free_school_meals AS "freeSchoolMeals", e.sen_status AS "senStatus", e.eal,
              e.looked_after AS "lookedAfter", to_char(e.admission_date, 'YYYY-MM-DD') AS "admissionDate",
              to_char(e.leaving_date, 'YYYY-MM-DD') AS "leavingDate"
         FROM unnest($1::text[]) WITH ORDINALITY AS file (upn, position)
         JOIN learner l ON l.upn = file.upn
         JOIN enrolment e ON e.learner_id = l.id AND e.academic_year = $2 AND e.academy_id = $3
         LEFT JOIN learning_group g ON g.id = e.registration_group_id
        ORDER BY file.position`,
      [upns, corpus.academicYear, academyId],
    );
    return rows;
  }

  /** The cohort as the file should leave it: each field it carries, and the default for the others. */
  const expected = (file: CorpusFile) =>
    corpus.learners.map((learner, index) => ({
      upn: corpusUpn(file.serialBase + index),
      ...Object.fromEntries(
        FIELDS.map((field) => [field, file.fields.includes(field) ? learner[field] : DEFAULTS[field]]),
      ),
    }));

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    const names = [
      ...new Set(corpus.files.map((file) => file.name)),
      'planted-errors.csv',
      'mapping',
      'json',
    ];
    const ids = await createAcademies(
      app,
      names.map((name, index) => ({ name: `Corpus Academy ${index + 1}`, urn: String(930001 + index) })),
    );
    names.forEach((name, index) => academyOf.set(name, ids[index]));
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(corpus.files.filter((file) => file.name !== 'bromcom-slim.csv'))('$name', (file) => {
    it(`imports with no rejected row and keeps every field it carries (${file.description})`, async () => {
      const academyId = academyOf.get(file.name) as string;
      const dryRun = await upload(academyId, file.name, true).expect(200);
      expect(dryRun.body).toMatchObject({
        created: corpus.learners.length,
        rejected: 0,
        errors: [],
        file: { encoding: file.encoding, delimiter: file.delimiter },
      });
      // Every column that carries a field gives it; the rest (admission numbers, postcodes) await "ignore".
      const mapped = dryRun.body.columns.flatMap((column: { field: string | null }) => column.field ?? []);
      expect([...mapped].sort()).toEqual([...file.fields].sort());
      expect(
        dryRun.body.unmappedHeaders.every((header: { problem: string }) => header.problem === 'unknown'),
      ).toBe(true);
      expect(dryRun.body.file.titleLines).toHaveLength(file.titleLines);
      expect(dryRun.body.file.summaryLines).toHaveLength(file.summaryLines);
      expect([...dryRun.body.notInFile].sort()).toEqual(
        OPTIONAL_ROSTER_FIELDS.filter((field) => !(file.fields as string[]).includes(field)).sort(),
      );

      await upload(academyId, file.name, false).expect(200);
      expect(await held(academyId, file)).toEqual(expected(file));

      const again = await upload(academyId, file.name, true).expect(200);
      expect(again.body).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: corpus.learners.length,
        changes: [],
      });
    });
  });

  it('reads Groupcall/Assembly first_name as the chosen name beside legal_first_name', async () => {
    const file = corpus.files.find((entry) => entry.name === 'groupcall-assembly-students.csv') as CorpusFile;
    const [zoe] = await held(academyOf.get(file.name) as string, file);
    expect(zoe).toMatchObject({ legalForename: 'Zoë', preferredForename: 'Tom' });
  });

  it("changes nothing on re-importing a slimmer file, and says the file's absent fields are kept", async () => {
    const full = corpus.files.find((entry) => entry.name === 'bromcom-students.csv') as CorpusFile;
    const slim = corpus.files.find((entry) => entry.name === 'bromcom-slim.csv') as CorpusFile;
    const academyId = academyOf.get(full.name) as string;
    const before = await held(academyId, full);

    const dryRun = await upload(academyId, slim.name, true).expect(200);
    expect(dryRun.body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: corpus.learners.length,
      changes: [],
      warnings: [],
    });
    expect(dryRun.body.notInFile).toEqual(
      expect.arrayContaining([
        'preferredForename',
        'pupilPremium',
        'freeSchoolMeals',
        'senStatus',
        'leavingDate',
      ]),
    );
    await upload(academyId, slim.name, false).expect(200);
    expect(await held(academyId, full)).toEqual(before);
  });

  it("gives the pupil-premium and free-school-meals breakdowns the SIMS file's counts", async () => {
    const file = corpus.files.find((entry) => entry.name === 'sims-student-list.csv') as CorpusFile;
    const academyId = academyOf.get(file.name) as string;
    const asAt = `${corpus.academicYear + 1}-03-31`;
    const onRoll = corpus.learners.filter((learner) => !learner.leavingDate || learner.leavingDate >= asAt);
    const response = await admin
      .get(
        `/api/coverage?scope=academy&id=${academyId}&academicYear=${corpus.academicYear}&asAt=${asAt}&breakdown=pupilPremium`,
      )
      .expect(200);
    const yes = response.body.rows.find((row: { key: string }) => row.key === 'pupilPremium:yes');
    expect(yes.learners).toBe(onRoll.filter((learner) => learner.pupilPremium).length);
    expect(yes.learners).toBeGreaterThan(0);

    const fsm = await admin
      .get(
        `/api/coverage?scope=academy&id=${academyId}&academicYear=${corpus.academicYear}&asAt=${asAt}&breakdown=freeSchoolMeals`,
      )
      .expect(200);
    expect(fsm.body.rows.map((row: { key: string; learners: number }) => [row.key, row.learners])).toEqual([
      [`academy:${academyId}`, onRoll.length],
      ['freeSchoolMeals:yes', onRoll.filter((learner) => learner.freeSchoolMeals).length],
      ['freeSchoolMeals:no', onRoll.filter((learner) => !learner.freeSchoolMeals).length],
    ]);
  });

  it('names each bad line of the planted-error file, skipping its title and total lines', async () => {
    const academyId = academyOf.get('planted-errors.csv') as string;
    const dryRun = await upload(academyId, 'planted-errors.csv', true).expect(200);
    expect(
      dryRun.body.errors.map((error: { line: number; column: string }) => [error.line, error.column]),
    ).toEqual([
      [4, 'UPN'],
      [5, 'DOB'],
      [6, 'Year'],
      [7, 'Legal Surname'],
      [8, 'SEN Status'],
      [9, 'UPN'],
      [10, 'Pupil Premium Indicator'],
    ]);
    expect(dryRun.body).toMatchObject({ created: 2, rejected: 7 });
    expect(dryRun.body.file).toMatchObject({
      headerLine: 2,
      titleLines: [{ line: 1, text: 'Student List' }],
      summaryLines: [{ line: 13, text: 'Total: 9 students' }],
    });
    const commit = await upload(academyId, 'planted-errors.csv', false).expect(422);
    expect(commit.body.details).toHaveLength(7);
  });

  describe('as JSON from a connector', () => {
    const jsonFile: CorpusFile = {
      name: 'json',
      description: 'JSON rows',
      serialBase: 3000,
      fields: ['upn', ...FIELDS],
      encoding: 'UTF-8',
      delimiter: '',
      titleLines: 0,
      summaryLines: 0,
    };
    const rows = corpus.learners.map((learner, index) => ({ upn: corpusUpn(3000 + index), ...learner }));
    const post = (body: unknown, dryRun: boolean) =>
      admin
        .post(
          `/api/academies/${academyOf.get('json')}/roster?academicYear=${corpus.academicYear}&dryRun=${dryRun}`,
        )
        .send(body as object);

    it('takes { rows } with the same fields, dry run, commit and idempotence', async () => {
      const dryRun = await post({ rows }, true).expect(200);
      expect(dryRun.body).toMatchObject({
        created: rows.length,
        rejected: 0,
        file: { format: 'json', delimiter: null, headerLine: 0 },
        notInFile: ['consideringHigherEducation'],
      });
      await post({ rows }, false).expect(200);
      expect(await held(academyOf.get('json') as string, jsonFile)).toEqual(expected(jsonFile));
      const again = await post({ rows }, false).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
    });

    it('summarises field-level changes and warns when more than 10 % would flip', async () => {
      const flipped = rows.map((row) => ({ ...row, pupilPremium: false, preferredForename: 'Sam' }));
      const dryRun = await post({ rows: flipped }, true).expect(200);
      const pupilPremiumYes = corpus.learners.filter((learner) => learner.pupilPremium).length;
      expect(dryRun.body.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'pupilPremium', change: 'set to no', count: pupilPremiumYes }),
          expect.objectContaining({ field: 'preferredForename', change: 'changed' }),
        ]),
      );
      const warning = dryRun.body.warnings.find((entry: { field: string }) => entry.field === 'pupilPremium');
      expect(warning).toMatchObject({ change: 'set to no', count: pupilPremiumYes });
      expect(warning.message).toMatch(/Pupil premium would be set to no for \d+ of \d+ learners/);
      expect(dryRun.body.changes[0].examples[0]).toMatch(/\(.{13}\): .+ → .+/);
    });

    it('is described in the OpenAPI document', async () => {
      const response = await admin.get('/api/docs-json').expect(200);
      const operation = response.body.paths['/api/academies/{id}/roster'].post;
      expect(Object.keys(operation.requestBody.content)).toEqual(
        expect.arrayContaining(['multipart/form-data', 'text/csv', 'application/json']),
      );
      expect(operation.requestBody.description).toMatch(/`freeSchoolMeals`/);
    });

    it('names each bad row by its number in rows, and refuses a key that is not a field', async () => {
      const bad = [{ ...rows[0], dateOfBirth: '31/02/2012' }, rows[1]];
      const dryRun = await post({ rows: bad }, true).expect(200);
      expect(dryRun.body.errors).toEqual([
        expect.objectContaining({ line: 1, column: 'dateOfBirth', value: '31/02/2012' }),
      ]);
      const unknown = await post({ rows: [{ ...rows[0], shoeSize: 5 }] }, true).expect(400);
      expect(unknown.body.details).toEqual([expect.objectContaining({ line: 1, field: 'shoeSize' })]);
      await post({ rows: [] }, true).expect(400);
    });
  });

  describe('mapping unknown headers', () => {
    const csv = (rows: string[]) => Buffer.from(rows.join('\n') + '\n');
    const header = 'UPN,Surname,Forename,DOB,NC Year,Disadv. Flag,Year';
    const line = (serial: number) => `${corpusUpn(serial)},Ng,Li,01/09/2012,8,Y,8`;

    it('lists unknown and clashing headers with suggestions, and saves the mapping sent with a commit', async () => {
      const academyId = academyOf.get('mapping') as string;
      const refused = await upload(academyId, 'roster.csv', true, csv([header, line(4000)])).expect(400);
      expect(refused.body.unmappedHeaders).toEqual(
        expect.arrayContaining([
          { header: 'NC Year', problem: 'ambiguous', suggestions: expect.arrayContaining(['yearGroup']) },
          { header: 'Disadv. Flag', problem: 'unknown', suggestions: expect.any(Array) },
        ]),
      );

      const mapping = JSON.stringify({ Year: 'ignore', 'Disadv. Flag': 'pupilPremium' });
      const committed = await admin
        .post(`/api/academies/${academyId}/roster?academicYear=${corpus.academicYear}&dryRun=false`)
        .field('mapping', mapping)
        .attach('file', csv([header, line(4000)]), 'roster.csv')
        .expect(200);
      expect(committed.body).toMatchObject({ created: 1, unmappedHeaders: [] });

      // Next month's file needs no answers: the academy's mapping is kept.
      const next = await upload(academyId, 'roster.csv', false, csv([header, line(4000), line(4001)])).expect(
        200,
      );
      expect(next.body).toMatchObject({ created: 1, unchanged: 1, unmappedHeaders: [] });
      const [{ pupil_premium }] = await dataSource.query(
        `SELECT e.pupil_premium FROM enrolment e JOIN learner l ON l.id = e.learner_id WHERE l.upn = $1`,
        [corpusUpn(4001)],
      );
      expect(pupil_premium).toBe(true);
    });

    it('refuses a mapping to a field that does not exist', async () => {
      const response = await admin
        .post(`/api/academies/${academyOf.get('mapping')}/roster?academicYear=${corpus.academicYear}`)
        .field('mapping', JSON.stringify({ Year: 'shoeSize' }))
        .attach('file', csv([header, line(4002)]), 'roster.csv')
        .expect(400);
      expect(response.body.message).toMatch(/must be a roster field or "ignore"/);
    });
  });
});
