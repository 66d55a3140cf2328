import type { MeaningfulChecklistItem } from '@encounters/domain';

/** The one map from a meaningful-checklist item to its column of the `encounter` table. */
export const CHECKLIST_COLUMNS: Readonly<Record<MeaningfulChecklistItem, string>> = {
  purposeShared: 'purpose_shared',
  learningOutcomes: 'learning_outcomes',
  twoWayInteraction: 'two_way_interaction',
  reflection: 'reflection',
  rangeOfPeople: 'range_of_people',
  taskSet: 'task_set',
  employerFeedback: 'employer_feedback',
  providerInformation: 'provider_information',
  whatLearningIsLike: 'what_learning_is_like',
  metStaffAndLearners: 'met_staff_and_learners',
};

/** SQL for the checklist of the encounter aliased `encounter`, as a JSON object keyed by item. */
export function checklistJsonSql(encounter: string): string {
  const pairs = Object.entries(CHECKLIST_COLUMNS).map(
    ([item, column]) => `'${item}', ${encounter}.${column}`,
  );
  return `jsonb_build_object(${pairs.join(', ')})`;
}
