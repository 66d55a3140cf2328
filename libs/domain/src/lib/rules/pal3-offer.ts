import {
  AcademicYear,
  DateWindow,
  IsoDate,
  academicYearStart,
  isWithinWindow,
  lastDayOfFebruary,
} from '../calendar';
import { EncounterCategory, MeaningfulChecklist } from '../taxonomy';
import { AcademyEvaluationType } from './learner-record';
import { PolicyLookup } from './policy';
import { RuleStatus } from './rule';
import { countShortfall, ruleStatus, stillNeededText } from './rule-status';

/** The per-academy rule of R-PAL-4, in `offers` of academy and trust coverage rows. */
export const OFFER_RULE_IDS = ['PAL3_OFFER'] as const;
export type OfferRuleId = (typeof OFFER_RULE_IDS)[number];

/** One encounter held by the academy, as R-PAL-4 reads it. */
export interface OfferedEncounter {
  id: string;
  date: IsoDate;
  categories: readonly EncounterCategory[];
  meaningful: MeaningfulChecklist;
  /** The year groups the encounter was offered to. */
  offeredTo: readonly number[];
}

export interface PalThreeOfferInput {
  academicYear: AcademicYear;
  asAt: IsoDate;
  /** R-PAL-4: whether the academy has learners in Years 12–13 this year. */
  hasSixthFormLearners: boolean;
  evaluationType?: AcademyEvaluationType;
  encounters: readonly OfferedEncounter[];
  policyFor: PolicyLookup;
}

export interface OfferResult {
  rule: OfferRuleId;
  status: RuleStatus;
  window: DateWindow | null;
  evidence: string[];
  stillNeeded: string | null;
  /** The date of the second qualifying encounter; null when there is none by the end of the window. */
  metOn: IsoDate | null;
}

/**
 * R-PAL-4 (replacing the school-level part of R-PAL-2): an academy with learners in Years 12–13 meets
 * `PAL3_OFFER` for a year when at least 2 PAL provider encounters held in the year's window 3 part (1 September
 * to the end of February, as Year 13's window closes then) were offered to both Year 12 and Year 13. R-PAL-3's
 * content applies to them too. Not applicable without Year 12–13 learners, or at a post-16 academy (R-V-3).
 */
export function palThreeOffer(input: PalThreeOfferInput): OfferResult {
  const { academicYear, asAt, policyFor } = input;
  if (!input.hasSixthFormLearners || input.evaluationType === 'post16') {
    return {
      rule: 'PAL3_OFFER',
      status: 'not_applicable',
      window: null,
      evidence: [],
      stillNeeded: null,
      metOn: null,
    };
  }
  const window: DateWindow = {
    start: academicYearStart(academicYear),
    end: lastDayOfFebruary(academicYear + 1),
  };
  const qualifying = input.encounters
    .filter(
      (encounter) =>
        encounter.categories.includes('pal_provider_encounter') &&
        isWithinWindow(encounter.date, window) &&
        encounter.offeredTo.includes(12) &&
        encounter.offeredTo.includes(13) &&
        (!policyFor(academicYear).palRequiresContent || hasContent(encounter.meaningful)),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const done = qualifying.filter((encounter) => encounter.date <= asAt);
  const met = done.length >= 2;
  const status = ruleStatus(met, window, asAt, policyFor(academicYear).atRiskDays);
  const shortfall = countShortfall(done.length, 2, {
    one: 'provider access encounter offered to Years 12 and 13',
    many: 'provider access encounters offered to Years 12 and 13',
  });
  return {
    rule: 'PAL3_OFFER',
    status,
    window,
    evidence: done.map((encounter) => encounter.id),
    stillNeeded: stillNeededText(shortfall ? [shortfall] : [], window, status),
    metOn: qualifying[1]?.date ?? null,
  };
}

function hasContent(checklist: MeaningfulChecklist): boolean {
  return (
    checklist.providerInformation === true &&
    checklist.whatLearningIsLike === true &&
    checklist.twoWayInteraction === true
  );
}
