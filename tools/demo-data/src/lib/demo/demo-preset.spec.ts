import { isValidUpn, parseRosterRecords } from '@encounters/domain';
import { DEMO_ORGANISATIONS, type DemoEnrolment, planDemoEncounters } from './demo-encounters';
import { demoRosterCsv, DEMO_TEACHER_ACADEMY_URN, DEMO_TEACHER_GROUPS } from './demo-roster';
import { DEMO_TRUST } from './demo-trust';

const ACADEMIC_YEAR = 2026;
const TODAY = '2026-11-22';

/** The demo rosters read back as the seeder reads them after the import, with made-up ids. */
function enrolments(): DemoEnrolment[] {
  return DEMO_TRUST.academies.flatMap((academy) => {
    const csv = demoRosterCsv(academy, ACADEMIC_YEAR);
    if (!csv) return [];
    return csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(','))
      .map(([upn, , , , , , year, group]) => ({
        academyId: `academy-${academy.urn}`,
        academyUrn: academy.urn,
        learnerId: `learner-${upn}`,
        upn,
        yearGroup: Number(year.replace('Year ', '')),
        groupName: group,
      }));
  });
}

describe('the demo preset (what npm start seeds)', () => {
  const rows = enrolments();

  it('gives every demo learner a valid UPN, unique across the trust', () => {
    expect(rows.length).toBeGreaterThan(1500);
    expect(rows.every((row) => isValidUpn(row.upn))).toBe(true);
    expect(new Set(rows.map((row) => row.upn)).size).toBe(rows.length);
  });

  it('writes rosters the import accepts, the same file every time for the same academy and year', () => {
    for (const academy of DEMO_TRUST.academies) {
      const csv = demoRosterCsv(academy, ACADEMIC_YEAR);
      if (!csv) continue;
      expect(demoRosterCsv(academy, ACADEMIC_YEAR)).toBe(csv);
      const [header, ...lines] = csv.trim().split('\r\n');
      const parsed = parseRosterRecords(
        header.split(','),
        lines.map((line, index) => ({ line: index + 2, cells: line.split(',') })),
      );
      if (!parsed.ok) throw new Error(`The ${academy.name} roster's headers were refused`);
      expect(parsed.errors).toEqual([]);
      expect(parsed.rows).toHaveLength(lines.length);
    }
    expect(demoRosterCsv({ urn: '900009', phase: 'primary' }, ACADEMIC_YEAR)).toBeNull();
  });

  it("has the demo teacher's classes at Kilnside Academy", () => {
    const kilnside = rows.filter((row) => row.academyUrn === DEMO_TEACHER_ACADEMY_URN);
    for (const group of DEMO_TEACHER_GROUPS)
      expect(kilnside.some((row) => row.groupName === group)).toBe(true);
  });

  it('plans the same encounters whatever order the learners come in and whatever their ids', () => {
    const plan = planDemoEncounters(rows, TODAY);
    const shuffled = [...rows].reverse();
    expect(planDemoEncounters(shuffled, TODAY)).toEqual(plan);
  });

  it('plans what has happened by the day before, and placements planned for the summer term, on weekdays', () => {
    const plan = planDemoEncounters(rows, TODAY);
    expect(plan.encounters.length).toBeGreaterThan(0);
    for (const encounter of [...plan.encounters, ...plan.guidanceMeetings]) {
      expect(encounter.date >= '2026-09-01' && encounter.date <= '2027-08-31').toBe(true);
      expect([0, 6]).not.toContain(new Date(`${encounter.date}T00:00:00Z`).getUTCDay());
    }
    // R-WEX-5: only Year 10 placements are dated ahead, with their learners listed.
    const ahead = plan.encounters.filter((encounter) => encounter.date >= TODAY);
    expect(ahead.length).toBeGreaterThan(0);
    expect(new Set(ahead.map((encounter) => encounter.format))).toEqual(new Set(['work_experience']));
    expect(
      ahead.every((encounter) => encounter.date >= '2027-04-19' && encounter.attendance.length > 0),
    ).toBe(true);
    expect(plan.guidanceMeetings.every((meeting) => meeting.date < TODAY)).toBe(true);
    expect(planDemoEncounters(rows, '2026-09-01')).toEqual({
      encounters: [],
      guidanceMeetings: [],
      partTimeJobs: [],
    });
  });

  it('spreads Year 10 placements: one employer, two employers, planned, none yet; hours left early', () => {
    const plan = planDemoEncounters(rows, TODAY);
    const yearOf = new Map(rows.map((row) => [row.learnerId, row.yearGroup]));
    const placements = plan.encounters.filter((encounter) =>
      encounter.title.startsWith('Year 10 work experience'),
    );
    const byLearner = new Map<string, { done: number; planned: number }>();
    for (const placement of placements) {
      for (const line of placement.attendance) {
        expect(yearOf.get(line.learnerId)).toBe(10);
        const entry = byLearner.get(line.learnerId) ?? { done: 0, planned: 0 };
        if (placement.date >= TODAY) entry.planned += 1;
        else entry.done += 1;
        byLearner.set(line.learnerId, entry);
      }
    }
    const entries = [...byLearner.values()];
    const year10 = rows.filter((row) => row.yearGroup === 10).length;
    expect(entries.filter((entry) => entry.done === 1).length).toBeGreaterThan(year10 * 0.3);
    expect(entries.filter((entry) => entry.done === 2).length).toBeGreaterThan(year10 * 0.08);
    expect(entries.filter((entry) => entry.planned === 1).length).toBeGreaterThan(year10 * 0.2);
    expect(byLearner.size).toBeLessThan(year10);
    expect(placements.flatMap((placement) => placement.attendance).some((line) => line.hours !== null)).toBe(
      true,
    );
  });

  it('records KS3 insight days, virtual experiences and employer tasks, and part-time jobs for Year 11 only', () => {
    const plan = planDemoEncounters(rows, TODAY);
    const yearOf = new Map(rows.map((row) => [row.learnerId, row.yearGroup]));
    const ks3 = plan.encounters.filter((encounter) => encounter.offeredTo.every((year) => year <= 9));
    expect(ks3.some((encounter) => encounter.format === 'workplace_visit')).toBe(true);
    expect(ks3.some((encounter) => encounter.delivery === 'virtual' && encounter.days === 5)).toBe(true);
    expect(
      ks3.some((encounter) => encounter.checklist.taskSet && encounter.format !== 'work_experience'),
    ).toBe(true);
    expect(plan.partTimeJobs.length).toBeGreaterThan(0);
    expect(new Set(plan.partTimeJobs.map((job) => yearOf.get(job.learnerId)))).toEqual(new Set([11]));
    expect(plan.partTimeJobs.every((job) => job.from < TODAY)).toBe(true);
  });

  it('R-PAL-4: offers each sixth form two provider access encounters open to Years 12 and 13 by the spring', () => {
    const plan = planDemoEncounters(rows, '2027-02-26');
    const sixthForms = new Set(rows.filter((row) => row.yearGroup >= 12).map((row) => row.academyId));
    for (const academyId of sixthForms) {
      const offered = plan.encounters.filter(
        (encounter) =>
          encounter.academyId === academyId &&
          encounter.categories.includes('pal_provider_encounter') &&
          encounter.offeredTo.includes(12) &&
          encounter.offeredTo.includes(13),
      );
      expect(offered.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('names only organisations of the demo directory and gives each learner one attendance per encounter', () => {
    const names = new Set(DEMO_ORGANISATIONS.map((organisation) => organisation.name));
    for (const encounter of planDemoEncounters(rows, '2027-07-20').encounters) {
      expect(encounter.organisations.every((name) => names.has(name))).toBe(true);
      const learners = encounter.attendance.map((row) => row.learnerId);
      expect(new Set(learners).size).toBe(learners.length);
    }
  });

  it('by the summer has evidence for every benchmark category and guidance for Years 11 and 13 only', () => {
    const plan = planDemoEncounters(rows, '2027-07-20');
    const categories = new Set(plan.encounters.flatMap((encounter) => encounter.categories));
    expect([...categories].sort()).toEqual(
      expect.arrayContaining([
        'employer_encounter',
        'workplace_experience',
        'education_provider_encounter',
        'pal_provider_encounter',
      ]),
    );
    const yearOf = new Map(rows.map((row) => [row.learnerId, row.yearGroup]));
    expect(new Set(plan.guidanceMeetings.map((meeting) => yearOf.get(meeting.learnerId)))).toEqual(
      new Set([11, 13]),
    );
  });
});
