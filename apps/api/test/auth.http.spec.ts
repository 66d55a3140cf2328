import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createUser, signInAs, signedInUser, TEST_PASSWORD } from './sign-in';
import { startTrustApp } from './test-app';

describe('Sign-in, sessions and users (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ app, dataSource } = await startTrustApp({
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      SIGN_IN_MAX_FAILURES: '5',
      TRUST_PROXY: 'loopback',
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  const server = () => app.getHttpServer();

  it('signs in with an HttpOnly, SameSite=Strict session cookie and a readable CSRF cookie', async () => {
    const { email } = await createUser(app, ['careers_lead']);
    const response = await request(server())
      .post('/api/auth/login')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({ email, roles: ['careers_lead'], academies: [] });
    const cookies: string[] = ([] as string[]).concat(response.headers['set-cookie']);
    const session = cookies.find((cookie) => cookie.startsWith('encounters_session='));
    const csrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
  });

  it('marks the cookies Secure behind HTTPS', async () => {
    const { email } = await createUser(app, ['teacher']);
    const response = await request(server())
      .post('/api/auth/login')
      .set('x-forwarded-proto', 'https')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    const cookies: string[] = ([] as string[]).concat(response.headers['set-cookie']);
    expect(cookies.every((cookie) => /; Secure/.test(cookie))).toBe(true);
  });

  it('answers every bad sign-in with the same 401, whether or not the email exists', async () => {
    const { email } = await createUser(app, ['teacher']);
    const wrongPassword = await request(server())
      .post('/api/auth/login')
      .send({ email, password: 'not the password' });
    const unknownEmail = await request(server())
      .post('/api/auth/login')
      .send({ email: 'nobody@nowhere.example', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.body.message).toBe('The email or password is not right.');
  });

  it('matches the email case-insensitively', async () => {
    const { email } = await createUser(app, ['teacher']);
    await request(server())
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
  });

  it('refuses requests without sign-in with 401', async () => {
    await request(server()).get('/api/auth/me').expect(401);
    await request(server()).get('/api/academies').expect(401);
  });

  it('tells the signed-in user who they are', async () => {
    const client = await signedInUser(app, ['trust_leader']);
    const response = await client.get('/api/auth/me').expect(200);
    expect(response.body.roles).toEqual(['trust_leader']);
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const client = await signedInUser(app, ['trust_admin']);
    const response = await client.agent
      .post('/api/academies')
      .send({ name: 'No CSRF Academy', urn: '912345', phase: 'secondary' })
      .expect(403);
    expect(response.body.message).toMatch(/CSRF/);
    await client.agent
      .post('/api/academies')
      .set('x-xsrf-token', 'forged')
      .send({ name: 'No CSRF Academy', urn: '912345', phase: 'secondary' })
      .expect(403);
    await client
      .post('/api/academies')
      .send({ name: 'With CSRF Academy', urn: '912345', phase: 'secondary' })
      .expect(201);
  });

  it('accepts bearer tokens for scripts, without CSRF', async () => {
    const { email } = await createUser(app, ['trust_admin']);
    const tokenResponse = await request(server())
      .post('/api/auth/token')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    expect(typeof tokenResponse.body.token).toBe('string');
    await request(server())
      .post('/api/academies')
      .set('authorization', `Bearer ${tokenResponse.body.token}`)
      .send({ name: 'Bearer Academy', urn: '912346', phase: 'secondary' })
      .expect(201);
    await request(server()).get('/api/auth/me').set('authorization', 'Bearer not-a-token').expect(401);
  });

  it('ends the session on the server at sign-out', async () => {
    const client = await signedInUser(app, ['teacher']);
    await client.get('/api/auth/me').expect(200);
    await client.post('/api/auth/logout').expect(204);
    await client.get('/api/auth/me').expect(401);
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM user_session WHERE user_id = $1',
      [client.userId],
    );
    expect(count).toBe(0);
  });

  it.each([
    ['left idle longer than the idle limit', `last_seen_at = now() - interval '31 minutes'`],
    ['at its absolute expiry, however busy', `expires_at = now() - interval '1 second'`],
  ])('expires a session %s', async (_when, change) => {
    const client = await signedInUser(app, ['teacher']);
    await dataSource.query(`UPDATE user_session SET ${change} WHERE user_id = $1`, [client.userId]);
    await client.get('/api/auth/me').expect(401);
  });

  it('refuses short and common passwords, naming the field', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const short = await admin
      .post('/api/users')
      .send({
        email: 'short@test.encounters',
        name: 'Short',
        password: 'tooshort',
        roles: ['teacher'],
        academyIds: [],
        groupIds: [],
      })
      .expect(400);
    expect(short.body.details).toEqual([
      { field: 'password', reason: 'The password must be at least 12 characters long.' },
    ]);
    const common = await admin
      .post('/api/users')
      .send({
        email: 'common@test.encounters',
        name: 'Common',
        password: 'Password1234!',
        roles: ['teacher'],
        academyIds: [],
        groupIds: [],
      })
      .expect(400);
    expect(common.body.message).toMatch(/too common/);
  });

  it('stores passwords as argon2id hashes', async () => {
    const { id } = await createUser(app, ['teacher']);
    const [{ password_hash }] = await dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [
      id,
    ]);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$/);
    expect(password_hash).toMatch(/m=19456/);
    expect(password_hash).toMatch(/t=2/);
  });

  it('ends the other sessions when the password changes', async () => {
    const { email } = await createUser(app, ['careers_adviser']);
    const first = await signInAs(app, email);
    const second = await signInAs(app, email);
    await second.get('/api/auth/me').expect(200);
    await first
      .post('/api/auth/password')
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase 77' })
      .expect(204);
    await first.get('/api/auth/me').expect(200);
    await second.get('/api/auth/me').expect(401);
    await signInAs(app, email, 'a brand new passphrase 77');
  });

  it('lets only trust administrators manage users, with emails unique case-insensitively', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const leader = await signedInUser(app, ['trust_leader']);
    await leader.get('/api/users').expect(403);
    const body = {
      email: 'Dup@Test.Encounters',
      name: 'Dup',
      password: TEST_PASSWORD,
      roles: ['teacher'],
      academyIds: [],
      groupIds: [],
    };
    const created = await admin.post('/api/users').send(body).expect(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const duplicate = await admin
      .post('/api/users')
      .send({ ...body, email: 'dup@test.encounters' })
      .expect(409);
    expect(duplicate.body.existingId).toBe(created.body.id);
    await admin
      .post('/api/users')
      .send({ ...body, email: 'x@test.encounters', roles: ['head_teacher'] })
      .expect(400);
  });

  it('signs out a deactivated user at once and refuses their sign-in', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const { email, id } = await createUser(app, ['teacher']);
    const victim = await signInAs(app, email);
    // A request first, so that the session is in the API's short-lived cache when the account is disabled.
    await victim.get('/api/auth/me').expect(200);
    await admin.delete(`/api/users/${id}`).expect(204);
    await victim.get('/api/auth/me').expect(401);
    await request(server()).post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
  });

  it('audits sign-ins, failures and user changes, readable by trust administrators only', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const teacher = await signedInUser(app, ['teacher']);
    await teacher.get('/api/audit').expect(403);
    const response = await admin.get('/api/audit?action=auth.sign_in_failed&pageSize=5').expect(200);
    expect(response.body.total).toBeGreaterThan(0);
    expect(response.body.items[0]).toMatchObject({ action: 'auth.sign_in_failed', entityType: 'user' });
    const creations = await admin.get('/api/audit?action=user.create').expect(200);
    expect(creations.body.total).toBeGreaterThan(0);
    // Each entry names the acting user as well as giving their id.
    const me = (await admin.get('/api/auth/me').expect(200)).body as { id: string; name: string };
    await admin
      .post('/api/users')
      .send({
        email: 'audited@test.encounters',
        name: 'Audited',
        password: TEST_PASSWORD,
        roles: ['teacher'],
        academyIds: [],
        groupIds: [],
      })
      .expect(201);
    const mine = await admin.get(`/api/audit?userId=${me.id}&action=user.create`).expect(200);
    expect(mine.body.items[0]).toMatchObject({ userId: me.id, userName: me.name });
    await admin.get('/api/audit?from=not-a-date').expect(400);
  });
});
