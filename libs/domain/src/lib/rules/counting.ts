import { DateWindow, IsoDate, academicYearOf, isWithinWindow } from '../calendar';
import {
  EncounterCategory,
  EncounterFormat,
  MeaningfulBenchmark,
  MeaningfulChecklistItem,
  isMeaningfulFor,
  isSpecialistAdviserLevel,
  meaningfulBenchmarkFor,
  missingChecklistItems,
} from '../taxonomy';
import { GuidanceMeetingRecord, LearnerAttendance } from './learner-record';
import { PolicyLookup } from './policy';
import { RULE_IDS, RuleId, RuleResults } from './rule';

/**
 * Why an encounter or guidance meeting on a learner's record does not count (or not for every rule it
 * could): each code names the cause, and with its fields the record page says what would make it count.
 */
export type NotCountingReason =
  /** The learner was marked absent (or excused): only attendance counts (R-M-3). */
  | { code: 'absent' }
  /** Dated after the as-at date: it counts from its own date (R-AY-5). */
  | { code: 'after_as_at'; asAt: IsoDate }
  /** Guidance by an adviser below level 6 is neither personal guidance nor specialist advice (R-C-5). */
  | { code: 'adviser_below_level_6'; adviserLevel: number | null }
  /** Not meaningful for a benchmark: these checklist items were left unticked (R-M-1). */
  | { code: 'checklist_incomplete'; benchmark: MeaningfulBenchmark; missing: MeaningfulChecklistItem[] }
  /** Marked as not meaningful for this learner, e.g. they left early (R-M-2). */
  | { code: 'not_meaningful_for_learner' }
  /** A virtual workplace experience or higher-education visit is no visit under the 2024 rules (R-D-1). */
  | { code: 'virtual_visit'; category: 'workplace_experience' | 'he_visit' }
  /** Dated outside the dates of every rule that applies to the learner this year. */
  | { code: 'outside_window'; windows: DateWindow[] }
  /** Within the dates, but no rule that applies to the learner this year counts what it evidences. */
  | { code: 'no_rule_applies' };

export type NotCountingCode = NotCountingReason['code'];

/** Whether an item of the record counts, for which rules, and why not (or not for more). */
export interface ItemCounting {
  /** Counted as evidence by at least one rule. */
  counts: boolean;
  /** The rules whose evidence holds it. */
  rules: RuleId[];
  /**
   * Why it does not count, or does not count for everything it could (e.g. meaningful for Benchmark 5 but
   * not for Benchmark 6); empty when nothing stands in its way.
   */
  reasons: NotCountingReason[];
}

/** What the evaluation of a learner's year says about every item: its results and as-at date. */
export interface CountingContext {
  results: RuleResults;
  asAt: IsoDate;
  /** The policy of each academic year: meaningfulness and the rule set are those of the item's own year. */
  policyFor: PolicyLookup;
}

/** The extra facts of an encounter the reasons need beyond what the engine reads. */
export interface CountingAttendance extends LearnerAttendance {
  format?: EncounterFormat;
  /** The adviser's level, for guidance formats. */
  adviserLevel?: number | null;
}

const GUIDANCE_FORMATS: readonly EncounterFormat[] = ['guidance_meeting', 'group_guidance'];

function rulesHolding(id: string, results: RuleResults): RuleId[] {
  return RULE_IDS.filter((rule) => results[rule].evidence.includes(id));
}

/** The windows of the rules that apply this year, for "outside the dates" and its wording. */
function applicableWindows(results: RuleResults): DateWindow[] {
  return RULE_IDS.flatMap((rule) => {
    const { status, window } = results[rule];
    return status !== 'not_applicable' && window ? [window] : [];
  });
}

/** Why the item did not count when nothing about it stood in the way: its date, or what it evidences. */
function placeReason(date: IsoDate, results: RuleResults): NotCountingReason {
  const windows = applicableWindows(results);
  return windows.some((window) => isWithinWindow(date, window))
    ? { code: 'no_rule_applies' }
    : { code: 'outside_window', windows };
}

/**
 * Whether a learner's attendance at an encounter counts, and every reason it does not (or does not for
 * all it could): the engine's own tests (`evaluateLearner`), given as codes the record page words.
 */
export function attendanceCounting(attendance: CountingAttendance, context: CountingContext): ItemCounting {
  const { results, asAt, policyFor } = context;
  const rules = rulesHolding(attendance.encounterId, results);
  if (attendance.status !== 'attended') return { counts: false, rules: [], reasons: [{ code: 'absent' }] };
  if (attendance.date > asAt)
    return { counts: rules.length > 0, rules, reasons: [{ code: 'after_as_at', asAt }] };
  const reasons: NotCountingReason[] = [];
  const policy = policyFor(academicYearOf(attendance.date));
  if (
    attendance.format &&
    GUIDANCE_FORMATS.includes(attendance.format) &&
    !isSpecialistAdviserLevel(attendance.adviserLevel)
  ) {
    reasons.push({ code: 'adviser_below_level_6', adviserLevel: attendance.adviserLevel ?? null });
  }
  const benchmarks = new Set<MeaningfulBenchmark>();
  let virtual = false;
  for (const category of attendance.categories) {
    if (
      attendance.delivery === 'virtual' &&
      (category === 'workplace_experience' || category === 'he_visit') &&
      policy.ruleSet === 'gatsby-2024'
    ) {
      reasons.push({ code: 'virtual_visit', category });
      virtual = true;
      continue;
    }
    const benchmark = meaningfulBenchmarkFor(category as EncounterCategory);
    if (benchmark && policy.requireMeaningful) benchmarks.add(benchmark);
  }
  if (benchmarks.size && attendance.meaningfulOverride === false) {
    reasons.push({ code: 'not_meaningful_for_learner' });
  } else {
    for (const benchmark of [...benchmarks].sort()) {
      if (!isMeaningfulFor(benchmark, attendance.meaningful)) {
        reasons.push({
          code: 'checklist_incomplete',
          benchmark,
          missing: missingChecklistItems(benchmark, attendance.meaningful),
        });
      }
    }
  }
  const onlyVirtual = virtual && reasons.every((reason) => reason.code === 'virtual_visit');
  const otherCategories = attendance.categories.filter(
    (category) => category !== 'workplace_experience' && category !== 'he_visit',
  );
  // Nothing stood in its way (or in the way of its other categories): say why its date or kind did not count.
  if (!rules.length && (!reasons.length || (onlyVirtual && otherCategories.length)))
    reasons.push(placeReason(attendance.date, results));
  return { counts: rules.length > 0, rules, reasons };
}

/** Whether a guidance meeting counts, and why not: its adviser's level, its date. */
export function meetingCounting(meeting: GuidanceMeetingRecord, context: CountingContext): ItemCounting {
  const { results, asAt } = context;
  const rules = rulesHolding(meeting.id, results);
  const reasons: NotCountingReason[] = [];
  if (meeting.date > asAt) reasons.push({ code: 'after_as_at', asAt });
  else if (!isSpecialistAdviserLevel(meeting.adviserLevel))
    reasons.push({ code: 'adviser_below_level_6', adviserLevel: meeting.adviserLevel });
  else if (!rules.length) reasons.push(placeReason(meeting.date, results));
  return { counts: rules.length > 0, rules, reasons };
}
