import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SignInThrottle } from '../src/auth/sign-in-throttle';
import { createUser, signedInUser, TEST_PASSWORD } from './sign-in';
import { createTestApp, startTrustApp } from './test-app';

/** Issue 19's throttling findings: races past the limit, the real user locked out, a school locked out. */
describe(`${SignInThrottle.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let address = 0;
  /** Each test signs in from its own address (through a proxy on loopback), so their counts stay apart. */
  const nextAddress = () => `198.51.100.${(address += 1)}`;

  beforeAll(async () => {
    ({ app, dataSource } = await startTrustApp({
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      SIGN_IN_MAX_FAILURES: '5',
      SIGN_IN_ADDRESS_MAX_FAILURES: '30',
      TRUST_PROXY: 'loopback',
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  const signIn = (email: string, password: string, from: string) =>
    request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email, password });

  /** As if the account's wait had passed. */
  const waitOver = () => dataSource.query(`UPDATE sign_in_counter SET next_allowed_at = now()`);

  it('checks exactly the free guesses of 40 sent at once; the rest answer 429 unchecked', async () => {
    const { email } = await createUser(app, ['teacher']);
    const from = nextAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, guess) => signIn(email, `wrong guess number ${guess}`, from)),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'auth.sign_in_failed' AND details->>'kind' = 'cookie' AND ip = $1`,
      [from],
    );
    expect(n).toBe(5);
  });

  it('delays the account, growing, instead of locking it: the right password works once the wait is over', async () => {
    const { email } = await createUser(app, ['teacher']);
    const from = nextAddress();
    for (let guess = 0; guess < 5; guess += 1) await signIn(email, 'wrong password!', from).expect(401);
    const first = await signIn(email, TEST_PASSWORD, from).expect(429);
    expect(Number(first.headers['retry-after'])).toBeGreaterThan(25);
    expect(Number(first.headers['retry-after'])).toBeLessThanOrEqual(30);
    await waitOver();
    await signIn(email, 'wrong password!', from).expect(401);
    const second = await signIn(email, TEST_PASSWORD, from).expect(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(55);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);
    await waitOver();
    await signIn(email, TEST_PASSWORD, from).expect(200);
    // A completed sign-in starts the account again from no failures.
    for (let guess = 0; guess < 5; guess += 1) await signIn(email, 'wrong password!', from).expect(401);
  });

  it('lets a trust administrator unlock an account at once, and nobody else', async () => {
    const { email, id } = await createUser(app, ['teacher']);
    const from = nextAddress();
    for (let guess = 0; guess < 6; guess += 1) await signIn(email, 'wrong password!', from);
    await signIn(email, TEST_PASSWORD, from).expect(429);
    const leader = await signedInUser(app, ['trust_leader']);
    await leader.post(`/api/users/${id}/unlock`).expect(403);
    const admin = await signedInUser(app, ['trust_admin']);
    // The user list shows the wait, so the administrator knows whom to unlock.
    const delayed = async () =>
      (await admin.get(`/api/users?q=${encodeURIComponent(email)}`).expect(200)).body.items[0]
        .signInDelayedUntil;
    expect(Date.parse(await delayed())).toBeGreaterThan(Date.now());
    await admin.post(`/api/users/00000000-0000-4000-8000-000000000000/unlock`).expect(404);
    await admin.post(`/api/users/${id}/unlock`).expect(204);
    expect(await delayed()).toBeNull();
    await signIn(email, TEST_PASSWORD, from).expect(200);
    const [entry] = await dataSource.query(
      `SELECT user_id, entity_id FROM audit_entry WHERE action = 'user.sign_in_unlock'`,
    );
    expect(entry).toEqual({ user_id: admin.userId, entity_id: id });
  });

  it('sizes the address limit for a school behind one address: right passwords do not count, 30 failures do', async () => {
    const from = nextAddress();
    const staff = await Promise.all(Array.from({ length: 3 }, () => createUser(app, ['teacher'])));
    for (let round = 0; round < 4; round += 1) {
      for (const { email } of staff) await signIn(email, TEST_PASSWORD, from).expect(200);
    }
    for (let guess = 0; guess < 30; guess += 1) {
      await signIn(`nobody.${guess}@school.example`, 'wrong password!', from).expect(401);
    }
    const refused = await signIn(staff[0].email, TEST_PASSWORD, from).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    // Another address of the trust is not affected.
    await signIn(staff[0].email, TEST_PASSWORD, nextAddress()).expect(200);
  });

  it('throttles guesses of the current password through POST /api/auth/password', async () => {
    const user = await signedInUser(app, ['teacher']);
    const change = (currentPassword: string) =>
      user.post('/api/auth/password').send({ currentPassword, newPassword: 'a brand new passphrase 77' });
    for (let guess = 0; guess < 5; guess += 1) await change(`wrong current password ${guess}`).expect(400);
    await change(TEST_PASSWORD).expect(429);
    await waitOver();
    await change(TEST_PASSWORD).expect(204);
  });

  it('keeps the counts hashed in the database: another API process (or a restart) still refuses', async () => {
    const { email } = await createUser(app, ['teacher']);
    const from = nextAddress();
    for (let guess = 0; guess < 5; guess += 1) await signIn(email, 'wrong password!', from).expect(401);
    const stored: { key: string }[] = await dataSource.query(
      `SELECT encode(key_hash, 'escape') AS key FROM sign_in_counter`,
    );
    expect(stored.some((row) => row.key.includes(email) || row.key.includes(from))).toBe(false);
    const anotherProcess = app.get(SignInThrottle);
    await expect(anotherProcess.attempt(email.toUpperCase(), '203.0.113.9')).rejects.toMatchObject({
      status: 429,
    });
  });
});

describe(`${SignInThrottle.name} without TRUST_PROXY (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('believes no X-Forwarded-For or X-Forwarded-Proto: the address is the connection, the cookie not Secure', async () => {
    const { email } = await createUser(app, ['teacher']);
    await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.77')
      .send({ email, password: 'wrong password!' })
      .expect(401);
    const [entry] = await app
      .get(DataSource)
      .query(
        `SELECT ip FROM audit_entry WHERE action = 'auth.sign_in_failed' ORDER BY at DESC, id DESC LIMIT 1`,
      );
    expect(entry.ip).not.toBe('203.0.113.77');
    expect(entry.ip).toMatch(/127\.0\.0\.1|::1/);
    const signedIn = await request(app.getHttpServer())
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ email, password: TEST_PASSWORD })
      .expect(200);
    const cookies: string[] = ([] as string[]).concat(signedIn.headers['set-cookie']);
    expect(cookies.some((cookie) => /; Secure/.test(cookie))).toBe(false);
  });
});
