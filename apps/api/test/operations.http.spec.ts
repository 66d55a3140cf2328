import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Metrics } from '../src/metrics/metrics.service';
import { createTestApp } from './test-app';
import { signedInUser } from './sign-in';

const TOKEN = 'metrics-token-for-the-tests-0123';

describe(`${Metrics.name} and the health probes (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await createTestApp({ METRICS_TOKEN: TOKEN });
    server = app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the liveness probe without the database', async () => {
    await expect(
      request(server)
        .get('/api/health/live')
        .expect(200)
        .then((r) => r.body),
    ).resolves.toEqual({
      status: 'ok',
    });
  });

  it('is ready with the database up and every migration applied, and 503 while a migration is pending', async () => {
    const ready = await request(server).get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });

    const dataSource = app.get(DataSource);
    const [last] = await dataSource.query(
      'SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1',
    );
    await dataSource.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      const pending = await request(server).get('/api/health/ready').expect(503);
      expect(pending.body).toMatchObject({
        statusCode: 503,
        status: 'error',
        database: 'up',
        migrations: 'pending',
        details: [],
      });
      expect(pending.body.message).toMatch(/migrations are pending/);
    } finally {
      await dataSource.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        last.id,
        last.timestamp,
        last.name,
      ]);
    }
    await request(server).get('/api/health/ready').expect(200);
  });

  it('keeps the metrics behind the bearer token', async () => {
    const without = await request(server).get('/api/metrics').expect(401);
    expect(without.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await request(server)
      .get('/api/metrics')
      .set('authorization', 'Bearer not-the-token-at-all-0000')
      .expect(401);
    await request(server).get('/api/metrics').set('authorization', `Basic ${TOKEN}`).expect(401);
  });

  it('counts requests by route template and status, and reports the pool and the event loop', async () => {
    await request(server).get('/api/health').expect(200);
    await request(server).get('/api/academies/8f1c7b9e-0000-4000-8000-000000000001').expect(401);
    await request(server).get('/api/nope/abc').expect(404);
    const scraped = await request(server)
      .get('/api/metrics')
      .set('authorization', `Bearer ${TOKEN}`)
      .expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    const text = scraped.text;
    expect(text).toMatch(
      /encounters_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(text).toContain(
      'encounters_http_requests_total{method="GET",route="/api/academies/:id",status="401"} 1',
    );
    expect(text).toContain('route="unmatched",status="404"');
    expect(text).not.toContain('8f1c7b9e');
    expect(text).toMatch(
      /encounters_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"/,
    );
    expect(text).toMatch(/encounters_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('# TYPE encounters_roster_import_duration_seconds histogram');
    expect(text).toContain('# TYPE encounters_report_duration_seconds histogram');
  });

  it('adds up the time spent deciding access, per signed-in request, which can only grow', async () => {
    const totals = async () => {
      const text = (
        await request(server).get('/api/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200)
      ).text;
      const figure = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
      return {
        seconds: figure('encounters_authorisation_seconds_total'),
        checks: figure('encounters_authorisation_checks_total'),
      };
    };
    const admin = await signedInUser(app, ['trust_admin']);
    const before = await totals();
    for (let round = 0; round < 5; round++) await admin.get('/api/academies').expect(200);
    await request(server).get('/api/academies').expect(401);
    await request(server).get('/api/health').expect(200);
    const after = await totals();
    // Five signed-in reads and one refused; the public health check is not an access check.
    expect(after.checks - before.checks).toBe(6);
    expect(after.seconds).toBeGreaterThan(before.seconds);
    // Each check is the guard's own time plus the scope it works out: well under a second.
    expect((after.seconds - before.seconds) / 6).toBeLessThan(1);
  });

  it('is off, with 404, without METRICS_TOKEN', async () => {
    const off = await createTestApp();
    try {
      const response = await request(off.getHttpServer())
        .get('/api/metrics')
        .set('authorization', `Bearer ${TOKEN}`)
        .expect(404);
      expect(response.body.message).toMatch(/METRICS_TOKEN/);
    } finally {
      await off.close();
    }
  });
});
