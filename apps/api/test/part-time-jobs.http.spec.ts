import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createEncounterFixtures, type EncounterFixtures, signedInTeacherOf } from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * R-WEX-7 through the API: a learner's part-time jobs, read by whoever sees the learner, written by those who
 * edit the learner record at the learner's academy, audited, and counted for B5 only under the policy's
 * `b5CountsPartTimeJob`, never for work experience.
 */
describe('Part-time jobs (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let leadA: SignedInAgent;
  let leadB: SignedInAgent;
  let admin: SignedInAgent;
  let learnerId: string;
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const job = {
    employerName: 'Bridge Street Bakery',
    sector: 'Catering and hospitality',
    hoursPerWeek: 8,
    from: '2025-10-04',
  };

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '963001', urnB: '963002' });
    leadA = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    leadB = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyB] });
    admin = await signedInUser(app, ['trust_admin']);
    learnerId = fx.learnersA.find((learner) => learner.yearGroup === 11)?.id as string;
  });

  afterAll(async () => {
    await app.close();
  });

  it('records, lists, changes and deletes a job, each write audited', async () => {
    const created = await leadA.post(`/api/learners/${learnerId}/part-time-jobs`).send(job).expect(201);
    expect(created.body).toMatchObject({ ...job, learnerId, to: null });
    expect(created.body.id).toEqual(expect.any(String));

    const listed = await leadA.get(`/api/learners/${learnerId}/part-time-jobs`).expect(200);
    expect(listed.body).toEqual([created.body]);

    const changed = await leadA
      .patch(`/api/learners/${learnerId}/part-time-jobs/${created.body.id}`)
      .send({ hoursPerWeek: 10.5, to: '2026-06-30', sector: null })
      .expect(200);
    expect(changed.body).toMatchObject({ hoursPerWeek: 10.5, to: '2026-06-30', sector: null });
    expect(changed.body.employerName).toBe(job.employerName);

    await leadA.delete(`/api/learners/${learnerId}/part-time-jobs/${created.body.id}`).expect(204);
    expect((await leadA.get(`/api/learners/${learnerId}/part-time-jobs`).expect(200)).body).toEqual([]);
    await leadA.delete(`/api/learners/${learnerId}/part-time-jobs/${created.body.id}`).expect(404);

    const audit: {
      action: string;
      entity_id: string;
      academy_id: string;
      details: Record<string, unknown>;
    }[] = await app
      .get(DataSource)
      .query(
        `SELECT action, entity_id, academy_id, details FROM audit_entry WHERE action LIKE 'part_time_job.%' ORDER BY id`,
      );
    expect(audit.map((entry) => entry.action)).toEqual([
      'part_time_job.create',
      'part_time_job.update',
      'part_time_job.delete',
    ]);
    expect(audit.every((entry) => entry.entity_id === learnerId && entry.academy_id === fx.academyA)).toBe(
      true,
    );
    expect(audit[1].details).toMatchObject({
      jobId: created.body.id,
      changed: ['sector', 'hoursPerWeek', 'to'],
      hoursPerWeek: { from: 8, to: 10.5 },
    });
  });

  it.each([
    [{ ...job, employerName: '' }, 'employerName'],
    [{ ...job, employerName: undefined }, 'employerName'],
    [{ ...job, hoursPerWeek: 0 }, 'hoursPerWeek'],
    [{ ...job, hoursPerWeek: 49 }, 'hoursPerWeek'],
    [{ ...job, hoursPerWeek: 7.25 }, 'hoursPerWeek'],
    [{ ...job, hoursPerWeek: '8' }, 'hoursPerWeek'],
    [{ ...job, sector: 'Baking' }, 'sector'],
    [{ ...job, from: '2025-02-30' }, 'from'],
    [{ ...job, to: '2025-10-03' }, 'to'],
    [{ ...job, employer: 'x' }, 'employer'],
  ])('refuses %j with a 400 naming the field', async (body, field) => {
    const refused = await leadA.post(`/api/learners/${learnerId}/part-time-jobs`).send(body).expect(400);
    expect(JSON.stringify(refused.body.details)).toContain(field);
    expect(refused.body).not.toHaveProperty('stack');
  });

  it('refuses to clear a required field, or to end a job before it began, and changes nothing', async () => {
    const { body: held } = await leadA
      .post(`/api/learners/${learnerId}/part-time-jobs`)
      .send(job)
      .expect(201);
    const path = `/api/learners/${learnerId}/part-time-jobs/${held.id}`;
    const cleared = await leadA.patch(path).send({ employerName: null }).expect(400);
    expect(JSON.stringify(cleared.body.details)).toContain('employerName');
    const early = await leadA.patch(path).send({ to: '2025-01-01' }).expect(400);
    expect(early.body.details).toEqual([
      { field: 'to', value: '2025-01-01', reason: 'must not be before from (2025-10-04)' },
    ]);
    const [kept] = (await leadA.get(`/api/learners/${learnerId}/part-time-jobs`).expect(200)).body;
    expect(kept).toEqual(held);
    await leadA.delete(path).expect(204);
  });

  it("answers 404 outside the caller's scope, and 403 to those who do not edit learner records", async () => {
    const base = `/api/learners/${learnerId}/part-time-jobs`;
    const { body: held } = await leadA.post(base).send(job).expect(201);

    // Another academy's careers lead: as if the learner did not exist.
    await leadB.get(base).expect(404);
    await leadB.post(base).send(job).expect(404);
    await leadB.patch(`${base}/${held.id}`).send({ hoursPerWeek: 4 }).expect(404);
    await leadB.delete(`${base}/${held.id}`).expect(404);
    // An unknown learner, and a job of another learner.
    await leadA.get(`/api/learners/${unknownId}/part-time-jobs`).expect(404);
    await leadA.post(`/api/learners/${unknownId}/part-time-jobs`).send(job).expect(404);
    const other = fx.learnersA.find((learner) => learner.id !== learnerId)?.id as string;
    await leadA
      .patch(`/api/learners/${other}/part-time-jobs/${held.id}`)
      .send({ hoursPerWeek: 4 })
      .expect(404);
    await leadA.get(`/api/learners/not-a-uuid/part-time-jobs`).expect(400);

    // A teacher of the learner's group reads the jobs but does not write them; another group's does not see them.
    const teacher = await signedInTeacherOf(app, fx, '11A');
    expect((await teacher.get(base).expect(200)).body.map((row: { id: string }) => row.id)).toEqual([
      held.id,
    ]);
    await teacher.post(base).send(job).expect(403);
    await (await signedInTeacherOf(app, fx, '10A')).get(base).expect(404);

    // The trust administrator writes anywhere.
    await admin.patch(`${base}/${held.id}`).send({ hoursPerWeek: 4 }).expect(200);
    await admin.delete(`${base}/${held.id}`).expect(204);
  });

  it("is part of the subject-access export and of the learner's erasure", async () => {
    const base = `/api/learners/${learnerId}/part-time-jobs`;
    const { body: held } = await leadA.post(base).send(job).expect(201);
    const exported = await leadA.get(`/api/learners/${learnerId}/export`).expect(200);
    expect(exported.body.partTimeJobs).toEqual([held]);
    await admin.delete(`/api/learners/${learnerId}`).expect(204);
    const [{ left }] = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS left FROM learner_part_time_job WHERE learner_id = $1`, [learnerId]);
    expect(left).toBe(0);
  });
});
