import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../src/audit/audit.service';
import { UsersService } from '../src/users/users.service';
import { createEncounterFixtures, encounterBody, type EncounterFixtures } from './encounters.fixtures';
import { createUser, type SignedInAgent, signedInUser, signInAs } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

describe(`${UsersService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let admin: SignedInAgent;

  const activeAdmins = async () =>
    Number(
      (await dataSource.query(`SELECT count(*) FROM app_user WHERE active AND 'trust_admin' = ANY(roles)`))[0]
        .count,
    );

  beforeAll(async () => {
    app = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    fx = await createEncounterFixtures(app, { urnA: '970001', urnB: '970002' });
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a page of users by name, and finds a part of a name or email address, case ignored', async () => {
    const stem = `Pagewise${Date.now()}`;
    for (const name of ['Cara', 'Abel', 'Bea']) {
      await createUser(app, ['teacher'], {
        academyIds: [fx.academyA],
        name: `${name} ${stem}`,
        email: `${name.toLowerCase()}.${stem.toLowerCase()}@school.example`,
      });
    }
    const first = await admin.get(`/api/users?q=${stem.toUpperCase()}&pageSize=2`).expect(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((user: { name: string }) => user.name)).toEqual([
      `Abel ${stem}`,
      `Bea ${stem}`,
    ]);
    const second = await admin.get(`/api/users?q=${stem}&pageSize=2&page=2`).expect(200);
    expect(second.body.items.map((user: { name: string }) => user.name)).toEqual([`Cara ${stem}`]);
    expect(second.body.items[0]).toMatchObject({ signInDelayedUntil: null, academyIds: [fx.academyA] });
    const byEmail = await admin.get(`/api/users?q=bea.${stem.toLowerCase()}@`).expect(200);
    expect(byEmail.body.items.map((user: { name: string }) => user.name)).toEqual([`Bea ${stem}`]);
    // A LIKE wildcard typed is a character searched for, not a pattern.
    expect((await admin.get('/api/users?q=%25').expect(200)).body.total).toBe(0);
    const all = await admin.get('/api/users').expect(200);
    expect(all.body.total).toBeGreaterThanOrEqual(4);
    expect(all.body.pageSize).toBe(50);
    await admin.get('/api/users?pageSize=0').expect(400);
    await admin.get(`/api/users?q=${'x'.repeat(201)}`).expect(400);
  });

  it('names what each audit entry is about: the user, the record, the academy and the learners it lists', async () => {
    const encounter = await admin.post('/api/encounters').send(
      encounterBody(fx, {
        title: 'Audit names talk',
        attendees: { learnerIds: fx.learnersA.slice(0, 2).map((learner) => learner.id) },
      }),
    );
    expect(encounter.status).toBe(201);
    const [learner] = await dataSource.query(
      `SELECT coalesce(preferred_forename, legal_forename) || ' ' || coalesce(preferred_surname, legal_surname) AS name
         FROM learner WHERE id = $1`,
      [fx.learnersA[0].id],
    );
    await app.get(AuditService).record({
      userId: admin.userId,
      action: 'guidance_meeting.read_notes',
      entityType: 'guidance_meeting',
      details: { meetingIds: [], learnerIds: [fx.learnersA[0].id, '00000000-0000-4000-8000-000000000000'] },
    });
    const [me] = await dataSource.query('SELECT name FROM app_user WHERE id = $1', [admin.userId]);
    const [academy] = await dataSource.query('SELECT name FROM academy WHERE id = $1', [fx.academyA]);
    const created = await admin
      .get(`/api/audit?action=encounter.create&entityId=${encounter.body.id}`)
      .expect(200);
    expect(created.body.items[0]).toMatchObject({
      userName: me.name,
      entityName: 'Audit names talk',
      academyName: academy.name,
      learners: [],
    });
    const read = await admin
      .get(`/api/audit?action=guidance_meeting.read_notes&userId=${admin.userId}`)
      .expect(200);
    expect(read.body.items[0]).toMatchObject({
      entityName: null,
      learners: [
        { id: fx.learnersA[0].id, name: learner.name },
        { id: '00000000-0000-4000-8000-000000000000', name: null },
      ],
    });
  });

  it("reactivates a teacher as the web app's Reactivate button does, keeping their academies and groups", async () => {
    const teacher = await createUser(app, ['teacher'], {
      academyIds: [fx.academyA],
      groupIds: [fx.groups['10A']],
    });
    await admin.delete(`/api/users/${teacher.id}`).expect(204);
    const response = await admin.patch(`/api/users/${teacher.id}`).send({ active: true }).expect(200);
    expect(response.body).toMatchObject({
      active: true,
      academyIds: [fx.academyA],
      groupIds: [fx.groups['10A']],
    });
    const [entry] = await dataSource.query(
      `SELECT details FROM audit_entry WHERE action = 'user.update' AND entity_id = $1`,
      [teacher.id],
    );
    expect(entry.details.changed).toEqual({ active: true });
  });

  it('changes only the field sent: a rename keeps roles, academies and groups', async () => {
    const teacher = await createUser(app, ['teacher'], {
      academyIds: [fx.academyA],
      groupIds: [fx.groups['10A']],
    });
    const response = await admin
      .patch(`/api/users/${teacher.id}`)
      .send({ name: 'Renamed Teacher' })
      .expect(200);
    expect(response.body).toMatchObject({
      name: 'Renamed Teacher',
      roles: ['teacher'],
      academyIds: [fx.academyA],
      groupIds: [fx.groups['10A']],
      active: true,
    });
    const cleared = await admin.patch(`/api/users/${teacher.id}`).send({ groupIds: [] }).expect(200);
    expect(cleared.body).toMatchObject({ academyIds: [fx.academyA], groupIds: [] });
  });

  it('still creates a user when academyIds and groupIds are left out', async () => {
    const response = await admin
      .post('/api/users')
      .send({
        email: 'leader@users.test',
        name: 'Trust Leader',
        password: 'a long test passphrase 42',
        roles: ['trust_leader'],
      })
      .expect(201);
    expect(response.body).toMatchObject({ academyIds: [], groupIds: [] });
  });

  it('keeps one active trust administrator: the last cannot demote or deactivate themselves', async () => {
    await dataSource.query(
      `UPDATE app_user SET active = false WHERE 'trust_admin' = ANY(roles) AND id <> $1`,
      [admin.userId],
    );
    expect(await activeAdmins()).toBe(1);
    const demoted = await admin
      .patch(`/api/users/${admin.userId}`)
      .send({ roles: ['trust_leader'] })
      .expect(409);
    expect(demoted.body.message).toMatch(/at least one active trust administrator/);
    await admin.patch(`/api/users/${admin.userId}`).send({ active: false }).expect(409);
    await admin.delete(`/api/users/${admin.userId}`).expect(409);
    expect(await activeAdmins()).toBe(1);
    const [me] = await dataSource.query(`SELECT roles, active FROM app_user WHERE id = $1`, [admin.userId]);
    expect(me).toEqual({ roles: ['trust_admin'], active: true });
  });

  it('lets an administrator step down once another is active, and then not undo the last one', async () => {
    const other = await createUser(app, ['trust_admin'], { email: 'second.admin@users.test' });
    const second = await signInAs(app, other.email);
    await admin
      .patch(`/api/users/${admin.userId}`)
      .send({ roles: ['trust_leader', 'trust_admin'] })
      .expect(200);
    const stepDown = await second
      .patch(`/api/users/${other.id}`)
      .send({ roles: ['trust_leader'] })
      .expect(200);
    expect(stepDown.body.roles).toEqual(['trust_leader']);
    expect(await activeAdmins()).toBe(1);
    // The original administrator is now the last: deactivating them from anywhere is refused.
    const again = await signInAs(
      app,
      (await dataSource.query(`SELECT email FROM app_user WHERE id = $1`, [admin.userId]))[0].email,
    );
    await again
      .patch(`/api/users/${admin.userId}`)
      .send({ roles: ['trust_leader'] })
      .expect(409);
    expect(await activeAdmins()).toBe(1);
  });

  it('refuses to let two administrators demote each other at once, keeping one', async () => {
    const first = await createUser(app, ['trust_admin'], { email: 'race.one@users.test' });
    const second = await createUser(app, ['trust_admin'], { email: 'race.two@users.test' });
    await dataSource.query(
      `UPDATE app_user SET active = false WHERE 'trust_admin' = ANY(roles) AND id NOT IN ($1, $2)`,
      [first.id, second.id],
    );
    const one = await signInAs(app, first.email);
    const two = await signInAs(app, second.email);
    const answers = await Promise.all([
      one.patch(`/api/users/${second.id}`).send({ active: false }),
      two.patch(`/api/users/${first.id}`).send({ active: false }),
    ]);
    // One wins; the other is refused (409), or finds its own session ended by the first (401).
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.every((answer) => [200, 401, 409].includes(answer.status))).toBe(true);
    expect(await activeAdmins()).toBe(1);
  });

  it('refuses a breached password on every way of setting one, with 400 naming the field', async () => {
    // The first administrator changed their own roles above, which signed them out.
    const freshAdmin = await signedInUser(app, ['trust_admin']);
    const created = await freshAdmin
      .post('/api/users')
      .send({
        email: 'j.bloggs@users.test',
        name: 'Jo Bloggs',
        password: 'Summer2025!!',
        roles: ['teacher'],
      })
      .expect(400);
    expect(created.body.details).toEqual([
      { field: 'password', reason: 'That password is too common; choose another.' },
    ]);
    const teacher = await createUser(app, ['teacher'], { email: 'breach.test@users.test' });
    await freshAdmin.patch(`/api/users/${teacher.id}`).send({ password: 'P@ssw0rd2025!' }).expect(400);
    const self = await signInAs(app, teacher.email);
    await self
      .post('/api/auth/password')
      .send({ currentPassword: 'a long test passphrase 42', newPassword: 'Liverpool2025!' })
      .expect(400);
    // The password in force is still the first one.
    await signInAs(app, teacher.email);
  });
});
