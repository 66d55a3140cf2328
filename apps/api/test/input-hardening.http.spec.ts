import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { StrictValidationPipe } from '../src/common/validation';
import { createEncounterFixtures, type EncounterFixtures } from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase, servedRoutes } from './test-app';

/** Bad input from the attack of issue 19: every one answered 400 (never 500), writing nothing. */
describe(`${StrictValidationPipe.name} against hostile input (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;

  const organisations = async () =>
    Number((await dataSource.query(`SELECT count(*) FROM organisation`))[0].count);

  beforeAll(async () => {
    // With a key for sealed secrets, so the second-factor routes are swept too rather than answering 503.
    app = await createTestApp({ SECRETS_KEY: Buffer.alloc(32, 5).toString('base64') });
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    fx = await createEncounterFixtures(app, { urnA: '960001', urnB: '960002' });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['a NUL byte in a name', { name: 'Spode\u0000Ceramics', type: 'employer' }, 'name'],
    [
      'a NUL byte in a nested field',
      { name: 'Spode', type: 'employer', contact: { name: 'P\u0000' } },
      'contact.name',
    ],
    ['a NUL byte in an array item', { name: 'Spode', type: 'employer', sectors: ['\u0000'] }, 'sectors.0'],
    ['a NUL byte in notes', { name: 'Spode', type: 'employer', notes: 'one\u0000two' }, 'notes'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_name, body, field) => {
    const before = await organisations();
    const response = await lead.post('/api/organisations').send(body).expect(400);
    expect(response.body.details).toContainEqual({ field, reason: 'must not contain a NUL character' });
    expect(await organisations()).toBe(before);
  });

  it('refuses a lone surrogate in a JSON body with 400, and accepts a real astral character', async () => {
    const before = await organisations();
    const response = await lead
      .post('/api/organisations')
      .set('Content-Type', 'application/json')
      .send('{"name":"Stoke \\ud800 Potters","type":"employer"}')
      .expect(400);
    expect(response.body.details[0]).toMatchObject({
      field: 'name',
      reason: expect.stringMatching(/surrogate/),
    });
    expect(await organisations()).toBe(before);
    await lead
      .post('/api/organisations')
      .set('Content-Type', 'application/json')
      .send('{"name":"Stoke \\ud83c\\udffa Potters","type":"employer"}')
      .expect(201);
  });

  it('refuses a NUL byte or a lone surrogate in a field name with 400', async () => {
    const response = await lead
      .post('/api/organisations')
      .set('Content-Type', 'application/json')
      .send('{"name":"Spode","type":"employer","no\\u0000te":"x"}')
      .expect(400);
    expect(response.body.message).toMatch(/NUL/);
  });

  it.each([
    ['/api/organisations?q=%00', 'q'],
    ['/api/learners?q=Smith%00', 'q'],
    [`/api/encounters?organisationId=%00`, 'organisationId'],
  ])('refuses a NUL byte in a query string (%s) with 400', async (path, field) => {
    const response = await lead.get(path).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });

  it('never answers 500 to an undecodable escape in a query string', async () => {
    const response = await lead.get('/api/organisations?q=%ED%A0%80');
    expect(response.status).toBeLessThan(500);
  });

  it.each([
    '/api/organisations?page=1e308',
    '/api/organisations?page=9007199254740993',
    '/api/organisations?page=2000000',
    '/api/organisations?pageSize=1e308',
    '/api/encounters?page=1e308',
    '/api/learners?page=1e308',
    '/api/guidance-meetings?page=1e308',
    '/api/audit?page=1e308',
    '/api/organisations?page=Infinity',
    '/api/organisations?page=-1e308',
  ])('refuses an unbounded number with 400: %s', async (path) => {
    const admin = path.startsWith('/api/audit') ? await signedInUser(app, ['trust_admin']) : lead;
    const response = await admin.get(path).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^page(Size)?$/)]),
    );
  });

  it.each([
    ['a time', '2025-12-31T10:00:00'],
    ['a time zone', '2025-12-31T10:00:00Z'],
    ['a week date', '2025-W52-3'],
    ['an ordinal date', '2025-365'],
    ['an impossible day', '2025-02-30'],
  ])('refuses an asAt with %s with 400', async (_name, asAt) => {
    const response = await lead
      .get(`/api/coverage?scope=academy&id=${fx.academyA}&asAt=${encodeURIComponent(asAt)}`)
      .expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('asAt');
    const report = await lead
      .get(
        `/api/reports/compliance?format=csv&academicYear=${fx.academicYear}&academyId=${fx.academyA}` +
          `&asAt=${encodeURIComponent(asAt)}`,
      )
      .expect(400);
    expect(report.body.details.map((detail: { field: string }) => detail.field)).toEqual(['asAt']);
  });

  it('refuses an asAt with a time in a body too', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const response = await admin
      .post('/api/reports/snapshots')
      .send({ asAt: '2025-12-31T10:00:00', academyId: fx.academyA })
      .expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain('asAt');
  });

  it('still accepts an asAt that is a date', async () => {
    await lead.get(`/api/coverage?scope=academy&id=${fx.academyA}&asAt=${fx.date}`).expect(200);
  });

  it('marks every signed-in answer, success or error, Cache-Control: no-store', async () => {
    const learner = await lead.get(`/api/learners/${fx.learnersA[0].id}`).expect(200);
    expect(learner.headers['cache-control']).toBe('no-store');
    const list = await lead.get('/api/organisations').expect(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const missing = await lead.get('/api/learners/00000000-0000-4000-8000-000000000009').expect(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    const report = await lead
      .get(`/api/reports/compliance?format=csv&academicYear=${fx.academicYear}&academyId=${fx.academyA}`)
      .expect(200);
    expect(report.headers['cache-control']).toBe('no-store');
    const health = await request(app.getHttpServer()).get('/api/health');
    expect(health.headers['cache-control']).toBe('no-store');
    // Refused before any handler runs, by the guard: the same.
    const refused = await request(app.getHttpServer()).get('/api/organisations').expect(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('never answers 500 on any route to bad path parameters, queries or bodies', async () => {
    const admin = await signedInUser(app, ['trust_admin']);
    const routes = servedRoutes(app)
      // Signing out or changing the password would end the session the sweep needs.
      .filter((route) => !['/api/auth/logout', '/api/auth/password'].includes(route.path));
    const badParameters = ['%00', '%ED%A0%80', '1e308', '2025-12-31T10%3A00%3A00', '-1', "'%3B--"];
    const badQuery =
      '?page=1e308&pageSize=1e308&q=%00&asAt=2025-12-31T10:00&academicYear=1e308&from=%00&yearGroup=1e308';
    const badBodies: unknown[] = [
      { name: '\u0000', title: '\u0000', email: '\u0000@x.example', learnerId: '\u0000' },
      { name: '\ud800', academicYear: 1e308, page: 1e308, date: '2025-12-31T10:00:00' },
      [{ learnerId: '\u0000', status: 'attended' }],
    ];
    const failures: string[] = [];
    for (const route of routes) {
      for (const bad of badParameters) {
        const path = route.path.replace(/:[A-Za-z]+/g, bad);
        const call = (body?: unknown) => {
          const test = admin[route.method as 'get'](path + badQuery);
          return body === undefined ? test : test.send(body as object);
        };
        const answers = route.method === 'get' ? [await call()] : await Promise.all(badBodies.map(call));
        for (const answer of answers) {
          if (answer.status >= 500) failures.push(`${route.method.toUpperCase()} ${path}: ${answer.status}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    // Hundreds of requests: about 10 s on a quiet machine, several times that on a busy 2-core one.
  }, 180_000);
});
