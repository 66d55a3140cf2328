import { academicYearOf, addDays, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  classStatuses,
  createEncounterFixtures,
  encounterBody,
  type EncounterFixtures,
  useFreshOrganisations,
} from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * The 2025 revision's recording on an encounter: the year groups it was offered to (R-PAL-4) and whether it
 * was linked to the curriculum (R-V-1).
 */
interface Cohort {
  groupId: string;
  learnerIds: string[];
}

describe('Encounter recording of the 2025 revision (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;
  /** Academy A's groups 8A and 9A, made here: the fixtures' learners are in Years 10 and 11. */
  let eightA: Cohort;
  let nineA: Cohort;

  /** A registration group of academy A in this academic year, with `size` learners. */
  async function cohort(name: string, yearGroup: number, size: number): Promise<Cohort> {
    const db = app.get(DataSource);
    const [group] = await db.query(
      `INSERT INTO learning_group (academy_id, academic_year, name, year_group) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [fx.academyA, fx.academicYear, name, yearGroup],
    );
    const learnerIds: string[] = [];
    for (let index = 0; index < size; index += 1) {
      const [learner] = await db.query(
        `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth)
         VALUES ($1, $2, 'Fixture', '2013-03-03') RETURNING id`,
        [`K9620010${String(yearGroup).padStart(2, '0')}00${index}`, `${name}-${index}`],
      );
      await db.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [learner.id, fx.academicYear, fx.academyA, yearGroup, group.id],
      );
      await db.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
        group.id,
        learner.id,
      ]);
      learnerIds.push(learner.id);
    }
    return { groupId: group.id, learnerIds };
  }

  /** The class view's statuses of one rule for a group. */
  const statusesOf = (groupId: string, rule: string) => classStatuses(lead, fx, groupId, rule);

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '962001', urnB: '962002' });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    eightA = await cohort('8A', 8, 3);
    nineA = await cohort('9A', 9, 2);
  });

  // Each test logs its own events: new organisations keep them apart under the duplicate rule.
  beforeEach(async () => {
    await useFreshOrganisations(app, fx);
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
        // The same class on the same day with the same employer: a second event, said to be one.
        .send({ ...workshop('Design workshop with a brief', true), confirmDistinct: true })
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

  describe('the work-experience ledger on the learner record (R-WEX-1..5)', () => {
    it('a 10-day in-person Year 10 placement meets WEX_KS4 and shows 60 hours done', async () => {
      const learnerId = fx.learnersA.find((learner) => learner.groupId === fx.groups['10B'])?.id as string;
      const { body: placement } = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Two weeks at Kiln Engineering',
            format: 'work_experience',
            durationMinutes: 360,
            days: 10,
            attendees: { learnerIds: [learnerId] },
          }),
        )
        .expect(201);
      const { body: record } = await lead.get(`/api/learners/${learnerId}`).expect(200);
      expect(record.ruleStatuses.WEX_KS4).toBe('met');
      expect(record.ruleStatuses.WEX_KS3).toBe('not_applicable');
      expect(record.workExperience.ks4).toEqual({
        doneHours: 60,
        plannedHours: 0,
        countedHours: 60,
        targetHours: 25,
      });
      expect(record.workExperience.items).toEqual([
        {
          encounterId: placement.id,
          date: fx.date,
          title: 'Two weeks at Kiln Engineering',
          hours: 60,
          delivery: 'in_person',
          planned: false,
          placement: true,
        },
      ]);
      expect(record.partTimeJobs).toEqual([]);
    });

    it('30 virtual KS3 hours count 12.5 (R-WEX-4), and the ledger agrees with the class view', async () => {
      const [learnerId] = nineA.learnerIds;
      await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Virtual insight week',
            format: 'work_experience',
            delivery: 'virtual',
            durationMinutes: 360,
            days: 5,
            attendees: { groupIds: [nineA.groupId] },
          }),
        )
        .expect(201);
      const { body: record } = await lead.get(`/api/learners/${learnerId}`).expect(200);
      expect(record.workExperience.ks3).toEqual({
        doneHours: 30,
        plannedHours: 0,
        countedHours: 12.5,
        targetHours: 25,
      });
      expect(record.workExperience.items.map((item: { delivery: string }) => item.delivery)).toEqual([
        'virtual',
      ]);
      expect(record.ruleStatuses.WEX_KS3).not.toBe('met');
      expect((await statusesOf(nineA.groupId, 'WEX_KS3'))[learnerId]).toBe(record.ruleStatuses.WEX_KS3);
    });

    it("lists the learner's part-time jobs, which never count as work experience (R-WEX-7)", async () => {
      const learnerId = fx.learnersA.find((learner) => learner.groupId === fx.groups['11A'])?.id as string;
      const before = (await lead.get(`/api/learners/${learnerId}`).expect(200)).body;
      const { body: job } = await lead
        .post(`/api/learners/${learnerId}/part-time-jobs`)
        .send({ employerName: 'Hanley Market Café', hoursPerWeek: 6, from: `${fx.academicYear}-09-06` })
        .expect(201);
      const { body: record } = await lead.get(`/api/learners/${learnerId}`).expect(200);
      expect(record.partTimeJobs).toEqual([job]);
      expect(record.workExperience).toEqual(before.workExperience);
      expect(record.ruleStatuses.WEX_KS4).toBe(before.ruleStatuses.WEX_KS4);
      expect(record.ruleStatuses.B6_16).toBe(before.ruleStatuses.B6_16);
    });
  });

  describe('planned experiences (R-WEX-5)', () => {
    it('a placement logged ahead with its learners listed shows as planned, never as met', async () => {
      const today = todayIsoDate();
      const yearEnd = `${academicYearOf(today) + 1}-08-31`;
      const ahead = addDays(today, 30) < yearEnd ? addDays(today, 30) : yearEnd;
      const learnerId = fx.learnersA.find((learner) => learner.groupId === fx.groups['11A'])?.id as string;
      const { body: planned } = await lead
        .post('/api/encounters')
        .send(
          encounterBody(fx, {
            title: 'Summer placement at Kiln Engineering',
            date: ahead,
            format: 'work_experience',
            durationMinutes: 360,
            days: 5,
            attendees: { learnerIds: [learnerId] },
          }),
        )
        .expect(201);
      expect(planned.attendance.map((line: { status: string }) => line.status)).toEqual(['attended']);
      const { body: record } = await lead.get(`/api/learners/${learnerId}`).expect(200);
      expect(record.workExperience.ks4).toMatchObject({ doneHours: 0, plannedHours: 30, countedHours: 0 });
      expect(record.workExperience.items).toContainEqual(
        expect.objectContaining({ encounterId: planned.id, planned: true, hours: 30 }),
      );
      expect(record.ruleStatuses.WEX_KS4).not.toBe('met');

      // Seen from the day after it, the same placement is done and meets the target.
      const after = await lead
        .get(`/api/learners/${learnerId}?asAt=${addDays(ahead, 5)}&academicYear=${academicYearOf(ahead)}`)
        .expect(200);
      expect(after.body.workExperience.ks4).toMatchObject({ doneHours: 30, plannedHours: 0 });
      expect(after.body.ruleStatuses.WEX_KS4).toBe('met');
    });
  });
});
