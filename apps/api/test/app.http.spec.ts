import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadSeedBundle, seedDependencies } from '../src/database/seed-loader';
import {
  DEMO_TRUST,
  demoRosterCsv,
  generateTrust,
  planDemoDestinations,
  planDemoEncounters,
  PRESETS,
} from '@encounters/demo-data';
import { academicYearOf, confirmedOn, destinationConfirmBy, todayIsoDate } from '@encounters/domain';
import { createTestApp, resetDatabase } from './test-app';

describe('The API skeleton (HTTP, PostgreSQL)', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers the health check with the database up', async () => {
    const response = await request(app.getHttpServer()).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers 503 with the database down when the database does not answer', async () => {
    const dataSource = app.get(DataSource);
    const original = dataSource.query.bind(dataSource);
    jest.spyOn(dataSource, 'query').mockRejectedValueOnce(new Error('connection refused'));
    const response = await request(app.getHttpServer()).get('/api/health').expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, status: 'error', database: 'down' });
    expect(await original('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });

  it('answers an unknown path with the error shape of the contract', async () => {
    const response = await request(app.getHttpServer()).get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    expect(typeof response.body.message).toBe('string');
    expect(response.body.details).toEqual([]);
  });

  it('refuses a body that is not JSON with 400 and no stack trace', async () => {
    const response = await request(app.getHttpServer())
      .post('/api/academies')
      .set('content-type', 'application/json')
      .send('{"name":')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request', details: [] });
    expect(response.body.message).toMatch(/JSON/);
    expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules/);
  });

  it('refuses a body over the limit with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) });
    const response = await request(app.getHttpServer())
      .post('/api/academies')
      .set('content-type', 'application/json')
      .send(big)
      .expect(413);
    expect(response.body.statusCode).toBe(413);
  });

  it('sends the security headers and no x-powered-by', async () => {
    const response = await request(app.getHttpServer()).get('/api/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the OpenAPI document', async () => {
    const response = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(response.body.paths).toHaveProperty('/api/health');
  });

  it('seeds the demo trust once, however often it is asked to seed only when empty', async () => {
    const { seedDemoTrust } = await loadSeedBundle();
    const deps = seedDependencies((type) => app.get(type));
    await expect(seedDemoTrust(deps, { onlyIfEmpty: true })).resolves.toBe(true);
    await expect(seedDemoTrust(deps, { onlyIfEmpty: true })).resolves.toBe(false);
    const dataSource = app.get(DataSource);
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM academy');
    expect(count).toBe(5);
  });

  it('writes exactly the demo preset of tools/demo-data: its rosters and its plan of encounters', async () => {
    const dataSource = app.get(DataSource);
    const today = todayIsoDate();
    const academicYear = academicYearOf(today);
    const rosterRows = DEMO_TRUST.academies
      .map((academy) => demoRosterCsv(academy, academicYear))
      .reduce((sum, csv) => sum + (csv ? csv.trim().split('\r\n').length - 1 : 0), 0);
    const enrolments = await dataSource.query(
      `SELECT en.academy_id AS "academyId", a.urn AS "academyUrn", en.learner_id AS "learnerId", l.upn,
              en.year_group AS "yearGroup", g.name AS "groupName"
       FROM enrolment en JOIN academy a ON a.id = en.academy_id JOIN learner l ON l.id = en.learner_id
       LEFT JOIN learning_group g ON g.id = en.registration_group_id
       WHERE en.academic_year = $1`,
      [academicYear],
    );
    expect(enrolments).toHaveLength(rosterRows);
    const plan = planDemoEncounters(enrolments, today);
    const [written] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM encounter) AS encounters,
              (SELECT count(*)::int FROM attendance) AS attendances,
              (SELECT count(*)::int FROM guidance_meeting) AS meetings,
              (SELECT count(*)::int FROM learner_part_time_job) AS "partTimeJobs",
              (SELECT count(*)::int FROM attendance WHERE hours IS NOT NULL) AS "ownHours",
              (SELECT array_agg(urn ORDER BY urn) FROM academy WHERE evaluation_type = 'post16') AS "post16"`,
    );
    expect(written).toEqual({
      encounters: plan.encounters.length,
      attendances: plan.encounters.reduce((sum, encounter) => sum + encounter.attendance.length, 0),
      meetings: plan.guidanceMeetings.length,
      partTimeJobs: plan.partTimeJobs.length,
      ownHours: plan.encounters
        .flatMap((encounter) => encounter.attendance)
        .filter((row) => row.hours !== null).length,
      post16: ['900004'],
    });
  });

  it("writes the demo preset's destinations, leavers and NEET-risk marks, and counts DEST_16 and DEST_18 from them", async () => {
    const dataSource = app.get(DataSource);
    const today = todayIsoDate();
    const academicYear = academicYearOf(today);
    const enrolments = await dataSource.query(
      `SELECT en.academy_id AS "academyId", a.urn AS "academyUrn", en.learner_id AS "learnerId", l.upn,
              en.year_group AS "yearGroup", g.name AS "groupName"
       FROM enrolment en JOIN academy a ON a.id = en.academy_id JOIN learner l ON l.id = en.learner_id
       LEFT JOIN learning_group g ON g.id = en.registration_group_id
       WHERE en.academic_year = $1`,
      [academicYear],
    );
    const plan = planDemoDestinations(enrolments, today);
    const [written] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM intended_destination) AS destinations,
              (SELECT count(*)::int FROM destination_status_change) AS changes,
              (SELECT count(*)::int FROM neet_risk) AS "neetRisks",
              (SELECT count(*)::int FROM enrolment WHERE academic_year < $1) AS leavers,
              (SELECT count(*)::int FROM learner WHERE consent_to_follow_up IS NOT NULL) AS consents,
              (SELECT count(*)::int FROM actual_destination) AS "actualDestinations",
              (SELECT count(*)::int FROM learner_progress
                WHERE dest_16_met_on IS NOT NULL OR dest_18_met_on IS NOT NULL) AS confirmed`,
      [academicYear],
    );
    // This year's Years 11 and 13, and the leavers' of the year they left.
    const intended = [
      ...plan.destinations,
      ...plan.leavers.flatMap((leaver) =>
        leaver.intended ? [{ ...leaver.intended, academicYear: leaver.leftIn }] : [],
      ),
    ];
    expect(written).toEqual({
      destinations: intended.length,
      changes: intended.reduce((sum, destination) => sum + destination.history.length, 0),
      neetRisks: plan.neetRisks.length,
      leavers: plan.leavers.length,
      consents: plan.leavers.filter((leaver) => leaver.consentToFollowUp !== null).length,
      actualDestinations: plan.leavers.reduce((sum, leaver) => sum + leaver.destinations.length, 0),
      confirmed: intended.filter((destination) => {
        const since = confirmedOn(destination.history);
        return since !== null && since <= destinationConfirmBy(destination.academicYear, '05-31');
      }).length,
    });
    expect(written.leavers).toBeGreaterThan(1000);
  });

  it("writes a generated trust's destinations and counts DEST_16 and DEST_18 from them", async () => {
    const dataSource = app.get(DataSource);
    const { writePreset } = await loadSeedBundle();
    // Generated trusts are written into an empty database.
    await resetDatabase(app);
    await writePreset(
      seedDependencies((type) => app.get(type)),
      'small',
      undefined,
      () => undefined,
    );
    const trust = generateTrust(PRESETS.small);
    const [written] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM intended_destination) AS destinations,
              (SELECT count(*)::int FROM actual_destination) AS actual,
              (SELECT count(*)::int FROM learner WHERE consent_to_follow_up IS NOT NULL) AS consents,
              (SELECT count(*)::int FROM learner_progress
                WHERE dest_16_met_on IS NOT NULL OR dest_18_met_on IS NOT NULL) AS confirmed`,
    );
    expect(written).toEqual({
      destinations: trust.intendedDestinations.length,
      actual: trust.actualDestinations.length,
      consents: trust.learners.filter((learner) => learner.consentToFollowUp !== null).length,
      confirmed: trust.intendedDestinations.filter((destination) => {
        const since = confirmedOn(destination.history);
        return (
          since !== null &&
          since >= `${destination.academicYear}-09-01` &&
          since <= destinationConfirmBy(destination.academicYear, '05-31')
        );
      }).length,
    });
    expect(written.confirmed).toBeGreaterThan(100);
  });
});
