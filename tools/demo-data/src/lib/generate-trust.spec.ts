import { isValidUpn } from '@encounters/domain';
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
});
