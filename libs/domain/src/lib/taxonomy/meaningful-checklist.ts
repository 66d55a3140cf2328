/** The names are fixed by the API contract (`meaningful` in an encounter's body). */
export const MEANINGFUL_CHECKLIST_ITEMS = [
  'purposeShared',
  'learningOutcomes',
  'twoWayInteraction',
  'reflection',
  'rangeOfPeople',
  'taskSet',
  'employerFeedback',
  'providerInformation',
  'whatLearningIsLike',
  'metStaffAndLearners',
] as const;
export type MeaningfulChecklistItem = (typeof MEANINGFUL_CHECKLIST_ITEMS)[number];

export type MeaningfulChecklist = Partial<Record<MeaningfulChecklistItem, boolean>>;

export const MEANINGFUL_BENCHMARKS = ['B5', 'B6', 'B7'] as const;
export type MeaningfulBenchmark = (typeof MEANINGFUL_BENCHMARKS)[number];

/** Shared by every benchmark's list and always asked for, whatever the encounter's categories. */
export const CORE_CHECKLIST_ITEMS = [
  'purposeShared',
  'learningOutcomes',
  'twoWayInteraction',
  'reflection',
] as const satisfies readonly MeaningfulChecklistItem[];

/** The items that must all be ticked for an encounter to be meaningful for each benchmark (2024 definitions). */
export const REQUIRED_CHECKLIST_ITEMS: Readonly<
  Record<MeaningfulBenchmark, readonly MeaningfulChecklistItem[]>
> = {
  B5: CORE_CHECKLIST_ITEMS,
  B6: [...CORE_CHECKLIST_ITEMS, 'rangeOfPeople', 'taskSet', 'employerFeedback'],
  B7: [...CORE_CHECKLIST_ITEMS, 'providerInformation', 'whatLearningIsLike'],
};

/** Recorded for the benchmark but never required: meeting both staff and current learners (B7). */
export const RECORDED_ONLY_CHECKLIST_ITEMS: Readonly<
  Record<MeaningfulBenchmark, readonly MeaningfulChecklistItem[]>
> = {
  B5: [],
  B6: [],
  B7: ['metStaffAndLearners'],
};

export function isMeaningfulChecklistItem(value: unknown): value is MeaningfulChecklistItem {
  return (MEANINGFUL_CHECKLIST_ITEMS as readonly unknown[]).includes(value);
}

/** R-M-1: meaningful for a benchmark when every item of that benchmark's list is ticked. */
export function isMeaningfulFor(benchmark: MeaningfulBenchmark, checklist: MeaningfulChecklist): boolean {
  return REQUIRED_CHECKLIST_ITEMS[benchmark].every((item) => checklist[item] === true);
}

/** The unticked items standing between an encounter and meaningful for a benchmark, in list order. */
export function missingChecklistItems(
  benchmark: MeaningfulBenchmark,
  checklist: MeaningfulChecklist,
): MeaningfulChecklistItem[] {
  return REQUIRED_CHECKLIST_ITEMS[benchmark].filter((item) => checklist[item] !== true);
}
