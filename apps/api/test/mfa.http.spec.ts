import { INestApplication } from '@nestjs/common';
import { generate } from 'otplib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MfaService } from '../src/auth/mfa/mfa.service';
import { createUser, signInAs, SignedInAgent, signedInUser, TEST_PASSWORD } from './sign-in';
import { createTestApp, startTrustApp } from './test-app';

const SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/** A code of the authenticator app, `steps` time steps from now. */
const codeAt = (secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

const secretOf = (otpauthUrl: string) => new URL(otpauthUrl).searchParams.get('secret')!;

describe(`${MfaService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    ({ app, dataSource } = await startTrustApp({
      SECRETS_KEY,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      SIGN_IN_MAX_FAILURES: '5',
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  /** A user who has set up a second factor; answers the secret and the recovery codes. */
  async function enrolled(): Promise<{ email: string; id: string; secret: string; recoveryCodes: string[] }> {
    const { email, id } = await createUser(app, ['careers_lead']);
    const agent = await signInAs(app, email);
    const setup = await agent.post('/api/auth/mfa/setup').expect(200);
    const secret = secretOf(setup.body.otpauthUrl);
    const confirm = await agent
      .post('/api/auth/mfa/confirm')
      .send({ code: await codeAt(secret) })
      .expect(200);
    return { email, id, secret, recoveryCodes: confirm.body.recoveryCodes };
  }

  async function passwordStep(email: string, path = '/api/auth/login') {
    return request(server()).post(path).send({ email, password: TEST_PASSWORD }).expect(200);
  }

  /** Sets up an authenticator app part-way through a sign-in the policy stopped: its first code confirms it. */
  async function enrolAtSignIn(challenge: string) {
    const setup = await request(server())
      .post('/api/auth/mfa/enrolment/setup')
      .send({ challenge })
      .expect(200);
    const code = await codeAt(secretOf(setup.body.otpauthUrl));
    return request(server()).post('/api/auth/mfa/enrolment/confirm').send({ challenge, code }).expect(200);
  }

  it('enrols with a QR code of the otpauth URL and answers ten distinct recovery codes', async () => {
    const agent = await signedInUser(app, ['teacher']);
    const setup = await agent.post('/api/auth/mfa/setup').expect(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Encounters:.+\?.*secret=[A-Z2-7]+/);
    expect(setup.body.qrCode).toMatch(/^data:image\/png;base64,/);
    const wrong = await agent.post('/api/auth/mfa/confirm').send({ code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBe('The code is not right.');
    const confirm = await agent
      .post('/api/auth/mfa/confirm')
      .send({ code: await codeAt(secretOf(setup.body.otpauthUrl)) })
      .expect(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    await agent.get('/api/auth/mfa').expect(200, { enrolled: true, required: true });
    const [stored] = await dataSource.query('SELECT totp_secret FROM app_user WHERE id = $1', [agent.userId]);
    expect(stored.totp_secret).toMatch(/^v1\./);
    expect(stored.totp_secret).not.toContain(secretOf(setup.body.otpauthUrl));
    const [{ count }] = await dataSource.query(
      'SELECT count(*)::int AS count FROM audit_entry WHERE user_id = $1 AND action = $2',
      [agent.userId, 'auth.mfa_enrolled'],
    );
    expect(count).toBe(1);
  });

  it('never gives a session or a token for the password alone once enrolled', async () => {
    const { email } = await enrolled();
    const login = await passwordStep(email);
    expect(login.body).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    expect(login.headers['set-cookie']).toBeUndefined();
    const token = await passwordStep(email, '/api/auth/token');
    expect(token.body).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    expect(token.body.token).toBeUndefined();
  });

  it('signs in with the password and a current code, which serves once', async () => {
    const { email, id, secret } = await enrolled();
    const code = await codeAt(secret, 1);
    const { body } = await passwordStep(email);
    const verified = await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: body.challenge, code })
      .expect(200);
    expect(verified.body).toMatchObject({ id, email, roles: ['careers_lead'] });
    const cookies: string[] = ([] as string[]).concat(verified.headers['set-cookie']);
    expect(cookies.some((cookie) => /^encounters_session=.+HttpOnly/.test(cookie))).toBe(true);

    const again = await passwordStep(email);
    const replayed = await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: again.body.challenge, code });
    expect(replayed.status).toBe(401);
    expect(replayed.body.message).toBe('The code is not right.');
    const audit = await dataSource.query(
      `SELECT action, details FROM audit_entry
        WHERE user_id = $1 AND (details ? 'secondFactor' OR action = 'auth.mfa_failed')
        ORDER BY at, id`,
      [id],
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'auth.sign_in',
        details: expect.objectContaining({ secondFactor: 'totp' }),
      }),
      expect.objectContaining({ action: 'auth.mfa_failed' }),
    ]);
  });

  it('completes the token flow with a code, answering the token', async () => {
    const { email, secret } = await enrolled();
    const { body } = await passwordStep(email, '/api/auth/token');
    const verified = await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: body.challenge, code: await codeAt(secret, 1) })
      .expect(200);
    expect(verified.body).toMatchObject({ token: expect.any(String), user: { email } });
    await request(server())
      .get('/api/auth/me')
      .set('authorization', `Bearer ${verified.body.token}`)
      .expect(200);
  });

  it('accepts a recovery code once, audited', async () => {
    const { email, id, recoveryCodes } = await enrolled();
    const first = await passwordStep(email);
    await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: first.body.challenge, code: recoveryCodes[3].toUpperCase() })
      .expect(200);
    const second = await passwordStep(email);
    await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: second.body.challenge, code: recoveryCodes[3] })
      .expect(401);
    const [entry] = await dataSource.query(
      `SELECT details FROM audit_entry WHERE user_id = $1 AND action = 'auth.sign_in' AND details ? 'secondFactor'`,
      [id],
    );
    expect(entry.details).toMatchObject({ secondFactor: 'recovery_code' });
    const stored: { code_hash: Buffer }[] = await dataSource.query(
      'SELECT code_hash FROM mfa_recovery_code WHERE user_id = $1',
      [id],
    );
    expect(stored).toHaveLength(10);
    expect(
      stored.every((row) => !row.code_hash.toString('utf8').includes(recoveryCodes[0].slice(0, 4))),
    ).toBe(true);
  });

  it('counts wrong codes towards the sign-in throttle, even after a right password', async () => {
    const { email, secret } = await enrolled();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { body } = await passwordStep(email);
      await request(server())
        .post('/api/auth/mfa/verify')
        .send({ challenge: body.challenge, code: '000000' })
        .expect(401);
    }
    const throttled = await request(server())
      .post('/api/auth/login')
      .send({ email, password: TEST_PASSWORD });
    expect(throttled.status).toBe(429);
    await dataSource.query('DELETE FROM sign_in_counter');
    const { body } = await passwordStep(email);
    await dataSource.query('DELETE FROM sign_in_counter');
    await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: body.challenge, code: await codeAt(secret, 1) })
      .expect(200);
  });

  it('refuses an expired challenge and a made-up one', async () => {
    const { email, secret } = await enrolled();
    const { body } = await passwordStep(email);
    await dataSource.query(`UPDATE mfa_challenge SET expires_at = now() - interval '1 second'`);
    const expired = await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: body.challenge, code: await codeAt(secret, 1) });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe('This sign-in has expired. Sign in again.');
    await request(server())
      .post('/api/auth/mfa/verify')
      .send({ challenge: 'x'.repeat(43), code: await codeAt(secret, 1) })
      .expect(401);
    const invalid = await request(server()).post('/api/auth/mfa/verify').send({ challenge: body.challenge });
    expect(invalid.status).toBe(400);
  });

  describe('the trust policy and the administrator reset', () => {
    let admin: SignedInAgent;

    beforeAll(async () => {
      admin = await signedInUser(app, ['trust_admin']);
    });

    afterAll(async () => {
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: false }).expect(200);
    });

    it('lets only an administrator set the policy, audited', async () => {
      const teacher = await signedInUser(app, ['teacher']);
      await teacher.put('/api/auth/mfa/policy').send({ requireForPersonalData: true }).expect(403);
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: true }).expect(200);
      await admin.get('/api/auth/mfa/policy').expect(200, { requireForPersonalData: true });
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM audit_entry WHERE action = 'trust.mfa_policy_change'`,
      );
      expect(count).toBeGreaterThanOrEqual(1);
    });

    it('with the policy on, makes a user without a second factor set one up before any session', async () => {
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: true }).expect(200);
      const { email } = await createUser(app, ['careers_adviser']);
      const login = await passwordStep(email);
      expect(login.body).toEqual({
        mfaRequired: true,
        enrolmentRequired: true,
        challenge: expect.any(String),
      });
      expect(login.headers['set-cookie']).toBeUndefined();
      await request(server())
        .post('/api/auth/mfa/verify')
        .send({ challenge: login.body.challenge, code: '123456' })
        .expect(401);
      const confirmed = await enrolAtSignIn(login.body.challenge);
      expect(confirmed.body).toMatchObject({ email, recoveryCodes: expect.any(Array) });
      expect(([] as string[]).concat(confirmed.headers['set-cookie']).join()).toContain(
        'encounters_session=',
      );
      await request(server())
        .post('/api/auth/mfa/enrolment/setup')
        .send({ challenge: login.body.challenge })
        .expect(401);
    });

    it('with the policy on, lets a script set one up and answers its token with the recovery codes', async () => {
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: true }).expect(200);
      const { email } = await createUser(app, ['careers_lead']);
      const step = await passwordStep(email, '/api/auth/token');
      expect(step.body).toEqual({
        mfaRequired: true,
        enrolmentRequired: true,
        challenge: expect.any(String),
      });
      const confirmed = await enrolAtSignIn(step.body.challenge);
      expect(confirmed.body).toMatchObject({ token: expect.any(String), recoveryCodes: expect.any(Array) });
      expect(confirmed.headers['set-cookie']).toBeUndefined();
      await request(server())
        .get('/api/auth/me')
        .set('authorization', `Bearer ${confirmed.body.token}`)
        .expect(200);
    });

    it('lets an administrator reset a lost factor, audited', async () => {
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: false }).expect(200);
      const { email, id } = await enrolled();
      const teacher = await signedInUser(app, ['teacher']);
      await admin.put('/api/auth/mfa/policy').send({ requireForPersonalData: true }).expect(200);
      await teacher.delete(`/api/auth/mfa/users/${id}`).expect(403);
      await admin.delete(`/api/auth/mfa/users/${id}`).expect(204);
      const [entry] = await dataSource.query(
        `SELECT user_id FROM audit_entry WHERE action = 'auth.mfa_reset' AND entity_id = $1`,
        [id],
      );
      expect(entry.user_id).toBe(admin.userId);
      const [{ count }] = await dataSource.query(
        'SELECT count(*)::int AS count FROM mfa_recovery_code WHERE user_id = $1',
        [id],
      );
      expect(count).toBe(0);
      const login = await passwordStep(email);
      expect(login.body).toMatchObject({ mfaRequired: true, enrolmentRequired: true });
    });
  });

  it('says plainly that a second factor cannot be set up without SECRETS_KEY', async () => {
    const withoutKey = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    try {
      const agent = await signedInUser(withoutKey, ['teacher']);
      const response = await agent.post('/api/auth/mfa/setup');
      expect(response.status).toBe(503);
      expect(response.body.message).toBe(
        'A second factor cannot be set up: the administrator has not set SECRETS_KEY.',
      );
    } finally {
      await withoutKey.close();
    }
  });
});
