import { academicYearEnd, anniversaryDate, isValidUpn } from '@encounters/domain';
import { generateTrust } from './generate-trust';
import { PRESETS } from './presets';

describe(generateTrust.name, () => {
  const sut = generateTrust(PRESETS.small);

  it('is deterministic: the same parameters give the same trust', () => {
    const again = generateTrust(PRESETS.small);
    expect(again.learners).toEqual(sut.learners);
    expect(Array.from(again.attendances.learner.slice(0, again.attendances.length))).toEqual(
      Array.from(sut.attendances.learner.slice(0, sut.attendances.length)),
    );
  });

  it('gives every learner a valid, unique UPN', () => {
    expect(sut.learners.every((learner) => isValidUpn(learner.upn))).toBe(true);
    expect(new Set(sut.learners.map((learner) => learner.upn)).size).toBe(sut.learners.length);
  });

  it('keeps one enrolment per learner per year and one attendance per learner per encounter', () => {
    const enrolmentKeys = sut.enrolments.map((e) => `${e.learner}:${e.academicYear}`);
    expect(new Set(enrolmentKeys).size).toBe(enrolmentKeys.length);
    const attendanceKeys = new Set<string>();
    for (let i = 0; i < sut.attendances.length; i += 1) {
      attendanceKeys.add(`${sut.attendances.encounter[i]}:${sut.attendances.learner[i]}`);
    }
    expect(attendanceKeys.size).toBe(sut.attendances.length);
  });

  it('never has a learner leave before they were admitted', () => {
    const trust = generateTrust(PRESETS['trust-tenth']);
    expect(
      trust.enrolments.filter((e) => e.admissionDate && e.leavingDate && e.leavingDate < e.admissionDate),
    ).toEqual([]);
  });

  it('puts about learnersPerAcademy learners on roll per academy in the last year', () => {
    const lastYear = sut.enrolments.filter((e) => e.academicYear === PRESETS.small.lastAcademicYear);
    expect(lastYear.length).toBeGreaterThan(PRESETS.small.academies * PRESETS.small.learnersPerAcademy * 0.9);
    expect(lastYear.length).toBeLessThanOrEqual(PRESETS.small.academies * PRESETS.small.learnersPerAcademy);
  });

  it('sizes the trust preset at about 1.2 million attendances', () => {
    const { academies, academicYears, encountersPerAcademyYear, attendeesPerEncounter, learnersPerAcademy } =
      PRESETS.trust;
    expect(academies * learnersPerAcademy).toBe(24_000);
    expect(academies * academicYears * encountersPerAcademyYear * attendeesPerEncounter).toBe(1_200_000);
  });

  it('R-DEST-1: gives most learners of Years 11 and 13 an intended destination, enrolled only after leaving', () => {
    const enrolment = new Map(sut.enrolments.map((e) => [`${e.learner}:${e.academicYear}`, e]));
    const keys = sut.intendedDestinations.map((d) => `${d.learner}:${d.academicYear}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.map((key) => enrolment.get(key)?.yearGroup))).toEqual(new Set([11, 13]));
    const eligible = sut.enrolments.filter((e) => [11, 13].includes(e.yearGroup) && !e.leavingDate);
    expect(keys.length).toBeGreaterThan(eligible.length * 0.85);
    const end = academicYearEnd(PRESETS.small.lastAcademicYear);
    for (const destination of sut.intendedDestinations) {
      const dates = destination.history.map((change) => change.on);
      expect(dates).toEqual([...dates].sort());
      expect(dates[dates.length - 1] <= end).toBe(true);
      for (const change of destination.history.filter((candidate) => candidate.status === 'enrolled'))
        expect(change.on >= `${destination.academicYear + 1}-09-01`).toBe(true);
    }
    // The year before the last has enrolled learners; the last cannot yet.
    const enrolledIn = (year: number) =>
      sut.intendedDestinations.filter(
        (d) => d.academicYear === year && d.history.some((change) => change.status === 'enrolled'),
      ).length;
    expect(enrolledIn(PRESETS.small.lastAcademicYear - 1)).toBeGreaterThan(10);
    expect(enrolledIn(PRESETS.small.lastAcademicYear)).toBe(0);
  });

  it('R-DEST-4: follows up the leavers of Year 13 at each 1 October passed, as far as they agreed', () => {
    const end = academicYearEnd(PRESETS.small.lastAcademicYear);
    const lastYear = new Map<number, { academicYear: number; yearGroup: number }>();
    for (const e of sut.enrolments) lastYear.set(e.learner, e);
    expect(sut.actualDestinations.length).toBeGreaterThan(20);
    for (const destination of sut.actualDestinations) {
      const last = lastYear.get(destination.learner);
      expect(last?.yearGroup).toBe(13);
      expect(anniversaryDate(last?.academicYear ?? 0, destination.anniversary) <= end).toBe(true);
      if (sut.learners[destination.learner].consentToFollowUp === false)
        expect(destination.anniversary).toBe(1);
    }
    const asked = sut.learners.filter((learner) => learner.consentToFollowUp !== null);
    expect(asked.length).toBeGreaterThan(0);
    expect(sut.actualDestinations.some((d) => d.category === 'higher_education')).toBe(true);
  });
});
