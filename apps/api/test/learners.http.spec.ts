import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LearnersService } from '../src/learners/learners.service';
import { readRosterCsv } from '../src/roster-import/roster-csv-reader';
import { RosterImportService } from '../src/roster-import/roster-import.service';
import { cohort, createAcademies, rosterCsv, type RosterLine, upn } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { createTestApp, resetDatabase } from './test-app';

describe(`${LearnersService.name} and groups (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let careersLead: SignedInAgent;
  let teacher: SignedInAgent;
  let groupIds: Record<string, string>;
  let learnerIds: Record<string, string>;

  const kilnsideRoster: RosterLine[] = [
    ...cohort(1, 10, 9, 2025),
    ...cohort(11, 6, 10, 2025),
    {
      upn: upn(50),
      surname: 'Okafor',
      forename: 'Adaeze',
      knownAs: 'Ada',
      dob: '03/03/2011',
      year: '9',
      form: '9A',
    },
    { upn: upn(51), surname: "O'Neill", forename: 'Niamh', dob: '04/04/2011', year: '9', form: '9B' },
  ];
  const burslemRoster = cohort(101, 8, 9, 2025);

  async function importRoster(academyId: string, lines: RosterLine[], academicYear = 2025) {
    const roster = await readRosterCsv([Buffer.from(rosterCsv(lines))]);
    await app
      .get(RosterImportService)
      .import(academyId, academicYear, roster, { dryRun: false, actorId: null });
  }

  /** Who learner 50 is, in the list and in the record alike. */
  const adaOkafor = () => ({
    id: learnerIds[upn(50)],
    upn: upn(50),
    legalSurname: 'Okafor',
    legalForename: 'Adaeze',
    preferredSurname: null,
    preferredForename: 'Ada',
    name: 'Ada Okafor',
  });

  beforeAll(async () => {
    app = await createTestApp();
    await resetDatabase(app);
    [kilnside, burslem] = await createAcademies(app, [
      { name: 'Kilnside Academy', urn: '920001' },
      { name: 'Burslem Vale Academy', urn: '920002' },
    ]);
    await importRoster(kilnside, kilnsideRoster);
    await importRoster(burslem, burslemRoster);
    const dataSource = app.get(DataSource);
    const groups: { id: string; key: string }[] = await dataSource.query(
      `SELECT g.id, a.urn || ':' || g.name AS key FROM learning_group g JOIN academy a ON a.id = g.academy_id`,
    );
    groupIds = Object.fromEntries(groups.map((group) => [group.key, group.id]));
    const learners: { id: string; upn: string }[] = await dataSource.query('SELECT id, upn FROM learner');
    learnerIds = Object.fromEntries(learners.map((learner) => [learner.upn, learner.id]));
    admin = await signedInUser(app, ['trust_admin']);
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    teacher = await signedInUser(app, ['teacher'], {
      academyIds: [kilnside],
      groupIds: [groupIds['920001:9A']],
    });
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/learners', () => {
    it('lists every learner of the year for a trust administrator, by surname, paged', async () => {
      const first = await admin.get('/api/learners?academicYear=2025&pageSize=5').expect(200);
      expect(first.body).toMatchObject({ total: 18 + 8, page: 1, pageSize: 5 });
      expect(first.body.items).toHaveLength(5);
      // "O'Neill" sorts before "Okafor": the apostrophe comes before the letters.
      expect(first.body.items[0].upn).toBe(upn(51));
      expect(first.body.items[1]).toEqual({
        ...adaOkafor(),
        academyId: kilnside,
        academicYear: 2025,
        yearGroup: 9,
        group: { id: groupIds['920001:9A'], name: '9A' },
      });
      const last = await admin.get('/api/learners?academicYear=2025&pageSize=5&page=6').expect(200);
      expect(last.body).toMatchObject({ total: 26, page: 6 });
      expect(last.body.items).toHaveLength(1);
      const beyond = await admin.get('/api/learners?academicYear=2025&pageSize=5&page=9').expect(200);
      expect(beyond.body).toMatchObject({ total: 26, items: [] });
    });

    it('filters by academy, year group and group', async () => {
      const byAcademy = await admin.get(`/api/learners?academicYear=2025&academyId=${burslem}`).expect(200);
      expect(byAcademy.body.total).toBe(8);
      const byYear = await admin
        .get(`/api/learners?academicYear=2025&academyId=${kilnside}&yearGroup=10`)
        .expect(200);
      expect(byYear.body.total).toBe(6);
      const byGroup = await admin
        .get(`/api/learners?academicYear=2025&groupId=${groupIds['920001:9B']}`)
        .expect(200);
      expect(byGroup.body.items.every((item: { group: { name: string } }) => item.group.name === '9B')).toBe(
        true,
      );
      expect(byGroup.body.total).toBe(6);
      const otherYear = await admin.get('/api/learners?academicYear=2024').expect(200);
      expect(otherYear.body.total).toBe(0);
    });

    it('searches by any part of a name or UPN, in any case, every word having to match', async () => {
      const search = async (q: string) =>
        (await admin.get(`/api/learners?academicYear=2025&q=${encodeURIComponent(q)}`).expect(200)).body;
      expect((await search('okaf')).items.map((item: { upn: string }) => item.upn)).toEqual([upn(50)]);
      expect((await search('ADA')).items.map((item: { upn: string }) => item.upn)).toEqual([upn(50)]);
      expect((await search("o'neill")).items.map((item: { upn: string }) => item.upn)).toEqual([upn(51)]);
      expect((await search(upn(51).toLowerCase())).total).toBe(1);
      expect((await search(upn(51).slice(5))).total).toBe(1);
      expect((await search('niamh okafor')).total).toBe(0);
      // Forename1, Forename10..16 at Kilnside and Forename101..108 at Burslem.
      expect((await search('forename1 surname1')).total).toBe(1 + 7 + 8);
      expect((await search('100%')).total).toBe(0);
      expect((await search('_')).total).toBe(0);
    });

    it('shows a careers lead only their academy, and a teacher only the groups they teach', async () => {
      const lead = await careersLead.get('/api/learners?academicYear=2025&pageSize=100').expect(200);
      expect(lead.body.total).toBe(18);
      expect(lead.body.items.every((item: { academyId: string }) => item.academyId === kilnside)).toBe(true);
      const leadAtBurslem = await careersLead
        .get(`/api/learners?academicYear=2025&academyId=${burslem}`)
        .expect(200);
      expect(leadAtBurslem.body).toMatchObject({ total: 0, items: [] });

      const taught = await teacher.get('/api/learners?academicYear=2025&pageSize=100').expect(200);
      expect(taught.body.total).toBe(6);
      expect(taught.body.items.every((item: { group: { name: string } }) => item.group.name === '9A')).toBe(
        true,
      );
      const searched = await teacher.get(`/api/learners?academicYear=2025&q=${upn(51)}`).expect(200);
      expect(searched.body.total).toBe(0);
    });

    it('refuses bad query parameters with 400 naming them', async () => {
      const response = await admin.get('/api/learners?pageSize=1000&yearGroup=0&groupId=nope').expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
        'groupId',
        'pageSize',
        'yearGroup',
      ]);
      await teacher.get('/api/learners?surprise=1').expect(400);
    });
  });

  describe('GET /api/learners: the learners page filters', () => {
    type Item = {
      id: string;
      upn: string;
      academyId: string;
      ruleStatus?: string;
      group: { name: string } | null;
    };
    const list = async (agent: SignedInAgent, query: string): Promise<{ total: number; items: Item[] }> =>
      (await agent.get(`/api/learners?academicYear=2025&pageSize=500&${query}`).expect(200)).body;
    let chosen: { id: string; group: string }[];
    let held: { id: string; pupilPremium: boolean; sen: string; eal: boolean }[] = [];

    beforeAll(async () => {
      const dataSource = app.get(DataSource);
      // What this block changes is put back after it, so that the tests after it see the fixtures as made.
      held = await dataSource.query(
        `SELECT learner_id AS id, pupil_premium AS "pupilPremium", sen_status AS sen, eal FROM enrolment
          WHERE academic_year = 2025`,
      );
      // Two learners of 9A and one of Burslem with pupil premium; one with an EHC plan; one with EAL.
      chosen = await dataSource.query(
        `SELECT e.learner_id AS id, g.name AS group FROM enrolment e JOIN learning_group g ON g.id = e.registration_group_id
          WHERE e.academic_year = 2025 AND e.academy_id = $1 ORDER BY g.name = '9A' DESC, e.learner_id`,
        [kilnside],
      );
      const inNineA = chosen.filter((learner) => learner.group === '9A').slice(0, 2);
      const atBurslem: { id: string }[] = await dataSource.query(
        `SELECT learner_id AS id FROM enrolment WHERE academy_id = $1 AND academic_year = 2025 LIMIT 1`,
        [burslem],
      );
      chosen = [...inNineA, { id: atBurslem[0].id, group: '' }];
      await dataSource.query(
        `UPDATE enrolment SET pupil_premium = true WHERE academic_year = 2025 AND learner_id = ANY($1::uuid[])`,
        [chosen.map((learner) => learner.id)],
      );
      await dataSource.query(
        `UPDATE enrolment SET sen_status = 'E', eal = true WHERE academic_year = 2025 AND learner_id = $1`,
        [inNineA[0].id],
      );
    });

    afterAll(async () => {
      const dataSource = app.get(DataSource);
      for (const row of held) {
        await dataSource.query(
          `UPDATE enrolment SET pupil_premium = $2, sen_status = $3, eal = $4
            WHERE academic_year = 2025 AND learner_id = $1`,
          [row.id, row.pupilPremium, row.sen, row.eal],
        );
      }
    });

    it('filters by pupil premium, SEN, EAL and looked after, scoped as the list is', async () => {
      const all = await list(admin, 'pupilPremium=true');
      expect(all.items.map((item) => item.id).sort()).toEqual(chosen.map((learner) => learner.id).sort());
      const lead = await list(careersLead, 'pupilPremium=true');
      expect(lead.total).toBe(2);
      expect(lead.items.every((item) => item.academyId === kilnside)).toBe(true);
      const taught = await list(teacher, 'pupilPremium=true&sen=any&eal=true');
      expect(taught.items.map((item) => item.id)).toEqual([chosen[0].id]);
      expect((await list(admin, 'sen=E')).total).toBe(1);
      expect((await list(admin, 'sen=K')).total).toBe(0);
      const everyone = (await list(admin, '')).total;
      expect((await list(admin, 'pupilPremium=false')).total).toBe(everyone - 3);
      expect((await list(admin, 'lookedAfter=true')).total).toBe(0);
      expect(
        (await list(admin, 'gender=unknown')).total +
          (await list(admin, 'gender=F')).total +
          (await list(admin, 'gender=M')).total,
      ).toBe(everyone);
      // A teacher asking for another academy's learners sees none.
      expect(await list(teacher, `academyId=${burslem}&pupilPremium=true`)).toMatchObject({
        total: 0,
        items: [],
      });
    });

    it("filters by a rule's status at a date, each learner once, with the status in the answer", async () => {
      const asAt = '2026-03-02';
      const everyone = await list(admin, `asAt=${asAt}`);
      const byStatus: Record<string, Item[]> = {};
      for (const status of ['met', 'on_track', 'at_risk', 'missed', 'not_applicable']) {
        byStatus[status] = (await list(admin, `rule=B5&status=${status}&asAt=${asAt}`)).items;
        expect(byStatus[status].every((item) => item.ruleStatus === status)).toBe(true);
      }
      const counted = Object.values(byStatus)
        .flat()
        .map((item) => item.id);
      expect(new Set(counted).size).toBe(counted.length);
      expect(counted.sort()).toEqual(everyone.items.map((item) => item.id).sort());
      const notMet = await list(admin, `rule=B5&status=not_met&asAt=${asAt}`);
      expect(notMet.total).toBe(byStatus.on_track.length + byStatus.at_risk.length + byStatus.missed.length);
      // Without a status, the rule's status comes with each learner; without a rule, none does.
      const withRule = await list(admin, `rule=B5&asAt=${asAt}`);
      expect(withRule.items.every((item) => typeof item.ruleStatus === 'string')).toBe(true);
      expect(everyone.items.some((item) => 'ruleStatus' in item)).toBe(false);
      // A teacher's answer is still only their class.
      const taught = await list(teacher, `rule=B5&status=not_met&asAt=${asAt}`);
      expect(taught.items.every((item) => item.group?.name === '9A')).toBe(true);
    });

    it('sorts by UPN, year group or class, either way', async () => {
      const byUpn = await list(admin, 'sort=upn&direction=desc');
      const upns = byUpn.items.map((item) => item.upn);
      expect(upns).toEqual([...upns].sort().reverse());
      const byGroup = await list(admin, 'sort=group');
      const groups = byGroup.items.map((item) => (item.group?.name ?? '').toLowerCase());
      expect(groups).toEqual([...groups].sort());
    });

    it('refuses a status without its rule, and unknown rules, statuses and sorts', async () => {
      const alone = await admin.get('/api/learners?status=not_met').expect(400);
      expect(alone.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
      const bad = await admin
        .get('/api/learners?rule=B99&status=maybe&sort=age&pupilPremium=yes')
        .expect(400);
      expect(bad.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual([
        'pupilPremium',
        'rule',
        'sort',
        'status',
      ]);
    });
  });

  describe('GET /api/learners/{id}', () => {
    it('gives the learner with every enrolment, the timeline and every rule status (R-S-1..3, R-PAL-1)', async () => {
      const response = await careersLead
        .get(`/api/learners/${learnerIds[upn(50)]}?academicYear=2025&asAt=2026-03-31`)
        .expect(200);
      expect(response.body).toEqual({
        learner: {
          ...adaOkafor(),
          dateOfBirth: '2011-03-03',
          gender: null,
        },
        enrolments: [
          {
            academicYear: 2025,
            academyId: kilnside,
            academyName: 'Kilnside Academy',
            yearGroup: 9,
            group: { id: groupIds['920001:9A'], name: '9A' },
            pupilPremium: false,
            senStatus: 'N',
            eal: false,
            lookedAfter: false,
            consideringHigherEducation: false,
            admissionDate: null,
            leavingDate: null,
          },
        ],
        timeline: [],
        // R-WEX: nothing attended yet; the targets are the policy's defaults.
        workExperience: {
          ks3: { doneHours: 0, plannedHours: 0, countedHours: 0, targetHours: 25 },
          ks4: { doneHours: 0, plannedHours: 0, countedHours: 0, targetHours: 25 },
          items: [],
        },
        partTimeJobs: [],
        // R-DEST-3: an administrator may see NEET risk, so the (absent) mark is answered as null.
        destinations: { intended: [], neetRisk: null, actual: [], consentToFollowUp: null },
        academicYear: 2025,
        asAt: '2026-03-31',
        ruleStatuses: {
          O2: 'on_track',
          B5: 'on_track',
          B6_16: 'on_track',
          B6_18: 'not_applicable',
          B7_16: 'on_track',
          B7_18: 'not_applicable',
          B8_16: 'on_track',
          B8_18: 'not_applicable',
          // Window 1 (Year 8 and Year 9 to February) closed on 28 February 2026 with nothing attended.
          PAL1: 'missed',
          PAL2: 'not_applicable',
          PAL3: 'not_applicable',
          // R-WEX-3: Year 9 closes the KS3 window on 31 August 2026, more than 122 days away.
          WEX_KS3: 'on_track',
          WEX_KS4: 'not_applicable',
          // R-DEST-2: a Year 9 learner has no destination to confirm yet.
          DEST_16: 'not_applicable',
          DEST_18: 'not_applicable',
        },
        ruleDetails: expect.objectContaining({
          B5: {
            status: 'on_track',
            window: { start: '2025-09-01', end: '2026-08-31' },
            evidence: [],
            stillNeeded: '1 employer encounter by 31 Aug 2026',
          },
        }),
      });
    });

    it("answers 404 for a learner the caller may not see: another academy's, or outside a teacher's groups", async () => {
      const atBurslem = learnerIds[upn(101)];
      const otherGroup = learnerIds[upn(51)];
      await admin.get(`/api/learners/${atBurslem}`).expect(200);
      const hidden = await careersLead.get(`/api/learners/${atBurslem}`).expect(404);
      expect(hidden.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'No such learner.',
        details: [],
      });
      await teacher.get(`/api/learners/${otherGroup}`).expect(404);
      await teacher.get(`/api/learners/${atBurslem}`).expect(404);
      await teacher.get(`/api/learners/${learnerIds[upn(50)]}`).expect(200);
      await admin.get('/api/learners/00000000-0000-4000-8000-000000000000').expect(404);
      await admin.get('/api/learners/not-a-uuid').expect(400);
    });
  });

  describe('GET /api/groups', () => {
    it("lists a year's registration groups with their learners and teachers", async () => {
      const response = await careersLead
        .get(`/api/groups?academyId=${kilnside}&academicYear=2025`)
        .expect(200);
      expect(response.body).toEqual([
        expect.objectContaining({
          name: '9A',
          yearGroup: 9,
          kind: 'registration',
          learnerCount: 6,
          teacherIds: [teacher.userId],
        }),
        expect.objectContaining({ name: '9B', yearGroup: 9, learnerCount: 6, teacherIds: [] }),
        expect.objectContaining({ name: '10A', yearGroup: 10, learnerCount: 3 }),
        expect.objectContaining({ name: '10B', yearGroup: 10, learnerCount: 3 }),
      ]);
      const atBurslem = await careersLead.get(`/api/groups?academyId=${burslem}`).expect(200);
      expect(atBurslem.body).toEqual([]);
      const all = await admin.get('/api/groups?academicYear=2025').expect(200);
      expect(all.body).toHaveLength(6);
      const taught = await teacher.get('/api/groups').expect(200);
      expect(taught.body.map((group: { name: string }) => group.name)).toEqual(['9A']);
    });

    it('gives a group with its learners, and 404 for a group the caller may not see', async () => {
      const response = await teacher.get(`/api/groups/${groupIds['920001:9A']}`).expect(200);
      expect(response.body).toMatchObject({
        name: '9A',
        academyId: kilnside,
        academicYear: 2025,
        learnerCount: 6,
      });
      expect(response.body.learners.map((learner: { name: string }) => learner.name)[0]).toBe('Ada Okafor');
      expect(response.body.learners).toHaveLength(6);
      await teacher.get(`/api/groups/${groupIds['920001:9B']}`).expect(404);
      await careersLead.get(`/api/groups/${groupIds['920002:9A']}`).expect(404);
      await admin.get(`/api/groups/${groupIds['920002:9A']}`).expect(200);
    });
  });
});
