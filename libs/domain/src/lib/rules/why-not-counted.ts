import { academicYearOf, IsoDate } from '../calendar';
import {
  deriveEncounterCategories,
  EncounterCategory,
  ENCOUNTER_CATEGORY_NOUNS,
  EncounterFacts,
  meaningfulBenchmarkFor,
} from '../taxonomy/encounter-category';
import { DeliveryMode, MIN_SPECIALIST_ADVISER_LEVEL } from '../taxonomy/encounter-format';
import {
  isMeaningfulFor,
  MeaningfulChecklist,
  MeaningfulChecklistItem,
  missingChecklistItems,
} from '../taxonomy/meaningful-checklist';
import { CHECKLIST_ITEM_LABELS } from '../vocabulary/encounter-labels';
import { defaultPolicy, Policy } from './policy';

/** Why an encounter, as filled in, will not count (or not count for everything it looks like), and what would. */
export interface NotCountedReason {
  code: 'no_category' | 'checklist_incomplete' | 'virtual_visit' | 'adviser_below_level_6';
  category?: EncounterCategory;
  missing?: MeaningfulChecklistItem[];
  /** "It will not count as an employer encounter (Benchmark 5): 2 checklist items are not ticked." */
  why: string;
  /** "Tick Learning outcomes agreed and Reflection planned if they happened." */
  fix: string;
}

export interface EncounterToCount extends EncounterFacts {
  date: IsoDate;
  delivery: DeliveryMode;
  meaningful: MeaningfulChecklist;
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * R-C-1..7, R-M-2, R-D-1/2: the reasons the encounter as filled in will not count for a learner who attends,
 * under the policy of its academic year (the default policy unless the trust's is given). Empty when it counts
 * for everything it evidences.
 */
export function whyEncounterWillNotCount(
  encounter: EncounterToCount,
  policy: Policy = defaultPolicy(academicYearOf(encounter.date)),
): NotCountedReason[] {
  const reasons: NotCountedReason[] = [];
  const { categories } = deriveEncounterCategories(encounter);
  const guidance = encounter.format === 'guidance_meeting' || encounter.format === 'group_guidance';
  if (
    guidance &&
    !(typeof encounter.adviserLevel === 'number' && encounter.adviserLevel >= MIN_SPECIALIST_ADVISER_LEVEL)
  ) {
    reasons.push({
      code: 'adviser_below_level_6',
      why:
        encounter.adviserLevel == null
          ? "The adviser's level is not known, so it will not count as specialist careers advice (Benchmark 8)."
          : `An adviser at level ${encounter.adviserLevel} is below level ${MIN_SPECIALIST_ADVISER_LEVEL}, so it will not count as specialist careers advice (Benchmark 8).`,
      fix: `Give the adviser's CDI level if it is ${MIN_SPECIALIST_ADVISER_LEVEL} or above.`,
    });
  }
  if (!categories.length && !reasons.length) {
    reasons.push({
      code: 'no_category',
      why: encounter.organisations.length
        ? 'With these organisations and this format, it does not count towards any benchmark.'
        : 'Without an organisation, it does not count towards any benchmark.',
      fix: 'Add the employer, college, university or training provider that took part.',
    });
  }
  for (const category of categories) {
    const name = ENCOUNTER_CATEGORY_NOUNS[category].one;
    if (
      encounter.delivery === 'virtual' &&
      (category === 'workplace_experience' || category === 'he_visit') &&
      policy.ruleSet === 'gatsby-2024'
    ) {
      reasons.push({
        code: 'virtual_visit',
        category,
        why: `A virtual ${name} does not count under the 2024 benchmarks.`,
        fix: 'Choose "In person" or "Mixed" as the delivery if the learners went there.',
      });
      continue;
    }
    const benchmark = meaningfulBenchmarkFor(category);
    if (!benchmark || !policy.requireMeaningful || isMeaningfulFor(benchmark, encounter.meaningful)) continue;
    const missing = missingChecklistItems(benchmark, encounter.meaningful);
    reasons.push({
      code: 'checklist_incomplete',
      category,
      missing,
      why: `It will not count as ${article(name)} ${name} (Benchmark ${benchmark.slice(1)}): the checklist is not complete.`,
      fix: `Tick ${list(missing.map((item) => `“${CHECKLIST_ITEM_LABELS[item]}”`))} if ${missing.length === 1 ? 'it' : 'they'} happened.`,
    });
  }
  return reasons;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? 'an' : 'a';
}
