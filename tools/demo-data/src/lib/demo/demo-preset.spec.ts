import {
  CONFIRMED_DESTINATION_STATUSES,
  isInEducationEmploymentOrTraining,
  isValidUpn,
  parseRosterRecords,
} from '@encounters/domain';
import { planDemoDestinations } from './demo-destinations';
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

describe(planDemoDestinations.name, () => {
  const rows = enrolments();
  const sut = planDemoDestinations(rows, TODAY);
  const byLearner = new Map(rows.map((row) => [row.learnerId, row]));
  const lastYear11Group = (academyUrn: string) =>
    [
      ...new Set(
        rows
          .filter((row) => row.academyUrn === academyUrn && row.yearGroup === 11)
          .map((row) => row.groupName),
      ),
    ]
      .sort()
      .pop();
  const academiesWith = (yearGroup: number) =>
    [...new Set(rows.filter((row) => row.yearGroup === yearGroup).map((row) => row.academyUrn))].sort();

  it('is the same plan whatever order the learners come in', () => {
    expect(planDemoDestinations([...rows].reverse(), TODAY)).toEqual(sut);
  });

  it('R-DEST-1: gives most learners of Years 11 and 13 one intended destination, none to other years', () => {
    const learners = sut.destinations.map((destination) => destination.learnerId);
    expect(new Set(learners).size).toBe(learners.length);
    expect(new Set(learners.map((id) => byLearner.get(id)?.yearGroup))).toEqual(new Set([11, 13]));
    const eligible = rows.filter(
      (row) =>
        row.yearGroup === 13 || (row.yearGroup === 11 && row.groupName !== lastYear11Group(row.academyUrn)),
    );
    expect(learners.length).toBeGreaterThan(eligible.length * 0.85);
    expect(learners.length).toBeLessThan(eligible.length);
    expect(sut.destinations.every((destination) => destination.academicYear === ACADEMIC_YEAR)).toBe(true);
  });

  it("leaves every academy's last Year 11 group with no destination and no NEET-risk mark", () => {
    expect(academiesWith(11)).toEqual(['900001', '900002', '900003']);
    for (const urn of academiesWith(11)) {
      const group = lastYear11Group(urn);
      expect(group).toBe('11E');
      const inGroup = new Set(
        rows.filter((row) => row.academyUrn === urn && row.groupName === group).map((row) => row.learnerId),
      );
      expect(inGroup.size).toBeGreaterThan(20);
      expect(sut.destinations.filter((destination) => inGroup.has(destination.learnerId))).toEqual([]);
      expect(sut.neetRisks.filter((mark) => inGroup.has(mark.learnerId))).toEqual([]);
    }
  });

  it('mixes categories realistically: Year 11 mostly to sixth forms, colleges and apprenticeships; Year 13 to higher education, apprenticeships and work', () => {
    const share = (yearGroup: number, categories: string[]) => {
      const ofYear = sut.destinations.filter((d) => byLearner.get(d.learnerId)?.yearGroup === yearGroup);
      return ofYear.filter((d) => categories.includes(d.category)).length / ofYear.length;
    };
    expect(
      share(11, [
        'school_sixth_form',
        'sixth_form_college',
        'further_education',
        'apprenticeship',
        't_level',
      ]),
    ).toBeGreaterThan(0.75);
    expect(
      share(13, ['higher_education', 'apprenticeship', 'employment', 'employment_with_training']),
    ).toBeGreaterThan(0.7);
    expect(share(13, ['higher_education'])).toBeGreaterThan(0.35);
    expect(sut.destinations.filter((d) => d.organisation !== null).length).toBeGreaterThan(100);
    expect(sut.destinations.filter((d) => d.notes !== null).length).toBeGreaterThan(50);
  });

  it('spreads the statuses along the pipeline, each change dated from October to the day before, in order', () => {
    const latest = sut.destinations.map((d) => d.history[d.history.length - 1].status);
    for (const status of ['considering', 'applied', 'offered', 'accepted'])
      expect(latest.filter((candidate) => candidate === status).length).toBeGreaterThan(10);
    for (const destination of sut.destinations) {
      const dates = destination.history.map((change) => change.on);
      expect(dates).toEqual([...dates].sort());
      expect(dates[0] >= '2026-10-01' && dates[dates.length - 1] < TODAY).toBe(true);
    }
  });

  it('never has a learner enrolled before 1 September of the next academic year, even late in the year', () => {
    const june = planDemoDestinations(rows, '2027-06-15');
    const changes = [...sut.destinations, ...june.destinations].flatMap((d) => d.history);
    expect(changes.filter((change) => change.status === 'enrolled' && change.on < '2027-09-01')).toEqual([]);
    // The leavers' intended destinations of the year they left: enrolled the September after, for most.
    const leaverChanges = sut.leavers.flatMap((leaver) =>
      (leaver.intended?.history ?? []).map((change) => ({ ...change, leftIn: leaver.leftIn })),
    );
    const enrolled = leaverChanges.filter((change) => change.status === 'enrolled');
    expect(enrolled.length).toBeGreaterThan(sut.leavers.length / 2);
    expect(enrolled.filter((change) => change.on < `${change.leftIn + 1}-09-01`)).toEqual([]);
    expect(leaverChanges.every((change) => change.on >= `${change.leftIn}-10-01` && change.on < TODAY)).toBe(
      true,
    );
    const confirmed = (plan: typeof sut) =>
      plan.destinations.filter((d) =>
        CONFIRMED_DESTINATION_STATUSES.includes(d.history[d.history.length - 1].status),
      ).length;
    expect(confirmed(june)).toBeGreaterThan(confirmed(sut));
    expect(planDemoDestinations(rows, '2026-09-01').destinations).toEqual([]);
  });

  it('R-DEST-3: marks a handful of learners at risk of NEET with reason, support and review date, some due', () => {
    const academies = new Set([...academiesWith(11), ...academiesWith(13)]);
    expect(sut.neetRisks).toHaveLength(academies.size * 3);
    for (const mark of sut.neetRisks) {
      expect([11, 13]).toContain(byLearner.get(mark.learnerId)?.yearGroup);
      expect(mark.reason.length && mark.support.length).toBeGreaterThan(0);
      expect(mark.markedOn < TODAY && mark.markedOn <= mark.reviewOn).toBe(true);
    }
    expect(new Set(sut.neetRisks.map((mark) => mark.learnerId)).size).toBe(sut.neetRisks.length);
    expect(sut.neetRisks.filter((mark) => mark.reviewOn <= TODAY)).toHaveLength(academies.size);
  });

  it('R-DEST-4: plans the leavers of the two years before with what they did at each 1 October passed', () => {
    const { leavers } = sut;
    const cohorts = new Set(
      leavers.map((leaver) => `${leaver.academyUrn} ${leaver.yearGroup} ${leaver.leftIn}`),
    );
    expect([...cohorts].sort()).toEqual(
      [...academiesWith(11).map((urn) => `${urn} 11`), ...academiesWith(13).map((urn) => `${urn} 13`)]
        .flatMap((cohort) => [`${cohort} 2024`, `${cohort} 2025`])
        .sort(),
    );
    expect(leavers.length).toBeGreaterThan(cohorts.size * 115);
    const upns = new Set([...rows.map((row) => row.upn), ...leavers.map((leaver) => leaver.upn)]);
    expect(upns.size).toBe(rows.length + leavers.length);
    expect(leavers.every((leaver) => isValidUpn(leaver.upn))).toBe(true);
    expect(leavers.every((leaver) => leaver.leavingDate.startsWith(`${leaver.leftIn + 1}-06`))).toBe(true);
    const recorded = leavers.flatMap((leaver) =>
      leaver.destinations.map((destination) => ({ leaver, destination })),
    );
    // Left in summer 2025: 1 October 2025 and 2026; in summer 2026: 1 October 2026 only.
    for (const { leaver, destination } of recorded) {
      expect(destination.anniversary).toBeLessThanOrEqual(leaver.leftIn === 2024 ? 2 : 1);
      expect(destination.recordedOn >= `${leaver.leftIn + destination.anniversary}-10-01`).toBe(true);
      expect(destination.recordedOn < TODAY).toBe(true);
    }
    // Those who did not agree to be followed up after 16 are followed up once, by the local authority.
    const refused = leavers.filter((leaver) => leaver.consentToFollowUp === false);
    expect(refused.length).toBeGreaterThan(20);
    expect(refused.flatMap((leaver) => leaver.destinations.map((d) => [d.anniversary, d.source]))).toEqual(
      refused.flatMap((leaver) => leaver.destinations.map(() => [1, 'local_authority'])),
    );
    expect(leavers.some((leaver) => leaver.consentToFollowUp === null)).toBe(true);
    const categories = recorded.map(({ destination }) => destination.category);
    const inEet = categories.filter(isInEducationEmploymentOrTraining).length;
    expect(inEet / categories.length).toBeGreaterThan(0.8);
    expect(categories.filter((category) => category === 'neet').length).toBeGreaterThan(10);
    expect(categories.filter((category) => category === 'not_known').length).toBeGreaterThan(10);
    expect(new Set(recorded.map(({ destination }) => destination.source))).toEqual(
      new Set(['learner', 'provider', 'local_authority']),
    );
    // Some of the latest anniversary are still to follow up.
    const latest = leavers.filter((leaver) => leaver.leftIn === 2025 && leaver.consentToFollowUp !== false);
    expect(latest.filter((leaver) => leaver.destinations.length === 0).length).toBeGreaterThan(10);
  });
});
