import type { DateWindow } from '../calendar/academic-year';
import { formatBritishDate } from '../calendar/iso-date';
import type { NotCountingReason } from '../rules/counting';
import type { MeaningfulBenchmark } from '../taxonomy/meaningful-checklist';
import { CHECKLIST_ITEM_LABELS } from './encounter-labels';

const BENCHMARK_NAMES: Readonly<Record<MeaningfulBenchmark, string>> = {
  B5: 'Benchmark 5 (employer encounters)',
  B6: 'Benchmark 6 (workplace experiences)',
  B7: 'Benchmark 7 (education providers)',
};

/**
 * Why an item of a learner's record does not count, and what would make it count, in one or two plain
 * sentences: the words of {@link NotCountingReason}'s codes, for the record page and its PDF.
 */
export function notCountingText(reason: NotCountingReason): string {
  switch (reason.code) {
    case 'absent':
      return 'The learner was not marked as attending. If they took part, mark them as attended on the encounter.';
    case 'after_as_at':
      return `It is dated after ${formatBritishDate(reason.asAt)}, the date the statuses are worked out at: it counts from its own date.`;
    case 'adviser_below_level_6':
      return `The adviser is ${reason.adviserLevel === null ? 'of no recorded level' : `at level ${reason.adviserLevel}`}: guidance counts only with an adviser qualified to level 6 or above. If the adviser holds level 6, correct the level on the record.`;
    case 'checklist_incomplete':
      return `Not meaningful for ${BENCHMARK_NAMES[reason.benchmark]}: the checklist is incomplete (not ticked: ${reason.missing
        .map((item) => `“${CHECKLIST_ITEM_LABELS[item]}”`)
        .join('; ')}). If these happened, tick them on the encounter.`;
    case 'not_meaningful_for_learner':
      return 'It was marked as not meaningful for this learner (for example, they left early). If it was meaningful for them, clear that mark on the attendance list.';
    case 'virtual_visit':
      return `A virtual ${reason.category === 'he_visit' ? 'visit to a university or college' : 'workplace experience'} is not a visit under the 2024 Gatsby benchmarks: only one in person (or mixed) counts.`;
    case 'outside_window':
      return reason.windows.length
        ? `It falls outside the dates this learner's rules count (${windowsText(reason.windows)}).`
        : 'No rule applies to this learner in this academic year.';
    case 'no_rule_applies':
      return "None of the rules that apply to this learner this year counts this kind of encounter; it may count in another year's rules.";
  }
}

/** The span the windows cover together, as "1 Sep 2022 to 31 Aug 2027". */
function windowsText(windows: readonly DateWindow[]): string {
  const start = windows.map((window) => window.start).sort()[0];
  const end = windows.map((window) => window.end).sort()[windows.length - 1];
  return `${formatBritishDate(start)} to ${formatBritishDate(end)}`;
}
