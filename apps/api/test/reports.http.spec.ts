import {
  OFFER_RULE_LABELS,
  RULE_IDS,
  RULE_LABELS,
  type RuleId,
  type SectorReachResponse,
} from '@encounters/domain';
import { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { ReportsService } from '../src/reports/reports.service';
import { binary, pdfInfo, pdfText, renderedPages } from './pdf-files';
import { cohort, rosterCsv } from './roster-files';
import { type SignedInAgent, signedInUser } from './sign-in';
import { startTwoAcademyTrust } from './two-academies';

const YEAR = 2025;
const AS_AT = '2026-03-31';

/** The CSV's sections: the learner rows, the summary and the cohort gaps, split at the blank lines. */
function sections(csv: Buffer): string[][][] {
  const text = csv.toString('utf8').replace(/^\uFEFF/, '');
  return text.split('\r\n\r\n').map((section) => parse(section, { relax_column_count: true }) as string[][]);
}

describe(`${ReportsService.name} (HTTP, PostgreSQL)`, () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let kilnside: string;
  let burslem: string;
  let admin: SignedInAgent;
  let trustLeader: SignedInAgent;
  let academyLeader: SignedInAgent;
  let careersLead: SignedInAgent;
  let otherLead: SignedInAgent;
  let teacher: SignedInAgent;
  let employer: string;
  let college: string;
  let group9A: string;
  let learner9A: string;
  let learner9B: string;

  const get = (agent: SignedInAgent, path: string) => agent.get(path).buffer(true).parse(binary);

  beforeAll(async () => {
    ({ app, dataSource, kilnside, burslem, admin } = await startTwoAcademyTrust(930001, {
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    }));
    const year9 = cohort(100, 10, 9, YEAR).map((line, index) => ({
      ...line,
      pp: index < 3 ? 'Y' : 'N',
      sen: index === 3 ? 'K' : index === 4 ? 'E' : '',
    }));
    const roster = async (academyId: string, lines: ReturnType<typeof cohort>) =>
      admin
        .post(`/api/academies/${academyId}/roster?academicYear=${YEAR}&dryRun=false`)
        .set('content-type', 'text/csv')
        .send(rosterCsv(lines))
        .expect(200);
    await roster(kilnside, [...year9, ...cohort(300, 6, 10, YEAR)]);
    await roster(burslem, cohort(200, 4, 9, YEAR));
    [{ id: group9A }] = await dataSource.query(
      `SELECT id FROM learning_group WHERE academy_id = $1 AND name = '9A'`,
      [kilnside],
    );
    [{ id: learner9A }] = await dataSource.query(
      `SELECT learner_id AS id FROM group_membership WHERE group_id = $1 ORDER BY learner_id LIMIT 1`,
      [group9A],
    );
    [{ id: learner9B }] = await dataSource.query(
      `SELECT m.learner_id AS id FROM group_membership m JOIN learning_group g ON g.id = m.group_id
        WHERE g.academy_id = $1 AND g.name = '9B' LIMIT 1`,
      [kilnside],
    );
    trustLeader = await signedInUser(app, ['trust_leader']);
    academyLeader = await signedInUser(app, ['academy_leader'], { academyIds: [kilnside] });
    careersLead = await signedInUser(app, ['careers_lead'], { academyIds: [kilnside] });
    otherLead = await signedInUser(app, ['careers_lead'], { academyIds: [burslem] });
    teacher = await signedInUser(app, ['teacher'], { academyIds: [kilnside], groupIds: [group9A] });
    employer = (
      await admin
        .post('/api/organisations')
        .send({
          name: 'Kiln Engineering Ltd',
          type: 'employer',
          sectors: ['Engineering and manufacturing', 'Digital'],
          offersTechnicalEducation: false,
        })
        .expect(201)
    ).body.id;
    college = (
      await admin
        .post('/api/organisations')
        .send({
          name: 'Potteries College',
          type: 'further_education',
          sectors: [],
          offersTechnicalEducation: true,
        })
        .expect(201)
    ).body.id;
    const kilnsideYear9: { id: string }[] = await dataSource.query(
      `SELECT learner_id AS id FROM enrolment WHERE academy_id = $1 AND year_group = 9 ORDER BY learner_id`,
      [kilnside],
    );
    const meaningful = {
      purposeShared: true,
      learningOutcomes: true,
      twoWayInteraction: true,
      reflection: true,
    };
    const encounter = (academyId: string, body: Record<string, unknown>) =>
      careersLeadOf(academyId)
        .post('/api/encounters')
        .send({
          academyId,
          delivery: 'in_person',
          duringSchoolDay: true,
          durationMinutes: 60,
          meaningful,
          ...body,
        })
        .expect(201);
    const careersLeadOf = (academyId: string) => (academyId === kilnside ? careersLead : otherLead);
    await encounter(kilnside, {
      title: 'Engineering careers talk',
      date: '2025-11-12',
      format: 'talk',
      organisationIds: [employer],
      attendees: { yearGroups: [9] },
      absentLearnerIds: [kilnsideYear9[8].id, kilnsideYear9[9].id],
    });
    await encounter(kilnside, {
      title: 'Potteries College open morning',
      date: '2025-10-15',
      format: 'provider_visit',
      organisationIds: [college],
      meaningful: { ...meaningful, providerInformation: true, whatLearningIsLike: true },
      attendees: { yearGroups: [9, 10] },
    });
    // After the 31 December snapshot: the comparison must show it.
    await encounter(burslem, {
      title: 'Digital careers talk',
      date: '2026-01-20',
      format: 'talk',
      organisationIds: [employer],
      attendees: { yearGroups: [9] },
    });
    // R-WEX-1..4: a week's placement (5 days x 6 hours) for half of Kilnside's Year 10, on the work-experience page.
    const kilnsideYear10: { id: string }[] = await dataSource.query(
      `SELECT learner_id AS id FROM enrolment WHERE academy_id = $1 AND year_group = 10 ORDER BY learner_id`,
      [kilnside],
    );
    const placements = (
      await admin
        .post('/api/organisations')
        .send({ name: 'Trentside Workshops', type: 'employer', sectors: [], offersTechnicalEducation: false })
        .expect(201)
    ).body.id;
    await encounter(kilnside, {
      title: 'Trentside Workshops placement week',
      date: '2025-11-03',
      days: 5,
      format: 'work_experience',
      organisationIds: [placements],
      attendees: { learnerIds: kilnsideYear10.slice(0, 3).map((learner) => learner.id) },
    });
    const adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [kilnside] });
    await adviser
      .post('/api/guidance-meetings')
      .send({
        learnerId: learner9A,
        date: '2025-11-20',
        adviserName: 'Sam Adeyemi',
        adviserLevel: 6,
        mode: 'in_person',
        summary: 'Wants to become a paramedic.',
        agreedActions: 'Visit the ambulance station open day.',
      })
      .expect(201);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('GET /api/reports/compliance?format=csv', () => {
    let csv: Buffer;
    let summaryCsv: Buffer;
    let gapsCsv: Buffer;
    let offersCsv: Buffer;
    let hoursCsv: Buffer;

    beforeAll(async () => {
      const response = await get(
        trustLeader,
        `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}&format=csv`,
      ).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="compliance-learners-2025-26-trust-${AS_AT}.csv"`,
      );
      csv = response.body;
      const part = async (name: string) => {
        const answer = await get(
          trustLeader,
          `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}&format=csv&part=${name}`,
        ).expect(200);
        expect(answer.headers['content-disposition']).toBe(
          `attachment; filename="compliance-${name}-2025-26-trust-${AS_AT}.csv"`,
        );
        return answer.body as Buffer;
      };
      summaryCsv = await part('summary');
      gapsCsv = await part('gaps');
      offersCsv = await part('offers');
      hoursCsv = await part('work-experience');
    });

    it('opens cleanly in Excel: UTF-8 byte-order mark, CRLF line ends, every field quoted, one table a file', () => {
      for (const file of [csv, summaryCsv, gapsCsv, offersCsv, hoursCsv]) {
        expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const text = file.toString('utf8').slice(1);
        expect(text.endsWith('\r\n')).toBe(true);
        const lines = text.slice(0, -2).split('\r\n');
        expect(lines.filter((line) => line.includes('\n'))).toEqual([]);
        expect(lines.filter((line) => !/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/.test(line))).toEqual([]);
        // One table: every row as wide as the header.
        const rows = parse(text) as string[][];
        expect(new Set(rows.map((row) => row.length)).size).toBe(1);
      }
    });

    it('keeps learners out of the figures files: no UPN, no name', async () => {
      const upns: { upn: string; legal_surname: string }[] = await dataSource.query(
        'SELECT upn, legal_surname FROM learner',
      );
      for (const file of [summaryCsv, gapsCsv, offersCsv, hoursCsv]) {
        const text = file.toString('utf8');
        expect(upns.filter((learner) => text.includes(learner.upn))).toEqual([]);
      }
    });

    it('refuses a part it does not know with 400 naming part', async () => {
      const response = await get(
        trustLeader,
        `/api/reports/compliance?academicYear=${YEAR}&format=csv&part=everything`,
      ).expect(400);
      expect(JSON.parse(Buffer.from(response.body).toString('utf8')).details).toEqual([
        { field: 'part', reason: 'part must be one of learners, summary, gaps, offers, work-experience' },
      ]);
    });

    it('lists every learner on roll once, with names, academy, groups, cohorts and every rule status', async () => {
      const [learners] = sections(csv);
      expect(learners[0]).toEqual([
        'UPN',
        'Legal surname',
        'Legal forename',
        'Preferred surname',
        'Preferred forename',
        'Academy',
        'Year group',
        'Registration group',
        'Pupil premium',
        'SEN status',
        'SEN code',
        ...RULE_IDS.flatMap((rule) => [RULE_LABELS[rule], rule]),
      ]);
      expect(learners[0]).toContain('Benchmark 6: workplace experience by 16');
      const rows = learners.slice(1);
      expect(rows).toHaveLength(20);
      expect(new Set(rows.map((row) => row[0])).size).toBe(20);
      expect(rows.filter((row) => row[5] === 'Kilnside Academy')).toHaveLength(16);
      expect(rows.filter((row) => row[8] === 'Yes')).toHaveLength(3);
      expect(rows.filter((row) => row[10] === 'K' || row[10] === 'E')).toHaveLength(2);
      // The SEN status and every rule's status in words, each beside its code.
      const words = new Map<string, string>([
        ['N', 'None'],
        ['K', 'SEN support (K)'],
        ['E', 'EHC plan (E)'],
        ['met', 'Met'],
        ['on_track', 'On track'],
        ['at_risk', 'At risk'],
        ['missed', 'Missed'],
        ['not_applicable', 'Not applicable'],
      ]);
      for (const row of rows) {
        expect(row[9]).toBe(words.get(row[10]));
        RULE_IDS.forEach((_rule, index) => expect(row[11 + 2 * index]).toBe(words.get(row[12 + 2 * index])));
      }
      expect(rows.some((row) => row.includes('On track'))).toBe(true);
      // Each academy's count of each status per rule is what /api/coverage says.
      for (const [academyId, name] of [
        [kilnside, 'Kilnside Academy'],
        [burslem, 'Burslem Vale Academy'],
      ]) {
        const coverage = (
          await trustLeader
            .get(`/api/coverage?scope=academy&id=${academyId}&academicYear=${YEAR}&asAt=${AS_AT}`)
            .expect(200)
        ).body.rows[0];
        const ofAcademy = rows.filter((row) => row[5] === name);
        RULE_IDS.forEach((rule, index) => {
          const statuses = ofAcademy.map((row) => row[12 + 2 * index]);
          expect({ rule, met: statuses.filter((status) => status === 'met').length }).toEqual({
            rule,
            met: coverage.rules[rule].met,
          });
          expect(statuses.filter((status) => status !== 'not_applicable').length).toBe(
            coverage.rules[rule].applicable,
          );
        });
      }
    });

    it('summarises per academy × year group × rule exactly as /api/coverage does, each rule in words beside its code', async () => {
      const [summary] = sections(summaryCsv);
      expect(summary[0]).toEqual([
        'Academy',
        'Year group',
        'Rule',
        'Rule code',
        'Learners',
        'Met',
        'Percent',
      ]);
      for (const row of summary.slice(1)) expect(row[2]).toBe(RULE_LABELS[row[3] as RuleId]);
      const figures = new Map(summary.slice(1).map((row) => [`${row[0]}|${row[1]}|${row[3]}`, row.slice(4)]));
      const expectRow = (
        academy: string,
        yearGroup: string,
        row: { rules: Record<string, { applicable: number; met: number; percent: number | null }> },
      ) => {
        for (const rule of RULE_IDS) {
          const tally = row.rules[rule];
          expect({
            key: `${academy}|${yearGroup}|${rule}`,
            cells: figures.get(`${academy}|${yearGroup}|${rule}`),
          }).toEqual({
            key: `${academy}|${yearGroup}|${rule}`,
            cells: [
              String(tally.applicable),
              String(tally.met),
              tally.percent === null ? '' : String(tally.percent),
            ],
          });
        }
      };
      const trust = (
        await trustLeader.get(`/api/coverage?scope=trust&academicYear=${YEAR}&asAt=${AS_AT}`).expect(200)
      ).body;
      expectRow('All academies', 'All', trust.rows[0]);
      for (const academyId of [kilnside, burslem]) {
        const academy = (
          await trustLeader
            .get(`/api/coverage?scope=academy&id=${academyId}&academicYear=${YEAR}&asAt=${AS_AT}`)
            .expect(200)
        ).body;
        expectRow(academy.rows[0].label, 'All', academy.rows[0]);
        for (const yearGroup of academy.rows.slice(1))
          expectRow(academy.rows[0].label, yearGroup.label.replace('Year ', ''), yearGroup);
      }
      expect(figures.get('Kilnside Academy|9|B5')).toEqual(['10', '8', '80']);
      expect(figures.size).toBe(RULE_IDS.length * (1 + 3 + 2));
    });

    it('gives the pupil premium and SEN gaps of /api/coverage in a file of their own', async () => {
      const [gaps] = sections(gapsCsv);
      expect(gaps[0]).toEqual([
        'Academy',
        'Cohort',
        'Rule',
        'Rule code',
        'Learners',
        'Met',
        'Percent',
        'Gap (points)',
      ]);
      const breakdown = (
        await trustLeader
          .get(
            `/api/coverage?scope=academy&id=${kilnside}&academicYear=${YEAR}&asAt=${AS_AT}&breakdown=pupilPremium`,
          )
          .expect(200)
      ).body.rows[1];
      const row = gaps.find(
        (cells) => cells[0] === 'Kilnside Academy' && cells[1] === 'Pupil premium' && cells[3] === 'B5',
      );
      expect(row).toEqual([
        'Kilnside Academy',
        'Pupil premium',
        RULE_LABELS.B5,
        'B5',
        String(breakdown.rules.B5.applicable),
        String(breakdown.rules.B5.met),
        String(breakdown.rules.B5.percent),
        breakdown.gaps.B5 === null ? '' : String(breakdown.gaps.B5),
      ]);
      expect(gaps.some((cells) => cells[0] === 'All academies' && cells[1] === 'EHC plan (E)')).toBe(true);
    });

    it('lists the per-academy rules (R-PAL-4) and the work-experience hours figures with their gaps (R-WEX-6)', async () => {
      const [offers] = sections(offersCsv);
      const [hours] = sections(hoursCsv);
      expect(offers[0]).toEqual(['Academy', 'Rule', 'Rule name', 'Status', 'Status code']);
      // No learner in Years 12 and 13: the offer applies to no academy, nor to the trust.
      expect(offers.slice(1)).toEqual(
        ['All academies', 'Burslem Vale Academy', 'Kilnside Academy'].map((academy) => [
          academy,
          'PAL3_OFFER',
          OFFER_RULE_LABELS.PAL3_OFFER,
          'Not applicable',
          'not_applicable',
        ]),
      );
      expect(hours[0]).toEqual([
        'Academy',
        'Rule',
        'Learners',
        'At 0 hours',
        'Below target',
        'At target',
        'Median hours',
        'Pupil premium gap at target (points)',
        'Pupil premium gap in median hours',
        'SEN support (K) gap at target (points)',
        'SEN support (K) gap in median hours',
        'EHC plan (E) gap at target (points)',
        'EHC plan (E) gap in median hours',
      ]);
      const row = (academy: string, rule: string) =>
        hours.find((cells) => cells[0] === academy && cells[1] === rule)?.slice(2, 7);
      // Three of Kilnside's six Year 10 learners did 30 hours, at the target of 25; the median is 15.
      expect(row('Kilnside Academy', 'WEX_KS4')).toEqual(['6', '3', '0', '3', '15']);
      expect(row('Kilnside Academy', 'WEX_KS3')).toEqual(['10', '10', '0', '0', '0']);
      expect(row('All academies', 'WEX_KS4')).toEqual(['6', '3', '0', '3', '15']);
      expect(row('Burslem Vale Academy', 'WEX_KS4')).toEqual(['0', '0', '0', '0', '']);
      // The gaps are those of /api/coverage's breakdowns.
      const pupilPremium = (
        await trustLeader
          .get(
            `/api/coverage?scope=academy&id=${kilnside}&academicYear=${YEAR}&asAt=${AS_AT}&breakdown=pupilPremium`,
          )
          .expect(200)
      ).body.rows.find((cohort: { key: string }) => cohort.key === 'pupilPremium:yes');
      const kilnsideKs3 =
        hours.find((cells) => cells[0] === 'Kilnside Academy' && cells[1] === 'WEX_KS3') ?? [];
      const gaps = pupilPremium.hoursGaps.WEX_KS3;
      expect(kilnsideKs3.slice(7, 9)).toEqual([
        gaps.atTarget === null ? '' : String(gaps.atTarget),
        gaps.median === null ? '' : String(gaps.median),
      ]);
    });

    it("gives a careers lead their own academy's learners only", async () => {
      const response = await get(
        careersLead,
        `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}&academyId=${kilnside}&format=csv`,
      ).expect(200);
      const [learners] = sections(response.body);
      expect(learners.slice(1)).toHaveLength(16);
      expect(learners.slice(1).every((row) => row[5] === 'Kilnside Academy')).toBe(true);
    });

    it('says so for a year with no data, instead of failing', async () => {
      const response = await get(trustLeader, '/api/reports/compliance?academicYear=2030&format=csv').expect(
        200,
      );
      const [learners] = sections(response.body);
      expect(learners).toHaveLength(2);
      expect(learners[1][0]).toMatch(/^No data: no learner .* is on roll in 2030\/31/);
      const summary = await get(
        trustLeader,
        '/api/reports/compliance?academicYear=2030&format=csv&part=summary',
      ).expect(200);
      expect(sections(summary.body)[0][1][0]).toMatch(/^No data: no learner .* is on roll in 2030\/31/);
    });
  });

  describe('GET /api/reports/compliance?format=pdf', () => {
    it('draws the trust report on A4: title, headlines, one page per academy, gaps, provider access, sectors, organisations', async () => {
      const response = await get(
        trustLeader,
        `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}&format=pdf`,
      ).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(renderedPages(response.body)).toBe(9);
      const text = pdfText(response.body);
      expect(text).toContain('Annual compliance report');
      expect(text).toContain('2025/26');
      expect(text).toContain('31 Mar 2026');
      expect(text).toContain('Page 9 of 9');
      expect(text).toMatch(/Generated by Encounters on \d{1,2} \w+ \d{4}/);
      for (const expected of [
        'Kilnside Academy',
        'Burslem Vale Academy',
        'Potteries College',
        'Kiln Engineering Ltd',
        'Engineering and manufacturing',
      ]) {
        expect(text).toContain(expected);
      }
      // R-WEX-6: the work-experience page, one line per academy and key stage, the trust's first.
      expect(text).toContain('Work experience: two weeks’ worth');
      const line = (start: string, stage: string) =>
        text
          .split('\n')
          .find((candidate) => candidate.trim().startsWith(start) && candidate.includes(stage))
          ?.replace(/\s+/g, ' ')
          .trim();
      // Learners, at 0 hours, below target, at target, median hours; the gaps follow.
      expect(line('Kilnside Academy', 'Placements, Years 10–11')).toMatch(
        /^Kilnside Academy Placements, Years 10–11 6 3 0 3 15\.0\b/,
      );
      expect(line('Whole trust', 'Placements, Years 10–11')).toMatch(/ 6 3 0 3 15\.0\b/);
      // R-PAL-4: the window 3 offer per academy, on the provider-access page.
      expect(text).toContain(OFFER_RULE_LABELS.PAL3_OFFER);
      expect(line('Burslem Vale Academy', 'Not applicable')).toBeDefined();
      expect(pdfInfo(response.body)).toMatch(/Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)/);
    });

    it("draws one academy's report without the academy pages, and a one-page report for a year with no data", async () => {
      const academy = await get(
        academyLeader,
        `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}&academyId=${kilnside}&format=pdf`,
      ).expect(200);
      expect(renderedPages(academy.body)).toBe(8);
      expect(pdfText(academy.body)).not.toContain('Burslem Vale Academy');
      const empty = await get(trustLeader, '/api/reports/compliance?academicYear=2030&format=pdf').expect(
        200,
      );
      expect(renderedPages(empty.body)).toBe(1);
      expect(pdfText(empty.body)).toContain('No data');
    });
  });

  describe('GET /api/reports/sector-reach', () => {
    it("answers the figures of the PDF's sectors page: the dashboard and the governors see the same numbers", async () => {
      for (const [agent, academyQuery] of [
        [trustLeader, ''],
        [academyLeader, `&academyId=${kilnside}`],
      ] as const) {
        const reach = (
          await agent
            .get(`/api/reports/sector-reach?academicYear=${YEAR}&asAt=${AS_AT}${academyQuery}`)
            .expect(200)
        ).body as SectorReachResponse;
        const pdf = await get(
          agent,
          `/api/reports/compliance?academicYear=${YEAR}&asAt=${AS_AT}${academyQuery}&format=pdf`,
        ).expect(200);
        const text = pdfText(pdf.body);
        const reached = reach.rows.filter((row) => row.encounters > 0);

        expect(reached.length).toBeGreaterThan(0);
        expect(text.replace(/\s+/g, ' ')).toContain(
          `The share of the ${reach.totalLearners} learners on roll who met an organisation of each sector, ` +
            `and of the ${reach.totalEncounters} encounters held`,
        );
        const table = text.slice(text.indexOf('Encounters and learners by sector'));
        for (const row of reached) {
          const line = table.split('\n').find((candidate) => candidate.trim().startsWith(row.sector)) ?? '';
          const figures = line.slice(line.indexOf(row.sector) + row.sector.length).match(/[\d.,]+%?/g);
          expect([row.sector, figures?.[0], figures?.[2]]).toEqual([
            row.sector,
            String(row.encounters),
            String(row.learners),
          ]);
        }
      }
    });

    it('refuses the whole trust to academy staff and another academy with 404, like the compliance report', async () => {
      await careersLead.get(`/api/reports/sector-reach?academicYear=${YEAR}`).expect(403);
      await otherLead.get(`/api/reports/sector-reach?academicYear=${YEAR}&academyId=${kilnside}`).expect(404);
      await teacher.get(`/api/reports/sector-reach?academicYear=${YEAR}&academyId=${kilnside}`).expect(404);
    });
  });

  describe('access and bad input', () => {
    it('refuses teachers and advisers with 403, the whole trust to academy staff with 403, and another academy with 404', async () => {
      await teacher.get(`/api/reports/compliance?academicYear=${YEAR}&format=csv`).expect(403);
      await teacher
        .get(`/api/reports/compliance?academicYear=${YEAR}&academyId=${kilnside}&format=pdf`)
        .expect(403);
      const adviser = await signedInUser(app, ['careers_adviser'], { academyIds: [kilnside] });
      await adviser
        .get(`/api/reports/compliance?academicYear=${YEAR}&academyId=${kilnside}&format=csv`)
        .expect(403);
      await careersLead.get(`/api/reports/compliance?academicYear=${YEAR}&format=csv`).expect(403);
      const hidden = await careersLead
        .get(`/api/reports/compliance?academicYear=${YEAR}&academyId=${burslem}&format=csv`)
        .expect(404);
      const unknown = await trustLeader
        .get(
          `/api/reports/compliance?academicYear=${YEAR}&academyId=00000000-0000-4000-8000-000000000000&format=csv`,
        )
        .expect(404);
      expect(hidden.body.message).toBe(unknown.body.message);
      await otherLead.get(`/api/reports/organisations?academyId=${kilnside}`).expect(404);
      await teacher.get('/api/reports/organisations').expect(403);
    });

    it.each([
      [`academicYear=${YEAR}&format=xlsx`, 'format'],
      [`academicYear=${YEAR}`, 'format'],
      ['format=csv', 'academicYear'],
      [`academicYear=1999&format=csv`, 'academicYear'],
      [`academicYear=${YEAR}&asAt=31/03/2026&format=csv`, 'asAt'],
      [`academicYear=${YEAR}&academyId=kilnside&format=csv`, 'academyId'],
      [`academicYear=${YEAR}&format=csv&colour=blue`, 'colour'],
    ])('answers compliance?%s with 400 naming %s', async (query, field) => {
      const response = await trustLeader.get(`/api/reports/compliance?${query}`).expect(400);
      expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    });

    it('answers an unknown organisations format with 400', async () => {
      const response = await trustLeader.get('/api/reports/organisations?format=xml').expect(400);
      expect(response.body.message).toContain('format');
    });
  });

  describe('GET /api/reports/learners/{id}?format=pdf', () => {
    it('gives careers staff the record with the agreed actions, and teachers and leaders without them', async () => {
      const forLead = await get(
        careersLead,
        `/api/reports/learners/${learner9A}?academicYear=${YEAR}&asAt=${AS_AT}`,
      ).expect(200);
      expect(forLead.headers['content-type']).toBe('application/pdf');
      expect(renderedPages(forLead.body)).toBe(1);
      const leadText = pdfText(forLead.body);
      expect(leadText).toContain('CAREERS RECORD');
      expect(leadText).toContain('Engineering careers talk');
      expect(leadText).toContain('Potteries College open morning');
      expect(leadText).toContain('ambulance station');
      for (const reader of [teacher, academyLeader, trustLeader]) {
        const response = await get(
          reader,
          `/api/reports/learners/${learner9A}?format=pdf&academicYear=${YEAR}&asAt=${AS_AT}`,
        ).expect(200);
        const text = pdfText(response.body);
        expect(text).toContain('Sam Adeyemi');
        expect(text).not.toContain('paramedic');
        expect(text).not.toContain('ambulance station');
      }
    });

    it("answers 404 for a learner outside the caller's classes or academy, and 400 for another format", async () => {
      await teacher.get(`/api/reports/learners/${learner9B}`).expect(404);
      await otherLead.get(`/api/reports/learners/${learner9A}`).expect(404);
      await careersLead.get('/api/reports/learners/00000000-0000-4000-8000-000000000000').expect(404);
      await careersLead.get(`/api/reports/learners/${learner9A}?format=docx`).expect(400);
    });
  });

  describe('GET /api/reports/organisations', () => {
    it('lists every organisation engaged in the year with encounters and learners reached, by academy', async () => {
      const response = await trustLeader
        .get(`/api/reports/organisations?academicYear=${YEAR}&format=json`)
        .expect(200);
      expect(response.body.academicYear).toBe(YEAR);
      const byName = new Map(response.body.rows.map((row: { name: string }) => [row.name, row]));
      expect(byName.get('Kiln Engineering Ltd')).toMatchObject({
        type: 'employer',
        encounters: 2,
        learnersReached: 12,
        academies: expect.arrayContaining([
          { academyId: kilnside, academyName: 'Kilnside Academy', encounters: 1, learnersReached: 8 },
          { academyId: burslem, academyName: 'Burslem Vale Academy', encounters: 1, learnersReached: 4 },
        ]),
      });
      expect(byName.get('Potteries College')).toMatchObject({ encounters: 1, learnersReached: 16 });
    });

    it("gives academy staff their academies' figures only, and a CSV that parses back", async () => {
      const json = await otherLead.get(`/api/reports/organisations?academicYear=${YEAR}`).expect(200);
      expect(
        json.body.rows.map((row: { name: string; encounters: number }) => [row.name, row.encounters]),
      ).toEqual([['Kiln Engineering Ltd', 1]]);
      const csv = await get(trustLeader, `/api/reports/organisations?academicYear=${YEAR}&format=csv`).expect(
        200,
      );
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const rows = parse(csv.body, { bom: true }) as string[][];
      expect(rows[0]).toEqual([
        'Organisation',
        'Type',
        'Sectors',
        'Academy',
        'Encounters',
        'Learners reached',
      ]);
      expect(rows).toContainEqual([
        'Kiln Engineering Ltd',
        'Employer',
        'Engineering and manufacturing; Digital',
        'All academies',
        '2',
        '12',
      ]);
      expect(rows).toContainEqual([
        'Potteries College',
        'Further education',
        '',
        'Kilnside Academy',
        '1',
        '16',
      ]);
    });
  });

  describe('snapshots', () => {
    let trustSnapshot: string;
    let kilnsideSnapshot: string;

    it('freezes the figures of a measurement date, once', async () => {
      const created = await trustLeader
        .post('/api/reports/snapshots')
        .send({ asAt: '2025-12-31' })
        .expect(201);
      expect(created.body).toMatchObject({
        scope: 'trust',
        academyId: null,
        academicYear: YEAR,
        asAt: '2025-12-31',
      });
      trustSnapshot = created.body.id;
      const again = await trustLeader.post('/api/reports/snapshots').send({ asAt: '2025-12-31' }).expect(409);
      expect(again.body.message).toContain('already frozen');
      kilnsideSnapshot = (
        await academyLeader
          .post('/api/reports/snapshots')
          .send({ asAt: '2025-12-31', academyId: kilnside })
          .expect(201)
      ).body.id;
      const [stored] = await dataSource.query('SELECT figures FROM coverage_snapshot WHERE id = $1', [
        trustSnapshot,
      ]);
      const coverage = (
        await trustLeader.get(`/api/coverage?scope=trust&academicYear=${YEAR}&asAt=2025-12-31`).expect(200)
      ).body;
      expect(stored.figures).toEqual(coverage);
    });

    it('refuses other dates, dates to come, other roles and academies', async () => {
      const wrongDay = await trustLeader
        .post('/api/reports/snapshots')
        .send({ asAt: '2025-12-30' })
        .expect(400);
      expect(wrongDay.body.message).toContain('31 December, 31 March or 31 July');
      await trustLeader.post('/api/reports/snapshots').send({ asAt: '2099-07-31' }).expect(422);
      await careersLead
        .post('/api/reports/snapshots')
        .send({ asAt: '2026-03-31', academyId: kilnside })
        .expect(403);
      await academyLeader
        .post('/api/reports/snapshots')
        .send({ asAt: '2026-03-31', academyId: burslem })
        .expect(404);
      await academyLeader.post('/api/reports/snapshots').send({ asAt: '2026-03-31' }).expect(403);
    });

    it('lists the snapshots each caller may see', async () => {
      const all = await trustLeader.get(`/api/reports/snapshots?academicYear=${YEAR}`).expect(200);
      expect(all.body.map((snapshot: { id: string }) => snapshot.id).sort()).toEqual(
        [trustSnapshot, kilnsideSnapshot].sort(),
      );
      const own = await careersLead.get('/api/reports/snapshots').expect(200);
      expect(own.body.map((snapshot: { id: string }) => snapshot.id)).toEqual([kilnsideSnapshot]);
      expect((await otherLead.get('/api/reports/snapshots').expect(200)).body).toEqual([]);
    });

    it('compares a later date with the frozen figures, rule by rule, in points', async () => {
      const response = await trustLeader
        .get(`/api/reports/snapshots/${trustSnapshot}/compare?asAt=${AS_AT}`)
        .expect(200);
      expect(response.body).toMatchObject({
        academicYear: YEAR,
        asAt: AS_AT,
        snapshot: { id: trustSnapshot, asAt: '2025-12-31' },
      });
      const burslemRow = response.body.rows.find((row: { key: string }) => row.key === `academy:${burslem}`);
      expect(burslemRow.rules.B5).toEqual({
        frozen: { met: 0, applicable: 4, percent: 0 },
        now: { met: 4, applicable: 4, percent: 100 },
        changePoints: 100,
      });
      const trustRow = response.body.rows[0];
      expect(trustRow.rules.B5.changePoints).toBe(
        Math.round((trustRow.rules.B5.now.percent - trustRow.rules.B5.frozen.percent) * 10) / 10,
      );
      await trustLeader.get(`/api/reports/snapshots/${trustSnapshot}/compare?asAt=2025-11-30`).expect(400);
      await otherLead.get(`/api/reports/snapshots/${kilnsideSnapshot}/compare`).expect(404);
      await academyLeader.get(`/api/reports/snapshots/${trustSnapshot}/compare`).expect(404);
    });
  });

  it('audits every export with its format and scope, and no personal data', async () => {
    const entries: {
      action: string;
      user_id: string;
      entity_type: string;
      details: Record<string, unknown>;
    }[] = await dataSource.query(
      `SELECT action, user_id, entity_type, details FROM audit_entry WHERE action LIKE 'report.%' ORDER BY id`,
    );
    const exports = entries.filter((entry) => entry.action === 'report.export');
    expect(exports.map((entry) => entry.details)).toEqual(
      expect.arrayContaining([
        {
          report: 'compliance',
          format: 'csv',
          part: 'learners',
          scope: 'trust',
          academicYear: YEAR,
          asAt: AS_AT,
        },
        {
          report: 'compliance',
          format: 'csv',
          part: 'gaps',
          scope: 'trust',
          academicYear: YEAR,
          asAt: AS_AT,
        },
        { report: 'compliance', format: 'pdf', scope: 'academy', academicYear: YEAR, asAt: AS_AT },
        { report: 'learner-record', format: 'pdf' },
        expect.objectContaining({ report: 'organisations', format: 'csv' }),
      ]),
    );
    expect(exports.find((entry) => entry.entity_type === 'learner')?.user_id).toBe(careersLead.userId);
    expect(entries.filter((entry) => entry.action === 'report.snapshot')).toHaveLength(2);
    const upns: { upn: string; legal_surname: string }[] = await dataSource.query(
      'SELECT upn, legal_surname FROM learner',
    );
    const details = JSON.stringify(entries.map((entry) => entry.details));
    expect(
      upns.filter(({ upn, legal_surname }) => details.includes(upn) || details.includes(legal_surname)),
    ).toEqual([]);
    // Refused requests export nothing: the teacher's only exports are the learner record they may see.
    expect(
      exports.filter((entry) => entry.user_id === teacher.userId).map((entry) => entry.details['report']),
    ).toEqual(['learner-record']);
  });
});
