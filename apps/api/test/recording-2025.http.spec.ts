import { INestApplication } from '@nestjs/common';
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

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '962001', urnB: '962002' });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
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
});
