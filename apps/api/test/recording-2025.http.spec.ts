import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEncounterFixtures, encounterBody, type EncounterFixtures } from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * The 2025 revision's recording on an encounter: the year groups it was offered to (R-PAL-4) and whether it
 * was linked to the curriculum (R-V-1).
 */
describe('Encounter recording of the 2025 revision (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;
  /** Academy A's Year 8 group, 8A, made here: the fixtures' learners are in Years 10 and 11. */
  let eightA: { groupId: string; learnerIds: string[] };

  /** The class view's statuses of one rule for a group. */
  const statusesOf = async (groupId: string, rule: string): Promise<Record<string, string>> => {
    const view = await lead
      .get(`/api/coverage/learners?scope=group&id=${groupId}&academicYear=${fx.academicYear}`)
      .expect(200);
    return Object.fromEntries(
      view.body.rows.map((row: { learnerId: string; statuses: Record<string, string> }) => [
        row.learnerId,
        row.statuses[rule],
      ]),
    );
  };

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '962001', urnB: '962002' });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    const db = app.get(DataSource);
    const [group] = await db.query(
      `INSERT INTO learning_group (academy_id, academic_year, name, year_group) VALUES ($1, $2, '8A', 8)
       RETURNING id`,
      [fx.academyA, fx.academicYear],
    );
    const learnerIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      const [learner] = await db.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
         VALUES ($1, $2, 'Fixture', '2013-03-03') RETURNING id`,
        [`K96200100000${index}`, `Eight-${index}`],
      );
      await db.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id)
         VALUES ($1, $2, $3, 8, $4)`,
        [learner.id, fx.academicYear, fx.academyA, group.id],
      );
      await db.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
        group.id,
        learner.id,
      ]);
      learnerIds.push(learner.id);
    }
    eightA = { groupId: group.id, learnerIds };
  });

  afterAll(async () => {
    await app.close();
  });

  describe('offeredTo and curriculumLinked (R-PAL-4, R-V-1)', () => {
    it('left out, offeredTo takes the year groups of the learners listed; curriculumLinked is false', async () => {
      const { body } = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Offered to the list',
            attendees: { groupIds: [fx.groups['10A'], fx.groups['11A']] },
          }),
        )
        .expect(201);
      expect(body.offeredTo).toEqual([10, 11]);
      expect(body.curriculumLinked).toBe(false);
      const list = await lead.get(`/api/encounters?academyId=${fx.academyA}`).expect(200);
      const item = list.body.items.find((row: { id: string }) => row.id === body.id);
      expect(item).toMatchObject({ offeredTo: [10, 11], curriculumLinked: false });
    });

    it('given, offeredTo is kept as sent (each year group once, ascending) and a PATCH changes it', async () => {
      const { body } = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Offered to the sixth form too',
            offeredTo: [13, 12, 10, 12],
            curriculumLinked: true,
            attendees: { groupIds: [fx.groups['10A']] },
          }),
        )
        .expect(201);
      expect(body.offeredTo).toEqual([10, 12, 13]);
      expect(body.curriculumLinked).toBe(true);

      const patched = await lead
        .patch(`/api/encounters/${body.id}`)
        .send({ offeredTo: [12, 13], curriculumLinked: false })
        .expect(200);
      expect(patched.body).toMatchObject({ offeredTo: [12, 13], curriculumLinked: false });
      // A PATCH that leaves them out keeps them.
      const retitled = await lead.patch(`/api/encounters/${body.id}`).send({ title: 'Renamed' }).expect(200);
      expect(retitled.body).toMatchObject({ offeredTo: [12, 13], curriculumLinked: false });
    });

    it('an encounter logged with nobody listed takes the year groups of the list added later', async () => {
      const { body } = await lead
        .post('/api/encounters')
        .send(encounterBody(fx, { title: 'Listed later' }))
        .expect(201);
      expect(body.offeredTo).toEqual([]);
      const added = await lead
        .patch(`/api/encounters/${body.id}`)
        .send({ attendees: { groupIds: [fx.groups['11A']] } })
        .expect(200);
      expect(added.body.offeredTo).toEqual([11]);
    });

    it.each([
      [{ offeredTo: [6] }, 'offeredTo'],
      [{ offeredTo: [15] }, 'offeredTo'],
      [{ offeredTo: ['12'] }, 'offeredTo'],
      [{ offeredTo: 12 }, 'offeredTo'],
      [{ curriculumLinked: 'yes' }, 'curriculumLinked'],
    ])('refuses %j with a 400 naming the field', async (override, field) => {
      const refused = await lead
        .post('/api/encounters')
        .send(encounterBody(fx, { title: `Refused ${JSON.stringify(override)}`, ...override }))
        .expect(400);
      expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
      expect(JSON.stringify(refused.body)).not.toContain('stack');
    });
  });

  describe('taskSet on employer activities (R-WEX-1)', () => {
    const workshop = (title: string, taskSet: boolean) =>
      encounterBody(fx, {
        title,
        format: 'workshop',
        durationMinutes: 360,
        days: 5,
        meaningful: {
          purposeShared: true,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
          taskSet,
        },
        attendees: { groupIds: [eightA.groupId] },
      });

    it('a workshop without a task set carries no hours; with one, its 30 hours meet WEX_KS3', async () => {
      const { body: plain } = await lead
        .post('/api/encounters')
        .send(workshop('Design workshop', false))
        .expect(201);
      expect(plain.categories).toEqual(['employer_encounter']);
      expect(new Set(Object.values(await statusesOf(eightA.groupId, 'WEX_KS3')))).not.toContain('met');

      const { body: tasked } = await lead
        .post('/api/encounters')
        .send(workshop('Design workshop with a brief', true))
        .expect(201);
      expect(tasked.meaningful.taskSet).toBe(true);
      // 5 days x 6 hours = 30 activity hours in Year 8, over the 25 of the target.
      expect(await statusesOf(eightA.groupId, 'WEX_KS3')).toEqual(
        Object.fromEntries(eightA.learnerIds.map((id) => [id, 'met'])),
      );
    });

    it('refuses taskSet on an employer talk, and the other workplace items on a workshop', async () => {
      const talk = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Talk with a task',
            meaningful: { ...encounterBody(fx).meaningful, taskSet: true },
          }),
        )
        .expect(400);
      expect(talk.body.details).toEqual([
        {
          field: 'meaningful.taskSet',
          reason: "does not belong to this encounter's categories (employer_encounter)",
        },
      ]);
      const range = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Workshop with a range of people',
            format: 'workshop',
            meaningful: { ...encounterBody(fx).meaningful, taskSet: true, rangeOfPeople: true },
          }),
        )
        .expect(400);
      expect(range.body.details.map((detail: { field: string }) => detail.field)).toEqual([
        'meaningful.rangeOfPeople',
      ]);
    });
  });
});
