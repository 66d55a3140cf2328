import { academicYearEnd, academicYearStart, addDays, daysBetween, IsoDate } from '../calendar';
import { ENCOUNTER_FORMATS, ORGANISATION_TYPES } from '../taxonomy';
import {
  evaluateLearner,
  evaluateLearnerWithFirstMet,
  LearnerEvaluation,
  shareEvaluation,
} from './evaluate-learner';
import {
  LearnerYearProgress,
  learnerProgress,
  learnerProgressBySearch,
  statusFromProgress,
} from './learner-progress';
import { coverageEnrolment } from './learner-record';
import { RULE_IDS } from './rule';
import { hoursAt, WEX_RULE_IDS } from './work-experience';
import {
  attendance,
  CORE_ITEMS_ONLY,
  EVERY_ITEM_TICKED,
  meeting,
  NOTHING_TICKED,
} from './testing/encounters';
import { enrolment, learner, learnerIn } from './testing/learner-builder';
import { policyWith } from './testing/rule-table';
import { seededRandom as random } from '../random';

function randomLearner(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const firstYear = 2021 + Math.floor(next() * 3);
  const firstYearGroup = 6 + Math.floor(next() * 7);
  const years = 1 + Math.floor(next() * 5);
  const enrolments = Array.from({ length: years }, (_, index) =>
    enrolment(firstYear + index, Math.min(14, firstYearGroup + index), {
      consideringHigherEducation: next() < 0.5,
    }),
  );
  const start = academicYearStart(firstYear);
  const span = daysBetween(start, academicYearEnd(firstYear + years - 1));
  const attendances = Array.from({ length: Math.floor(next() * 40) }, (_, index) =>
    attendance(
      `e${index}`,
      addDays(start, Math.floor(next() * span)),
      pick(ENCOUNTER_FORMATS),
      [pick(ORGANISATION_TYPES), ...(next() < 0.3 ? [pick(ORGANISATION_TYPES)] : [])],
      {
        status: next() < 0.85 ? 'attended' : pick(['absent', 'withdrawn'] as const),
        meaningful: pick([EVERY_ITEM_TICKED, CORE_ITEMS_ONLY, NOTHING_TICKED]),
        meaningfulOverride: next() < 0.1 ? false : null,
        duringSchoolDay: next() < 0.8,
        adviserLevel: pick([null, 4, 6, 7]),
        offersTechnicalEducation: next() < 0.2,
        // R-WEX, R-D-1: delivery and hours, so that WEX_KS3/WEX_KS4 and the virtual readings are exercised.
        delivery: pick(['in_person', 'virtual', 'mixed'] as const),
        durationMinutes: pick([60, 180, 360]),
        days: pick([null, null, 1, 5, 10]),
        hours: next() < 0.2 ? pick([0, 3, 12, 30]) : null,
      },
    ),
  );
  const guidanceMeetings = Array.from({ length: Math.floor(next() * 3) }, (_, index) =>
    meeting(`m${index}`, addDays(start, Math.floor(next() * span)), pick([5, 6, 7])),
  );
  const policyFor = policyWith({
    requireMeaningful: next() < 0.7,
    atRiskDays: pick([60, 122, 200]),
    palRequiresContent: next() < 0.7,
    wex: {
      ks3Hours: pick([10, 25]),
      ks4Hours: pick([25, 50]),
      hoursPerDay: 6,
      virtualShareMax: pick([0, 0.5]),
    },
  });
  return {
    record: learner({ learnerId: `l${seed}`, enrolments, attendances, guidanceMeetings }),
    policyFor,
    firstYear,
    years,
    next,
  };
}

/**
 * R-WEX-4, R-WEX-6: the counted hours read from the stored steps at the as-at date equal the engine's, for
 * each work-experience rule that applies; none are kept where it does not.
 */
function hoursMismatches(
  sut: LearnerYearProgress,
  evaluation: LearnerEvaluation,
  asAt: IsoDate,
  label: string,
): string[] {
  return WEX_RULE_IDS.flatMap((rule) => {
    const applies = evaluation.results[rule].status !== 'not_applicable';
    const expected = applies
      ? (rule === 'WEX_KS3' ? evaluation.workExperience.ks3 : evaluation.workExperience.ks4).countedHours
      : 0;
    const actual = hoursAt(sut.hours[rule].steps, asAt);
    return actual === expected ? [] : [`${label} as at ${asAt} ${rule} hours: ${actual} ≠ ${expected}`];
  });
}

describe(learnerProgress.name, () => {
  it('R-S-1, R-S-2, R-AY-5: the status from stored progress equals the engine at every as-at date, on 150 random learners', () => {
    const mismatches: string[] = [];
    for (let seed = 1; seed <= 150; seed += 1) {
      const { record, policyFor, firstYear, years, next } = randomLearner(seed);
      for (let year = firstYear; year < firstYear + years; year += 1) {
        const sut = learnerProgress(record, year, policyFor);
        const dates: IsoDate[] = [
          academicYearStart(year),
          academicYearEnd(year),
          addDays(academicYearEnd(year), 1),
          ...Array.from({ length: 6 }, () => addDays(academicYearStart(year), Math.floor(next() * 420) - 30)),
          ...record.attendances.map((a) => a.date),
        ];
        for (const asAt of dates) {
          const evaluation = evaluateLearner({ learner: record, academicYear: year, asAt, policyFor });
          const expected = evaluation.results;
          for (const rule of RULE_IDS) {
            const actual = statusFromProgress(sut.rules[rule], asAt, sut.atRiskDays, rule);
            if (actual !== expected[rule].status) {
              mismatches.push(
                `seed ${seed} year ${year} as at ${asAt} ${rule}: ${actual} ≠ ${expected[rule].status}`,
              );
            }
          }
          mismatches.push(...hoursMismatches(sut, evaluation, asAt, `seed ${seed} year ${year}`));
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('finds the same progress in one pass as the binary search with the engine, on 600 random learners, movers included', () => {
    const mismatches: string[] = [];
    let directlyComputed = 0;
    for (let seed = 1000; seed < 1600; seed += 1) {
      const { record, policyFor, firstYear, years, next } = randomLearner(seed);
      const enrolments = [...record.enrolments];
      // A third of them move academy during a year: sometimes alike, sometimes into another year group or plan.
      if (next() < 0.34) {
        const moved = enrolments[Math.floor(next() * enrolments.length)];
        const leaving = addDays(academicYearStart(moved.academicYear), 20 + Math.floor(next() * 280));
        const change = next();
        enrolments.push(
          enrolment(moved.academicYear, change < 0.2 ? Math.min(14, moved.yearGroup + 1) : moved.yearGroup, {
            academyId: 'academy-b',
            admissionDate: addDays(leaving, 1),
            consideringHigherEducation:
              change > 0.8 ? !moved.consideringHigherEducation : moved.consideringHigherEducation,
          }),
        );
        enrolments[enrolments.indexOf(moved)] = { ...moved, leavingDate: leaving };
      }
      // Some policies need nothing for a count, or more than usual.
      const thresholds = next();
      const lookup =
        thresholds < 0.1
          ? (year: number) => ({
              ...policyFor(year),
              b6By16: 0,
              o2: { employer: 0, education: 0, requireAdvice: false },
            })
          : thresholds < 0.2
            ? (year: number) => ({
                ...policyFor(year),
                b6By16: 3,
                o2: { employer: 3, education: 2, requireAdvice: true },
              })
            : policyFor;
      const subject = { ...record, enrolments };
      for (let year = firstYear - 1; year <= firstYear + years; year += 1) {
        const sut = learnerProgress(subject, year, lookup);
        const oracle = learnerProgressBySearch(subject, year, lookup);
        if (JSON.stringify(sut) !== JSON.stringify(oracle)) {
          mismatches.push(
            `seed ${seed} year ${year}: ${JSON.stringify(sut.rules)} ≠ ${JSON.stringify(oracle.rules)}`,
          );
        }
        directlyComputed += RULE_IDS.filter((rule) => sut.rules[rule].metOn).length;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The comparison means something only if many rules were met along the way.
    expect(directlyComputed).toBeGreaterThan(1000);
  });

  it('R-G-2, R-V-1: each enrolment of a mover, as a placement, gives the engine’s status on every date the learner counts through it', () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (let seed = 2000; seed < 2200; seed += 1) {
      const { record, policyFor, firstYear, years, next } = randomLearner(seed);
      const enrolments = [...record.enrolments];
      const moved = enrolments[Math.floor(next() * enrolments.length)];
      const leaving = addDays(academicYearStart(moved.academicYear), 20 + Math.floor(next() * 280));
      // Into a post-16 academy, or out of one, or between schools: which rules apply changes with the move.
      const types = [undefined, 'post16', 'school'] as const;
      enrolments.push(
        enrolment(moved.academicYear, moved.yearGroup, {
          academyId: 'academy-b',
          admissionDate: addDays(leaving, 1),
          evaluationType: types[Math.floor(next() * 3)],
          senStatus: next() < 0.5 ? 'E' : 'N',
        }),
      );
      enrolments[enrolments.indexOf(moved)] = { ...moved, leavingDate: leaving };
      const subject = { ...record, enrolments };
      for (let year = firstYear; year < firstYear + years; year += 1) {
        const dates: IsoDate[] = [
          academicYearStart(year),
          leaving,
          addDays(leaving, 1),
          academicYearEnd(year),
          ...Array.from({ length: 5 }, () => addDays(academicYearStart(year), Math.floor(next() * 365))),
        ];
        for (const placement of enrolments.filter((e) => e.academicYear === year)) {
          const sut = learnerProgress(subject, year, policyFor, placement);
          for (const asAt of dates) {
            if (coverageEnrolment(subject, year, asAt) !== placement) continue;
            const evaluation = evaluateLearner({ learner: subject, academicYear: year, asAt, policyFor });
            const expected = evaluation.results;
            mismatches.push(...hoursMismatches(sut, evaluation, asAt, `seed ${seed} year ${year}`));
            for (const rule of RULE_IDS) {
              checked += 1;
              const actual = statusFromProgress(sut.rules[rule], asAt, sut.atRiskDays, rule);
              if (actual !== expected[rule].status) {
                mismatches.push(
                  `seed ${seed} year ${year} as at ${asAt} ${rule}: ${actual} ≠ ${expected[rule].status}`,
                );
              }
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(5000);
  });

  it('answers the same when the years of a learner share their evaluation (shareEvaluation), in any order, movers included', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (let seed = 3000; seed < 3300; seed += 1) {
      const { record, policyFor, firstYear, years, next } = randomLearner(seed);
      const enrolments = [...record.enrolments];
      if (next() < 0.3) {
        const moved = enrolments[Math.floor(next() * enrolments.length)];
        const leaving = addDays(academicYearStart(moved.academicYear), 20 + Math.floor(next() * 280));
        enrolments.push(
          enrolment(moved.academicYear, next() < 0.5 ? moved.yearGroup : Math.min(14, moved.yearGroup + 1), {
            academyId: 'academy-b',
            admissionDate: addDays(leaving, 1),
            evaluationType: next() < 0.3 ? 'post16' : undefined,
          }),
        );
        enrolments[enrolments.indexOf(moved)] = { ...moved, leavingDate: leaving };
      }
      const subject = { ...record, enrolments };
      const shared = shareEvaluation(subject, policyFor);
      // Shared with another learner's record or policies: ignored, never mixed in.
      const foreign = shareEvaluation(randomLearner(seed + 10_000).record, policyFor);
      const yearsInOrder = Array.from({ length: years + 2 }, (_, index) => firstYear - 1 + index);
      const shuffled = yearsInOrder.sort(() => next() - 0.5);
      for (const year of shuffled) {
        const placements = [undefined, ...enrolments.filter((e) => e.academicYear === year)];
        for (const placement of placements) {
          for (const sharing of [shared, foreign]) {
            compared += 1;
            const alone = JSON.stringify(learnerProgress(subject, year, policyFor, placement));
            const together = JSON.stringify(learnerProgress(subject, year, policyFor, placement, sharing));
            if (alone !== together) mismatches.push(`seed ${seed} year ${year}: ${together} ≠ ${alone}`);
          }
        }
        const asAt = addDays(academicYearStart(year), Math.floor(next() * 500) - 60);
        const alone = evaluateLearnerWithFirstMet({ learner: subject, academicYear: year, asAt, policyFor });
        const together = evaluateLearnerWithFirstMet({
          learner: subject,
          academicYear: year,
          asAt,
          policyFor,
          shared,
        });
        compared += 1;
        if (
          JSON.stringify([alone.evaluation, alone.firstMet, alone.hoursSteps]) !==
          JSON.stringify([together.evaluation, together.firstMet, together.hoursSteps])
        ) {
          mismatches.push(`seed ${seed} year ${year} as at ${asAt}: the evaluation differs when shared`);
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(2000);
  });

  it('R-S-3: a rule that does not apply has no window', () => {
    const sut = learnerProgress(learnerIn(2025, 8), 2025, policyWith());
    expect(sut.rules.B6_18).toEqual({ windowEnd: null, metOn: null });
    expect(sut.rules.PAL1.windowEnd).toBe('2027-02-28');
  });

  it('R-B5-1: met on the date of the first meaningful employer encounter', () => {
    const record = learnerIn(2025, 9, [
      attendance('late', '2026-03-02', 'talk', ['employer']),
      attendance('early', '2025-11-20', 'talk', ['employer']),
      attendance('not-meaningful', '2025-10-01', 'talk', ['employer'], { meaningful: NOTHING_TICKED }),
    ]);
    expect(learnerProgress(record, 2025, policyWith()).rules.B5).toEqual({
      windowEnd: '2026-08-31',
      metOn: '2025-11-20',
    });
  });
});
