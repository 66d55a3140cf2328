import { addDays, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DestinationsService } from '../src/destinations/destinations.service';
import { type DestinationFixtures, startWithDestinationFixtures } from './intended-destinations.fixtures';
import type { SignedInAgent } from './sign-in';

const NOTES = 'Worried about the bus fare to college.';
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface AuditRow {
  action: string;
  user_id: string;
  entity_id: string | null;
  academy_id: string | null;
  details: Record<string, unknown>;
}

/**
 * R-DEST-1 through the API: the register of Years 11 and 13, one learner's intended destination recorded,
 * changed (each new status dated) and deleted, who sees what (teachers their groups, without the notes),
 * and the audit trail.
 */
describe(`${DestinationsService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: DestinationFixtures;
  let leadA: SignedInAgent;
  let adviserA: SignedInAgent;
  let leaderA: SignedInAgent;
  let teacher11K: SignedInAgent;
  let leadB: SignedInAgent;
  let admin: SignedInAgent;
  const today = todayIsoDate();

  const learner = (surname: string) => fx.learners[surname].id;
  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
  const auditOf = (entityId: string): Promise<AuditRow[]> =>
    dataSource.query(
      `SELECT action, user_id, entity_id, academy_id, details FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
      [entityId],
    );
  const body = (surname: string, overrides: Record<string, unknown> = {}) => ({
    learnerId: learner(surname),
    academicYear: fx.academicYear,
    category: 'further_education',
    status: 'considering',
    ...overrides,
  });
  const record = (surname: string, overrides: Record<string, unknown> = {}) =>
    leadA.post('/api/destinations').send(body(surname, overrides)).expect(201);
  const registerOf = (agent: SignedInAgent, query = '') =>
    agent
      .get(`/api/destinations?academyId=${fx.academyA}&academicYear=${fx.academicYear}${query}`)
      .expect(200);

  beforeAll(async () => {
    let people;
    ({ app, dataSource, fx, people } = await startWithDestinationFixtures({
      urnA: '971001',
      urnB: '971002',
      firstUpn: 71001,
    }));
    ({ leadA, adviserA, leaderA, teacher11K, leadB, admin } = people);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('the register', () => {
    it('lists every learner of Years 11 and 13 by group then surname, with the rule of their year', async () => {
      const response = await registerOf(leadA);
      expect(response.body.items.map((row: { name: string }) => row.name)).toEqual(
        ['Adams', 'Baker', 'Cole', 'Dunn', 'Ahmed', 'Byrne', 'Cho', 'Evans', 'Fox', 'Grant'].map(
          (surname) => `Sam ${surname}`,
        ),
      );
      expect(response.body).toMatchObject({
        total: 10,
        page: 1,
        pageSize: 50,
        summary: { learners: 10, recorded: 0, confirmed: 0, neetRisk: expect.any(Number) },
      });
      expect(response.body.items[0]).toEqual({
        learnerId: learner('Adams'),
        academicYear: fx.academicYear,
        upn: fx.learners.Adams.upn,
        name: 'Sam Adams',
        yearGroup: 11,
        group: { id: fx.groups['11K'], name: '11K' },
        academyId: fx.academyA,
        destination: null,
        rule: 'DEST_16',
        ruleStatus: expect.any(String),
        neetRisk: expect.any(Boolean),
      });
      const evans = response.body.items.find((row: { name: string }) => row.name === 'Sam Evans');
      expect(evans).toMatchObject({ yearGroup: 13, rule: 'DEST_18' });
    });

    it('defaults the academy for a user of one academy, and asks anyone else to choose', async () => {
      const mine = await leadA.get('/api/destinations').expect(200);
      expect(mine.body.total).toBe(10);
      const response = await admin.get('/api/destinations').expect(400);
      expect(response.body.details).toEqual([{ field: 'academyId', reason: 'choose the academy' }]);
    });

    it('filters by year group, group and name, and pages with the summary of every match', async () => {
      const year13 = await registerOf(leadA, '&yearGroup=13');
      expect(year13.body.items.map((row: { name: string }) => row.name)).toEqual([
        'Sam Evans',
        'Sam Fox',
        'Sam Grant',
      ]);
      const group = await registerOf(leadA, `&groupId=${fx.groups['11L']}`);
      expect(group.body.total).toBe(3);
      const named = await registerOf(leadA, '&q=BYRNE');
      expect(named.body.items.map((row: { learnerId: string }) => row.learnerId)).toEqual([learner('Byrne')]);
      const byUpn = await registerOf(leadA, `&q=${fx.learners.Fox.upn.slice(-6)}`);
      expect(byUpn.body.items.map((row: { learnerId: string }) => row.learnerId)).toEqual([learner('Fox')]);
      const page = await registerOf(leadA, '&page=2&pageSize=4');
      expect(page.body.items.map((row: { name: string }) => row.name)).toEqual([
        'Sam Ahmed',
        'Sam Byrne',
        'Sam Cho',
        'Sam Evans',
      ]);
      expect(page.body).toMatchObject({ total: 10, page: 2, pageSize: 4, summary: { learners: 10 } });
      const beyond = await registerOf(leadA, '&page=9&pageSize=4');
      expect(beyond.body).toMatchObject({ items: [], total: 10, summary: { learners: 10 } });
      await leadA.get(`/api/destinations?academyId=${fx.academyA}&yearGroup=10`).expect(400);
    });

    it("answers 404 for another academy's register and for an academy that does not exist", async () => {
      await leadB.get(`/api/destinations?academyId=${fx.academyA}`).expect(404);
      await admin.get(`/api/destinations?academyId=${UNKNOWN}`).expect(404);
    });
  });

  describe('one destination', () => {
    it("records a learner's destination, named after its organisation, audited without the notes", async () => {
      const statusOn = addDays(today, -7);
      const response = await leadA
        .post('/api/destinations')
        .send(
          body('Adams', {
            organisationId: fx.organisations.college,
            status: 'applied',
            statusOn,
            notes: NOTES,
          }),
        )
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        learnerId: learner('Adams'),
        academicYear: fx.academicYear,
        category: 'further_education',
        providerName: 'Potteries College 971001',
        organisationId: fx.organisations.college,
        organisation: {
          id: fx.organisations.college,
          name: 'Potteries College 971001',
          type: 'further_education',
        },
        status: 'applied',
        statusHistory: [{ status: 'applied', on: statusOn }],
        confirmedOn: null,
        notes: NOTES,
        updatedAt: expect.any(String),
      });
      const entries = await auditOf(response.body.id);
      expect(entries.map((entry) => entry.action)).toEqual([
        'intended_destination.create',
        'intended_destination.read_notes',
      ]);
      expect(entries[0]).toMatchObject({
        user_id: leadA.userId,
        academy_id: fx.academyA,
        details: { learnerIds: [learner('Adams')], status: 'applied', statusOn, withNotes: true },
      });
      expect(JSON.stringify(entries)).not.toContain('bus fare');

      const register = await registerOf(leadA, `&q=Adams`);
      expect(register.body.items[0].destination).toEqual(response.body);
      expect(register.body.summary).toMatchObject({ learners: 1, recorded: 1, confirmed: 0 });
    });

    it('refuses a second destination for the same learner and year (409), naming the first', async () => {
      const first = await record('Ahmed');
      const again = await leadA
        .post('/api/destinations')
        .send(body('Ahmed', { status: 'applied' }))
        .expect(409);
      expect(again.body).toMatchObject({
        existingId: first.body.id,
        details: [{ field: 'learnerId', value: learner('Ahmed') }],
      });
      expect(await count(`intended_destination WHERE learner_id = '${learner('Ahmed')}'`)).toBe(1);
    });

    it('dates each new status, keeps two changes of one day in the order made, and ignores the same status', async () => {
      const created = await record('Baker', { statusOn: addDays(today, -3) });
      const id = created.body.id;
      await leadA.patch(`/api/destinations/${id}`).send({ status: 'applied' }).expect(200);
      const offered = await leadA.patch(`/api/destinations/${id}`).send({ status: 'offered' }).expect(200);
      expect(offered.body.statusHistory).toEqual([
        { status: 'considering', on: addDays(today, -3) },
        { status: 'applied', on: today },
        { status: 'offered', on: today },
      ]);
      expect(offered.body.status).toBe('offered');

      const same = await leadA
        .patch(`/api/destinations/${id}`)
        .send({ status: 'offered', statusOn: addDays(today, -1) })
        .expect(200);
      expect(same.body.statusHistory).toHaveLength(3);
      expect(same.body.updatedAt).toBe(offered.body.updatedAt);

      const early = await leadA
        .patch(`/api/destinations/${id}`)
        .send({ status: 'accepted', statusOn: addDays(today, -1) })
        .expect(400);
      expect(early.body.details).toEqual([
        {
          field: 'statusOn',
          value: addDays(today, -1),
          reason: `must not be before the latest status change (${today})`,
        },
      ]);

      const moved = await leadA
        .patch(`/api/destinations/${id}`)
        .send({ category: 'apprenticeship', providerName: 'Kiln Engineering' })
        .expect(200);
      expect(moved.body).toMatchObject({
        category: 'apprenticeship',
        providerName: 'Kiln Engineering',
        status: 'offered',
      });
      expect(moved.body.statusHistory).toHaveLength(3);

      const updates = (await auditOf(id)).filter((entry) => entry.action === 'intended_destination.update');
      expect(updates.map((entry) => entry.details.changed)).toEqual([
        ['status'],
        ['status'],
        ['category', 'providerName'],
      ]);
      expect(updates[1].details).toMatchObject({
        status: { from: 'applied', to: 'offered' },
        statusOn: today,
      });
    });

    it('refuses to clear the category or the status, and clears the notes on null', async () => {
      const created = await record('Byrne', { notes: NOTES });
      const response = await leadA
        .patch(`/api/destinations/${created.body.id}`)
        .send({ category: null, status: null })
        .expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual(
        expect.arrayContaining(['category', 'status']),
      );
      const cleared = await leadA
        .patch(`/api/destinations/${created.body.id}`)
        .send({ notes: null })
        .expect(200);
      expect(cleared.body.notes).toBeNull();
      const update = (await auditOf(created.body.id)).find(
        (entry) => entry.action === 'intended_destination.update',
      );
      expect(update?.details).toEqual({
        learnerIds: [learner('Byrne')],
        academicYear: fx.academicYear,
        changed: ['notes'],
      });
    });

    it('deletes a destination (204), audited, and the register shows none again', async () => {
      const created = await record('Cho', { notes: NOTES });
      await adviserA.delete(`/api/destinations/${created.body.id}`).expect(204);
      await leadA.get(`/api/destinations/${created.body.id}`).expect(404);
      await adviserA.delete(`/api/destinations/${created.body.id}`).expect(404);
      const [entry] = (await auditOf(created.body.id)).filter(
        (candidate) => candidate.action === 'intended_destination.delete',
      );
      expect(entry).toMatchObject({
        user_id: adviserA.userId,
        details: { learnerIds: [learner('Cho')], academicYear: fx.academicYear },
      });
      expect(JSON.stringify(entry)).not.toContain('bus fare');
      const register = await registerOf(leadA, '&q=Cho');
      expect(register.body.items[0].destination).toBeNull();
    });

    it('meets DEST_16 with a confirmed destination, and counts it in the summary (R-DEST-2)', async () => {
      const created = await record('Cole', { status: 'accepted' });
      expect(created.body.confirmedOn).toBe(today);
      const register = await registerOf(leadA, '&q=Cole');
      expect(register.body.items[0]).toMatchObject({ rule: 'DEST_16', ruleStatus: 'met', neetRisk: false });
      expect(register.body.summary).toMatchObject({ learners: 1, recorded: 1, confirmed: 1, neetRisk: 0 });
      const confirmed = await registerOf(leadA, '&status=accepted');
      expect(confirmed.body.items.map((row: { learnerId: string }) => row.learnerId)).toEqual([
        learner('Cole'),
      ]);
    });

    it('filters the learners with no destination, and those at NEET risk for those who may see it', async () => {
      await dataSource.query(
        `INSERT INTO neet_risk (learner_id, reason, support, review_on) VALUES ($1, 'No plans yet', '', $2)`,
        [learner('Dunn'), addDays(today, 30)],
      );
      const none = await registerOf(leadA, '&status=none&yearGroup=11');
      expect(none.body.items.every((row: { destination: unknown }) => row.destination === null)).toBe(true);
      expect(none.body.items.map((row: { learnerId: string }) => row.learnerId)).toContain(learner('Dunn'));
      const flagged = await registerOf(leadA, '&neetRisk=true');
      expect(flagged.body.items.map((row: { learnerId: string }) => row.learnerId)).toContain(
        learner('Dunn'),
      );
      expect(flagged.body.items.every((row: { neetRisk: boolean }) => row.neetRisk)).toBe(true);
      expect(flagged.body.summary.neetRisk).toBe(flagged.body.total);
      const notFlagged = await registerOf(leadA, '&neetRisk=false');
      expect(notFlagged.body.total + flagged.body.total).toBe(10);
    });
  });

  describe('who sees what', () => {
    it('shows a teacher the learners of their groups only, without notes or NEET risk, and audits no read', async () => {
      const adams = (await registerOf(leadA, '&q=Adams')).body.items[0].destination;
      const register = await registerOf(teacher11K, '&neetRisk=true');
      expect(register.body.items.map((row: { name: string }) => row.name)).toEqual([
        'Sam Adams',
        'Sam Baker',
        'Sam Cole',
        'Sam Dunn',
      ]);
      expect(register.body.summary).toEqual({ learners: 4, recorded: 3, confirmed: 1 });
      expect(register.body.items.some((row: object) => 'neetRisk' in row)).toBe(false);
      expect(JSON.stringify(register.body)).not.toContain('bus fare');
      const one = await teacher11K.get(`/api/destinations/${adams.id}`).expect(200);
      expect(one.body).toMatchObject({ id: adams.id, status: 'applied' });
      expect(one.body).not.toHaveProperty('notes');
      const ahmed = (await registerOf(leadA, '&q=Ahmed')).body.items[0].destination;
      await teacher11K.get(`/api/destinations/${ahmed.id}`).expect(404);
      await teacher11K.post('/api/destinations').send(body('Dunn')).expect(403);
      await teacher11K.patch(`/api/destinations/${adams.id}`).send({ status: 'offered' }).expect(403);
      const reads = await dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'intended_destination.read_notes' AND user_id = $1`,
        [teacher11K.userId],
      );
      expect(reads[0].n).toBe(0);
    });

    it('shows leadership the whole academy without notes, and lets them change nothing', async () => {
      const register = await registerOf(leaderA);
      expect(register.body.total).toBe(10);
      expect(JSON.stringify(register.body)).not.toContain('bus fare');
      const adams = register.body.items[0].destination;
      expect(adams).not.toHaveProperty('notes');
      await leaderA.patch(`/api/destinations/${adams.id}`).send({ status: 'offered' }).expect(403);
      await leaderA.delete(`/api/destinations/${adams.id}`).expect(403);
    });

    it('audits each read of notes by careers staff and trust administrators, and only of notes shown', async () => {
      const adams = (await registerOf(leadA, '&q=Adams')).body.items[0].destination;
      const read = await admin.get(`/api/destinations/${adams.id}`).expect(200);
      expect(read.body.notes).toBe(NOTES);
      const [entry] = await dataSource.query(
        `SELECT entity_id, details FROM audit_entry
          WHERE action = 'intended_destination.read_notes' AND user_id = $1 ORDER BY id DESC LIMIT 1`,
        [admin.userId],
      );
      expect(entry).toEqual({
        entity_id: adams.id,
        details: { destinationIds: [adams.id], learnerIds: [learner('Adams')] },
      });
      const before = await count(`audit_entry WHERE action = 'intended_destination.read_notes'`);
      const cole = (await registerOf(leadA, '&q=Cole')).body.items[0].destination;
      await admin.get(`/api/destinations/${cole.id}`).expect(200);
      expect(await count(`audit_entry WHERE action = 'intended_destination.read_notes'`)).toBe(before);
    });

    it("answers 404 to another academy's staff for every destination of academy A", async () => {
      const adams = (await registerOf(leadA, '&q=Adams')).body.items[0].destination;
      await leadB.get(`/api/destinations/${adams.id}`).expect(404);
      await leadB.patch(`/api/destinations/${adams.id}`).send({ status: 'offered' }).expect(404);
      await leadB.delete(`/api/destinations/${adams.id}`).expect(404);
      await leadB.post('/api/destinations').send(body('Evans')).expect(404);
      await leadA.get(`/api/destinations/${UNKNOWN}`).expect(404);
      await leadA.get('/api/destinations/not-a-uuid').expect(400);
    });
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, () => Record<string, unknown>, string][] = [
      ['an unknown category', () => body('Evans', { category: 'college' }), 'category'],
      ['an unknown status', () => body('Evans', { status: 'maybe' }), 'status'],
      ['a learner id that is no UUID', () => body('Evans', { learnerId: 'Evans' }), 'learnerId'],
      ['no academic year', () => body('Evans', { academicYear: undefined }), 'academicYear'],
      ['an academic year out of range', () => body('Evans', { academicYear: 1999 }), 'academicYear'],
      ['a day that does not exist', () => body('Evans', { statusOn: '2026-02-30' }), 'statusOn'],
      ['a status reached in the future', () => body('Evans', { statusOn: addDays(today, 1) }), 'statusOn'],
      ['an unknown organisation', () => body('Evans', { organisationId: UNKNOWN }), 'organisationId'],
      ['an over-long provider', () => body('Evans', { providerName: 'x'.repeat(201) }), 'providerName'],
      ['over-long notes', () => body('Evans', { notes: 'x'.repeat(10001) }), 'notes'],
      ['a field the API does not know', () => body('Evans', { yearGroup: 13 }), 'yearGroup'],
    ];

    it.each(cases)('refuses %s', async (_name, sent, field) => {
      const destinations = await count('intended_destination');
      const audit = await count('audit_entry');
      const response = await leadA.post('/api/destinations').send(sent()).expect(400);
      expect(response.body.message).toContain(field);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      expect(await count('intended_destination')).toBe(destinations);
      expect(await count('audit_entry')).toBe(audit);
    });

    it('refuses a learner not in Year 11 or 13 that year (422), and an unknown or unseen one (404)', async () => {
      const year10 = await leadA.post('/api/destinations').send(body('Hill')).expect(422);
      expect(year10.body.message).toMatch(/not in Year 11 or Year 13/);
      expect(year10.body.details).toEqual([expect.objectContaining({ field: 'learnerId' })]);
      await leadA
        .post('/api/destinations')
        .send(body('Evans', { academicYear: fx.academicYear - 1 }))
        .expect(422);
      await leadA.post('/api/destinations').send(body('Jones')).expect(404);
      await leadA
        .post('/api/destinations')
        .send(body('Evans', { learnerId: UNKNOWN }))
        .expect(404);
      expect(await count(`intended_destination WHERE learner_id = '${learner('Evans')}'`)).toBe(0);
    });
  });
});
