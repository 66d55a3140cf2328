import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LeaversService } from '../src/roster-import/leavers.service';
import { cohort, createAcademies, rosterCsv } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

describe(`${LeaversService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let careersLead: SignedInAgent;
  const roster = (academyId: string, year: number, csv: string, dryRun: boolean) =>
    careersLead
      .post(`/api/academies/${academyId}/roster?academicYear=${year}&dryRun=${dryRun}`)
      .set('content-type', 'text/csv')
      .send(csv);

  beforeAll(async () => {
    app = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    [kilnside, burslem] = await createAcademies(app, [
      { name: 'Kilnside Academy', urn: '940001' },
      { name: 'Burslem Vale Academy', urn: '940002' },
    ]);
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    await roster(kilnside, 2025, rosterCsv(cohort(500, 5, 10, 2025)), false).expect(200);
  });

  afterAll(async () => {
    await app.close();
  });

  it('R-G-4: marks the learners a new file leaves out as leavers; they drop out of coverage after that date', async () => {
    const lines = cohort(500, 5, 10, 2025);
    const dryRun = await roster(kilnside, 2025, rosterCsv(lines.slice(0, 3)), true).expect(200);
    expect(dryRun.body.missingFromFile).toBe(2);
    const missing = dryRun.body.missingLearners.map((learner: { learnerId: string }) => learner.learnerId);

    const marked = await careersLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: missing, leavingDate: '2026-01-16' })
      .expect(200);
    expect(marked.body).toEqual({ marked: 2 });

    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM enrolment WHERE leaving_date = '2026-01-16' AND learner_id = ANY($1::uuid[])`,
      [missing],
    );
    expect(count).toBe(2);
    const again = await roster(kilnside, 2025, rosterCsv(lines.slice(0, 3)), true).expect(200);
    expect(again.body.missingFromFile).toBe(0);
    const before = await careersLead.get(
      `/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-01-10`,
    );
    const after = await careersLead.get(
      `/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-02-01`,
    );
    expect([before.body.rows[0].learners, after.body.rows[0].learners]).toEqual([5, 3]);
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'roster.mark_leavers'`,
    );
    expect(n).toBe(1);
  });

  it('refuses learners of another academy, a date before admission, and other academies’ staff, writing nothing', async () => {
    const [{ id: learnerId }] = await dataSource.query('SELECT learner_id AS id FROM enrolment LIMIT 1');
    const response = await careersLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({
        academicYear: 2025,
        learnerIds: [learnerId, '00000000-0000-4000-8000-000000000000'],
        leavingDate: '2026-01-16',
      })
      .expect(400);
    expect(response.body.details).toEqual([
      {
        field: 'learnerIds',
        value: '00000000-0000-4000-8000-000000000000',
        reason: 'not a learner of this academy',
      },
    ]);
    await careersLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: [], leavingDate: 'soon' })
      .expect(400);
    await dataSource.query(`UPDATE enrolment SET admission_date = '2026-02-01' WHERE learner_id = $1`, [
      learnerId,
    ]);
    const early = await careersLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: [learnerId], leavingDate: '2026-01-16' })
      .expect(400);
    expect(early.body.details[0]).toMatchObject({ field: 'leavingDate' });
    const otherLead = await signedInUser(app, ['careers_lead'], { academyIds: [burslem] });
    await otherLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: [learnerId], leavingDate: '2026-01-16' })
      .expect(404);
    const teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside] });
    await teacher
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: [learnerId], leavingDate: '2026-01-16' })
      .expect(403);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM enrolment WHERE learner_id = $1 AND leaving_date IS NOT NULL`,
      [learnerId],
    );
    expect(count).toBe(0);
  });
});
