import { INestApplication } from '@nestjs/common';
import { withoutServerOwned } from '../src/common/server-owned';
import { createEncounterFixtures, encounterBody, type EncounterFixtures } from './encounters.fixtures';
import { createUser, type SignedInAgent, signedInUser, signInAs } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/** Writes accept what reads return (issue 13): GET → modify → PUT/PATCH, server-owned fields ignored. */
describe(`${withoutServerOwned.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let admin: SignedInAgent;

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '950001', urnB: '950002' });
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  it('puts back a policy as it was read, ignoring academicYear and saved', async () => {
    const read = await admin.get('/api/policy/2025').expect(200);
    const sent = { ...read.body, academicYear: 1999, saved: false, atRiskDays: 100 };
    const written = await admin.put('/api/policy/2025').send(sent).expect(200);
    expect(written.body).toMatchObject({ academicYear: 2025, saved: true, atRiskDays: 100 });
  });

  it('patches a user with what GET answered', async () => {
    const created = await admin
      .post('/api/users')
      .send({
        email: `round.trip.${Date.now()}@test.encounters`,
        name: 'Round Trip',
        password: 'a long test passphrase 42',
        roles: ['teacher'],
        academyIds: [fx.academyA],
        groupIds: [],
      })
      .expect(201);
    const read = await admin.get(`/api/users/${created.body.id}`).expect(200);
    const written = await admin
      .patch(`/api/users/${created.body.id}`)
      .send({ ...read.body, name: 'Round Tripped', createdAt: '2000-01-01T00:00:00Z' })
      .expect(200);
    expect(written.body).toMatchObject({ id: created.body.id, name: 'Round Tripped' });
    expect(written.body.createdAt).toBe(read.body.createdAt);
  });

  it('keeps the sessions of a user whose record is sent back unchanged, and ends them when the roles change', async () => {
    const user = await createUser(app, ['teacher'], { academyIds: [fx.academyA] });
    const teacher = await signInAs(app, user.email);
    await teacher.get('/api/auth/me').expect(200);

    const read = await admin.get(`/api/users/${user.id}`).expect(200);
    await admin
      .patch(`/api/users/${user.id}`)
      .send({ ...read.body, roles: [...read.body.roles].reverse(), name: 'Renamed Teacher' })
      .expect(200);
    await teacher.get('/api/auth/me').expect(200);

    await admin
      .patch(`/api/users/${user.id}`)
      .send({ roles: ['careers_lead'] })
      .expect(200);
    await teacher.get('/api/auth/me').expect(401);
  });

  it('patches the trust with what GET answered, ignoring its id', async () => {
    const read = await admin.get('/api/trust').expect(200);
    const written = await admin
      .patch('/api/trust')
      .send({ ...read.body, name: 'Renamed Trust', id: '00000000-0000-4000-8000-000000000000' })
      .expect(200);
    expect(written.body).toEqual({ id: read.body.id, name: 'Renamed Trust' });
    await admin.patch('/api/trust').send({ name: 'Renamed Trust', trustee: 'nobody' }).expect(400);
  });

  it('patches an academy with what GET answered', async () => {
    const read = await admin.get(`/api/academies/${fx.academyB}`).expect(200);
    const written = await admin
      .patch(`/api/academies/${fx.academyB}`)
      .send({ ...read.body, name: 'Renamed Academy', id: '00000000-0000-4000-8000-000000000000' })
      .expect(200);
    expect(written.body).toMatchObject({ id: fx.academyB, name: 'Renamed Academy' });
  });

  it('patches an organisation with what GET answered', async () => {
    const read = await admin.get(`/api/organisations/${fx.organisations.employer}`).expect(200);
    const written = await admin
      .patch(`/api/organisations/${fx.organisations.employer}`)
      .send({ ...read.body, notes: 'Sent back as read' })
      .expect(200);
    expect(written.body).toMatchObject({ id: fx.organisations.employer, notes: 'Sent back as read' });
  });

  it('patches an encounter with what GET answered, without changing its attendance', async () => {
    const created = await admin
      .post('/api/encounters')
      .send(encounterBody(fx, { title: 'Round trip talk' }))
      .expect(201);
    const read = await admin.get(`/api/encounters/${created.body.id}`).expect(200);
    const written = await admin
      .patch(`/api/encounters/${created.body.id}`)
      .send({ ...read.body, title: 'Round trip talk, renamed', attendedCount: 0 })
      .expect(200);
    expect(written.body).toMatchObject({ id: created.body.id, title: 'Round trip talk, renamed' });
    expect(written.body.attendance).toHaveLength(read.body.attendance.length);
  });

  it('still refuses a field no read answers with', async () => {
    const read = await admin.get('/api/policy/2025').expect(200);
    const refused = await admin
      .put('/api/policy/2025')
      .send({ ...read.body, colour: 'blue' })
      .expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ field: 'colour' })]);
  });
});
