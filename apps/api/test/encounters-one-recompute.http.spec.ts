import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnerProgressService } from '../src/coverage/learner-progress.service';
import {
  encounterBody,
  type EncounterFixtures,
  startWithEncounterFixtures,
  useFreshOrganisations,
} from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';

/**
 * One user action, one recomputation of coverage: the edit page saves an encounter's facts and its
 * attendance list in one PATCH (`replaceAttendance`), and a change that cannot alter what an encounter
 * evidences recomputes nothing.
 */
describe(`${LearnerProgressService.name}: one recomputation per encounter write (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;
  let recomputed: jest.SpyInstance;
  let tenA: string[];

  /** The class view's B5 status (an employer encounter this year) of each learner of 10A. */
  const b5Of10A = async (): Promise<Record<string, string>> => {
    const view = await lead
      .get(`/api/coverage/learners?scope=group&id=${fx.groups['10A']}&academicYear=${fx.academicYear}`)
      .expect(200);
    return Object.fromEntries(
      view.body.rows.map((row: { learnerId: string; statuses: { B5: string } }) => [
        row.learnerId,
        row.statuses.B5,
      ]),
    );
  };
  /** Logs an encounter that class 11A attended, and forgets the recomputation that took. */
  const loggedFor11A = async (title: string) => {
    const created = await lead
      .post('/api/encounters')
      .send(encounterBody(fx, { title, attendees: { groupIds: [fx.groups['11A']] } }))
      .expect(201);
    recomputed.mockClear();
    return created.body as { id: string; attendance: { learnerId: string; status: string }[] };
  };
  /** The learners passed to each recomputation since the spy was last cleared. */
  const recomputations = () => recomputed.mock.calls.map(([, learnerIds]) => [...learnerIds].sort());

  beforeAll(async () => {
    ({ app, dataSource, fx } = await startWithEncounterFixtures({ urnA: '960001', urnB: '960002' }));
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    tenA = fx.learnersA
      .filter((learner) => learner.groupId === fx.groups['10A'])
      .map((learner) => learner.id);
    recomputed = jest.spyOn(app.get(LearnerProgressService), 'learnersChanged');
  });

  beforeEach(async () => {
    // Each test logs class 11A on the same day: its own employer keeps it apart from the others'.
    await useFreshOrganisations(app, fx);
    recomputed.mockClear();
  });

  afterAll(async () => {
    recomputed.mockRestore();
    await app.close();
  });

  it('changes the facts and replaces the attendance list in one PATCH, recomputing each learner once', async () => {
    // Logged first with a careers service, which evidences no employer encounter (B5).
    const { body: created } = await lead
      .post('/api/encounters')
      .send(
        encounterBody(fx, {
          title: 'Engineering morning',
          organisationIds: [fx.organisations.careersService],
          attendees: { groupIds: [fx.groups['10A']] },
        }),
      )
      .expect(201);
    expect(created.categories).toEqual([]);
    expect(Object.values(await b5Of10A()).filter((status) => status === 'met')).toHaveLength(0);
    recomputed.mockClear();

    // The edit page's save: the employer was there after all, and half the class was away.
    const [came, away] = [tenA.slice(0, 7), tenA.slice(7)];
    const saved = await lead
      .patch(`/api/encounters/${created.id}`)
      .send({
        title: 'Engineering morning with Kiln',
        organisationIds: [fx.organisations.employer],
        replaceAttendance: [
          ...came.map((learnerId) => ({ learnerId, status: 'attended' })),
          ...away.map((learnerId) => ({ learnerId, status: 'absent' })),
        ],
      })
      .expect(200);

    expect(saved.body).toMatchObject({
      title: 'Engineering morning with Kiln',
      categories: ['employer_encounter'],
      attendedCount: came.length,
    });
    expect(recomputations()).toEqual([[...tenA].sort()]);

    const b5 = await b5Of10A();
    expect(came.map((learnerId) => b5[learnerId])).toEqual(came.map(() => 'met'));
    expect(away.map((learnerId) => b5[learnerId]).filter((status) => status === 'met')).toEqual([]);

    const entries: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'encounter.create',
      'attendance.add',
      'encounter.update',
      'attendance.replace',
    ]);
  });

  it('recomputes nothing for a change of title, notes or links, and nothing for an unchanged list', async () => {
    const created = await loggedFor11A('Quiet talk');
    const read = await lead.get(`/api/encounters/${created.id}`).expect(200);

    const renamed = await lead
      .patch(`/api/encounters/${created.id}`)
      .send({
        title: 'Quiet talk, renamed',
        notes: 'Moved to the library',
        links: ['https://example.org/slides'],
        replaceAttendance: read.body.attendance.map((item: { learnerId: string; status: string }) => ({
          learnerId: item.learnerId,
          status: item.status,
        })),
      })
      .expect(200);

    expect(renamed.body).toMatchObject({ title: 'Quiet talk, renamed', notes: 'Moved to the library' });
    await lead.patch(`/api/encounters/${created.id}`).send({ title: 'Quiet talk, again' }).expect(200);
    expect(recomputed).not.toHaveBeenCalled();
  });

  it('recomputes only the learners whose line changed when only the list changes', async () => {
    const created = await loggedFor11A('List only');
    const elevens = created.attendance.map((item) => item.learnerId);

    await lead
      .patch(`/api/encounters/${created.id}`)
      .send({
        replaceAttendance: elevens.map((learnerId: string, index: number) => ({
          learnerId,
          status: index === 0 ? 'absent' : 'attended',
        })),
      })
      .expect(200);

    expect(recomputations()).toEqual([[elevens[0]]]);
  });

  it('refuses a list that names a learner off the roll, or comes with attendees, writing nothing', async () => {
    const created = await loggedFor11A('Refused list');
    const list = async () => (await lead.get(`/api/encounters/${created.id}`).expect(200)).body;
    const before = await list();

    const offRoll = await lead
      .patch(`/api/encounters/${created.id}`)
      .send({
        title: 'Refused list, renamed',
        replaceAttendance: [
          { learnerId: tenA[0], status: 'attended' },
          { learnerId: fx.learnersB[0].id, status: 'attended' },
        ],
      })
      .expect(400);
    expect(offRoll.body.details).toEqual([
      expect.objectContaining({ field: 'replaceAttendance.1.learnerId', value: fx.learnersB[0].id }),
    ]);

    const both = await lead
      .patch(`/api/encounters/${created.id}`)
      .send({
        attendees: { learnerIds: [tenA[0]] },
        replaceAttendance: [{ learnerId: tenA[0], status: 'attended' }],
      })
      .expect(400);
    expect(both.body.details).toEqual([expect.objectContaining({ field: 'replaceAttendance' })]);

    const badStatus = await lead
      .patch(`/api/encounters/${created.id}`)
      .send({ replaceAttendance: [{ learnerId: tenA[0], status: 'asleep' }] })
      .expect(400);
    expect(badStatus.body.message).toMatch(/replaceAttendance\.0\.status/);

    // The encounter and its list as they were: title, attendance, updatedAt and all.
    expect(await list()).toEqual(before);
    expect(recomputed).not.toHaveBeenCalled();
  });

  it('keeps PUT …/attendance for scripts, recomputing once', async () => {
    const created = await loggedFor11A('Scripted list');
    const response = await lead
      .put(`/api/encounters/${created.id}/attendance`)
      .send([{ learnerId: tenA[0], status: 'attended' }])
      .expect(200);
    expect(response.body.attendance).toEqual([expect.objectContaining({ learnerId: tenA[0] })]);
    expect(recomputed).toHaveBeenCalledTimes(1);
  });
});
