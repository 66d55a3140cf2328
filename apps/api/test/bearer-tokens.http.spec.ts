import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { BearerTokensController } from '../src/auth/bearer-tokens.controller';
import { createUser, TEST_PASSWORD } from './sign-in';
import { startTrustApp } from './test-app';

/** Issue 19: a stolen bearer token lived 30 days, with no idle limit and no way to revoke it alone. */
describe(`${BearerTokensController.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ app, dataSource } = await startTrustApp({
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      BEARER_TOKEN_IDLE_DAYS: '7',
    }));
  });

  afterAll(async () => {
    await app.close();
  });

  const tokenFor = async (email: string): Promise<string> =>
    (
      await request(app.getHttpServer())
        .post('/api/auth/token')
        .send({ email, password: TEST_PASSWORD })
        .expect(200)
    ).body.token;
  const as = (token: string) => ({
    get: (path: string) => request(app.getHttpServer()).get(path).set('authorization', `Bearer ${token}`),
    delete: (path: string) =>
      request(app.getHttpServer()).delete(path).set('authorization', `Bearer ${token}`),
  });

  it("lists the owner's tokens without the tokens, and revokes one alone; nobody else's", async () => {
    const { email } = await createUser(app, ['careers_lead']);
    const laptop = await tokenFor(email);
    const script = await tokenFor(email);
    const listed = await as(laptop).get('/api/auth/tokens').expect(200);
    expect(listed.body).toHaveLength(2);
    expect(listed.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ current: true, id: expect.stringMatching(/^[0-9a-f-]{36}$/) }),
        expect.objectContaining({ current: false }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain(script);
    const scriptId = listed.body.find((token: { current: boolean }) => !token.current).id;

    const { email: otherEmail } = await createUser(app, ['careers_lead']);
    const stranger = await tokenFor(otherEmail);
    await as(stranger).delete(`/api/auth/tokens/${scriptId}`).expect(404);
    await as(script).get('/api/auth/me').expect(200);

    await as(laptop).delete(`/api/auth/tokens/${scriptId}`).expect(204);
    await as(script).get('/api/auth/me').expect(401);
    await as(laptop).get('/api/auth/me').expect(200);
    expect((await as(laptop).get('/api/auth/tokens').expect(200)).body).toHaveLength(1);
  });

  it('ends a token left unused longer than BEARER_TOKEN_IDLE_DAYS, however long it had to live', async () => {
    const { email, id } = await createUser(app, ['teacher']);
    const token = await tokenFor(email);
    await as(token).get('/api/auth/me').expect(200);
    await dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '6 days' WHERE user_id = $1`,
      [id],
    );
    await new Promise((resolve) => setTimeout(resolve, 5100)); // past the session cache (5 s)
    await as(token).get('/api/auth/me').expect(200);
    await dataSource.query(
      `UPDATE user_session SET last_seen_at = now() - interval '7 days 1 minute' WHERE user_id = $1`,
      [id],
    );
    await new Promise((resolve) => setTimeout(resolve, 5100));
    await as(token).get('/api/auth/me').expect(401);
  });
});
