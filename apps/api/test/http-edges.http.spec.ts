import { INestApplication, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { HttpExceptionFilter } from '../src/common/http-exception.filter';
import { createApp } from '../src/create-app';
import { createTestApp } from './test-app';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  message: expect.any(String),
  details: expect.any(Array),
};

describe(`${createApp.name}: the edges of the API, with the web app served`, () => {
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;
  const webDist = process.env.TEST_WEB_DIST ?? '';

  beforeAll(async () => {
    app = await createTestApp();
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers malformed JSON with 400 in the error shape, and logs it without the body', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const response = await request(server)
      .post('/api/organisations')
      .set('content-type', 'application/json')
      .send('{"name": "Secret Employer Ltd"')
      .expect(400)
      .expect('content-type', /json/);
    expect(response.body).toMatchObject({
      ...ERROR_SHAPE,
      statusCode: 400,
      error: 'Bad Request',
      details: [],
    });
    expect(response.body.message).toMatch(/JSON/);
    expect(warn).toHaveBeenCalledTimes(1);
    const [fields, line] = warn.mock.calls[0] as [Record<string, unknown>, string];
    expect(fields).toMatchObject({
      req: { method: 'POST', url: '/api/organisations', id: response.headers['x-request-id'] },
      statusCode: 400,
    });
    expect(line).toMatch(/^POST \/api\/organisations 400/);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('Secret Employer');
  });

  it('refuses JSON with a __proto__ or constructor.prototype key with 400, before any route', async () => {
    for (const body of [
      '{"name":"Acme","__proto__":{"isAdmin":true}}',
      '{"name":"Acme","constructor":{"prototype":{"isAdmin":true}}}',
    ]) {
      const response = await request(server)
        .post('/api/organisations')
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body).toMatchObject({ ...ERROR_SHAPE, message: expect.stringMatching(/__proto__/) });
    }
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
  });

  it('answers a 2 MB body with 413 in the error shape, and logs it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const response = await request(server)
      .post('/api/organisations')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413)
      .expect('content-type', /json/);
    expect(response.body).toMatchObject({ ...ERROR_SHAPE, statusCode: 413, error: 'Payload Too Large' });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ statusCode: 413 }),
      expect.stringMatching(/^POST \/api\/organisations 413/),
    );
  });

  it('answers a body of a type the API does not read with 415, and logs it', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    for (const type of ['text/plain', 'application/xml']) {
      const response = await request(server)
        .post('/api/organisations')
        .set('content-type', type)
        .send('name=Acme')
        .expect(415)
        .expect('content-type', /json/);
      expect(response.body).toMatchObject({
        ...ERROR_SHAPE,
        statusCode: 415,
        error: 'Unsupported Media Type',
      });
    }
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('refuses JSON nested deeper than 32 levels with 400 before parsing it, on any route, before sign-in', async () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    const deep = `{"email":"a@b.example","password":${nested(200_000)}}`;
    const started = process.hrtime.bigint();
    const refused = await request(server)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(refused.body).toMatchObject({ ...ERROR_SHAPE, message: expect.stringMatching(/deeper than 32/) });
    await request(server)
      .post('/api/auth/token')
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    // One pass over the bytes: far below the ~0.3 s JSON.parse spent on such a body (generous for a busy machine).
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(2);
    // A bracket inside a string is not nesting; 32 levels are still read (and then validated as usual).
    const stringy = JSON.stringify({ email: '['.repeat(100), password: 'x' });
    await request(server)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(stringy)
      .expect(400);
    const thirtyTwo = `{"email":"a@b.example","password":${nested(31)}}`;
    const read = await request(server)
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send(thirtyTwo)
      .expect(400);
    expect(read.body.message).not.toMatch(/deeper/);
  });

  it('takes sign-in as JSON only: a form-encoded sign-in (login CSRF from another site) answers 415', async () => {
    for (const path of ['/api/auth/login', '/api/auth/token']) {
      const response = await request(server)
        .post(path)
        .type('form')
        .send({ email: 'attacker@evil.example', password: 'the attackers password' })
        .expect(415);
      expect(response.body).toMatchObject({ ...ERROR_SHAPE, statusCode: 415 });
    }
  });

  it('answers an unknown /api path with a JSON 404 whatever the method and Accept', async () => {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const response = await request(server)[method]('/api/nope').set('accept', 'text/html').expect(404);
      expect(response.headers['content-type']).toMatch(/json/);
      expect(response.body).toMatchObject({
        ...ERROR_SHAPE,
        statusCode: 404,
        error: 'Not Found',
        details: [],
      });
    }
  });

  it('answers a path it cannot read (a bad percent escape, an overlong id) in the error shape', async () => {
    const cases: [string, number][] = [
      ['/api/learners/%E0%A4%A', 400],
      ['/api/learners/%ZZ', 400],
      ['/%ZZ', 400],
      [`/api/learners/${'a'.repeat(200)}`, 404],
    ];
    for (const [path, status] of cases) {
      const response = await request(server).get(path).set('accept', 'text/html').expect(status);
      expect(response.headers['content-type']).toMatch(/json/);
      expect(response.body).toMatchObject({ ...ERROR_SHAPE, statusCode: status, details: [] });
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe(path.startsWith('/api/') ? 'no-store' : undefined);
    }
  });

  it('does not answer a monitoring probe at a wrong path with the web app', async () => {
    for (const path of ['/metrics', '/healthz', '/api']) {
      const response = await request(server).get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/json/);
      expect(response.body.statusCode).toBe(404);
    }
  });

  it("serves the single-page app's index.html only for a GET that accepts text/html, outside /api/", async () => {
    const index = readFileSync(join(webDist, 'index.html'), 'utf8');
    for (const path of ['/', '/dashboard', '/learners/123', '/set-up']) {
      const page = await request(server)
        .get(path)
        .set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
        .expect(200)
        .expect('content-type', /text\/html/);
      expect(page.text).toBe(index);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    await request(server)
      .post('/dashboard')
      .set('accept', 'text/html')
      .expect(404)
      .expect('content-type', /json/);
    await request(server).get('/dashboard').set('accept', 'application/json').expect(404);
  });

  it("serves the web app's own files", async () => {
    const index = readFileSync(join(webDist, 'index.html'), 'utf8');
    const script = /src="([^"]+\.js)"/.exec(index)?.[1] ?? 'assets/app.js';
    const response = await request(server).get(`/${script}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.text.length).toBeGreaterThan(0);
  });

  it('keeps a well-formed X-Request-Id and replaces any other', async () => {
    const kept = await request(server).get('/api/health').set('x-request-id', 'abc-123').expect(200);
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await request(server).get('/api/nope').set('x-request-id', 'bad id\twith spaces');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await request(server).get('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe(`${HttpExceptionFilter.name}: 429 answers`, () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp({ SIGN_IN_MAX_FAILURES: '2' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('say when to try again, in Retry-After', async () => {
    const email = `nobody.${Date.now()}@retry.example`;
    const server = app.getHttpServer();
    await request(server).post('/api/auth/login').send({ email, password: 'wrong password 1' }).expect(401);
    await request(server).post('/api/auth/login').send({ email, password: 'wrong password 2' }).expect(401);
    const refused = await request(server)
      .post('/api/auth/login')
      .send({ email, password: 'wrong password 3' })
      .expect(429);
    // The account's first wait after its free failures (it then doubles).
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  });
});
