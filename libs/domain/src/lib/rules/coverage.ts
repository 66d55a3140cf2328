import { AcademicYear, IsoDate } from '../calendar';
import { coverageKey } from './coverage-key';
import { evaluateLearner } from './evaluate-learner';
import { LearnerEnrolment, LearnerRecord, coverageEnrolment } from './learner-record';
import { PolicyLookup } from './policy';
import { OfferRuleId } from './pal3-offer';
import { RULE_IDS, RuleId, RuleStatus, RuleStatuses, statusesOf } from './rule';
import { HoursFigures, HoursGaps, WEX_RULE_IDS, WexRuleId, hoursFigures, hoursGaps } from './work-experience';

/** One rule's figures for a group, as in the `/api/coverage` answer. */
export interface RuleTally {
  met: number;
  onTrack: number;
  atRisk: number;
  missed: number;
  /** Learners to whom the rule applies: everyone but the `not_applicable`. */
  applicable: number;
  /** R-G-1: met / applicable as a percentage to one decimal place; null when the rule applies to nobody. */
  percent: number | null;
}

export type RuleTallies = Record<RuleId, RuleTally>;

/** A row of the `/api/coverage` answer. */
export interface CoverageRow {
  key: string;
  label: string;
  learners: number;
  rules: RuleTallies;
  /**
   * R-WEX-6, R-WEX-9: for `WEX_KS3` and `WEX_KS4`, the learners to whom the rule applies at 0 counted hours,
   * below the target and at or above it, and their median counted hours (R-WEX-4). Every `/api/coverage`
   * row carries them; optional for rows made before the 2025 revision (frozen snapshots, test fixtures).
   */
  hours?: Record<WexRuleId, HoursFigures>;
  /**
   * R-PAL-4: the per-academy rules, on the rows that stand for an academy (an academy's scope, the trust's
   * rows per academy) and on the trust's own row (see {@link trustOfferStatus}).
   */
  offers?: Record<OfferRuleId, RuleStatus>;
}

/**
 * A breakdown row also carries, per rule, the group's percentage minus the rest's, in points (R-G-3), and the
 * gaps on the work-experience hours figures (R-WEX-6).
 */
export interface CoverageBreakdownRow extends CoverageRow {
  gaps: Record<RuleId, number | null>;
  hoursGaps: Record<WexRuleId, HoursGaps>;
}

export type CoverageCharacteristics = Pick<
  LearnerEnrolment,
  'pupilPremium' | 'senStatus' | 'eal' | 'gender' | 'lookedAfter'
> & {
  /** FSM eligible (or FSM6) as the roster gave it; absent where a caller does not read it (not eligible). */
  freeSchoolMeals?: boolean;
};

/** One learner as group figures see them: their statuses and the enrolment that places them (R-G-2). */
export interface LearnerCoverageEntry {
  learnerId: string;
  enrolment: CoverageCharacteristics & Partial<Pick<LearnerEnrolment, 'academyId' | 'groupId' | 'yearGroup'>>;
  statuses: RuleStatuses;
  /** R-WEX-4: the counted hours at the as-at date and the target, per work-experience rule. */
  hours?: Record<WexRuleId, { counted: number; targetHours: number }>;
}

export const COVERAGE_BREAKDOWNS = [
  'pupilPremium',
  'freeSchoolMeals',
  'sen',
  'eal',
  'gender',
  'lookedAfter',
] as const;
export type CoverageBreakdown = (typeof COVERAGE_BREAKDOWNS)[number];

export interface CoverageSubgroup {
  key: string;
  label: string;
  includes: (enrolment: CoverageCharacteristics) => boolean;
}

export function tallyStatuses(statuses: readonly RuleStatus[]): RuleTally {
  const count = (status: RuleStatus) => statuses.filter((s) => s === status).length;
  const met = count('met');
  const applicable = statuses.length - count('not_applicable');
  return {
    met,
    onTrack: count('on_track'),
    atRisk: count('at_risk'),
    missed: count('missed'),
    applicable,
    percent: applicable ? roundToOneDecimal((100 * met) / applicable) : null,
  };
}

/** R-G-1: each learner counts once, however many times they appear. */
export function coverageRow(
  key: string,
  label: string,
  entries: readonly LearnerCoverageEntry[],
): CoverageRow {
  const learners = onePerLearner(entries);
  const rules = Object.fromEntries(
    RULE_IDS.map((rule) => [rule, tallyStatuses(learners.map((entry) => entry.statuses[rule]))]),
  ) as RuleTallies;
  return { key, label, learners: learners.length, rules, hours: hoursOfEntries(learners) };
}

/** R-WEX-6, R-WEX-9 over the learners to whom each work-experience rule applies. */
function hoursOfEntries(learners: readonly LearnerCoverageEntry[]): Record<WexRuleId, HoursFigures> {
  return Object.fromEntries(
    WEX_RULE_IDS.map((rule) => {
      const applying = learners.filter((entry) => entry.statuses[rule] !== 'not_applicable');
      return [
        rule,
        countedHoursFigures(applying.map((entry) => entry.hours?.[rule] ?? { counted: 0, targetHours: 0 })),
      ];
    }),
  ) as Record<WexRuleId, HoursFigures>;
}

/**
 * R-WEX-9 for learners who may have different targets (the fast path adds up academies): each learner is
 * at or above their own target; the median is of counted hours.
 */
export function countedHoursFigures(
  learners: readonly { counted: number; targetHours: number }[],
): HoursFigures {
  const { median } = hoursFigures(
    learners.map((learner) => learner.counted),
    0,
  );
  return {
    zero: learners.filter((l) => l.counted <= 0).length,
    belowTarget: learners.filter((l) => l.counted > 0 && l.counted < l.targetHours).length,
    atTarget: learners.filter((l) => l.counted > 0 && l.counted >= l.targetHours).length,
    median,
  };
}

/**
 * R-PAL-4 for the trust's own row: met when every academy to which the offer applies meets it, else the
 * least favourable of their statuses (missed, at risk, on track); not applicable when it applies to none.
 */
export function trustOfferStatus(statuses: readonly RuleStatus[]): RuleStatus {
  const order: RuleStatus[] = ['missed', 'at_risk', 'on_track', 'met'];
  return order.find((status) => statuses.includes(status)) ?? 'not_applicable';
}

/**
 * R-G-3: one row per value of the characteristic, each with its gap against everyone else in the group.
 * Fixed characteristics list every value, even with no learners, so that tables keep their shape; gender
 * lists the values present.
 */
export function coverageBreakdown(
  breakdown: CoverageBreakdown,
  entries: readonly LearnerCoverageEntry[],
): CoverageBreakdownRow[] {
  const learners = onePerLearner(entries);
  return subgroupsOf(breakdown, learners).map(({ key, label, includes }) => {
    const inside = learners.filter((entry) => includes(entry.enrolment));
    const rest = learners.filter((entry) => !includes(entry.enrolment));
    const row = coverageRow(key, label, inside);
    const restRow = coverageRow(coverageKey(key, 'rest'), '', rest);
    const gaps = Object.fromEntries(
      RULE_IDS.map((rule) => [rule, coverageGap(row.rules[rule], restRow.rules[rule])]),
    ) as Record<RuleId, number | null>;
    return { ...row, gaps, hoursGaps: coverageHoursGaps(row, restRow) };
  });
}

/** A row's hours figures for a work-experience rule; none counted for a row made without them. */
export function hoursOrNone(row: CoverageRow, rule: WexRuleId): HoursFigures {
  return row.hours?.[rule] ?? { zero: 0, belowTarget: 0, atTarget: 0, median: null };
}

/** R-WEX-6 with R-G-3: each work-experience rule's hours gaps, the group's against the rest's. */
export function coverageHoursGaps(row: CoverageRow, rest: CoverageRow): Record<WexRuleId, HoursGaps> {
  return Object.fromEntries(
    WEX_RULE_IDS.map((rule) => [rule, hoursGaps(hoursOrNone(row, rule), hoursOrNone(rest, rule))]),
  ) as Record<WexRuleId, HoursGaps>;
}

/**
 * Builds the entries for group figures: evaluates every learner on roll at the as-at date (R-G-4) and
 * places each through their enrolment at that date (R-G-2). Filter by `enrolment.academyId`, `groupId` or
 * `yearGroup` for narrower scopes.
 */
export function coverageEntries(
  learners: readonly LearnerRecord[],
  academicYear: AcademicYear,
  asAt: IsoDate,
  policyFor: PolicyLookup,
): LearnerCoverageEntry[] {
  return learners.flatMap((learner) => {
    const enrolment = coverageEnrolment(learner, academicYear, asAt);
    if (!enrolment) return [];
    const { results, workExperience } = evaluateLearner({ learner, academicYear, asAt, policyFor });
    const hours = {
      WEX_KS3: { counted: workExperience.ks3.countedHours, targetHours: workExperience.ks3.targetHours },
      WEX_KS4: { counted: workExperience.ks4.countedHours, targetHours: workExperience.ks4.targetHours },
    };
    return [{ learnerId: learner.learnerId, enrolment, statuses: statusesOf(results), hours }];
  });
}

/** R-G-3: the group's share minus the rest's, in percentage points; null when either applies to nobody. */
export function coverageGap(group: RuleTally, rest: RuleTally): number | null {
  if (!group.applicable || !rest.applicable) return null;
  // From the unrounded shares, so that rounding twice cannot move the gap by a tenth.
  return roundToOneDecimal((100 * group.met) / group.applicable - (100 * rest.met) / rest.applicable);
}

/** The rows of a breakdown, for learners with these characteristics: SQL tallies are grouped by them. */
export function coverageSubgroups(
  breakdown: CoverageBreakdown,
  present: readonly CoverageCharacteristics[],
): CoverageSubgroup[] {
  return subgroupsOf(
    breakdown,
    present.map((enrolment) => ({ learnerId: '', enrolment, statuses: {} as RuleStatuses })),
  );
}

/**
 * A tally from counts, with the percentage rounded as `tallyStatuses` rounds it. Written out field by field: an
 * object spread here cost about 1 µs a call (Node 20), 1.5 ms of a 100-academy trust view's 1,300 tallies.
 */
export function tallyFromCounts(counts: Omit<RuleTally, 'percent'>): RuleTally {
  const { met, onTrack, atRisk, missed, applicable } = counts;
  return {
    met,
    onTrack,
    atRisk,
    missed,
    applicable,
    percent: applicable ? roundToOneDecimal((100 * met) / applicable) : null,
  };
}

function subgroupsOf(
  breakdown: CoverageBreakdown,
  learners: readonly LearnerCoverageEntry[],
): CoverageSubgroup[] {
  const yesNo = (
    field: 'pupilPremium' | 'freeSchoolMeals' | 'eal' | 'lookedAfter',
    yes: string,
    no: string,
  ): CoverageSubgroup[] => [
    { key: coverageKey(breakdown, 'yes'), label: yes, includes: (e) => !!e[field] },
    { key: coverageKey(breakdown, 'no'), label: no, includes: (e) => !e[field] },
  ];
  switch (breakdown) {
    case 'pupilPremium':
      return yesNo('pupilPremium', 'Pupil premium', 'Not pupil premium');
    case 'freeSchoolMeals':
      return yesNo('freeSchoolMeals', 'Free school meals', 'Not free school meals');
    case 'eal':
      return yesNo('eal', 'EAL', 'Not EAL');
    case 'lookedAfter':
      return yesNo('lookedAfter', 'Looked after', 'Not looked after');
    case 'sen':
      return [
        { key: 'sen:N', label: 'No SEN (N)', includes: (e) => e.senStatus === 'N' },
        { key: 'sen:K', label: 'SEN support (K)', includes: (e) => e.senStatus === 'K' },
        { key: 'sen:E', label: 'EHC plan (E)', includes: (e) => e.senStatus === 'E' },
      ];
    case 'gender': {
      const values = [...new Set(learners.map((entry) => entry.enrolment.gender))].sort();
      return values.map((value) => ({
        key: coverageKey('gender', value),
        label: genderLabel(value),
        includes: (e) => e.gender === value,
      }));
    }
  }
}

function genderLabel(value: string): string {
  const known: Record<string, string> = { M: 'Male', F: 'Female', MALE: 'Male', FEMALE: 'Female' };
  return known[value.trim().toUpperCase()] ?? (value.trim() || 'Not recorded');
}

function onePerLearner(entries: readonly LearnerCoverageEntry[]): LearnerCoverageEntry[] {
  const byLearner = new Map<string, LearnerCoverageEntry>();
  for (const entry of entries) if (!byLearner.has(entry.learnerId)) byLearner.set(entry.learnerId, entry);
  return [...byLearner.values()];
}

function roundToOneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
