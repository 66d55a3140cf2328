import {
  type AcademicYear,
  academicYearEnd,
  type ActualDestinationCategory,
  anniversaryDate,
  type AnniversaryFigures,
  COVERAGE_BREAKDOWNS,
  type CoverageCharacteristics,
  coverageGap,
  coverageSubgroups,
  DESTINATION_ANNIVERSARIES,
  type DestinationAnniversary,
  type IsoDate,
  isInEducationEmploymentOrTraining,
  tallyFromCounts,
} from '@encounters/domain';

/*
 * R-DEST-4, R-DEST-5: the arithmetic of a cohort of leavers, without a database: when a leaver left, which
 * anniversaries are still to follow up, and the cohort's figures at each anniversary with the gaps of R-G-3.
 */

/** What the figures read about one leaver: their characteristics (last enrolment) and what was recorded. */
export interface CohortLeaver {
  characteristics: CoverageCharacteristics;
  destinations: readonly { anniversary: DestinationAnniversary; category: ActualDestinationCategory }[];
}

/** R-DEST-4: the day a leaver left: the enrolment's leaving date, else the last day of the year they left in. */
export function leftOn(leftIn: AcademicYear, leavingDate: IsoDate | null): IsoDate {
  return leavingDate ?? academicYearEnd(leftIn);
}

/**
 * R-DEST-4: the anniversaries already reached (1 October on or before today) with nothing recorded. A leaver
 * who did not agree to be followed up after 16 (`consentToFollowUp` false) is followed up at the first
 * anniversary only; not yet asked (null) is followed up as usual.
 */
export function anniversariesToFollowUp(
  leftIn: AcademicYear,
  recorded: readonly DestinationAnniversary[],
  consentToFollowUp: boolean | null,
  today: IsoDate,
): DestinationAnniversary[] {
  return DESTINATION_ANNIVERSARIES.filter(
    (anniversary) =>
      anniversaryDate(leftIn, anniversary) <= today &&
      !recorded.includes(anniversary) &&
      (consentToFollowUp !== false || anniversary === 1),
  );
}

/** Counts of one set of leavers at one anniversary. */
function countAt(leavers: readonly CohortLeaver[], anniversary: DestinationAnniversary) {
  let recorded = 0;
  let inEet = 0;
  let neet = 0;
  let notKnown = 0;
  for (const leaver of leavers) {
    const destination = leaver.destinations.find((candidate) => candidate.anniversary === anniversary);
    if (!destination) continue;
    recorded += 1;
    if (isInEducationEmploymentOrTraining(destination.category)) inEet += 1;
    if (destination.category === 'neet') neet += 1;
    if (destination.category === 'not_known') notKnown += 1;
  }
  return { leavers: leavers.length, recorded, inEet, neet, notKnown };
}

/** The share in education, employment or training as a tally of R-G-1: "met" of all leavers. */
function eetTally(counts: { leavers: number; inEet: number }) {
  return tallyFromCounts({ met: counts.inEet, onTrack: 0, atRisk: 0, missed: 0, applicable: counts.leavers });
}

/**
 * R-DEST-5: a cohort at one anniversary. `recorded` counts the leavers with a destination recorded; `inEet`,
 * `neet` and `notKnown` divide those by category (`other` is in none of them); leavers with nothing recorded
 * are `leavers - recorded`. `percentInEet` is of all leavers, to one decimal place, as R-G-1 rounds.
 *
 * `gaps` (R-G-3), keyed as the coverage breakdown rows are (`pupilPremium:yes`, `sen:K`, `gender:F`, …): the
 * subgroup's share in education, employment or training minus the rest of the cohort's, in points, by the
 * same `coverageGap` as coverage; null where either side has no leavers.
 */
export function anniversaryFigures(
  leftIn: AcademicYear,
  anniversary: DestinationAnniversary,
  leavers: readonly CohortLeaver[],
): AnniversaryFigures {
  const counts = countAt(leavers, anniversary);
  const gaps: Record<string, number | null> = {};
  const present = leavers.map((leaver) => leaver.characteristics);
  for (const breakdown of COVERAGE_BREAKDOWNS) {
    for (const { key, includes } of coverageSubgroups(breakdown, present)) {
      const inside = leavers.filter((leaver) => includes(leaver.characteristics));
      const rest = leavers.filter((leaver) => !includes(leaver.characteristics));
      gaps[key] = coverageGap(eetTally(countAt(inside, anniversary)), eetTally(countAt(rest, anniversary)));
    }
  }
  return {
    anniversary,
    on: anniversaryDate(leftIn, anniversary),
    ...counts,
    percentInEet: eetTally(counts).percent,
    gaps,
  };
}
