import { addDays } from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnerProgressService } from '../src/coverage/learner-progress.service';
import { ActualDestinationsService } from '../src/destination-follow-up/actual-destinations.service';
import { Clock } from '../src/destination-follow-up/clock';
import { NeetRiskService } from '../src/destination-follow-up/neet-risk.service';
import { upn } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

/** The day the tests are set on: the academic year 2026/27, after the first anniversary of 2025's leavers. */
const TODAY = '2026-11-16';
const YEAR = 2026;
const REASON = 'Disengaged since Easter; no application anywhere.';
const SUPPORT = 'Weekly check-in with the careers adviser; taster day at the college.';

interface EnrolmentSpec {
  academyId: string;
  year: number;
  yearGroup: number;
  leavingDate?: string;
  pupilPremium?: boolean;
  groupId?: string;
}

/** `DEST_16`/`DEST_18` as a learner's progress holds them: the window's last day and the day met. */
interface DestinationProgress {
  windowEnd: string | null;
  metOn?: string;
}

describe('Destinations follow-up: NEET risk and actual destinations (HTTP, PostgreSQL)', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let academyA: string;
  let academyB: string;
  let group11: string;
  let serial = 0;
  const users: Record<string, SignedInAgent> = {};

  /** A learner with their enrolments (the last one places them), recorded as the roster would. */
  async function learner(surname: string, enrolments: EnrolmentSpec[]): Promise<string> {
    serial += 1;
    const [row] = await dataSource.query(
      `INSERT INTO learner (upn, legal_surname, legal_forename, date_of_birth, gender)
       VALUES ($1, $2, 'Fixture', '2010-05-05', $3) RETURNING id`,
      [upn(70_000 + serial), surname, serial % 2 ? 'F' : 'M'],
    );
    for (const enrolment of enrolments) {
      await dataSource.query(
        `INSERT INTO enrolment (learner_id, academic_year, academy_id, year_group, registration_group_id,
           leaving_date, pupil_premium)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          enrolment.year,
          enrolment.academyId,
          enrolment.yearGroup,
          enrolment.groupId ?? null,
          enrolment.leavingDate ?? null,
          enrolment.pupilPremium ?? false,
        ],
      );
      if (enrolment.groupId)
        await dataSource.query(`INSERT INTO group_membership (group_id, learner_id) VALUES ($1, $2)`, [
          enrolment.groupId,
          row.id,
        ]);
    }
    return row.id;
  }

  /** Sets the learner's `DEST_16` (Year 11) or `DEST_18` (Year 13) in this year's progress. */
  async function destinationRule(
    learnerId: string,
    rule: 'dest_16' | 'dest_18',
    progress: DestinationProgress,
  ) {
    await app.get(LearnerProgressService).learnersChanged(dataSource.manager, [learnerId]);
    const other = rule === 'dest_16' ? 'dest_18' : 'dest_16';
    await dataSource.query(
      `UPDATE learner_progress SET ${rule}_window_end = $3, ${rule}_met_on = $4, ${other}_window_end = NULL,
         ${other}_met_on = NULL
       WHERE learner_id = $1 AND academic_year = $2`,
      [learnerId, YEAR, progress.windowEnd, progress.metOn ?? null],
    );
  }

  const auditEntries = async (action: string) =>
    (await dataSource.query(
      `SELECT user_id, entity_id, academy_id, details FROM audit_entry WHERE action = $1 ORDER BY id`,
      [action],
    )) as {
      user_id: string;
      entity_id: string | null;
      academy_id: string;
      details: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    dataSource = app.get(DataSource);
    jest.spyOn(app.get(Clock), 'today').mockReturnValue(TODAY);
    const [trust] = await dataSource.query(
      `INSERT INTO trust (name) VALUES ('Follow-up Trust') RETURNING id`,
    );
    const academy = async (name: string, urn: string) =>
      (
        await dataSource.query(
          `INSERT INTO academy (trust_id, name, urn, phase) VALUES ($1, $2, $3, 'secondary') RETURNING id`,
          [trust.id, name, urn],
        )
      )[0].id as string;
    academyA = await academy('Follow-up A', '960001');
    academyB = await academy('Follow-up B', '960002');
    [{ id: group11 }] = await dataSource.query(
      `INSERT INTO learning_group (academy_id, academic_year, name, year_group) VALUES ($1, $2, '11F', 11) RETURNING id`,
      [academyA, YEAR],
    );
    users.adviserA = await signedInUser(app, ['careers_adviser'], { academyIds: [academyA] });
    users.leadA = await signedInUser(app, ['careers_lead'], { academyIds: [academyA] });
    users.adviserB = await signedInUser(app, ['careers_adviser'], { academyIds: [academyB] });
    users.leaderA = await signedInUser(app, ['academy_leader'], { academyIds: [academyA] });
    users.teacher = await signedInUser(app, ['teacher'], { academyIds: [academyA], groupIds: [group11] });
    users.trustLeader = await signedInUser(app, ['trust_leader']);
    users.admin = await signedInUser(app, ['trust_admin']);
  });

  afterAll(async () => {
    await app.close();
  });

  describe(NeetRiskService.name, () => {
    const learners: Record<string, string> = {};

    beforeAll(async () => {
      const year11 = { academyId: academyA, year: YEAR, yearGroup: 11, groupId: group11 };
      learners.marked = await learner('Marked', [year11]);
      learners.missed = await learner('Missed', [year11]);
      learners.atRisk13 = await learner('AtRisk', [{ academyId: academyA, year: YEAR, yearGroup: 13 }]);
      learners.onTrack = await learner('OnTrack', [year11]);
      learners.met = await learner('Met', [year11]);
      learners.year10 = await learner('Younger', [{ academyId: academyA, year: YEAR, yearGroup: 10 }]);
      learners.ofB = await learner('OfB', [{ academyId: academyB, year: YEAR, yearGroup: 11 }]);
      learners.lastSummer = await learner('LastSummer', [
        { academyId: academyA, year: YEAR - 1, yearGroup: 11, leavingDate: `${YEAR}-07-17` },
      ]);
      await destinationRule(learners.marked, 'dest_16', { windowEnd: `${YEAR + 1}-05-31` });
      await destinationRule(learners.missed, 'dest_16', { windowEnd: addDays(TODAY, -20) });
      // Ten days before the window closes: inside the policy's at-risk period.
      await destinationRule(learners.atRisk13, 'dest_18', { windowEnd: addDays(TODAY, 10) });
      await destinationRule(learners.onTrack, 'dest_16', { windowEnd: `${YEAR + 1}-05-31` });
      await destinationRule(learners.met, 'dest_16', {
        windowEnd: addDays(TODAY, -20),
        metOn: addDays(TODAY, -40),
      });
      await destinationRule(learners.ofB, 'dest_16', { windowEnd: addDays(TODAY, -20) });
    });

    // Last summer's Year 11 is a leaver: out of the way of the leavers' cohort of the next tests.
    afterAll(async () => {
      await dataSource.query(`DELETE FROM learner WHERE id = $1`, [learners.lastSummer]);
    });

    const mark = (agent: SignedInAgent, learnerId: string, overrides: Record<string, unknown> = {}) =>
      agent.put('/api/destinations/neet-risk').send({
        learnerId,
        reason: REASON,
        support: SUPPORT,
        reviewOn: addDays(TODAY, 14),
        ...overrides,
      });

    it('marks a learner of Year 11, once however often, audited without the reason or the support', async () => {
      const first = await mark(users.adviserA, learners.marked, { reviewOn: addDays(TODAY, -2) }).expect(200);
      expect(first.body).toMatchObject({
        learnerId: learners.marked,
        yearGroup: 11,
        academyId: academyA,
        group: { id: group11, name: '11F' },
        marked: {
          reason: REASON,
          support: SUPPORT,
          reviewOn: addDays(TODAY, -2),
          markedBy: expect.any(String),
        },
        automatic: null,
        reviewDue: true,
      });
      const again = await mark(users.leadA, learners.marked, {
        reason: `  ${REASON} Missed two interviews.  `,
        reviewOn: addDays(TODAY, -2),
      }).expect(200);
      expect(again.body.marked.reason).toBe(`${REASON} Missed two interviews.`);
      const rows = await dataSource.query(`SELECT count(*)::int AS n FROM neet_risk WHERE learner_id = $1`, [
        learners.marked,
      ]);
      expect(rows[0].n).toBe(1);
      const entries = await auditEntries('neet_risk.mark');
      expect(entries.map((entry) => entry.details)).toEqual([
        expect.objectContaining({ learnerIds: [learners.marked], academicYear: YEAR, created: true }),
        expect.objectContaining({ created: false, changed: ['reason'] }),
      ]);
      expect(entries.every((entry) => entry.academy_id === academyA)).toBe(true);
      expect(JSON.stringify(entries)).not.toContain('Disengaged');
      expect(JSON.stringify(entries)).not.toContain('taster day');
    });

    it('lists the marked and the automatically flagged learners of Years 11 and 13, reviews due first', async () => {
      await mark(users.adviserA, learners.atRisk13, { reviewOn: addDays(TODAY, 20) }).expect(200);
      const readsBefore = (await auditEntries('neet_risk.read')).length;
      const response = await users.adviserA
        .get(`/api/destinations/neet-risk?academyId=${academyA}&academicYear=${YEAR}`)
        .expect(200);
      expect(response.body.academicYear).toBe(YEAR);
      expect(response.body.items.map((item: { learnerId: string }) => item.learnerId)).toEqual([
        learners.marked,
        learners.atRisk13,
        learners.missed,
      ]);
      const [due, atRisk, missed] = response.body.items;
      expect(due).toMatchObject({ reviewDue: true, automatic: null });
      expect(atRisk).toMatchObject({
        yearGroup: 13,
        group: null,
        reviewDue: false,
        marked: { reviewOn: addDays(TODAY, 20) },
        automatic: { rule: 'DEST_18', status: 'at_risk' },
      });
      expect(missed).toMatchObject({
        marked: null,
        reviewDue: false,
        automatic: { rule: 'DEST_16', status: 'missed' },
      });
      // One entry for the answer, naming the learners whose reasons it showed.
      const reads = await auditEntries('neet_risk.read');
      expect(reads).toHaveLength(readsBefore + 1);
      expect(reads.at(-1)).toMatchObject({
        user_id: users.adviserA.userId,
        academy_id: academyA,
        details: { learnerIds: [learners.marked, learners.atRisk13] },
      });
      expect(JSON.stringify(reads)).not.toContain('Disengaged');
    });

    it('filters the reminder view to the reviews due, or to the rest', async () => {
      const due = await users.leadA
        .get(`/api/destinations/neet-risk?academyId=${academyA}&reviewDue=true`)
        .expect(200);
      expect(due.body.items.map((item: { learnerId: string }) => item.learnerId)).toEqual([learners.marked]);
      const notDue = await users.admin
        .get(`/api/destinations/neet-risk?academyId=${academyA}&reviewDue=false`)
        .expect(200);
      expect(notDue.body.items.map((item: { learnerId: string }) => item.learnerId)).toEqual([
        learners.atRisk13,
        learners.missed,
      ]);
    });

    it("reads one learner's entry, marked or not, and audits the reasons read", async () => {
      const marked = await users.adviserA.get(`/api/destinations/neet-risk/${learners.marked}`).expect(200);
      expect(marked.body.marked.support).toBe(SUPPORT);
      expect((await auditEntries('neet_risk.read')).at(-1)).toMatchObject({
        entity_id: learners.marked,
        details: { learnerIds: [learners.marked] },
      });
      const reads = (await auditEntries('neet_risk.read')).length;
      const plain = await users.adviserA.get(`/api/destinations/neet-risk/${learners.onTrack}`).expect(200);
      expect(plain.body).toMatchObject({ marked: null, automatic: null, reviewDue: false });
      expect(await auditEntries('neet_risk.read')).toHaveLength(reads);
    });

    it('refuses a learner not in Year 11 or 13 that year (422), and marks last summer’s Year 11 with its year', async () => {
      const younger = await mark(users.adviserA, learners.year10).expect(422);
      expect(younger.body.details).toEqual([expect.objectContaining({ field: 'learnerId' })]);
      await mark(users.adviserA, learners.lastSummer).expect(422);
      await mark(users.adviserA, learners.marked, { academicYear: YEAR - 1 }).expect(422);
      const leaver = await mark(users.adviserA, learners.lastSummer, { academicYear: YEAR - 1 }).expect(200);
      expect(leaver.body).toMatchObject({ yearGroup: 11, marked: { reason: REASON } });
      const list = await users.adviserA
        .get(`/api/destinations/neet-risk?academyId=${academyA}&academicYear=${YEAR - 1}`)
        .expect(200);
      expect(list.body.items.map((item: { learnerId: string }) => item.learnerId)).toEqual([
        learners.lastSummer,
      ]);
    });

    it("refuses NEET risk to everyone else: 403 for an academy's list, 404 for a learner, nothing audited", async () => {
      const reads = (await auditEntries('neet_risk.read')).length;
      const marks = (await auditEntries('neet_risk.mark')).length;
      for (const agent of [users.teacher, users.leaderA, users.trustLeader]) {
        await agent.get(`/api/destinations/neet-risk?academyId=${academyA}`).expect(403);
        await agent.get(`/api/destinations/neet-risk/${learners.marked}`).expect(403);
        await mark(agent, learners.marked).expect(403);
        await agent.delete(`/api/destinations/neet-risk?learnerId=${learners.marked}`).expect(403);
      }
      await users.adviserB.get(`/api/destinations/neet-risk?academyId=${academyA}`).expect(403);
      await users.adviserB.get(`/api/destinations/neet-risk/${learners.marked}`).expect(404);
      await mark(users.adviserB, learners.marked).expect(404);
      await users.adviserB.delete(`/api/destinations/neet-risk?learnerId=${learners.marked}`).expect(404);
      await users.adviserA.get(`/api/destinations/neet-risk/${learners.ofB}`).expect(404);
      await mark(users.adviserA, learners.ofB).expect(404);
      await users.adviserA
        .get('/api/destinations/neet-risk/00000000-0000-4000-8000-000000000001')
        .expect(404);
      await users.admin
        .get('/api/destinations/neet-risk?academyId=00000000-0000-4000-8000-000000000001')
        .expect(404);
      expect(await auditEntries('neet_risk.read')).toHaveLength(reads);
      expect(await auditEntries('neet_risk.mark')).toHaveLength(marks);
      const own = await users.adviserB.get(`/api/destinations/neet-risk?academyId=${academyB}`).expect(200);
      expect(own.body.items).toEqual([expect.objectContaining({ learnerId: learners.ofB, marked: null })]);
    });

    it('clears a mark (204), audited; then the learner is no longer marked (404 to clear again)', async () => {
      await mark(users.adviserA, learners.onTrack).expect(200);
      await users.leadA.delete(`/api/destinations/neet-risk?learnerId=${learners.onTrack}`).expect(204);
      await users.leadA.delete(`/api/destinations/neet-risk?learnerId=${learners.onTrack}`).expect(404);
      const entry = await users.leadA.get(`/api/destinations/neet-risk/${learners.onTrack}`).expect(200);
      expect(entry.body.marked).toBeNull();
      expect((await auditEntries('neet_risk.clear')).at(-1)).toMatchObject({
        user_id: users.leadA.userId,
        entity_id: learners.onTrack,
        academy_id: academyA,
        details: { learnerIds: [learners.onTrack] },
      });
    });

    describe('bad input: 400 naming the field, nothing written', () => {
      const cases: [string, () => Record<string, unknown>, RegExp][] = [
        ['no reason', () => ({ reason: undefined }), /reason/],
        ['a blank reason', () => ({ reason: '   ' }), /reason/],
        ['an over-long reason', () => ({ reason: 'x'.repeat(2001) }), /reason/],
        ['no support', () => ({ support: undefined }), /support/],
        ['an impossible review date', () => ({ reviewOn: '2026-02-30' }), /reviewOn/],
        ['a review two years ahead', () => ({ reviewOn: addDays(TODAY, 800) }), /reviewOn/],
        ['a learner id that is not one', () => ({ learnerId: 'learner-1' }), /learnerId/],
        ['an unknown field', () => ({ reasonCode: 'X' }), /reasonCode/],
      ];

      it.each(cases)('refuses %s', async (_name, overrides, field) => {
        const before = await dataSource.query(`SELECT count(*)::int AS n FROM neet_risk`);
        const response = await mark(users.adviserA, learners.missed, overrides()).expect(400);
        expect(response.body.message).toMatch(field);
        expect(await dataSource.query(`SELECT count(*)::int AS n FROM neet_risk`)).toEqual(before);
      });

      it('refuses a list without an academy, or with a review flag that is not true or false', async () => {
        const missing = await users.adviserA.get('/api/destinations/neet-risk').expect(400);
        expect(missing.body.message).toMatch(/academyId/);
        const flag = await users.adviserA
          .get(`/api/destinations/neet-risk?academyId=${academyA}&reviewDue=soon`)
          .expect(400);
        expect(flag.body.message).toMatch(/reviewDue/);
        await users.adviserA.delete('/api/destinations/neet-risk').expect(400);
      });
    });
  });

  describe(ActualDestinationsService.name, () => {
    const leavers: Record<string, string> = {};
    const left = (overrides: Partial<EnrolmentSpec> = {}): EnrolmentSpec => ({
      academyId: academyA,
      year: YEAR - 1,
      yearGroup: 11,
      ...overrides,
    });

    beforeAll(async () => {
      leavers.pp1 = await learner('Ashworth', [left({ leavingDate: `${YEAR}-07-17`, pupilPremium: true })]);
      leavers.pp2 = await learner('Bradley', [left({ pupilPremium: true })]);
      leavers.other1 = await learner('Cartwright', [left({ yearGroup: 13, leavingDate: `${YEAR}-06-30` })]);
      leavers.other2 = await learner('Dunmore', [left()]);
      leavers.pseudonymised = await learner('Earnshaw', [left()]);
      await dataSource.query(
        `UPDATE learner SET legal_forename = 'Pseudonymised', legal_surname = 'leaver', date_of_birth = NULL,
           pseudonymised_at = now() WHERE id = $1`,
        [leavers.pseudonymised],
      );
      leavers.stayed = await learner('Stayed', [left(), left({ year: YEAR, yearGroup: 12 })]);
      leavers.movedToB = await learner('Moved', [
        left(),
        left({ year: YEAR, yearGroup: 12, academyId: academyB }),
      ]);
      leavers.of2024 = await learner('Earlier', [left({ year: YEAR - 2, leavingDate: `${YEAR - 1}-07-18` })]);
      leavers.current = await learner('Current', [left({ year: YEAR, yearGroup: 10 })]);
    });

    const record = (agent: SignedInAgent, learnerId: string, overrides: Record<string, unknown> = {}) =>
      agent.put('/api/destinations/actual').send({
        learnerId,
        anniversary: 1,
        category: 'further_education',
        source: 'learner',
        consentToFollowUp: true,
        ...overrides,
      });

    it('lists the years leavers left in, the latest first, with how many', async () => {
      const response = await users.leaderA
        .get(`/api/destinations/actual/cohorts?academyId=${academyA}`)
        .expect(200);
      expect(response.body).toEqual([
        { leftIn: YEAR - 1, leavers: 5 },
        { leftIn: YEAR - 2, leavers: 1 },
      ]);
      const ofB = await users.admin.get(`/api/destinations/actual/cohorts?academyId=${academyB}`).expect(200);
      expect(ofB.body).toEqual([]);
    });

    it("records a leaver's destination at an anniversary, once, with their consent, audited", async () => {
      const response = await record(users.adviserA, leavers.pp1, {
        category: 'apprenticeship',
        provider: '  Kiln Engineering  ',
      }).expect(200);
      expect(response.body).toMatchObject({
        learnerId: leavers.pp1,
        name: 'Fixture Ashworth',
        pseudonymised: false,
        yearGroup: 11,
        leftOn: `${YEAR}-07-17`,
        consentToFollowUp: true,
        destinations: [
          {
            anniversary: 1,
            on: `${YEAR}-10-01`,
            category: 'apprenticeship',
            provider: 'Kiln Engineering',
            source: 'learner',
          },
        ],
        toFollowUp: [],
      });
      const changed = await record(users.leadA, leavers.pp1, {
        category: 'employment_with_training',
        source: 'provider',
        consentToFollowUp: false,
      }).expect(200);
      expect(changed.body).toMatchObject({
        consentToFollowUp: false,
        destinations: [
          { anniversary: 1, category: 'employment_with_training', provider: null, source: 'provider' },
        ],
      });
      const rows = await dataSource.query(
        `SELECT count(*)::int AS n FROM actual_destination WHERE learner_id = $1`,
        [leavers.pp1],
      );
      expect(rows[0].n).toBe(1);
      const entries = await auditEntries('actual_destination.record');
      expect(entries.map((entry) => entry.details)).toEqual([
        expect.objectContaining({
          learnerIds: [leavers.pp1],
          leftIn: YEAR - 1,
          anniversary: 1,
          created: true,
        }),
        expect.objectContaining({ before: { category: 'apprenticeship', source: 'learner' } }),
      ]);
      expect(entries.every((entry) => entry.academy_id === academyA)).toBe(true);
    });

    it("gives a cohort's figures at each anniversary, with the gaps of R-G-3, and its leavers to follow up", async () => {
      await record(users.adviserA, leavers.pp2, { category: 'neet', consentToFollowUp: false }).expect(200);
      await record(users.adviserA, leavers.other1, {
        category: 'higher_education',
        source: 'provider',
      }).expect(200);
      await record(users.adviserA, leavers.other2, { provider: 'Potteries College' }).expect(200);
      for (const reader of [users.leaderA, users.trustLeader, users.adviserA]) {
        const response = await reader.get(`/api/destinations/actual?academyId=${academyA}`).expect(200);
        expect(response.body).toMatchObject({ academyId: academyA, leftIn: YEAR - 1 });
        const [first, second, third] = response.body.figures;
        // Five leavers; four recorded: three in EET, one NEET.
        expect(first).toMatchObject({
          anniversary: 1,
          on: `${YEAR}-10-01`,
          leavers: 5,
          recorded: 4,
          inEet: 3,
          neet: 1,
          notKnown: 0,
          percentInEet: 60,
        });
        // Pupil premium: 1 of 2 (50%); the rest: 2 of 3 (66.7%).
        expect(first.gaps).toMatchObject({
          'pupilPremium:yes': -16.7,
          'pupilPremium:no': 16.7,
          'sen:K': null,
        });
        expect(second).toMatchObject({
          anniversary: 2,
          on: `${YEAR + 1}-10-01`,
          recorded: 0,
          percentInEet: 0,
        });
        expect(third.on).toBe(`${YEAR + 2}-10-01`);
        expect(response.body.items.map((item: { name: string }) => item.name)).toEqual([
          'Fixture Ashworth',
          'Fixture Bradley',
          'Fixture Cartwright',
          'Fixture Dunmore',
          'Pseudonymised leaver',
        ]);
        expect(response.body.items.at(-1)).toMatchObject({
          learnerId: leavers.pseudonymised,
          upn: null,
          pseudonymised: true,
          leftOn: `${YEAR}-08-31`,
          consentToFollowUp: null,
          destinations: [],
          toFollowUp: [1],
        });
      }
    });

    it('follows up a leaver who refused after 16 at the first anniversary only', async () => {
      const refused = await record(users.adviserA, leavers.of2024, { consentToFollowUp: false }).expect(200);
      expect(refused.body).toMatchObject({ leftOn: `${YEAR - 1}-07-18`, toFollowUp: [] });
      const agreed = await record(users.adviserA, leavers.of2024, { consentToFollowUp: true }).expect(200);
      expect(agreed.body.toFollowUp).toEqual([2]);
      const cohort = await users.adviserA
        .get(`/api/destinations/actual?academyId=${academyA}&leftIn=${YEAR - 2}`)
        .expect(200);
      expect(cohort.body.items).toEqual([
        expect.objectContaining({ learnerId: leavers.of2024, toFollowUp: [2] }),
      ]);
    });

    it('refuses a learner who has not left (422), and leaves of another academy (404)', async () => {
      for (const learnerId of [leavers.stayed, leavers.current]) {
        const response = await record(users.adviserA, learnerId).expect(422);
        expect(response.body.details).toEqual([expect.objectContaining({ field: 'learnerId' })]);
      }
      // Left academy A for academy B: B's learner, not A's leaver.
      await record(users.adviserA, leavers.movedToB).expect(422);
      await record(users.adviserB, leavers.pp1).expect(404);
      await record(users.adviserA, '00000000-0000-4000-8000-000000000002').expect(404);
      const rows = await dataSource.query(
        `SELECT count(*)::int AS n FROM actual_destination WHERE learner_id = ANY($1::uuid[])`,
        [[leavers.stayed, leavers.current, leavers.movedToB]],
      );
      expect(rows[0].n).toBe(0);
    });

    it('lets those who record destinations write, those who read reports read, at their own academies', async () => {
      await users.teacher.get(`/api/destinations/actual?academyId=${academyA}`).expect(403);
      await users.teacher.get(`/api/destinations/actual/cohorts?academyId=${academyA}`).expect(403);
      await record(users.teacher, leavers.other2).expect(403);
      await record(users.leaderA, leavers.other2).expect(403);
      await record(users.trustLeader, leavers.other2).expect(403);
      await users.adviserB.get(`/api/destinations/actual?academyId=${academyA}`).expect(403);
      await users.adviserB.get(`/api/destinations/actual/cohorts?academyId=${academyA}`).expect(403);
      await users.admin
        .get('/api/destinations/actual?academyId=00000000-0000-4000-8000-000000000003')
        .expect(404);
    });

    describe('bad input: 400 naming the field, nothing written', () => {
      const cases: [string, Record<string, unknown>, RegExp][] = [
        ['a fourth anniversary', { anniversary: 4 }, /anniversary/],
        ['an anniversary as text', { anniversary: '1' }, /anniversary/],
        ['an unknown category', { category: 'gap_year' }, /category/],
        ['an unknown source', { source: 'neighbour' }, /source/],
        ['no consent', { consentToFollowUp: undefined }, /consentToFollowUp/],
        ['an over-long provider', { provider: 'x'.repeat(201) }, /provider/],
      ];

      it.each(cases)('refuses %s', async (_name, overrides, field) => {
        const before = await dataSource.query(`SELECT count(*)::int AS n FROM actual_destination`);
        const response = await record(users.adviserA, leavers.other2, overrides).expect(400);
        expect(response.body.message).toMatch(field);
        expect(await dataSource.query(`SELECT count(*)::int AS n FROM actual_destination`)).toEqual(before);
      });

      it('refuses a cohort without an academy or with a year out of range', async () => {
        await users.adviserA.get('/api/destinations/actual').expect(400);
        const year = await users.adviserA
          .get(`/api/destinations/actual?academyId=${academyA}&leftIn=1999`)
          .expect(400);
        expect(year.body.message).toMatch(/leftIn/);
      });
    });
  });
});
