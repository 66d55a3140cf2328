import { addDays, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DestinationsService } from '../src/destinations/destinations.service';
import { type DestinationFixtures, startWithDestinationFixtures } from './intended-destinations.fixtures';
import type { SignedInAgent } from './sign-in';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * R-DEST-1 in bulk: a class's destinations entered at once and a file of them imported, each merged into
 * the learner's destination of the year in one transaction, idempotent, all or nothing, and never erasing
 * the destinations of learners left out.
 */
describe(`${DestinationsService.name}: batches and files (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: DestinationFixtures;
  let leadA: SignedInAgent;
  let adviserA: SignedInAgent;
  let leadB: SignedInAgent;
  const today = todayIsoDate();

  const learner = (surname: string) => fx.learners[surname].id;
  const upn = (surname: string) => fx.learners[surname].upn;
  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
  /** Every destination of the fixtures' year with its history, by surname: what a write may have changed. */
  const held = async () =>
    dataSource.query(
      `SELECT l.legal_surname, d.category, d.provider_name, d.organisation_id, d.status, d.notes,
              (SELECT json_agg(json_build_array(c.status, c."on"::text) ORDER BY c.seq)
                 FROM destination_status_change c WHERE c.destination_id = d.id) AS history
         FROM intended_destination d JOIN learner l ON l.id = d.learner_id
        WHERE d.academic_year = $1 ORDER BY l.legal_surname`,
      [fx.academicYear],
    );
  const importFile = (agent: SignedInAgent, csv: string, dryRun: boolean) =>
    agent
      .post(
        `/api/destinations/import?academyId=${fx.academyA}&academicYear=${fx.academicYear}&dryRun=${dryRun}`,
      )
      .set('content-type', 'text/csv')
      .send(csv);

  beforeAll(async () => {
    let people;
    ({ app, dataSource, fx, people } = await startWithDestinationFixtures({
      urnA: '972001',
      urnB: '972002',
      firstUpn: 72001,
    }));
    ({ leadA, adviserA, leadB } = people);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('a batch for a class', () => {
    const batch = () => ({
      academicYear: fx.academicYear,
      items: [
        {
          learnerId: learner('Adams'),
          category: 'further_education',
          organisationId: fx.organisations.college,
          status: 'applied',
        },
        {
          learnerId: learner('Baker'),
          category: 'apprenticeship',
          providerName: 'Kiln Engineering',
          status: 'considering',
        },
        {
          learnerId: learner('Cole'),
          category: 'school_sixth_form',
          status: 'accepted',
          notes: 'Staying on.',
        },
      ],
    });

    it('creates each destination, then changes nothing when sent again', async () => {
      const first = await adviserA.post('/api/destinations/batch').send(batch()).expect(200);
      expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
      const afterFirst = await held();
      expect(afterFirst).toEqual([
        expect.objectContaining({
          legal_surname: 'Adams',
          provider_name: 'Potteries College 972001',
          history: [['applied', today]],
        }),
        expect.objectContaining({ legal_surname: 'Baker', provider_name: 'Kiln Engineering' }),
        expect.objectContaining({ legal_surname: 'Cole', status: 'accepted', notes: 'Staying on.' }),
      ]);
      const audit = await count('audit_entry');
      const again = await adviserA.post('/api/destinations/batch').send(batch()).expect(200);
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3 });
      expect(await held()).toEqual(afterFirst);
      expect(await count('audit_entry')).toBe(audit);

      const creates = await dataSource.query(
        `SELECT details FROM audit_entry WHERE action = 'intended_destination.create' AND user_id = $1`,
        [adviserA.userId],
      );
      expect(creates).toHaveLength(3);
      expect(JSON.stringify(creates)).not.toContain('Staying on');
    });

    it('merges a changed item: a new status adds a dated change, the rest stay as they are', async () => {
      const sent = batch();
      sent.items[1] = { ...sent.items[1], status: 'applied' };
      const response = await adviserA.post('/api/destinations/batch').send(sent).expect(200);
      expect(response.body).toEqual({ created: 0, updated: 1, unchanged: 2 });
      const baker = (await held()).find((row: { legal_surname: string }) => row.legal_surname === 'Baker');
      expect(baker.history).toEqual([
        ['considering', today],
        ['applied', today],
      ]);
      // The confirmed destination meets DEST_16 for the learner it was recorded for (R-DEST-2).
      const register = await leadA
        .get(`/api/destinations?academyId=${fx.academyA}&academicYear=${fx.academicYear}&q=Cole`)
        .expect(200);
      expect(register.body.items[0]).toMatchObject({
        ruleStatus: 'met',
        destination: { status: 'accepted' },
      });
    });

    it('refuses the whole batch for any bad item, naming items[i].field, and writes nothing', async () => {
      const before = await held();
      const audit = await count('audit_entry');
      const cases: [Record<string, unknown>, string][] = [
        [{ learnerId: learner('Dunn'), category: 'college', status: 'applied' }, 'items[1].category'],
        [
          { learnerId: learner('Dunn'), category: 'employment', status: 'applied', colour: 'red' },
          'items[1].colour',
        ],
        [{ learnerId: learner('Dunn'), category: 'employment' }, 'items[1].status'],
        [{ learnerId: learner('Hill'), category: 'employment', status: 'applied' }, 'items[1].learnerId'],
        // The same learner twice in one batch.
        [{ learnerId: learner('Evans'), category: 'employment', status: 'applied' }, 'items[1].learnerId'],
        [
          { learnerId: learner('Dunn'), category: 'employment', status: 'applied', organisationId: UNKNOWN },
          'items[1].organisationId',
        ],
        [
          {
            learnerId: learner('Dunn'),
            category: 'employment',
            status: 'applied',
            statusOn: addDays(today, 2),
          },
          'items[1].statusOn',
        ],
      ];
      for (const [item, field] of cases) {
        const response = await adviserA
          .post('/api/destinations/batch')
          .send({
            academicYear: fx.academicYear,
            items: [{ learnerId: learner('Evans'), category: 'higher_education', status: 'applied' }, item],
          })
          .expect(400);
        expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
        expect(response.body.message).toContain(field);
      }
      const empty = await adviserA
        .post('/api/destinations/batch')
        .send({ academicYear: fx.academicYear, items: [] })
        .expect(400);
      expect(empty.body.message).toContain('items');
      expect(await held()).toEqual(before);
      expect(await count('audit_entry')).toBe(audit);
    });

    it('answers 404 for a learner the writer does not see, and writes nothing', async () => {
      const before = await held();
      for (const learnerId of [learner('Jones'), UNKNOWN]) {
        await adviserA
          .post('/api/destinations/batch')
          .send({
            academicYear: fx.academicYear,
            items: [
              { learnerId: learner('Evans'), category: 'higher_education', status: 'applied' },
              { learnerId, category: 'employment', status: 'applied' },
            ],
          })
          .expect(404);
      }
      expect(await held()).toEqual(before);
    });
  });

  describe('a file', () => {
    const british = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
    const csv = (lines: string[]) => `UPN,Category,Provider,Status,Date\n${lines.join('\n')}\n`;
    const goodFile = () =>
      csv([
        `${upn('Evans')},Higher education,University of Staffordshire,Applied,${addDays(today, -2)}`,
        `${upn('Fox').toLowerCase()},t_level,Potteries College,OFFERED,${british(today)}`,
        `${upn('Grant')},Employment with training,,considering,`,
        `${upn('Adams')},Further-education college,Potteries College 972001,Applied,`,
      ]);

    it('reports what it would do in a dry run, writing nothing', async () => {
      const before = await held();
      const response = await importFile(leadA, goodFile(), true).expect(200);
      expect(response.body).toEqual({
        created: 3,
        updated: 0,
        unchanged: 1,
        rejected: 0,
        dryRun: true,
        errors: [],
      });
      expect(await held()).toEqual(before);
    });

    it('commits a file in one go, audited once, without touching the learners it leaves out', async () => {
      const before = await held();
      const leftOut = before.filter((row: { legal_surname: string }) =>
        ['Baker', 'Cole'].includes(row.legal_surname),
      );
      const response = await importFile(leadA, goodFile(), false).expect(200);
      expect(response.body).toMatchObject({
        created: 3,
        updated: 0,
        unchanged: 1,
        rejected: 0,
        dryRun: false,
      });
      const after = await held();
      const bySurname = (surname: string) =>
        after.find((row: { legal_surname: string }) => row.legal_surname === surname);
      expect(bySurname('Evans')).toMatchObject({
        category: 'higher_education',
        provider_name: 'University of Staffordshire',
        history: [['applied', addDays(today, -2)]],
      });
      expect(bySurname('Fox')).toMatchObject({ category: 't_level', history: [['offered', today]] });
      expect(bySurname('Grant')).toMatchObject({ provider_name: null, status: 'considering' });
      expect(
        after.filter((row: { legal_surname: string }) => ['Baker', 'Cole'].includes(row.legal_surname)),
      ).toEqual(leftOut);
      const [entry] = await dataSource.query(
        `SELECT entity_type, entity_id, academy_id, details FROM audit_entry
          WHERE action = 'intended_destination.import' AND user_id = $1`,
        [leadA.userId],
      );
      expect(entry).toMatchObject({
        entity_type: 'academy',
        entity_id: fx.academyA,
        academy_id: fx.academyA,
        details: { academicYear: fx.academicYear, lines: 4, created: 3, updated: 0, unchanged: 1 },
      });
      expect(JSON.stringify(entry)).not.toContain(upn('Evans'));

      const again = await importFile(leadA, goodFile(), false).expect(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
      expect(await held()).toEqual(after);
    });

    it('names every bad line, and on commit refuses the file (422), writing nothing', async () => {
      const file = csv([
        `${upn('Dunn')},Apprenticeship,Kiln Engineering,Applied,`,
        `${upn('Ahmed')},College,,Applied,`,
        `${upn('Hill')},Employment,,Applied,`,
        `${upn('Jones')},Employment,,Applied,`,
        `${upn('Dunn')},Employment,,Accepted,`,
        `${upn('Evans')},Higher education,University of Staffordshire,Accepted,${british(addDays(today, -5))}`,
      ]);
      const before = await held();
      const audit = await count('audit_entry');
      const dryRun = await importFile(leadA, file, true).expect(200);
      expect(dryRun.body).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 5, dryRun: true });
      expect(dryRun.body.errors).toEqual([
        {
          line: 3,
          column: 'Category',
          value: 'College',
          reason: expect.stringContaining('not a destination category'),
        },
        {
          line: 4,
          column: 'UPN',
          value: upn('Hill'),
          reason: expect.stringContaining('no learner of Year 11 or 13'),
        },
        {
          line: 5,
          column: 'UPN',
          value: upn('Jones'),
          reason: expect.stringContaining('no learner of Year 11 or 13'),
        },
        {
          line: 6,
          column: 'UPN',
          value: upn('Dunn'),
          reason: 'the learner is also on line 2: one line a learner',
        },
        {
          line: 7,
          column: 'Date',
          value: british(addDays(today, -5)),
          reason: `must not be before the latest status change (${addDays(today, -2)})`,
        },
      ]);
      const commit = await importFile(leadA, file, false).expect(422);
      expect(commit.body.message).toMatch(/5 lines of the file have errors, so nothing was imported/);
      expect(commit.body.details).toEqual(dryRun.body.errors);
      expect(await held()).toEqual(before);
      expect(await count('audit_entry')).toBe(audit);
    });

    it('reads the file from a multipart form too', async () => {
      const response = await leadA
        .post(`/api/destinations/import?academyId=${fx.academyA}&academicYear=${fx.academicYear}`)
        .attach('file', Buffer.from(goodFile()), 'destinations.csv')
        .expect(200);
      expect(response.body).toMatchObject({ dryRun: true, created: 0, unchanged: 4 });
    });

    it('refuses a file without the columns it needs, and another academy (404)', async () => {
      const response = await importFile(
        leadA,
        `UPN,Category,Status\n${upn('Dunn')},Employment,Applied\n`,
        true,
      ).expect(400);
      expect(response.body.details).toEqual([
        { line: 1, column: 'Provider', value: '', reason: 'the header row has no Provider column' },
      ]);
      await importFile(leadB, goodFile(), true).expect(404);
      await leadA
        .post(`/api/destinations/import?academyId=${UNKNOWN}&academicYear=${fx.academicYear}`)
        .set('content-type', 'text/csv')
        .send(goodFile())
        .expect(404);
      await leadA
        .post(`/api/destinations/import?academyId=${fx.academyA}`)
        .set('content-type', 'application/json')
        .send({ rows: [] })
        .expect(415);
    });
  });
});
