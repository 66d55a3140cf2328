import { addDays, REQUIRED_CHECKLIST_ITEMS, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EncountersService } from '../src/encounters/encounters.service';
import {
  startWithEncounterFixtures,
  signedInTeacherOf,
  encounterBody,
  type EncounterFixtures,
  useFreshOrganisations,
  B7_TICKED,
} from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';

describe(`${EncountersService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let admin: SignedInAgent;
  let lead: SignedInAgent;
  let leadOfB: SignedInAgent;
  let academyLeader: SignedInAgent;
  let teacher10A: SignedInAgent;
  let teacher11A: SignedInAgent;
  let titles = 0;

  /** A title no other test used, so that tests never collide on the duplicate rule. */
  const uniqueTitle = (stem = 'Talk') => `${stem} ${++titles}`;
  /** `POST /api/encounters` as `agent`, with the fixtures' valid body changed by `overrides`. */
  const postEncounter = (agent: SignedInAgent, overrides: Record<string, unknown>) =>
    agent.post('/api/encounters').send(encounterBody(fx, overrides));
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await dataSource.query(sql, params))[0].count);
  const auditCount = () =>
    count(`SELECT count(*) FROM audit_entry WHERE entity_type IN ('encounter', 'organisation')`);

  beforeAll(async () => {
    ({ app, dataSource, fx } = await startWithEncounterFixtures({ urnA: '930001', urnB: '930002' }));
    admin = await signedInUser(app, ['trust_admin']);
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    leadOfB = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyB] });
    academyLeader = await signedInUser(app, ['academy_leader'], { academyIds: [fx.academyA] });
    teacher10A = await signedInTeacherOf(app, fx, '10A');
    teacher11A = await signedInTeacherOf(app, fx, '11A');
  });

  beforeEach(async () => {
    await useFreshOrganisations(app, fx);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('POST /api/encounters', () => {
    it('adds attendees by learner ids, UPNs, groups and year groups in one call, each once, with absentees', async () => {
      const tenA = fx.learnersA.filter((learner) => learner.groupId === fx.groups['10A']);
      const elevens = fx.learnersA.filter((learner) => learner.yearGroup === 11);
      const absent = elevens[0];
      const response = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: {
          learnerIds: [tenA[0].id, tenA[0].id, elevens[1].id],
          upns: [tenA[1].upn, elevens[1].upn.toLowerCase()],
          groupIds: [fx.groups['10A']],
          yearGroups: [11],
        },
        absentLearnerIds: [absent.id],
      }).expect(201);

      const expected = new Set([...tenA, ...elevens].map((learner) => learner.id));
      expect(response.body.attendance).toHaveLength(expected.size);
      expect(new Set(response.body.attendance.map((row: { learnerId: string }) => row.learnerId))).toEqual(
        expected,
      );
      expect(
        response.body.attendance.find((row: { learnerId: string }) => row.learnerId === absent.id),
      ).toMatchObject({ status: 'absent', yearGroup: 11, upn: absent.upn });
      expect(response.body).toMatchObject({
        academyId: fx.academyA,
        academicYear: fx.academicYear,
        format: 'talk',
        categories: ['employer_encounter'],
        educationTypes: [],
        attendedCount: expected.size - 1,
        organisationIds: [fx.organisations.employer],
        meaningful: { purposeShared: true, taskSet: false },
      });
      expect(await count(`SELECT count(*) FROM attendance WHERE encounter_id = $1`, [response.body.id])).toBe(
        expected.size,
      );
    });

    it('leaves out the leaver who had gone before the date when adding a whole group', async () => {
      const response = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['10A']] },
      }).expect(201);
      expect(response.body.attendance.map((row: { learnerId: string }) => row.learnerId)).not.toContain(
        fx.leaver.id,
      );
      expect(response.body.attendance).toHaveLength(12);
    });

    it('derives the categories from the organisations and format (R-C-1..7)', async () => {
      const response = await postEncounter(lead, {
        title: uniqueTitle('Careers fair'),
        format: 'careers_fair',
        organisationIds: [fx.organisations.employer, fx.organisations.college, fx.organisations.university],
        meaningful: B7_TICKED,
      }).expect(201);
      expect(response.body.categories).toEqual([
        'employer_encounter',
        'education_provider_encounter',
        'pal_provider_encounter',
      ]);
      expect(response.body.educationTypes).toEqual(['higher_education', 'further_education']);
    });

    it('writes the encounter and its attendance to the audit log in the same transaction', async () => {
      const response = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['11A']] },
      }).expect(201);
      const entries: { action: string; user_id: string; details: Record<string, unknown> }[] =
        await dataSource.query(
          `SELECT action, user_id, details FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
          [response.body.id],
        );
      expect(entries.map((entry) => entry.action)).toEqual(['encounter.create', 'attendance.add']);
      expect(entries[0]).toMatchObject({ user_id: lead.userId, details: { title: response.body.title } });
      expect((entries[1].details.added as { attended: string[] }).attended).toHaveLength(6);
    });

    it('answers 409 with the existing id for the same academy, date, title (any case) and organisations', async () => {
      const title = uniqueTitle('Duplicate');
      const first = await postEncounter(lead, { title }).expect(201);
      const before = await count(`SELECT count(*) FROM encounter`);
      const second = await postEncounter(lead, { title: `  ${title.toUpperCase()} ` }).expect(409);
      expect(second.body).toMatchObject({ statusCode: 409, existingId: first.body.id });
      expect(second.body.message).toMatch(/already logged/);
      expect(await count(`SELECT count(*) FROM encounter`)).toBe(before);
      // Another organisation set is another encounter.
      await postEncounter(lead, {
        title,
        organisationIds: [fx.organisations.employer, fx.organisations.careersService],
      }).expect(201);
    });

    it('settles two simultaneous logs of the same encounter: one 201, one 409 naming it', async () => {
      const body = encounterBody(fx, { title: uniqueTitle('Race'), attendees: { yearGroups: [10] } });
      const answers = await Promise.all([
        lead.post('/api/encounters').send(body),
        lead.post('/api/encounters').send(body),
      ]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses).toEqual([201, 409]);
      const created = answers.find((answer) => answer.status === 201)!;
      const refused = answers.find((answer) => answer.status === 409)!;
      expect(refused.body.existingId).toBe(created.body.id);
      expect(await count(`SELECT count(*) FROM encounter WHERE title = $1`, [body.title])).toBe(1);
    });

    it('refuses careers leads of another academy (404) and roles that do not log encounters (403)', async () => {
      const body = encounterBody(fx, { title: uniqueTitle() });
      const other = await leadOfB.post('/api/encounters').send(body).expect(404);
      expect(other.body.details).toEqual([expect.objectContaining({ field: 'academyId' })]);
      await academyLeader.post('/api/encounters').send(body).expect(403);
      await teacher10A.post('/api/encounters').send(body).expect(403);
      await admin.post('/api/encounters').send(body).expect(201);
    });
  });

  describe('bad input: 400/404/413 naming the field, nothing written', () => {
    const nextYear = () => addDays(todayIsoDate(), 400);
    const cases: [string, () => Record<string, unknown>, number, RegExp][] = [
      [
        'an unknown organisation id',
        () => ({ organisationIds: ['00000000-0000-4000-8000-000000000001'] }),
        400,
        /organisationIds/,
      ],
      [
        'an organisation id that is not a UUID',
        () => ({ organisationIds: ['kiln'] }),
        400,
        /organisationIds/,
      ],
      ['no organisation', () => ({ organisationIds: [] }), 400, /organisationIds/],
      [
        'an unknown learner id',
        () => ({ attendees: { learnerIds: ['00000000-0000-4000-8000-000000000002'] } }),
        400,
        /attendees\.learnerIds/,
      ],
      [
        'a learner of another academy',
        () => ({ attendees: { learnerIds: [fx.learnersB[0].id] } }),
        400,
        /attendees\.learnerIds/,
      ],
      [
        'a learner who had left',
        () => ({ attendees: { learnerIds: [fx.leaver.id] } }),
        400,
        /attendees\.learnerIds/,
      ],
      ['an unknown UPN', () => ({ attendees: { upns: ['Z99999999999Z'] } }), 400, /attendees\.upns/],
      [
        'a group of another academy',
        () => ({ attendees: { groupIds: [fx.groups['10X']] } }),
        400,
        /attendees\.groupIds/,
      ],
      [
        'an absentee of another academy',
        () => ({ absentLearnerIds: [fx.learnersB[1].id] }),
        400,
        /absentLearnerIds/,
      ],
      ['year group 15', () => ({ attendees: { yearGroups: [15] } }), 400, /attendees\.yearGroups/],
      ['a date more than a year ahead', () => ({ date: nextYear() }), 400, /date/],
      ['a date that does not exist', () => ({ date: '2025-02-30' }), 400, /date/],
      ['an end date before the start', () => ({ endDate: addDays(fx.date, -1) }), 400, /endDate/],
      [
        'a guidance meeting with several learners',
        () => ({
          format: 'guidance_meeting',
          organisationIds: [fx.organisations.careersService],
          adviserLevel: 6,
          attendees: { learnerIds: [fx.learnersA[0].id, fx.learnersA[1].id] },
        }),
        400,
        /attendees.*one learner/,
      ],
      ['adviser level 9', () => ({ format: 'group_guidance', adviserLevel: 9 }), 400, /adviserLevel/],
      ['adviser level 0', () => ({ format: 'group_guidance', adviserLevel: 0 }), 400, /adviserLevel/],
      [
        'a B6 checklist item on an employer talk',
        () => ({
          meaningful: {
            purposeShared: true,
            learningOutcomes: true,
            twoWayInteraction: true,
            reflection: true,
            taskSet: true,
          },
        }),
        400,
        /meaningful\.taskSet/,
      ],
      [
        'a missing core checklist item',
        () => ({ meaningful: { purposeShared: true, learningOutcomes: true, twoWayInteraction: true } }),
        400,
        /meaningful\.reflection/,
      ],
      ['an unknown format', () => ({ format: 'party' }), 400, /format/],
      ['an unknown delivery mode', () => ({ delivery: 'carrier_pigeon' }), 400, /delivery/],
      ['an over-long title', () => ({ title: 'x'.repeat(201) }), 400, /title/],
      ['an over-long note', () => ({ notes: 'x'.repeat(5001) }), 400, /notes/],
      ['a link that is not a web address', () => ({ links: ['javascript:alert(1)'] }), 400, /links/],
      ['an unknown field', () => ({ category: 'employer_encounter' }), 400, /category/],
      ['an unknown academy', () => ({ academyId: '00000000-0000-4000-8000-000000000003' }), 404, /academy/],
    ];

    it.each(cases)('refuses %s', async (_name, overrides, status, field) => {
      const encounters = await count(`SELECT count(*) FROM encounter`);
      const attendance = await count(`SELECT count(*) FROM attendance`);
      const audit = await auditCount();
      const response = await postEncounter(admin, {
        title: uniqueTitle('Refused'),
        attendees: { yearGroups: [11] },
        ...overrides(),
      });
      expect(response.status).toBe(status);
      expect(response.body.message).toMatch(field);
      if (status === 400) expect(response.body.details.length).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) FROM encounter`)).toBe(encounters);
      expect(await count(`SELECT count(*) FROM attendance`)).toBe(attendance);
      expect(await auditCount()).toBe(audit);
    });

    it('names every refused learner in the details', async () => {
      const response = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { learnerIds: [fx.learnersB[0].id, fx.learnersB[1].id, fx.learnersA[0].id] },
      }).expect(400);
      expect(response.body.details).toEqual([
        expect.objectContaining({ field: 'attendees.learnerIds', value: fx.learnersB[0].id }),
        expect.objectContaining({ field: 'attendees.learnerIds', value: fx.learnersB[1].id }),
      ]);
    });

    it('answers 413 to a 5 MB JSON body and writes nothing', async () => {
      const encounters = await count(`SELECT count(*) FROM encounter`);
      const response = await lead
        .post('/api/encounters')
        .set('content-type', 'application/json')
        .send(
          JSON.stringify(encounterBody(fx, { title: uniqueTitle(), notes: 'x'.repeat(5 * 1024 * 1024) })),
        );
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(await count(`SELECT count(*) FROM encounter`)).toBe(encounters);
    });
  });

  describe('PATCH /api/encounters/{id}', () => {
    it('merges added learners: a repeat counts once, and two simultaneous adds end with each learner once', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { learnerIds: [fx.learnersA[0].id] },
      }).expect(201);
      const tens = fx.learnersA.filter((learner) => learner.yearGroup === 10).map((learner) => learner.id);
      const answers = await Promise.all([
        lead.patch(`/api/encounters/${created.body.id}`).send({ attendees: { learnerIds: tens } }),
        lead.patch(`/api/encounters/${created.body.id}`).send({ attendees: { yearGroups: [10] } }),
        lead
          .patch(`/api/encounters/${created.body.id}`)
          .send({ attendees: { groupIds: [fx.groups['10A']] } }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const rows: { learner_id: string; n: number }[] = await dataSource.query(
        `SELECT learner_id, count(*)::int AS n FROM attendance WHERE encounter_id = $1 GROUP BY learner_id`,
        [created.body.id],
      );
      expect(rows).toHaveLength(tens.length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    });

    it('marks named absentees absent and keeps everyone else as they were', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['11A']] },
      }).expect(201);
      const elevens = fx.learnersA.filter((learner) => learner.yearGroup === 11);
      const response = await lead
        .patch(`/api/encounters/${created.body.id}`)
        .send({ absentLearnerIds: [elevens[2].id] })
        .expect(200);
      expect(response.body.attendedCount).toBe(5);
      expect(
        response.body.attendance.find((row: { learnerId: string }) => row.learnerId === elevens[2].id).status,
      ).toBe('absent');
    });

    it('re-derives the categories when the organisations change, and audits what changed', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['11A']] },
      }).expect(201);
      const response = await lead
        .patch(`/api/encounters/${created.body.id}`)
        .send({
          organisationIds: [fx.organisations.itp],
          format: 'provider_talk',
          title: 'Apprenticeships talk',
        })
        .expect(200);
      expect(response.body.categories).toEqual(['education_provider_encounter', 'pal_provider_encounter']);
      expect(response.body.educationTypes).toEqual(['independent_training_provider']);
      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE entity_id = $1 AND action = 'encounter.update'`,
        [created.body.id],
      );
      expect(entry.details.changed).toEqual(expect.arrayContaining(['organisationIds', 'format', 'title']));
      expect(entry.details.title).toEqual({ from: created.body.title, to: 'Apprenticeships talk' });
    });

    it("re-derives an encounter's categories when an organisation's type changes", async () => {
      const [organisation] = await dataSource.query(
        `INSERT INTO organisation (name, type) VALUES ('Shapeshifter Ltd', 'other') RETURNING id`,
      );
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        organisationIds: [organisation.id],
      }).expect(201);
      expect(created.body.categories).toEqual([]);
      await lead
        .patch(`/api/organisations/${organisation.id}`)
        .send({ type: 'further_education' })
        .expect(200);
      const after = await lead.get(`/api/encounters/${created.body.id}`).expect(200);
      expect(after.body.categories).toEqual(['education_provider_encounter', 'pal_provider_encounter']);
      await lead
        .patch(`/api/organisations/${organisation.id}`)
        .send({ type: 'higher_education', offersTechnicalEducation: false })
        .expect(200);
      const again = await lead.get(`/api/encounters/${created.body.id}`).expect(200);
      expect(again.body.categories).toEqual(['education_provider_encounter']);
    });

    it('refuses a change that would make a ticked checklist item foreign to the categories, writing nothing', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        format: 'work_experience',
        days: 5,
        durationMinutes: 1800,
        // Every item B6 asks for ticked, rangeOfPeople among them.
        meaningful: Object.fromEntries(REQUIRED_CHECKLIST_ITEMS.B6.map((item) => [item, true])),
      }).expect(201);
      expect(created.body.categories).toEqual(['workplace_experience']);
      const response = await lead
        .patch(`/api/encounters/${created.body.id}`)
        .send({ format: 'talk' })
        .expect(400);
      expect(response.body.message).toMatch(/meaningful\.rangeOfPeople/);
      const unchanged = await lead.get(`/api/encounters/${created.body.id}`).expect(200);
      expect(unchanged.body.format).toBe('work_experience');
    });

    it('refuses an end date before the start, an academy change, and a duplicate of another encounter', async () => {
      const one = await postEncounter(lead, { title: uniqueTitle() }).expect(201);
      const two = await postEncounter(lead, { title: uniqueTitle() }).expect(201);
      const endDate = await lead
        .patch(`/api/encounters/${one.body.id}`)
        .send({ endDate: addDays(fx.date, -3) })
        .expect(400);
      expect(endDate.body.details[0].field).toBe('endDate');
      const academy = await admin
        .patch(`/api/encounters/${one.body.id}`)
        .send({ academyId: fx.academyB })
        .expect(400);
      expect(academy.body.details[0].field).toBe('academyId');
      const duplicate = await lead
        .patch(`/api/encounters/${two.body.id}`)
        .send({ title: one.body.title })
        .expect(409);
      expect(duplicate.body.existingId).toBe(one.body.id);
      const nulled = await lead.patch(`/api/encounters/${two.body.id}`).send({ title: null }).expect(400);
      expect(nulled.body.message).toMatch(/title/);
    });

    it('is 404 for a careers lead of another academy', async () => {
      const created = await postEncounter(lead, { title: uniqueTitle() }).expect(201);
      await leadOfB.patch(`/api/encounters/${created.body.id}`).send({ notes: 'x' }).expect(404);
      await leadOfB.delete(`/api/encounters/${created.body.id}`).expect(404);
    });
  });

  describe('duplicates by meaning', () => {
    const tenA = () => fx.learnersA.filter((learner) => learner.groupId === fx.groups['10A']);
    const tenB = () => fx.learnersA.filter((learner) => learner.groupId === fx.groups['10B']);
    const ids = (learners: { id: string }[]) => learners.map((learner) => learner.id);
    const logVisit = (overrides: Record<string, unknown> = {}) =>
      postEncounter(lead, {
        title: uniqueTitle('Visit'),
        organisationIds: [fx.organisations.employer, fx.organisations.college],
        meaningful: B7_TICKED,
        attendees: { groupIds: [fx.groups['10A']] },
        ...overrides,
      });
    const auditOf = (id: string, action: string) =>
      dataSource.query(`SELECT user_id, details FROM audit_entry WHERE entity_id = $1 AND action = $2`, [
        id,
        action,
      ]);

    it('answers 409 duplicate_encounter for the same visit under another title, naming it, and writes nothing', async () => {
      const first = await logVisit().expect(201);
      const encounters = await count(`SELECT count(*) FROM encounter`);
      const attendances = await count(`SELECT count(*) FROM attendance`);
      const audits = await auditCount();
      const second = await logVisit({
        title: uniqueTitle('Another name for it'),
        // The organisations as a set: their order and a repeat make no difference.
        organisationIds: [fx.organisations.college, fx.organisations.employer, fx.organisations.college],
        attendees: { learnerIds: ids(tenA().slice(0, 7)) },
      }).expect(409);
      expect(second.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'duplicate_encounter',
        existing: { id: first.body.id, title: first.body.title, date: fx.date },
        existingId: first.body.id,
        details: [],
      });
      expect(second.body.message).toMatch(/more than half the same learners/);
      expect(await count(`SELECT count(*) FROM encounter`)).toBe(encounters);
      expect(await count(`SELECT count(*) FROM attendance`)).toBe(attendances);
      expect(await auditCount()).toBe(audits);
    });

    it('logs it with confirmDistinct: true, and the audit records the confirmation and what it was confirmed against', async () => {
      const first = await logVisit().expect(201);
      const second = await logVisit({ confirmDistinct: true }).expect(201);
      expect(second.body.attendedCount).toBe(12);
      expect(second.body).not.toHaveProperty('confirmDistinct');
      const [entry] = await auditOf(second.body.id, 'encounter.confirm_distinct');
      expect(entry).toMatchObject({
        user_id: lead.userId,
        details: { likelyDuplicatesOf: [{ id: first.body.id, title: first.body.title, date: fx.date }] },
      });
      // Nothing to confirm, nothing recorded.
      const alone = await logVisit({ date: addDays(fx.date, 1), confirmDistinct: true }).expect(201);
      expect(await auditOf(alone.body.id, 'encounter.confirm_distinct')).toEqual([]);
    });

    it('is not a duplicate with half the learners or fewer, on another date, with other organisations, or once deleted', async () => {
      const first = await logVisit().expect(201);
      // 6 of the smaller list of 12 are on both: half, not more than half.
      await logVisit({
        attendees: { learnerIds: [...ids(tenA().slice(0, 6)), ...ids(tenB().slice(0, 6))] },
      }).expect(201);
      await logVisit({ date: addDays(fx.date, -3) }).expect(201);
      await logVisit({
        organisationIds: [fx.organisations.employer, fx.organisations.college, fx.organisations.university],
      }).expect(201);
      await lead.delete(`/api/encounters/${first.body.id}`).expect(204);
      // All six were at the deleted one, none at the mixed one.
      const again = await logVisit({ attendees: { learnerIds: ids(tenA().slice(6)) } }).expect(201);
      expect(again.body.attendedCount).toBe(6);
    });

    it('counts only the learners who attended: absentees were not at the event', async () => {
      await logVisit({ attendees: { learnerIds: ids(tenA().slice(0, 4)) } }).expect(201);
      // 10A with the first four absent: none of those who came was at the first.
      await logVisit({
        attendees: { groupIds: [fx.groups['10A']] },
        absentLearnerIds: ids(tenA().slice(0, 4)),
      }).expect(201);
    });

    it('refuses the same title too as encounter_already_logged, which confirmDistinct does not override', async () => {
      const first = await logVisit().expect(201);
      const again = await logVisit({ title: first.body.title, confirmDistinct: true }).expect(409);
      expect(again.body).toMatchObject({
        code: 'encounter_already_logged',
        existing: { id: first.body.id, title: first.body.title, date: fx.date },
        existingId: first.body.id,
      });
    });

    it('refuses a PATCH whose new list or date makes it a duplicate, unless confirmed; a confirmed pair is not asked about again', async () => {
      const first = await logVisit().expect(201);
      const other = await logVisit({ attendees: { groupIds: [fx.groups['10B']] } }).expect(201);
      const replaceAttendance = ids(tenA()).map((learnerId) => ({ learnerId, status: 'attended' }));
      const refused = await lead
        .patch(`/api/encounters/${other.body.id}`)
        .send({ replaceAttendance })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'duplicate_encounter', existing: { id: first.body.id } });
      const unchanged = await lead.get(`/api/encounters/${other.body.id}`).expect(200);
      expect(new Set(unchanged.body.attendance.map((row: { learnerId: string }) => row.learnerId))).toEqual(
        new Set(ids(tenB())),
      );
      await lead
        .patch(`/api/encounters/${other.body.id}`)
        .send({ replaceAttendance, confirmDistinct: true })
        .expect(200);
      expect(await auditOf(other.body.id, 'encounter.confirm_distinct')).toHaveLength(1);
      // The pair is confirmed: a later change of the title, or of the list again, does not ask again.
      await lead
        .patch(`/api/encounters/${other.body.id}`)
        .send({ title: uniqueTitle('Renamed') })
        .expect(200);
      await lead
        .patch(`/api/encounters/${other.body.id}`)
        .send({ replaceAttendance: replaceAttendance.slice(1) })
        .expect(200);

      // Moving an encounter onto the day of another with the same learners is asked about too.
      const later = await logVisit({ date: addDays(fx.date, 1) }).expect(201);
      const moved = await lead.patch(`/api/encounters/${later.body.id}`).send({ date: fx.date }).expect(409);
      expect(moved.body.code).toBe('duplicate_encounter');
      expect([first.body.id, other.body.id]).toContain(moved.body.existing.id);
    });

    it('refuses a PUT of the list that makes it a duplicate unless ?confirmDistinct=true', async () => {
      const first = await logVisit().expect(201);
      const other = await logVisit({ attendees: { groupIds: [fx.groups['10B']] } }).expect(201);
      const list = ids(tenA()).map((learnerId) => ({ learnerId, status: 'attended' }));
      const refused = await lead.put(`/api/encounters/${other.body.id}/attendance`).send(list).expect(409);
      expect(refused.body).toMatchObject({ code: 'duplicate_encounter', existing: { id: first.body.id } });
      const bad = await lead
        .put(`/api/encounters/${other.body.id}/attendance?confirmDistinct=maybe`)
        .send(list)
        .expect(400);
      expect(bad.body.message).toMatch(/confirmDistinct/);
      const written = await lead
        .put(`/api/encounters/${other.body.id}/attendance?confirmDistinct=true`)
        .send(list)
        .expect(200);
      expect(written.body.attendedCount).toBe(12);
      const [entry] = await auditOf(other.body.id, 'encounter.confirm_distinct');
      expect(entry.details.likelyDuplicatesOf[0].id).toBe(first.body.id);
    });

    it('settles two simultaneous logs of the same visit under different titles: one 201, one 409 naming it', async () => {
      const answers = await Promise.all([logVisit(), logVisit()]);
      const [created, refused] = [...answers].sort((a, b) => a.status - b.status);
      expect([created.status, refused.status]).toEqual([201, 409]);
      expect(refused.body.existing.id).toBe(created.body.id);
    });
  });

  describe('PUT /api/encounters/{id}/attendance', () => {
    it('replaces the list atomically, with statuses, meaningful overrides and reflections', async () => {
      const tenA = fx.learnersA.filter((learner) => learner.groupId === fx.groups['10A']);
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['10A']] },
      }).expect(201);
      const response = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([
          {
            learnerId: tenA[0].id,
            status: 'attended',
            reflection: { rating: 5, comment: 'Loved the workshop' },
          },
          { learnerId: tenA[1].id, status: 'withdrawn' },
          { learnerId: tenA[2].id, status: 'attended', meaningful: false },
          { learnerId: fx.learnersA[29].id, status: 'absent' },
          { learnerId: tenA[0].id, status: 'attended', reflection: { rating: 4, comment: 'Useful' } },
        ])
        .expect(200);
      const byLearner = Object.fromEntries(
        response.body.attendance.map((row: { learnerId: string }) => [row.learnerId, row]),
      );
      expect(Object.keys(byLearner)).toHaveLength(4);
      expect(byLearner[tenA[0].id]).toMatchObject({
        status: 'attended',
        reflection: { rating: 4, comment: 'Useful' },
      });
      expect(byLearner[tenA[1].id]).toMatchObject({ status: 'withdrawn', meaningful: null });
      expect(byLearner[tenA[2].id]).toMatchObject({ status: 'attended', meaningful: false });
      expect(byLearner[fx.learnersA[29].id]).toMatchObject({ status: 'absent' });
      expect(response.body.attendedCount).toBe(2);

      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE entity_id = $1 AND action = 'attendance.replace'`,
        [created.body.id],
      );
      expect(entry.details.removed).toHaveLength(9);
      expect(entry.details.added).toEqual({ absent: [fx.learnersA[29].id] });
      expect(JSON.stringify(entry.details)).not.toContain('Useful');
    });

    it('writes nothing when one item is bad, naming it', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['11A']] },
      }).expect(201);
      const list = () =>
        dataSource.query(
          `SELECT learner_id, status FROM attendance WHERE encounter_id = $1 ORDER BY learner_id`,
          [created.body.id],
        );
      const before = await list();
      const badStatus = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([
          { learnerId: fx.learnersA[0].id, status: 'attended' },
          { learnerId: fx.learnersA[1].id, status: 'asleep' },
        ])
        .expect(400);
      expect(badStatus.body.details).toEqual([expect.objectContaining({ field: '[1].status' })]);
      const badRating = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([{ learnerId: fx.learnersA[0].id, status: 'attended', reflection: { rating: 6, comment: '' } }])
        .expect(400);
      expect(badRating.body.message).toMatch(/\[0\]\.reflection\.rating/);
      const otherAcademy = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([
          { learnerId: fx.learnersA[0].id, status: 'attended' },
          { learnerId: fx.learnersB[0].id, status: 'attended' },
        ])
        .expect(400);
      expect(otherAcademy.body.details).toEqual([
        expect.objectContaining({ field: '[1].learnerId', value: fx.learnersB[0].id }),
      ]);
      await lead.put(`/api/encounters/${created.body.id}/attendance`).send({ learnerId: 'x' }).expect(400);
      expect(await list()).toEqual(before);
    });

    it('keeps a guidance meeting to one learner, and derives R-C-5 from the one who attended', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle('Guidance'),
        format: 'guidance_meeting',
        adviserLevel: 6,
        organisationIds: [fx.organisations.careersService],
      }).expect(201);
      // R-C-6 holds whoever attends; R-C-5 waits for its one learner.
      expect(created.body.categories).toEqual(['specialist_careers_advice']);
      const one = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([{ learnerId: fx.learnersA[0].id, status: 'attended' }])
        .expect(200);
      expect(one.body.categories).toEqual(['personal_guidance_meeting', 'specialist_careers_advice']);
      const two = await lead
        .put(`/api/encounters/${created.body.id}/attendance`)
        .send([
          { learnerId: fx.learnersA[0].id, status: 'attended' },
          { learnerId: fx.learnersA[1].id, status: 'attended' },
        ])
        .expect(400);
      expect(two.body.message).toMatch(/one learner/);
    });
  });

  describe('reads', () => {
    let encounterId: string;

    beforeAll(async () => {
      const created = await postEncounter(lead, {
        title: 'Scoped reads fair',
        date: addDays(fx.date, -1),
        format: 'careers_fair',
        organisationIds: [fx.organisations.sixthForm],
        attendees: { groupIds: [fx.groups['10A'], fx.groups['10B']] },
      }).expect(201);
      encounterId = created.body.id;
    });

    it('shows a teacher the encounters their learners attended, with only their learners listed', async () => {
      const response = await teacher10A.get(`/api/encounters/${encounterId}`).expect(200);
      const tenA = new Set(
        fx.learnersA.filter((learner) => learner.groupId === fx.groups['10A']).map((learner) => learner.id),
      );
      expect(response.body.attendance).toHaveLength(12);
      expect(response.body.attendance.every((row: { learnerId: string }) => tenA.has(row.learnerId))).toBe(
        true,
      );
      await teacher11A.get(`/api/encounters/${encounterId}`).expect(404);
      const list = await teacher10A.get(`/api/encounters?learnerId=${[...tenA][0]}&pageSize=500`).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toContain(encounterId);
      const listed = list.body.items.find((item: { id: string }) => item.id === encounterId);
      expect(listed.attendedCount).toBe(12);
    });

    it("is 404 to another academy's staff and 200 to the academy's leadership", async () => {
      await leadOfB.get(`/api/encounters/${encounterId}`).expect(404);
      const leader = await academyLeader.get(`/api/encounters/${encounterId}`).expect(200);
      expect(leader.body.attendance).toHaveLength(24);
      const listB = await leadOfB.get(`/api/encounters?academyId=${fx.academyA}`).expect(200);
      expect(listB.body).toMatchObject({ items: [], total: 0 });
    });

    it('filters the list by academy, dates, organisation and learner, newest first, paged', async () => {
      const byOrganisation = await lead
        .get(`/api/encounters?organisationId=${fx.organisations.sixthForm}`)
        .expect(200);
      expect(byOrganisation.body.items.map((item: { id: string }) => item.id)).toEqual([encounterId]);
      expect(byOrganisation.body.items[0]).toMatchObject({
        organisations: [{ id: fx.organisations.sixthForm, type: 'sixth_form' }],
        attendedCount: 24,
        categories: ['education_provider_encounter'],
      });
      const day = addDays(fx.date, -1);
      const byDates = await lead
        .get(`/api/encounters?academyId=${fx.academyA}&from=${day}&to=${day}`)
        .expect(200);
      expect(byDates.body.items.map((item: { id: string }) => item.id)).toEqual([encounterId]);
      const all = await lead.get(`/api/encounters?academyId=${fx.academyA}&pageSize=500`).expect(200);
      const page = await lead.get(`/api/encounters?academyId=${fx.academyA}&pageSize=2&page=2`).expect(200);
      expect(page.body).toMatchObject({ total: all.body.total, page: 2, pageSize: 2 });
      expect(page.body.items.map((item: { id: string }) => item.id)).toEqual(
        all.body.items.slice(2, 4).map((item: { id: string }) => item.id),
      );
      const dates = all.body.items.map((item: { date: string }) => item.date);
      expect(dates).toEqual([...dates].sort().reverse());
      const beyond = await lead.get(`/api/encounters?academyId=${fx.academyA}&page=999`).expect(200);
      expect(beyond.body).toMatchObject({ items: [], total: all.body.total });
      await lead.get('/api/encounters?from=2025-13-01').expect(400);
    });
  });

  describe('DELETE /api/encounters/{id}', () => {
    it('soft-deletes, recording who and when, and the encounter disappears from reads', async () => {
      const created = await postEncounter(lead, {
        title: uniqueTitle(),
        attendees: { groupIds: [fx.groups['11A']] },
      }).expect(201);
      await lead.delete(`/api/encounters/${created.body.id}`).expect(204);
      await lead.get(`/api/encounters/${created.body.id}`).expect(404);
      await lead.delete(`/api/encounters/${created.body.id}`).expect(404);
      const [row] = await dataSource.query(`SELECT deleted_at, deleted_by FROM encounter WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row.deleted_at).not.toBeNull();
      expect(row.deleted_by).toBe(lead.userId);
      const [entry] = await dataSource.query(
        `SELECT user_id FROM audit_entry WHERE entity_id = $1 AND action = 'encounter.delete'`,
        [created.body.id],
      );
      expect(entry.user_id).toBe(lead.userId);
      // The same encounter may be logged again once the first is deleted.
      await postEncounter(lead, { title: created.body.title }).expect(201);
    });
  });

  it("shows a guidance_meeting encounter's notes only to those who read guidance notes, as guidance meetings", async () => {
    const notes = 'Talked through anxiety about college interviews.';
    const created = await postEncounter(lead, {
      title: uniqueTitle('Guidance with notes'),
      format: 'guidance_meeting',
      adviserLevel: 6,
      organisationIds: [fx.organisations.careersService],
      attendees: { learnerIds: [fx.learnersA[0].id] },
      notes,
    }).expect(201);
    const talk = await postEncounter(lead, {
      title: uniqueTitle('Talk with notes'),
      attendees: { learnerIds: [fx.learnersA[0].id] },
      notes: 'Bring ear defenders.',
    }).expect(201);
    for (const reader of [teacher10A, academyLeader]) {
      const one = await reader.get(`/api/encounters/${created.body.id}`).expect(200);
      expect(one.body.notes).toBeNull();
      const listed = await reader
        .get(`/api/encounters?learnerId=${fx.learnersA[0].id}&pageSize=500`)
        .expect(200);
      const item = listed.body.items.find((candidate: { id: string }) => candidate.id === created.body.id);
      expect(item.notes).toBeNull();
      expect(JSON.stringify(listed.body)).not.toContain('anxiety');
      // Other encounters' notes are not guidance content.
      expect((await reader.get(`/api/encounters/${talk.body.id}`).expect(200)).body.notes).toBe(
        'Bring ear defenders.',
      );
    }
    expect((await lead.get(`/api/encounters/${created.body.id}`).expect(200)).body.notes).toBe(notes);
    expect((await admin.get(`/api/encounters/${created.body.id}`).expect(200)).body.notes).toBe(notes);
  });
});
