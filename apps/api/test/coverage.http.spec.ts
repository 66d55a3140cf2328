import { RULE_IDS } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CoverageService } from '../src/coverage/coverage.service';
import { cohort, rosterCsv } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';

describe(`${CoverageService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let leader: SignedInAgent;
  let careersLead: SignedInAgent;
  let otherLead: SignedInAgent;
  let teacher: SignedInAgent;
  let employerId: string;
  let group9A: string;
  let group9B: string;

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(920001, {
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    }));
    await admin
      .post(`/api/academies/${kilnside}/roster?academicYear=2025&dryRun=false`)
      .set('content-type', 'text/csv')
      .send(rosterCsv(cohort(100, 10, 9, 2025)))
      .expect(200);
    await admin
      .post(`/api/academies/${burslem}/roster?academicYear=2025&dryRun=false`)
      .set('content-type', 'text/csv')
      .send(rosterCsv(cohort(200, 4, 9, 2025)))
      .expect(200);
    [{ id: group9A }, { id: group9B }] = await dataSource.query(
      `SELECT id FROM learning_group WHERE academy_id = $1 ORDER BY name`,
      [kilnside],
    );
    leader = await signedInUser(app, ['trust_leader']);
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    otherLead = await signedInUser(app, ['careers_lead'], { academyIds: [burslem] });
    teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside], groupIds: [group9A] });
    const organisation = await admin
      .post('/api/organisations')
      .send({
        name: 'Kiln Engineering Ltd',
        type: 'employer',
        sectors: ['Engineering and manufacturing'],
        offersTechnicalEducation: false,
      })
      .expect(201);
    employerId = organisation.body.id;
  });

  afterAll(async () => {
    await app.close();
  });

  /** Logs a talk at Kilnside by the employer, the four core checklist items ticked unless `fields` says otherwise. */
  const logTalk = (fields: {
    title: string;
    date: string;
    attendees: { yearGroups?: number[]; learnerIds?: string[] };
    absentLearnerIds?: string[];
    meaningful?: Record<string, boolean>;
  }) =>
    careersLead
      .post('/api/encounters')
      .send({
        academyId: kilnside,
        format: 'talk',
        delivery: 'in_person',
        duringSchoolDay: true,
        durationMinutes: 60,
        organisationIds: [employerId],
        meaningful: {
          purposeShared: true,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
        },
        ...fields,
      })
      .expect(201);

  /** The learner record as at the end of March 2026, as `agent` may see it. */
  const learnerRecord = async (agent: SignedInAgent, learnerId: string) =>
    (await agent.get(`/api/learners/${learnerId}?academicYear=2025&asAt=2026-03-31`).expect(200)).body;

  const b5 = async (agent: SignedInAgent, query: string) =>
    (await agent.get(`/api/coverage?${query}&academicYear=2025&asAt=2026-03-31`).expect(200)).body.rows[0]
      .rules.B5;

  it('R-G-1: reflects a logged encounter as soon as the write has answered, absentees excluded (R-M-3)', async () => {
    expect(await b5(careersLead, `scope=academy&id=${kilnside}`)).toMatchObject({
      met: 0,
      applicable: 10,
      percent: 0,
    });
    const learners: { id: string }[] = await dataSource.query(
      `SELECT learner_id AS id FROM enrolment WHERE academy_id = $1 ORDER BY learner_id`,
      [kilnside],
    );
    await logTalk({
      title: 'Engineering talk',
      date: '2025-11-12',
      attendees: { yearGroups: [9] },
      absentLearnerIds: [learners[0].id, learners[1].id],
    });
    expect(await b5(careersLead, `scope=academy&id=${kilnside}`)).toMatchObject({
      met: 8,
      applicable: 10,
      percent: 80,
    });
    expect(await b5(leader, 'scope=trust')).toMatchObject({ met: 8, applicable: 14 });
  });

  it('counts again what another API process changed: its progress rows carry a new version of the academy', async () => {
    const before = await b5(leader, 'scope=trust');
    const burslemBefore = await b5(otherLead, `scope=academy&id=${burslem}`);
    // As another process's write would: straight to the table, past this process and its cache.
    await dataSource.query(
      `UPDATE learner_progress SET b5_met_on = '2025-10-01' WHERE academy_id = $1 AND academic_year = 2025`,
      [burslem],
    );
    try {
      expect(await b5(leader, 'scope=trust')).toMatchObject({
        met: before.met + 4,
        applicable: before.applicable,
      });
      expect(await b5(otherLead, `scope=academy&id=${burslem}`)).toMatchObject({ met: 4, applicable: 4 });
    } finally {
      await dataSource.query(
        `UPDATE learner_progress SET b5_met_on = NULL WHERE academy_id = $1 AND academic_year = 2025`,
        [burslem],
      );
    }
    expect(await b5(leader, 'scope=trust')).toEqual(before);
    expect(await b5(otherLead, `scope=academy&id=${burslem}`)).toEqual(burslemBefore);
  });

  it('makes the trust answer again when an academy is renamed, though no progress changed', async () => {
    const trustRows = async () =>
      (await leader.get('/api/coverage?scope=trust&academicYear=2025&asAt=2026-03-31').expect(200)).body
        .rows as { key: string; label: string; learners: number }[];
    const before = await trustRows();
    expect(await trustRows()).toEqual(before);
    await dataSource.query(`UPDATE academy SET name = 'Burslem Renamed Academy' WHERE id = $1`, [burslem]);
    try {
      const after = await trustRows();
      expect(after.find((row) => row.key === `academy:${burslem}`)?.label).toBe('Burslem Renamed Academy');
      expect(after.map((row) => row.learners)).toEqual(before.map((row) => row.learners));
    } finally {
      await dataSource.query(`UPDATE academy SET name = $2 WHERE id = $1`, [
        burslem,
        before.find((row) => row.key === `academy:${burslem}`)?.label,
      ]);
    }
    expect(await trustRows()).toEqual(before);
  });

  it('rewrites only the progress rows an attendance change alters', async () => {
    const [{ id: encounterId }] = await dataSource.query(
      `SELECT id FROM encounter WHERE title = 'Engineering talk'`,
    );
    const attendance: { learner_id: string; status: string }[] = await dataSource.query(
      `SELECT learner_id, status FROM attendance WHERE encounter_id = $1 ORDER BY learner_id`,
      [encounterId],
    );
    const versions = async () =>
      new Map<string, string>(
        (
          await dataSource.query(
            `SELECT learner_id, xmin::text AS xmin FROM learner_progress WHERE academy_id = $1`,
            [kilnside],
          )
        ).map((row: { learner_id: string; xmin: string }) => [row.learner_id, row.xmin]),
      );
    const put = (status: (row: { learner_id: string; status: string }) => string) =>
      careersLead
        .put(`/api/encounters/${encounterId}/attendance`)
        .send(attendance.map((row) => ({ learnerId: row.learner_id, status: status(row) })))
        .expect((response) => expect(response.status).toBeLessThan(300));
    const absentee = attendance.find((row) => row.status === 'absent');
    expect(absentee).toBeDefined();
    const before = await versions();
    await put((row) => (row.learner_id === absentee?.learner_id ? 'attended' : row.status));
    const after = await versions();
    expect(
      [...after].filter(([learnerId, xmin]) => before.get(learnerId) !== xmin).map(([id]) => id),
    ).toEqual([absentee?.learner_id]);
    await put((row) => row.status);
    expect(await b5(careersLead, `scope=academy&id=${kilnside}`)).toMatchObject({ met: 8, applicable: 10 });
  });

  it("R-B5-1: the learner record shows the encounter in the timeline and as the rule's evidence", async () => {
    const [{ learner_id: learnerId, encounter_id: encounterId }] = await dataSource.query(
      `SELECT learner_id, encounter_id FROM attendance a JOIN group_membership gm USING (learner_id)
        WHERE a.status = 'attended' AND gm.group_id = $1 LIMIT 1`,
      [group9A],
    );
    const record = await learnerRecord(teacher, learnerId);
    expect(record.timeline).toEqual([
      expect.objectContaining({
        kind: 'encounter',
        encounterId,
        status: 'attended',
        meaningful: true,
        title: 'Engineering talk',
      }),
    ]);
    expect(record.ruleStatuses.B5).toBe('met');
    expect(record.ruleDetails.B5).toMatchObject({
      status: 'met',
      evidence: [encounterId],
      stillNeeded: null,
    });
    expect(record.ruleDetails.O2.stillNeeded).toMatch(/education-provider encounter/);

    const adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [kilnside] });
    await adviser
      .post('/api/guidance-meetings')
      .send({
        learnerId,
        date: '2026-01-15',
        adviserName: 'Avery Adviser',
        adviserLevel: 6,
        mode: 'in_person',
        summary: 'Interested in engineering apprenticeships.',
        agreedActions: 'Visit the college open evening.',
      })
      .expect(201);
    const forAdviser = await learnerRecord(adviser, learnerId);
    expect(forAdviser.timeline[0]).toMatchObject({
      kind: 'guidance_meeting',
      summary: 'Interested in engineering apprenticeships.',
    });
    expect(forAdviser.ruleStatuses.B8_16).toBe('met');
    const forTeacher = await learnerRecord(teacher, learnerId);
    expect(forTeacher.timeline[0].kind).toBe('guidance_meeting');
    expect(forTeacher.timeline[0]).not.toHaveProperty('summary');
    expect(forTeacher.timeline[0]).not.toHaveProperty('agreedActions');
  });

  it('R-AY-5: an encounter after the as-at date does not count yet', async () => {
    const response = await careersLead
      .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2025-11-11`)
      .expect(200);
    expect(response.body.rows[0].rules.B5.met).toBe(0);
  });

  it('R-S-2: marks the unmet at risk from 1 May and missed after 31 August', async () => {
    const atRisk = (
      await careersLead
        .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-05-01`)
        .expect(200)
    ).body;
    expect(atRisk.rows[0].rules.B5).toMatchObject({ met: 8, atRisk: 2, onTrack: 0, missed: 0 });
    const missed = (
      await careersLead
        .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-09-01`)
        .expect(200)
    ).body;
    expect(missed.rows[0].rules.B5).toMatchObject({ met: 8, missed: 2 });
  });

  it('answers the trust with one row per academy after the trust row, and an academy with one row per year group', async () => {
    const trust = (
      await leader.get('/api/coverage?scope=trust&academicYear=2025&asAt=2026-03-31').expect(200)
    ).body;
    expect(trust).toMatchObject({
      scope: 'trust',
      academicYear: 2025,
      asAt: '2026-03-31',
      ruleSet: 'gatsby-2024',
    });
    expect(trust.rows.map((row: { key: string; learners: number }) => [row.key, row.learners])).toEqual([
      ['trust', 14],
      [`academy:${burslem}`, 4],
      [`academy:${kilnside}`, 10],
    ]);
    const academy = (
      await careersLead
        .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-03-31`)
        .expect(200)
    ).body;
    expect(academy.rows.map((row: { key: string; label: string }) => [row.key, row.label])).toEqual([
      [`academy:${kilnside}`, 'Kilnside Academy'],
      ['yearGroup:9', 'Year 9'],
    ]);
  });

  it('R-G-3: breaks a figure down by pupil premium with the gap against the rest', async () => {
    const response = await careersLead
      .get(
        `/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-03-31&breakdown=pupilPremium`,
      )
      .expect(200);
    expect(response.body.rows.map((row: { key: string }) => row.key)).toEqual([
      `academy:${kilnside}`,
      'pupilPremium:yes',
      'pupilPremium:no',
    ]);
    expect(response.body.rows[2].gaps.B5).toBeNull(); // Nobody is pupil premium, so there is no rest to compare.
  });

  it("gives a teacher their class's learners, and 404 for another class or academy", async () => {
    const classView = await teacher
      .get(`/api/coverage/learners?scope=group&id=${group9A}&academicYear=2025&asAt=2026-03-31`)
      .expect(200);
    expect(classView.body.rows).toHaveLength(5);
    expect(classView.body.rows[0]).toMatchObject({ yearGroup: 9, group: '9A' });
    expect(Object.keys(classView.body.rows[0].statuses)).toEqual([...RULE_IDS]);
    await teacher.get(`/api/coverage/learners?scope=group&id=${group9B}&academicYear=2025`).expect(404);
    await teacher.get(`/api/coverage?scope=academy&id=${kilnside}`).expect(404);
    await otherLead.get(`/api/coverage?scope=academy&id=${kilnside}`).expect(404);
    await careersLead.get('/api/coverage?scope=trust').expect(403);
  });

  it.each([
    ['scope=everything', 'scope'],
    [`scope=academy`, 'id'],
    [`scope=academy&id=not-a-uuid`, 'id'],
    [`scope=yearGroup&academyId=${'0'.repeat(8)}-0000-4000-8000-000000000000&yearGroup=15`, 'yearGroup'],
    ['scope=trust&academicYear=1999', 'academicYear'],
    ['scope=trust&academicYear=2101', 'academicYear'],
    ['scope=trust&asAt=yesterday', 'asAt'],
    ['scope=trust&asAt=2026-02-30', 'asAt'],
    ['scope=trust&breakdown=shoeSize', 'breakdown'],
  ])('answers %s with 400 naming %s', async (query, field) => {
    const response = await leader.get(`/api/coverage?${query}`).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    expect(response.body.message).toContain(field);
  });

  it("answers the class view's plain query in front of the route as the route itself does (issue 20)", async () => {
    // `academicYear=02025` is the same query to the validation, but not the plain shape the class view's
    // middleware answers: it goes on to the route. The two answers must be the same bytes.
    const plain = `/api/coverage/learners?scope=group&id=${group9A}&academicYear=2025&asAt=2026-03-31`;
    const routed = `/api/coverage/learners?scope=group&id=${group9A}&academicYear=02025&asAt=2026-03-31`;
    for (const agent of [teacher, admin, careersLead]) {
      const [quick, full] = [await agent.get(plain).expect(200), await agent.get(routed).expect(200)];
      expect(quick.body.rows).toHaveLength(5);
      expect(quick.text).toBe(full.text);
      expect(quick.headers['content-type']).toBe(full.headers['content-type']);
      expect(quick.headers['cache-control']).toBe(full.headers['cache-control']);
    }
    // Refusals, both ways: another class (404), another academy's lead (404), nobody signed in (401),
    // and a group's id that is an academy's (400 naming id).
    for (const [agent, path, status] of [
      [teacher, `/api/coverage/learners?scope=group&id=${group9B}&academicYear=2025`, 404],
      [otherLead, `/api/coverage/learners?scope=group&id=${group9A}&academicYear=2025`, 404],
      [admin, `/api/coverage/learners?scope=group&id=${kilnside}&academicYear=2025`, 400],
    ] as const) {
      const quick = await agent.get(path).expect(status);
      const full = await agent.get(path.replace('academicYear=2025', 'academicYear=02025')).expect(status);
      expect(quick.body).toEqual(full.body);
    }
    const anonymous = request(app.getHttpServer());
    const quick = await anonymous.get(plain).expect(401);
    const full = await anonymous.get(routed).expect(401);
    expect(quick.body).toEqual(full.body);
  });

  it('answers an id of the wrong kind for the scope with 400 naming id', async () => {
    const response = await leader.get(`/api/coverage?scope=academy&id=${group9A}`).expect(400);
    expect(response.body.details).toEqual([{ field: 'id', reason: 'not an academy id' }]);
  });

  it('keeps the policy per year, with defaults, and recomputes the figures when it changes', async () => {
    const policy = (await leader.get('/api/policy/2025').expect(200)).body;
    expect(policy).toMatchObject({
      academicYear: 2025,
      saved: false,
      ruleSet: 'gatsby-2024',
      b6By16: 2,
      atRiskDays: 122,
    });
    expect((await leader.get('/api/policy/2024').expect(200)).body).toMatchObject({
      ruleSet: 'gatsby-2014',
      b6By16: 1,
    });
    await leader
      .put('/api/policy/2025')
      .send({ ...policy, atRiskDays: 10 })
      .expect(403);
    const { academicYear: _year, saved: _saved, ...body } = policy;
    await admin
      .put('/api/policy/2025')
      .send({ ...body, atRiskDays: 10 })
      .expect(200);
    const after = (
      await careersLead
        .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-05-01`)
        .expect(200)
    ).body;
    expect(after.rows[0].rules.B5).toMatchObject({ met: 8, atRisk: 0, onTrack: 2 });
    await admin
      .put('/api/policy/2025')
      .send({ ...body, atRiskDays: -1 })
      .expect(400);
    await admin.put('/api/policy/1999').send(body).expect(400);
    await admin.put('/api/policy/2025').send(body).expect(200);
  });

  it("uses a policy another API process saved on the next read: the cache follows the policies' version", async () => {
    const classView = async () =>
      (
        await teacher
          .get(`/api/coverage/learners?scope=group&id=${group9A}&academicYear=2025&asAt=2026-03-31`)
          .expect(200)
      ).body.ruleSet;
    expect(await classView()).toBe('gatsby-2024');
    // As another process's save would: straight to the table, past this process and its cache.
    await dataSource.query(
      `UPDATE policy SET body = jsonb_set(body, '{ruleSet}', '"gatsby-2014"'), updated_at = clock_timestamp()
        WHERE academic_year = 2025`,
    );
    try {
      expect(await classView()).toBe('gatsby-2014');
    } finally {
      await dataSource.query(
        `UPDATE policy SET body = jsonb_set(body, '{ruleSet}', '"gatsby-2024"'), updated_at = clock_timestamp()
          WHERE academic_year = 2025`,
      );
    }
    expect(await classView()).toBe('gatsby-2024');
  });

  it('says on the learner record why an item does not count: absent, checklist incomplete, adviser below level 6', async () => {
    const [{ id: absentee }, { id: present }] = await dataSource.query(
      `SELECT learner_id AS id FROM enrolment WHERE academy_id = $1 ORDER BY learner_id DESC LIMIT 2`,
      [kilnside],
    );
    const missed = await logTalk({
      title: 'Missed talk',
      date: '2025-11-26',
      attendees: { learnerIds: [absentee, present] },
      absentLearnerIds: [absentee],
    });
    const talkId = missed.body.id;
    const unticked = await logTalk({
      title: 'Unticked talk',
      date: '2025-12-03',
      meaningful: {
        purposeShared: true,
        learningOutcomes: false,
        twoWayInteraction: false,
        reflection: false,
      },
      attendees: { learnerIds: [absentee] },
    });
    const adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [kilnside] });
    const meeting = await adviser
      .post('/api/guidance-meetings')
      .send({
        learnerId: absentee,
        date: '2026-01-20',
        adviserName: 'Lee Level-Four',
        adviserLevel: 4,
        mode: 'in_person',
        summary: 'Talked about options.',
        agreedActions: 'None yet.',
      })
      .expect(201);
    const record = await learnerRecord(careersLead, absentee);
    const entryOf = (id: string) =>
      record.timeline.find(
        (entry: { encounterId?: string; guidanceMeetingId?: string }) =>
          entry.encounterId === id || entry.guidanceMeetingId === id,
      );
    expect(entryOf(talkId).counting).toEqual({ counts: false, rules: [], reasons: [{ code: 'absent' }] });
    expect(entryOf(unticked.body.id).counting).toEqual({
      counts: false,
      rules: [],
      reasons: [
        {
          code: 'checklist_incomplete',
          benchmark: 'B5',
          missing: ['learningOutcomes', 'twoWayInteraction', 'reflection'],
        },
      ],
    });
    expect(entryOf(meeting.body.id).counting).toEqual({
      counts: false,
      rules: [],
      reasons: [{ code: 'adviser_below_level_6', adviserLevel: 4 }],
    });
    expect(record.ruleDetails.B5.evidence).not.toContain(unticked.body.id);
    expect(record.ruleDetails.B8_16.evidence).not.toContain(meeting.body.id);
    // Once ticked, the same encounter counts, and says so.
    await careersLead
      .patch(`/api/encounters/${unticked.body.id}`)
      .send({
        meaningful: {
          purposeShared: true,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
        },
      })
      .expect(200);
    const after = await learnerRecord(careersLead, absentee);
    expect(
      after.timeline.find((entry: { encounterId?: string }) => entry.encounterId === unticked.body.id)
        .counting,
    ).toEqual({ counts: true, rules: ['O2', 'B5'], reasons: [] });
  });
});
