import { INestApplication } from '@nestjs/common';
import {
  classStatuses,
  createEncounterFixtures,
  encounterBody,
  type EncounterFixtures,
} from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/**
 * The 2025 revision through the API: work-experience hours (R-WEX-1..4) recorded on an encounter and on each
 * learner's attendance, counted by the fast path for WEX_KS4, and a virtual placement capped (R-WEX-4).
 */
describe('Work experience hours (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let fx: EncounterFixtures;
  let lead: SignedInAgent;

  /** The class view's statuses of one rule for class 10A. */
  const statusesOf10A = (rule: 'WEX_KS3' | 'WEX_KS4') => classStatuses(lead, fx, fx.groups['10A'], rule);

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    fx = await createEncounterFixtures(app, { urnA: '961001', urnB: '961002' });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
  });

  afterAll(async () => {
    await app.close();
  });

  it('R-WEX-1..4: a 5-day placement meets WEX_KS4; a learner who left early does not; a virtual one is capped', async () => {
    const { body: placement } = await lead
      .post('/api/encounters')
      .send(
        encounterBody(fx, {
          title: 'Year 10 work experience week',
          format: 'work_experience',
          durationMinutes: 360,
          days: 5,
          attendees: { groupIds: [fx.groups['10A']] },
        }),
      )
      .expect(201);
    const tenA = placement.attendance.map((line: { learnerId: string }) => line.learnerId) as string[];
    expect(tenA.length).toBeGreaterThan(2);
    // 5 days x 6 hours = 30 hours, over the 25 of the target.
    expect(new Set(Object.values(await statusesOf10A('WEX_KS4')))).toEqual(new Set(['met']));
    expect(placement.attendance.map((line: { hours: number | null }) => line.hours)).toEqual(
      tenA.map(() => null),
    );

    // Left at noon on the first day: 3 hours of their own.
    const [leftEarly, ...rest] = tenA;
    await lead
      .put(`/api/encounters/${placement.id}/attendance`)
      .send(
        tenA.map((learnerId) => ({
          learnerId,
          status: 'attended',
          ...(learnerId === leftEarly ? { hours: 3 } : {}),
        })),
      )
      .expect(200);
    const read = await lead.get(`/api/encounters/${placement.id}`).expect(200);
    expect(
      read.body.attendance.find((line: { learnerId: string }) => line.learnerId === leftEarly).hours,
    ).toBe(3);
    const afterLeaving = await statusesOf10A('WEX_KS4');
    expect(afterLeaving[leftEarly]).not.toBe('met');
    expect(rest.map((id) => afterLeaving[id])).toEqual(rest.map(() => 'met'));

    // R-WEX-4: delivered virtually, the 30 hours count 12.5 against 25 (a change of delivery recomputes).
    await lead.patch(`/api/encounters/${placement.id}`).send({ delivery: 'virtual' }).expect(200);
    const virtual = await statusesOf10A('WEX_KS4');
    expect(tenA.filter((id) => virtual[id] === 'met')).toEqual([]);
  });

  it('R-WEX-1: hours are never negative; a body with negative hours is refused with a field error', async () => {
    const { body: visit } = await lead
      .post('/api/encounters')
      .send(encounterBody(fx, { format: 'workplace_visit', attendees: { groupIds: [fx.groups['11A']] } }))
      .expect(201);
    const learnerId = visit.attendance[0].learnerId;
    const refused = await lead
      .put(`/api/encounters/${visit.id}/attendance`)
      .send([{ learnerId, status: 'attended', hours: -1 }])
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('hours');
    expect(refused.body).not.toHaveProperty('stack');

    // Nor more than 24 a day: a one-day visit takes at most 24 hours, and nothing is written.
    const tooLong = await lead
      .put(`/api/encounters/${visit.id}/attendance`)
      .send([{ learnerId, status: 'attended', hours: 25 }])
      .expect(400);
    expect(tooLong.body.details).toEqual([
      { field: '[0].hours', value: '25', reason: 'at most 24 hours for an encounter of 1 day (24 a day)' },
    ]);
    const kept = await lead.get(`/api/encounters/${visit.id}`).expect(200);
    expect(kept.body.attendance.length).toBe(visit.attendance.length);
  });
});
