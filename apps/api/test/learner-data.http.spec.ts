import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnerDataService } from '../src/learners/learner-data.service';
import { cohort, rosterCsv } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';
import { B7_TICKED } from './encounters.fixtures';

describe(`${LearnerDataService.name}: subject access and erasure (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let careersLead: SignedInAgent;
  let learnerIds: string[];
  let encounterId: string;

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(930001, {
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    }));
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    await careersLead
      .post(`/api/academies/${kilnside}/roster?academicYear=2025&dryRun=false`)
      .set('content-type', 'text/csv')
      .send(rosterCsv(cohort(300, 4, 11, 2025)))
      .expect(200);
    learnerIds = (await dataSource.query('SELECT id FROM learner ORDER BY upn')).map(
      (row: { id: string }) => row.id,
    );
    const organisation = await careersLead
      .post('/api/organisations')
      .send({
        name: 'Trent Apprenticeships',
        type: 'independent_training_provider',
        sectors: [],
        offersTechnicalEducation: true,
      })
      .expect(201);
    const encounter = await careersLead
      .post('/api/encounters')
      .send({
        academyId: kilnside,
        title: 'Apprenticeships talk',
        date: '2025-10-08',
        format: 'provider_talk',
        delivery: 'in_person',
        duringSchoolDay: true,
        durationMinutes: 50,
        organisationIds: [organisation.body.id],
        meaningful: B7_TICKED,
        attendees: { yearGroups: [11] },
      })
      .expect(201);
    encounterId = encounter.body.id;
    await careersLead
      .post('/api/guidance-meetings')
      .send({
        learnerId: learnerIds[0],
        date: '2025-11-20',
        adviserName: 'Avery Adviser',
        adviserLevel: 6,
        mode: 'in_person',
        summary: 'Wants to be an electrician.',
        agreedActions: 'Apply to the college by January.',
      })
      .expect(201);
  });

  afterAll(async () => {
    await app.close();
  });

  it('exports everything held on the learner, notes included, and audits the export', async () => {
    // Their Year 11 destination and, having left in the summer, where they were on 1 October.
    await careersLead
      .post('/api/destinations')
      .send({
        learnerId: learnerIds[0],
        academicYear: 2025,
        category: 'further_education',
        providerName: 'Potteries College',
        status: 'applied',
        statusOn: '2026-02-02',
        notes: 'Open evening in March.',
      })
      .expect(201);
    await careersLead
      .put('/api/destinations/actual')
      .send({
        learnerId: learnerIds[0],
        anniversary: 1,
        category: 'further_education',
        source: 'learner',
        consentToFollowUp: true,
      })
      .expect(200);
    const response = await careersLead.get(`/api/learners/${learnerIds[0]}/export`).expect(200);
    expect(response.body.destinations).toEqual({
      intended: [
        expect.objectContaining({
          academicYear: 2025,
          category: 'further_education',
          providerName: 'Potteries College',
          status: 'applied',
          notes: 'Open evening in March.',
          statusHistory: [expect.objectContaining({ status: 'applied', on: '2026-02-02' })],
        }),
      ],
      neetRisk: null,
      actual: [expect.objectContaining({ anniversary: 1, category: 'further_education', source: 'learner' })],
      consentToFollowUp: true,
    });
    expect(response.body.learner.id).toBe(learnerIds[0]);
    expect(response.body.enrolments).toHaveLength(1);
    expect(response.body.encounters).toEqual([expect.objectContaining({ encounterId, status: 'attended' })]);
    expect(response.body.attendance).toEqual([expect.objectContaining({ encounterId, status: 'attended' })]);
    expect(response.body.guidanceMeetings).toEqual([
      expect.objectContaining({
        summary: 'Wants to be an electrician.',
        agreedActions: 'Apply to the college by January.',
      }),
    ]);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM audit_entry WHERE action = 'learner.export' AND entity_id = $1`,
      [learnerIds[0]],
    );
    expect(count).toBe(1);
  });

  it('refuses the export to teachers (403) and to careers leads of another academy (404)', async () => {
    const teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside] });
    await teacher.get(`/api/learners/${learnerIds[0]}/export`).expect(403);
    const otherLead = await signedInUser(app, ['careers_lead'], { academyIds: [burslem] });
    await otherLead.get(`/api/learners/${learnerIds[0]}/export`).expect(404);
  });

  it('erases the learner for trust administrators only, keeping the anonymous head count', async () => {
    await careersLead.delete(`/api/learners/${learnerIds[1]}`).expect(403);
    await admin.delete(`/api/learners/${learnerIds[1]}`).expect(204);
    await admin.get(`/api/learners/${learnerIds[1]}`).expect(404);
    await admin.delete(`/api/learners/${learnerIds[1]}`).expect(404);
    const left = async (table: string) =>
      (
        await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE learner_id = $1`, [
          learnerIds[1],
        ])
      )[0].n;
    expect(await left('enrolment')).toBe(0);
    expect(await left('attendance')).toBe(0);
    expect(await left('group_membership')).toBe(0);
    expect(await left('learner_progress')).toBe(0);
    const [{ anonymous, named }] = await dataSource.query(
      `SELECT e.anonymous_attended AS anonymous,
              (SELECT count(*)::int FROM attendance WHERE encounter_id = e.id AND status = 'attended') AS named
         FROM encounter e WHERE e.id = $1`,
      [encounterId],
    );
    expect({ anonymous, named }).toEqual({ anonymous: 1, named: 3 });
    expect((await careersLead.get(`/api/encounters/${encounterId}`).expect(200)).body.attendedCount).toBe(4);
    const list = await careersLead.get(`/api/encounters?academyId=${kilnside}`).expect(200);
    expect(list.body.items.find((item: { id: string }) => item.id === encounterId).attendedCount).toBe(4);
    const reach = await careersLead
      .get('/api/reports/organisations?academicYear=2025&format=json')
      .expect(200);
    expect(reach.body.rows).toEqual([
      expect.objectContaining({ name: 'Trent Apprenticeships', learnersReached: 4 }),
    ]);
    const [{ details }] = await dataSource.query(
      `SELECT details FROM audit_entry WHERE action = 'learner.erase' AND entity_id = $1`,
      [learnerIds[1]],
    );
    expect(details).toEqual({ encountersAttended: 1, guidanceMeetings: 0 });
  });

  it("erases a learner with guidance meetings and destinations, and the academy's coverage then counts the others only", async () => {
    await admin.delete(`/api/learners/${learnerIds[0]}`).expect(204);
    for (const table of ['guidance_meeting', 'intended_destination', 'actual_destination'])
      expect(
        (
          await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE learner_id = $1`, [
            learnerIds[0],
          ])
        )[0].n,
      ).toBe(0);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM destination_status_change'))[0].n).toBe(0);
    const coverage = await careersLead
      .get(`/api/coverage?scope=academy&id=${kilnside}&academicYear=2025&asAt=2026-03-31`)
      .expect(200);
    expect(coverage.body.rows[0].learners).toBe(2);
  });

  it('exports the notes of a guidance meeting logged as an encounter, which teachers never see', async () => {
    const careersService = await careersLead
      .post('/api/organisations')
      .send({ name: 'Stoke Careers Hub', type: 'careers_service' })
      .expect(201);
    const meeting = await careersLead
      .post('/api/encounters')
      .send({
        academyId: kilnside,
        title: 'One-to-one guidance',
        date: '2025-11-21',
        format: 'guidance_meeting',
        adviserLevel: 6,
        delivery: 'in_person',
        duringSchoolDay: true,
        durationMinutes: 30,
        organisationIds: [careersService.body.id],
        meaningful: {
          purposeShared: true,
          learningOutcomes: true,
          twoWayInteraction: true,
          reflection: true,
        },
        attendees: { learnerIds: [learnerIds[2]] },
        notes: 'Anxious about leaving home; will visit the college with a parent.',
      })
      .expect(201);
    const response = await careersLead.get(`/api/learners/${learnerIds[2]}/export`).expect(200);
    expect(response.body.guidanceEncounterNotes).toEqual([
      {
        encounterId: meeting.body.id,
        academyId: kilnside,
        date: '2025-11-21',
        notes: 'Anxious about leaving home; will visit the college with a parent.',
      },
    ]);
    const teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside] });
    await teacher.get(`/api/encounters/${meeting.body.id}`).expect(404);
    const leader = await signedInUser(app, ['academy_leader'], { academyIds: [kilnside] });
    expect((await leader.get(`/api/encounters/${meeting.body.id}`).expect(200)).body.notes).toBeNull();
  });
});
