import { addDays, todayIsoDate } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PurgeDeletedGuidanceMeetings1764940000000 } from '../src/database/migrations/1764940000000-PurgeDeletedGuidanceMeetings';
import { GuidanceMeetingsService } from '../src/guidance-meetings/guidance-meetings.service';
import { startWithEncounterFixtures, signedInTeacherOf, type EncounterFixtures } from './encounters.fixtures';
import { type SignedInAgent, signedInUser } from './sign-in';

const SUMMARY = 'Wants to be a paramedic; worried about maths grades.';
const ACTIONS = 'Book a taster day at the college; revise with the maths catch-up group.';

describe(`${GuidanceMeetingsService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let fx: EncounterFixtures;
  let adviser: SignedInAgent;
  let lead: SignedInAgent;
  let adviserOfB: SignedInAgent;
  let teacher10A: SignedInAgent;
  let teacher11A: SignedInAgent;
  let academyLeader: SignedInAgent;
  let trustLeader: SignedInAgent;
  let admin: SignedInAgent;

  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);
  const body = (overrides: Record<string, unknown> = {}) => ({
    learnerId: fx.learnersA[0].id,
    date: fx.date,
    adviserName: 'Sam Adeyemi',
    adviserLevel: 6,
    mode: 'in_person',
    summary: SUMMARY,
    agreedActions: ACTIONS,
    ...overrides,
  });

  /** A meeting `days` from the fixtures' date, recorded by `agent` (201). */
  const recordMeeting = (agent: SignedInAgent, days: number) =>
    agent
      .post('/api/guidance-meetings')
      .send(body({ date: addDays(fx.date, days) }))
      .expect(201);

  beforeAll(async () => {
    ({ app, dataSource, fx } = await startWithEncounterFixtures({ urnA: '950001', urnB: '950002' }));
    adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [fx.academyA] });
    lead = await signedInUser(app, ['careers_lead'], { academyIds: [fx.academyA] });
    adviserOfB = await signedInUser(app, ['careers_adviser'], { academyIds: [fx.academyB] });
    teacher10A = await signedInTeacherOf(app, fx, '10A');
    teacher11A = await signedInTeacherOf(app, fx, '11A');
    academyLeader = await signedInUser(app, ['academy_leader'], { academyIds: [fx.academyA] });
    trustLeader = await signedInUser(app, ['trust_leader']);
    admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  it("records a meeting at the learner's academy, audited without the notes", async () => {
    const sent = body({ followUpOn: addDays(fx.date, 30) });
    const response = await adviser.post('/api/guidance-meetings').send(sent).expect(201);
    // Every field as sent, with the learner's academy and UPN added.
    expect(response.body).toMatchObject({ ...sent, academyId: fx.academyA, upn: fx.learnersA[0].upn });
    const entries: { action: string; details: unknown }[] = await dataSource.query(
      `SELECT action, details FROM audit_entry WHERE entity_id = $1 ORDER BY id`,
      [response.body.id],
    );
    expect(entries.map((entry) => entry.action)).toEqual([
      'guidance_meeting.create',
      'guidance_meeting.read_notes',
    ]);
    expect(JSON.stringify(entries)).not.toContain('paramedic');
    expect(JSON.stringify(entries)).not.toContain('taster day');
  });

  it('shows teachers and leadership the meeting without summary or agreed actions', async () => {
    const created = await recordMeeting(lead, -2);
    for (const reader of [teacher10A, academyLeader, trustLeader]) {
      const response = await reader.get(`/api/guidance-meetings/${created.body.id}`).expect(200);
      expect(response.body).toMatchObject({ id: created.body.id, adviserName: 'Sam Adeyemi' });
      expect(response.body).not.toHaveProperty('summary');
      expect(response.body).not.toHaveProperty('agreedActions');
      const list = await reader.get(`/api/guidance-meetings?learnerId=${fx.learnersA[0].id}`).expect(200);
      expect(list.body.total).toBeGreaterThan(0);
      expect(JSON.stringify(list.body)).not.toContain('paramedic');
    }
    const reads = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'guidance_meeting.read_notes' AND user_id = ANY($1::uuid[])`,
      [[teacher10A.userId, academyLeader.userId, trustLeader.userId]],
    );
    expect(reads[0].n).toBe(0);
  });

  it('audits each read of the notes by careers staff and trust administrators', async () => {
    const created = await recordMeeting(adviser, -3);
    const read = await admin.get(`/api/guidance-meetings/${created.body.id}`).expect(200);
    expect(read.body.summary).toBe(SUMMARY);
    const list = await lead.get(`/api/guidance-meetings?academyId=${fx.academyA}`).expect(200);
    expect(list.body.items.every((item: { summary?: string }) => item.summary === SUMMARY)).toBe(true);
    const lastRead = async (userId: string) =>
      (
        await dataSource.query(
          `SELECT entity_id, details FROM audit_entry WHERE action = 'guidance_meeting.read_notes' AND user_id = $1
           ORDER BY id DESC LIMIT 1`,
          [userId],
        )
      )[0] as { entity_id: string | null; details: { meetingIds: string[] } };
    expect((await lastRead(admin.userId)).entity_id).toBe(created.body.id);
    expect((await lastRead(lead.userId)).details.meetingIds).toEqual(
      list.body.items.map((item: { id: string }) => item.id),
    );
  });

  it('audits the notes the learner record shows, and shows a teacher the meetings without them', async () => {
    await recordMeeting(adviser, -5);
    const learnerId = fx.learnersA[0].id;
    const record = await admin.get(`/api/learners/${learnerId}`).expect(200);
    const shown = record.body.timeline.filter((entry: { kind: string }) => entry.kind === 'guidance_meeting');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((entry: { summary?: string }) => entry.summary === SUMMARY)).toBe(true);
    const [entry] = await dataSource.query(
      `SELECT entity_type, details, ip FROM audit_entry
        WHERE action = 'guidance_meeting.read_notes' AND user_id = $1 ORDER BY id DESC LIMIT 1`,
      [admin.userId],
    );
    expect(entry).toMatchObject({
      entity_type: 'guidance_meeting',
      details: {
        meetingIds: shown.map((meeting: { guidanceMeetingId: string }) => meeting.guidanceMeetingId),
        learnerIds: [learnerId],
      },
    });
    expect(entry.ip).toEqual(expect.any(String));
    const teacherView = await teacher10A.get(`/api/learners/${learnerId}`).expect(200);
    const teacherMeetings = teacherView.body.timeline.filter(
      (item: { kind: string }) => item.kind === 'guidance_meeting',
    );
    expect(teacherMeetings).toHaveLength(shown.length);
    expect(JSON.stringify(teacherMeetings)).not.toContain('paramedic');
  });

  it("hides a meeting from a teacher who does not teach the learner and from another academy's staff", async () => {
    const created = await recordMeeting(adviser, -4);
    await teacher11A.get(`/api/guidance-meetings/${created.body.id}`).expect(404);
    await adviserOfB.get(`/api/guidance-meetings/${created.body.id}`).expect(404);
    const list = await adviserOfB.get(`/api/guidance-meetings?learnerId=${fx.learnersA[0].id}`).expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    await adviserOfB.patch(`/api/guidance-meetings/${created.body.id}`).send({ mode: 'virtual' }).expect(404);
    await adviserOfB.delete(`/api/guidance-meetings/${created.body.id}`).expect(404);
    await teacher10A.post('/api/guidance-meetings').send(body()).expect(403);
    await academyLeader
      .patch(`/api/guidance-meetings/${created.body.id}`)
      .send({ mode: 'virtual' })
      .expect(403);
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, () => Record<string, unknown>, RegExp][] = [
      ['several learners', () => ({ learnerId: [fx.learnersA[0].id, fx.learnersA[1].id] }), /learnerId/],
      ['a list of learners', () => ({ learnerIds: [fx.learnersA[0].id, fx.learnersA[1].id] }), /learnerIds/],
      ['an unknown learner', () => ({ learnerId: '00000000-0000-4000-8000-000000000004' }), /learnerId/],
      [
        'a learner of an academy the adviser does not serve',
        () => ({ learnerId: fx.learnersB[0].id }),
        /learnerId/,
      ],
      ['a learner who had left', () => ({ learnerId: fx.leaver.id }), /learnerId/],
      ['adviser level 9', () => ({ adviserLevel: 9 }), /adviserLevel/],
      ['adviser level 0', () => ({ adviserLevel: 0 }), /adviserLevel/],
      ['adviser level 6.5', () => ({ adviserLevel: 6.5 }), /adviserLevel/],
      ['an unknown mode', () => ({ mode: 'carrier_pigeon' }), /mode/],
      ['a date more than a year ahead', () => ({ date: addDays(todayIsoDate(), 400) }), /date/],
      ['a follow-up before the meeting', () => ({ followUpOn: addDays(fx.date, -1) }), /followUpOn/],
      ['an over-long summary', () => ({ summary: 'x'.repeat(10001) }), /summary/],
      ['an over-long adviser name', () => ({ adviserName: 'x'.repeat(201) }), /adviserName/],
      ['missing agreed actions', () => ({ agreedActions: undefined }), /agreedActions/],
    ];

    it.each(cases)('refuses %s', async (_name, overrides, field) => {
      const meetings = await count('guidance_meeting');
      const audit = await count('audit_entry');
      const response = await adviser.post('/api/guidance-meetings').send(body(overrides())).expect(400);
      expect(response.body.message).toMatch(field);
      expect(response.body.details.length).toBeGreaterThan(0);
      expect(await count('guidance_meeting')).toBe(meetings);
      expect(await count('audit_entry')).toBe(audit);
    });

    it('refuses a change of learner on PATCH', async () => {
      const created = await recordMeeting(adviser, -5);
      const response = await adviser
        .patch(`/api/guidance-meetings/${created.body.id}`)
        .send({ learnerId: fx.learnersA[1].id })
        .expect(400);
      expect(response.body.message).toMatch(/learnerId/);
    });
  });

  it('changes a meeting, auditing the names of restricted fields but never their text, then deletes it, notes and all', async () => {
    const created = await recordMeeting(adviser, -6);
    const changed = await adviser
      .patch(`/api/guidance-meetings/${created.body.id}`)
      .send({ summary: 'Now set on nursing.', adviserLevel: 7, followUpOn: null })
      .expect(200);
    expect(changed.body).toMatchObject({ summary: 'Now set on nursing.', adviserLevel: 7, followUpOn: null });
    const [update] = await dataSource.query(
      `SELECT details FROM audit_entry WHERE entity_id = $1 AND action = 'guidance_meeting.update'`,
      [created.body.id],
    );
    expect(update.details.changed).toEqual(['adviserLevel', 'summary']);
    expect(update.details.adviserLevel).toEqual({ from: 6, to: 7 });
    expect(JSON.stringify(update.details)).not.toContain('nursing');
    await adviser.patch(`/api/guidance-meetings/${created.body.id}`).send({ adviserLevel: 9 }).expect(400);
    await adviser.patch(`/api/guidance-meetings/${created.body.id}`).send({ summary: null }).expect(400);

    await lead.delete(`/api/guidance-meetings/${created.body.id}`).expect(204);
    await lead.get(`/api/guidance-meetings/${created.body.id}`).expect(404);
    // Purged: neither the meeting nor its notes are left anywhere in the database.
    expect(
      await dataSource.query(`SELECT id FROM guidance_meeting WHERE id = $1`, [created.body.id]),
    ).toEqual([]);
    const [{ traces }] = await dataSource.query(
      `SELECT (SELECT count(*) FROM guidance_meeting WHERE summary LIKE '%nursing%')
            + (SELECT count(*) FROM audit_entry WHERE details::text LIKE '%nursing%') AS traces`,
    );
    expect(Number(traces)).toBe(0);
    const [deletion] = await dataSource.query(
      `SELECT user_id FROM audit_entry WHERE entity_id = $1 AND action = 'guidance_meeting.delete'`,
      [created.body.id],
    );
    expect(deletion.user_id).toBe(lead.userId);
  });

  it('upgrading purges the meetings deleted before, notes and all, and keeps the live ones', async () => {
    const live = await recordMeeting(adviser, -8);
    const [withdrawn] = await dataSource.query(
      `INSERT INTO guidance_meeting (learner_id, academy_id, academic_year, date, adviser_name, adviser_level, mode,
         summary, agreed_actions, deleted_at, deleted_by)
       VALUES ($1, $2, $3, $4, 'Old Adviser', 6, 'in_person', 'Kept for ever before', 'None', now(), $5) RETURNING id`,
      [fx.learnersA[1].id, fx.academyA, fx.academicYear, fx.date, lead.userId],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new PurgeDeletedGuidanceMeetings1764940000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await dataSource.query(`SELECT id FROM guidance_meeting WHERE id = $1`, [withdrawn.id])).toEqual(
      [],
    );
    await adviser.get(`/api/guidance-meetings/${live.body.id}`).expect(200);
  });
});
