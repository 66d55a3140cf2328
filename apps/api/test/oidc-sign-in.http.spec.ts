import { INestApplication } from '@nestjs/common';
import { generateKeyPairSync } from 'node:crypto';
import type { CustomFetch } from 'openid-client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OidcSignInService } from '../src/auth/oidc/oidc-sign-in.service';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a tool of the repository, not a library of the workspace
import {
  closedPort,
  Fetch,
  RunningOidcProvider,
  signInAtProvider,
  startOidcProvider,
} from '../../../tools/oidc-test-provider/launch';
import { createUser, SignedInAgent, signedInUser, TEST_PASSWORD } from './sign-in';
import { startTrustApp } from './test-app';

const PUBLIC_URL = 'http://encounters.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;
const CLIENT = { clientId: 'encounters-tests', clientSecret: 'a client secret for the tests' };

describe(`${OidcSignInService.name} against a real OpenID provider (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let provider: RunningOidcProvider;
  let admin: SignedInAgent;
  const server = () => app.getHttpServer();

  beforeAll(async () => {
    provider = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT_URI, tenant: 'tenant-kilnside' });
    ({ app, dataSource } = await startTrustApp({
      SECRETS_KEY: Buffer.alloc(32, 9).toString('hex'),
      PUBLIC_URL,
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    }));
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
    await provider.stop();
  });

  async function addProvider(body: Record<string, unknown>): Promise<string> {
    const response = await admin
      .post('/api/auth/providers')
      .send({ label: 'School accounts', kind: 'oidc', issuer: provider.issuer, ...CLIENT, ...body })
      .expect(201);
    return response.body.id;
  }

  /** Starts at Encounters, signs in at the provider, and comes back: Encounters' final answer. */
  async function signInThrough(
    providerId: string,
    account: { email: string; verified?: boolean; tenant?: string; issuerTenant?: string },
    via?: Fetch,
  ) {
    const started = await request(server()).get(`/api/auth/oidc/${providerId}/start`).expect(302);
    const stateCookie = ([] as string[])
      .concat(started.headers['set-cookie'] ?? [])
      .find((cookie) => cookie.startsWith('encounters_oidc_state='));
    expect(stateCookie).toMatch(/HttpOnly/);
    expect(stateCookie).toMatch(/SameSite=Lax/);
    const back = await signInAtProvider(started.headers.location, account, REDIRECT_URI, via);
    const callback = (url: URL, cookie = stateCookie!.split(';')[0]) =>
      request(server()).get(`${url.pathname}${url.search}`).set('cookie', cookie).expect(302);
    return { back, callback, answer: await callback(back) };
  }

  const refusal = (response: request.Response) => response.headers.location;

  describe('the providers', () => {
    it('keeps the client secret encrypted and never returns it; the sign-in page gets labels only', async () => {
      const id = await addProvider({
        label: 'Kilnside Google',
        kind: 'google',
        domains: ['kilnside.example'],
      });
      const listed = await admin.get('/api/auth/providers').expect(200);
      const item = listed.body.find((entry: { id: string }) => entry.id === id);
      expect(item).toEqual({
        id,
        label: 'Kilnside Google',
        kind: 'google',
        issuer: provider.issuer,
        multiTenant: false,
        tenantIds: [],
        domains: ['kilnside.example'],
        clientId: CLIENT.clientId,
        enabled: true,
        redirectUri: REDIRECT_URI,
      });
      expect(JSON.stringify(listed.body)).not.toContain(CLIENT.clientSecret);
      const [row] = await dataSource.query('SELECT client_secret FROM auth_provider WHERE id = $1', [id]);
      expect(row.client_secret).toMatch(/^v1\./);
      expect(row.client_secret).not.toContain(CLIENT.clientSecret);
      const publicList = await request(server()).get('/api/auth/providers/public').expect(200);
      expect(publicList.body).toContainEqual({ id, label: 'Kilnside Google', kind: 'google' });
      await admin.patch(`/api/auth/providers/${id}`).send({ enabled: false }).expect(200);
      const afterDisable = await request(server()).get('/api/auth/providers/public').expect(200);
      expect(afterDisable.body.map((entry: { id: string }) => entry.id)).not.toContain(id);
      await admin.delete(`/api/auth/providers/${id}`).expect(204);
    });

    it('lets only the trust administrator manage them, and validates', async () => {
      const lead = await signedInUser(app, ['careers_lead']);
      await lead.get('/api/auth/providers').expect(403);
      const invalid = await admin.post('/api/auth/providers').send({ label: 'x', kind: 'saml' });
      expect(invalid.status).toBe(400);
      const noTenant = await admin
        .post('/api/auth/providers')
        .send({ label: 'Microsoft', kind: 'microsoft', ...CLIENT });
      expect(noTenant.status).toBe(400);
      expect(noTenant.body.message).toBe('A Microsoft provider needs its tenant id.');
      const derived = await admin
        .post('/api/auth/providers')
        .send({
          label: 'Microsoft',
          kind: 'microsoft',
          tenantIds: ['0d1c2b3a-4e5f-6071-8293-a4b5c6d7e8f9'],
          ...CLIENT,
        })
        .expect(201);
      expect(derived.body.issuer).toBe(
        'https://login.microsoftonline.com/0d1c2b3a-4e5f-6071-8293-a4b5c6d7e8f9/v2.0',
      );
      await admin.delete(`/api/auth/providers/${derived.body.id}`).expect(204);
    });
  });

  describe('signing in', () => {
    let providerId: string;

    beforeAll(async () => {
      providerId = await addProvider({});
    });

    it('signs in an existing user, with the roles Encounters holds, and signs them out', async () => {
      const { email, id } = await createUser(app, ['careers_lead'], { email: 'Jo.Bloggs@kilnside.example' });
      const { answer } = await signInThrough(providerId, { email: 'jo.bloggs@kilnside.example' });
      expect(answer.headers.location).toBe('/');
      const session = ([] as string[])
        .concat(answer.headers['set-cookie'])
        .find((cookie) => cookie.startsWith('encounters_session='))!;
      expect(session).toMatch(/HttpOnly/);
      const me = await request(server()).get('/api/auth/me').set('cookie', session.split(';')[0]).expect(200);
      expect(me.body).toMatchObject({ id, email, roles: ['careers_lead'] });
      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE user_id = $1 AND action = 'auth.sign_in'`,
        [id],
      );
      expect(entry.details).toMatchObject({ method: 'oidc', provider: 'School accounts' });
    });

    it('refuses an email no user holds, creating no account, audited', async () => {
      const { answer } = await signInThrough(providerId, { email: 'stranger@kilnside.example' });
      expect(refusal(answer)).toBe('/sign-in?error=unknown_account');
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM app_user WHERE email = 'stranger@kilnside.example'`,
      );
      expect(count).toBe(0);
      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE action = 'auth.sso_refused' ORDER BY at DESC LIMIT 1`,
      );
      expect(entry.details).toMatchObject({ reason: 'unknown_account' });
    });

    it('refuses an email the provider has not verified', async () => {
      await createUser(app, ['teacher'], { email: 'unverified@kilnside.example' });
      const { answer } = await signInThrough(providerId, {
        email: 'unverified@kilnside.example',
        verified: false,
      });
      expect(refusal(answer)).toBe('/sign-in?error=unverified_email');
    });

    it('refuses an account of another Microsoft tenant or another Google Workspace domain', async () => {
      await createUser(app, ['teacher'], { email: 'teacher@kilnside.example' });
      const microsoft = await addProvider({ kind: 'microsoft', tenantIds: ['tenant-elsewhere'] });
      const wrongTenant = await signInThrough(microsoft, { email: 'teacher@kilnside.example' });
      expect(refusal(wrongTenant.answer)).toBe('/sign-in?error=wrong_tenant');
      const rightTenant = await addProvider({ kind: 'microsoft', tenantIds: ['tenant-kilnside'] });
      expect(refusal((await signInThrough(rightTenant, { email: 'teacher@kilnside.example' })).answer)).toBe(
        '/',
      );

      const google = await addProvider({ kind: 'google', domains: ['another-school.example'] });
      const wrongDomain = await signInThrough(google, { email: 'teacher@kilnside.example' });
      expect(refusal(wrongDomain.answer)).toBe('/sign-in?error=wrong_tenant');
    });

    it('refuses a tampered state, and a state without the browser that started it', async () => {
      await createUser(app, ['teacher'], { email: 'state@kilnside.example' });
      const started = await request(server()).get(`/api/auth/oidc/${providerId}/start`).expect(302);
      const cookie = ([] as string[]).concat(started.headers['set-cookie'])[0].split(';')[0];
      const back = await signInAtProvider(
        started.headers.location,
        { email: 'state@kilnside.example' },
        REDIRECT_URI,
      );
      const tampered = new URL(back);
      tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);
      const withTampered = await request(server())
        .get(`${tampered.pathname}${tampered.search}`)
        .set('cookie', cookie)
        .expect(302);
      expect(refusal(withTampered)).toBe('/sign-in?error=state');
      const withoutCookie = await request(server()).get(`${back.pathname}${back.search}`).expect(302);
      expect(refusal(withoutCookie)).toBe('/sign-in?error=state');
    });

    it('refuses a replayed code, at Encounters and at the provider', async () => {
      await createUser(app, ['teacher'], { email: 'replay@kilnside.example' });
      const first = await signInThrough(providerId, { email: 'replay@kilnside.example' });
      expect(refusal(first.answer)).toBe('/');
      expect(refusal(await first.callback(first.back))).toBe('/sign-in?error=state');
      // The same code with a fresh state of this browser: the provider refuses the code it already redeemed.
      const again = await request(server()).get(`/api/auth/oidc/${providerId}/start`).expect(302);
      const cookie = ([] as string[]).concat(again.headers['set-cookie'])[0].split(';')[0];
      const replay = new URL(first.back);
      replay.searchParams.set('state', new URL(again.headers.location).searchParams.get('state')!);
      expect(refusal(await first.callback(replay, cookie))).toBe('/sign-in?error=failed');
    });

    it('refuses an ID token that has expired', async () => {
      await createUser(app, ['teacher'], { email: 'late@kilnside.example' });
      await provider.setClockOffset(-2 * 3600);
      try {
        const { answer } = await signInThrough(providerId, { email: 'late@kilnside.example' });
        expect(refusal(answer)).toBe('/sign-in?error=expired');
      } finally {
        await provider.setClockOffset(0);
      }
    });

    it('says so clearly when the provider does not answer', async () => {
      const down = await addProvider({ issuer: `http://127.0.0.1:${await closedPort()}` });
      const started = await request(server()).get(`/api/auth/oidc/${down}/start`).expect(302);
      expect(started.headers.location).toBe('/sign-in?error=provider_unavailable');
    });

    it('refuses password sign-in to a user restricted to school accounts', async () => {
      const { id, email } = await createUser(app, ['teacher']);
      const updated = await admin.patch(`/api/users/${id}`).send({ ssoOnly: true }).expect(200);
      expect(updated.body).toMatchObject({ ssoOnly: true, mfaEnrolled: false });
      await request(server()).post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(401);
    });
  });
  describe('a multi-tenant Microsoft app', () => {
    const MICROSOFT = 'https://login.microsoftonline.com';
    const KILNSIDE = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
    const MOORLAND = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
    const ELSEWHERE = '11111111-2222-4333-8444-555555555555';
    // A second real provider, answering for Microsoft's address through a local proxy (openid-client's
    // customFetch): the API signs in through https://login.microsoftonline.com/organizations/v2.0 exactly
    // as in production, and nothing leaves this machine.
    let entra: RunningOidcProvider;
    let providerId: string;

    beforeAll(async () => {
      entra = await startOidcProvider({ ...CLIENT, redirectUri: REDIRECT_URI, multiTenantAt: MICROSOFT });
      app.get(OidcSignInService).routeProviderRequests(entra.fetch as CustomFetch);
      const created = await admin
        .post('/api/auth/providers')
        .send({
          label: 'Trust Microsoft 365',
          kind: 'microsoft',
          multiTenant: true,
          tenantIds: [KILNSIDE, MOORLAND.toUpperCase()],
          ...CLIENT,
        })
        .expect(201);
      expect(created.body).toMatchObject({
        kind: 'microsoft',
        multiTenant: true,
        issuer: `${MICROSOFT}/organizations/v2.0`,
        tenantIds: [KILNSIDE, MOORLAND],
        redirectUri: REDIRECT_URI,
      });
      providerId = created.body.id;
    });

    afterAll(async () => {
      app.get(OidcSignInService).routeProviderRequests(undefined);
      await entra.stop();
    });

    const lastRefusal = async () => {
      const [entry] = await dataSource.query(
        `SELECT entity_id, details FROM audit_entry WHERE action = 'auth.sso_refused' ORDER BY at DESC LIMIT 1`,
      );
      return entry;
    };

    it("discovers the issuer template at Microsoft's organizations endpoint", async () => {
      const discovery = await entra.fetch(`${MICROSOFT}/organizations/v2.0/.well-known/openid-configuration`);
      const metadata = (await discovery.json()) as { issuer: string; token_endpoint: string };
      expect(metadata.issuer).toBe(`${MICROSOFT}/{tenantid}/v2.0`);
      expect(metadata.token_endpoint.startsWith(`${MICROSOFT}/`)).toBe(true);
    });

    it('lets in an account of each listed tenant', async () => {
      const lead = await createUser(app, ['careers_lead'], { email: 'lead@kilnside.example' });
      const kilnside = await signInThrough(
        providerId,
        { email: 'lead@kilnside.example', tenant: KILNSIDE },
        entra.fetch,
      );
      expect(refusal(kilnside.answer)).toBe('/');
      const [entry] = await dataSource.query(
        `SELECT details FROM audit_entry WHERE user_id = $1 AND action = 'auth.sign_in'`,
        [lead.id],
      );
      expect(entry.details).toMatchObject({ method: 'oidc', provider: 'Trust Microsoft 365' });

      await createUser(app, ['teacher'], { email: 'teacher@moorland.example' });
      const moorland = await signInThrough(
        providerId,
        { email: 'teacher@moorland.example', tenant: MOORLAND },
        entra.fetch,
      );
      expect(refusal(moorland.answer)).toBe('/');
    });

    it('refuses an account of a tenant that is not listed, audited', async () => {
      await createUser(app, ['teacher'], { email: 'teacher@elsewhere.example' });
      const { answer } = await signInThrough(
        providerId,
        { email: 'teacher@elsewhere.example', tenant: ELSEWHERE },
        entra.fetch,
      );
      expect(refusal(answer)).toBe('/sign-in?error=wrong_tenant');
      const entry = await lastRefusal();
      expect(entry.entity_id).toBe(providerId);
      expect(entry.details.reason).toBe('wrong_tenant');
      expect(entry.details.detail).toContain(ELSEWHERE);
    });

    it('refuses an ID token whose issuer is not the issuer of its tenant, audited', async () => {
      await createUser(app, ['teacher'], { email: 'forged@kilnside.example' });
      // Both tenants are listed: the token says it is Kilnside's account, but Moorland issued it.
      const { answer } = await signInThrough(
        providerId,
        { email: 'forged@kilnside.example', tenant: KILNSIDE, issuerTenant: MOORLAND },
        entra.fetch,
      );
      expect(refusal(answer)).toBe('/sign-in?error=failed');
      const entry = await lastRefusal();
      expect(entry.entity_id).toBe(providerId);
      expect(entry.details.reason).toBe('failed');
      expect(entry.details.detail).toContain('"iss"');
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM audit_entry a JOIN app_user u ON u.id = a.user_id
          WHERE u.email = 'forged@kilnside.example' AND a.action = 'auth.sign_in'`,
      );
      expect(count).toBe(0);
    });

    it("refuses an ID token whose signature does not verify against the provider's JWKS", async () => {
      await createUser(app, ['teacher'], { email: 'signed@kilnside.example' });
      const discovery = await entra.fetch(`${MICROSOFT}/organizations/v2.0/.well-known/openid-configuration`);
      const { jwks_uri: jwksUri } = (await discovery.json()) as { jwks_uri: string };
      // The key set as someone in the middle would publish it: another key under the provider's key id.
      const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const otherKeys = {
        keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }],
      };
      const service = app.get(OidcSignInService);
      service.routeProviderRequests(((url: string, init: RequestInit) =>
        url === jwksUri ? Promise.resolve(Response.json(otherKeys)) : entra.fetch(url, init)) as CustomFetch);
      try {
        const { answer } = await signInThrough(
          providerId,
          { email: 'signed@kilnside.example', tenant: KILNSIDE },
          entra.fetch,
        );
        expect(refusal(answer)).toBe('/sign-in?error=failed');
        expect((await lastRefusal()).details.detail).toMatch(/signature/i);
      } finally {
        service.routeProviderRequests(entra.fetch as CustomFetch);
      }
    });

    it('validates the allowed tenants: GUIDs, at least one, Microsoft only', async () => {
      const invalid = async (body: Record<string, unknown>, message: string) => {
        const response = await admin
          .post('/api/auth/providers')
          .send({ label: 'Microsoft', kind: 'microsoft', multiTenant: true, ...CLIENT, ...body })
          .expect(400);
        expect(JSON.stringify(response.body)).toContain(message);
      };
      await invalid({ tenantIds: ['tenant-kilnside'] }, 'tenant GUID');
      await invalid({ tenantIds: [] }, 'at least one allowed tenant id');
      await invalid({}, 'at least one allowed tenant id');
      await invalid({ kind: 'google', domains: ['kilnside.example'], tenantIds: [KILNSIDE] }, 'multi-tenant');
      await invalid({ tenantIds: [KILNSIDE], issuer: 'https://login.example.org' }, 'organizations');
      // A PATCH is checked as the provider it leaves: multi-tenant with no GUID is refused.
      await admin
        .patch(`/api/auth/providers/${providerId}`)
        .send({ tenantIds: ['tenant-kilnside'] })
        .expect(400);
      const single = await admin
        .patch(`/api/auth/providers/${providerId}`)
        .send({ multiTenant: false, tenantIds: [KILNSIDE] })
        .expect(200);
      expect(single.body).toMatchObject({
        multiTenant: false,
        issuer: `${MICROSOFT}/${KILNSIDE}/v2.0`,
        tenantIds: [KILNSIDE],
      });
      const multi = await admin
        .patch(`/api/auth/providers/${providerId}`)
        .send({ multiTenant: true, tenantIds: [KILNSIDE, MOORLAND] })
        .expect(200);
      expect(multi.body).toMatchObject({ multiTenant: true, issuer: `${MICROSOFT}/organizations/v2.0` });
    });
  });
});
