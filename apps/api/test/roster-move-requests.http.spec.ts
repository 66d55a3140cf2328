import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MoveRequestsService } from '../src/roster-import/move-requests.service';
import { cohort, rosterCsv, type RosterLine } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';

/** Issue 19's learner takeover through the roster import, and the move requests that replace it. */
describe(`${MoveRequestsService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let kilnsideLead: SignedInAgent;
  let burslemLead: SignedInAgent;

  const upload = (
    agent: SignedInAgent,
    academyId: string,
    academicYear: number,
    csv: string,
    dryRun = true,
  ) =>
    agent
      .post(`/api/academies/${academyId}/roster?academicYear=${academicYear}&dryRun=${dryRun}`)
      .attach('file', Buffer.from(csv, 'utf8'), 'roster.csv');

  const learnerOf = async (upn: string) =>
    (
      await dataSource.query(
        `SELECT id, legal_surname, legal_forename, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, gender
           FROM learner WHERE upn = $1`,
        [upn],
      )
    )[0];
  const enrolmentsOf = (upn: string) =>
    dataSource.query(
      `SELECT a.name AS academy, e.academic_year, e.year_group, e.pupil_premium, e.sen_status, e.looked_after,
              to_char(e.leaving_date, 'YYYY-MM-DD') AS leaving
         FROM enrolment e JOIN learner l ON l.id = e.learner_id JOIN academy a ON a.id = e.academy_id
        WHERE l.upn = $1 ORDER BY e.academic_year, a.name`,
      [upn],
    );

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(930001));
    kilnsideLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    burslemLead = await signedInUser(app, ['careers_lead'], { academyIds: [burslem] });
  });

  afterAll(async () => {
    await app.close();
  });

  it("refuses a takeover: another academy's import writes nothing of a learner Kilnside holds, and says nothing of them", async () => {
    const [victim, classmate] = cohort(100, 2, 10, 2026).map((line): RosterLine => ({
      ...line,
      pp: 'Y',
      sen: 'E',
      cla: 'Y',
      gender: 'F',
    }));
    await upload(kilnsideLead, kilnside, 2026, rosterCsv([victim, classmate]), false).expect(200);
    const before = await learnerOf(victim.upn);
    const enrolmentsBefore = await enrolmentsOf(victim.upn);

    const attack = rosterCsv([
      { ...victim, surname: 'Taken', forename: 'Over', dob: '01/01/2010', gender: 'M' },
    ]);
    const dryRun = await upload(burslemLead, burslem, 2026, attack).expect(200);
    expect(dryRun.body).toMatchObject({ created: 0, updated: 0, unchanged: 0, movedIn: 0, changes: [] });
    expect(dryRun.body.heldElsewhere).toEqual([{ line: 2, upn: victim.upn }]);
    expect(JSON.stringify(dryRun.body)).not.toMatch(/Kilnside|Surname100|Forename100/);

    const commit = await upload(burslemLead, burslem, 2026, attack, false).expect(200);
    expect(commit.body).toMatchObject({
      created: 0,
      updated: 0,
      heldElsewhere: [{ line: 2, upn: victim.upn }],
    });
    expect(await learnerOf(victim.upn)).toEqual(before);
    expect(await enrolmentsOf(victim.upn)).toEqual(enrolmentsBefore);
    await burslemLead.get(`/api/learners/${before.id}`).expect(404);

    // Burslem sees its own request, without the learner's name or the academy that holds them; it cannot decide.
    const requested = await burslemLead.get('/api/roster-moves').expect(200);
    expect(requested.body).toEqual([
      expect.objectContaining({
        upn: victim.upn,
        toAcademyId: burslem,
        mayDecide: false,
        learnerId: null,
        name: null,
        yearGroup: null,
        admissionDate: null,
      }),
    ]);
    expect(JSON.stringify(requested.body)).not.toMatch(/Kilnside|Surname100/);
    const id = requested.body[0].id;
    await burslemLead.post(`/api/roster-moves/${id}/confirm`).expect(403);
    // The same file again keeps one request.
    await upload(burslemLead, burslem, 2026, attack, false).expect(200);
    expect((await kilnsideLead.get('/api/roster-moves').expect(200)).body).toEqual([
      expect.objectContaining({
        upn: victim.upn,
        toAcademyName: 'Burslem Vale Academy',
        mayDecide: true,
        learnerId: before.id,
        name: 'Forename100 Surname100',
        yearGroup: 10,
      }),
    ]);

    // While pending, the request holds what Burslem's file said of the learner: the subject-access export shows it.
    const exported = await kilnsideLead.get(`/api/learners/${before.id}/export`).expect(200);
    expect(exported.body.moveRequests).toEqual([
      expect.objectContaining({
        status: 'pending',
        toAcademyId: burslem,
        fileRow: expect.objectContaining({ legalSurname: 'Taken' }),
      }),
    ]);

    // Kilnside declines: nothing changes, and the request is decided once only.
    const declined = await kilnsideLead.post(`/api/roster-moves/${id}/decline`).expect(200);
    expect(declined.body).toMatchObject({ id, mayDecide: true });
    await kilnsideLead.post(`/api/roster-moves/${id}/confirm`).expect(409);
    expect((await kilnsideLead.get('/api/roster-moves').expect(200)).body).toEqual([]);
    expect(await learnerOf(victim.upn)).toEqual(before);
    expect(await enrolmentsOf(victim.upn)).toEqual(enrolmentsBefore);
    const [decided] = await dataSource.query(
      `SELECT status, row, decided_by FROM roster_move_request WHERE id = $1`,
      [id],
    );
    expect(decided).toEqual({ status: 'declined', row: null, decided_by: kilnsideLead.userId });
    const audited = await dataSource.query(
      `SELECT action, details FROM audit_entry WHERE action LIKE 'roster.move.%' AND entity_id = $1`,
      [before.id],
    );
    expect(audited).toEqual([
      { action: 'roster.move.decline', details: { academicYear: 2026, toAcademyId: burslem } },
    ]);
  });

  it("holds a learner still on another academy's roll from an earlier year, and moves them when that academy confirms", async () => {
    const [mover] = cohort(200, 1, 10, 2026).map((line): RosterLine => ({ ...line, pp: 'Y' }));
    await upload(kilnsideLead, kilnside, 2026, rosterCsv([mover]), false).expect(200);

    const nextYear = rosterCsv([{ ...mover, year: '11', form: '11Q', surname: 'Renamed', pp: 'N' }]);
    const commit = await upload(burslemLead, burslem, 2027, nextYear, false).expect(200);
    expect(commit.body.heldElsewhere).toEqual([{ line: 2, upn: mover.upn }]);
    const [request] = (await admin.get('/api/roster-moves').expect(200)).body.filter(
      (item: { upn: string }) => item.upn === mover.upn,
    );
    expect(request).toMatchObject({ mayDecide: true, yearGroup: 11 });
    const confirmed = await admin.post(`/api/roster-moves/${request.id}/confirm`).expect(200);
    expect(confirmed.body).toMatchObject({ id: request.id });

    // The enrolment is the file's own; the identity stays until an import of the academy the learner is at.
    expect(await enrolmentsOf(mover.upn)).toEqual([
      expect.objectContaining({ academy: 'Kilnside Academy', academic_year: 2026, pupil_premium: true }),
      expect.objectContaining({
        academy: 'Burslem Vale Academy',
        academic_year: 2027,
        year_group: 11,
        pupil_premium: false,
      }),
    ]);
    expect(await learnerOf(mover.upn)).toMatchObject({ legal_surname: 'Surname200' });
    // Now enrolled at Burslem that year, Burslem's import keeps the identity up to date.
    const again = await upload(burslemLead, burslem, 2027, nextYear, false).expect(200);
    expect(again.body).toMatchObject({ updated: 1, heldElsewhere: [] });
    expect(await learnerOf(mover.upn)).toMatchObject({ legal_surname: 'Renamed' });
  });

  it('counts a learner another academy no longer holds as created, and compares nothing it holds', async () => {
    const [leaver] = cohort(300, 1, 9, 2025).map((line): RosterLine => ({ ...line, sen: 'E', cla: 'Y' }));
    await upload(kilnsideLead, kilnside, 2025, rosterCsv([leaver]), false).expect(200);
    const { id } = await learnerOf(leaver.upn);
    await kilnsideLead
      .post(`/api/academies/${kilnside}/leavers`)
      .send({ academicYear: 2025, learnerIds: [id], leavingDate: '2026-07-17' })
      .expect(200);

    const [unknown] = cohort(301, 1, 10, 2026);
    const file = rosterCsv([{ ...leaver, year: '10', surname: 'Changed', sen: 'K', cla: 'N' }, unknown]);
    const dryRun = await upload(burslemLead, burslem, 2026, file).expect(200);
    expect(dryRun.body).toMatchObject({ created: 2, updated: 0, heldElsewhere: [], changes: [] });
    expect(JSON.stringify(dryRun.body)).not.toMatch(/Surname300/);
    await upload(burslemLead, burslem, 2026, file, false).expect(200);
    expect(await learnerOf(leaver.upn)).toMatchObject({ legal_surname: 'Surname300' });
    expect(await enrolmentsOf(leaver.upn)).toEqual([
      expect.objectContaining({
        academy: 'Kilnside Academy',
        academic_year: 2025,
        sen_status: 'E',
        leaving: '2026-07-17',
      }),
      expect.objectContaining({
        academy: 'Burslem Vale Academy',
        academic_year: 2026,
        sen_status: 'K',
        looked_after: false,
      }),
    ]);
  });
});
