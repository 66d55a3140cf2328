import { CoverageLearnerRow, RULE_IDS, RuleId, RuleStatus, RuleStatuses } from '@encounters/domain';

const UNMET: readonly RuleStatus[] = ['on_track', 'at_risk', 'missed'];

/** Rules that apply to the learner and are not met yet (or were missed). */
export function unmetRules(statuses: RuleStatuses): RuleId[] {
  return RULE_IDS.filter((rule) => UNMET.includes(statuses[rule]));
}

/**
 * "Needs something this term": a rule not met whose deadline is near (R-S-2 at risk, by default within
 * four months), so that something must happen soon for it to be met.
 */
export function needsSomethingThisTerm(statuses: RuleStatuses): boolean {
  return RULE_IDS.some((rule) => statuses[rule] === 'at_risk');
}

function urgency(statuses: RuleStatuses): number {
  return RULE_IDS.filter((rule) => statuses[rule] === 'at_risk' || statuses[rule] === 'missed').length;
}

/** The rules that apply to at least one learner of the class: the others would be a column of "n/a". */
export function applicableRules(rows: readonly CoverageLearnerRow[]): RuleId[] {
  return RULE_IDS.filter((rule) => rows.some((row) => row.statuses[rule] !== 'not_applicable'));
}

/** A column of the class view to sort by: the learner (register order), "still to meet" or a rule. */
export type ClassSortColumn = 'learner' | 'unmet' | RuleId;
export type SortDirection = 'ascending' | 'descending';
export interface ClassSort {
  column: ClassSortColumn;
  direction: SortDirection;
}

/** Register order: surname, forename, as the API lists a class. */
export const REGISTER_ORDER: ClassSort = { column: 'learner', direction: 'ascending' };

/** How much a status asks for: ascending runs from "does not apply" to "missed". */
const NEED: Readonly<Record<RuleStatus, number>> = {
  not_applicable: 0,
  met: 1,
  on_track: 2,
  at_risk: 3,
  missed: 4,
};

/** The direction a first click on a column sorts: names A to Z, the rest with the most need first. */
export function firstDirection(column: ClassSortColumn): SortDirection {
  return column === 'learner' ? 'ascending' : 'descending';
}

/**
 * The class's rows in the order asked for. `rows` come in register order (surname, forename), which breaks
 * every tie, whichever the direction; "still to meet" breaks its own ties by urgency first.
 */
export function sortLearners(rows: readonly CoverageLearnerRow[], sort: ClassSort): CoverageLearnerRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const key = (row: CoverageLearnerRow): number[] => {
    if (sort.column === 'learner') return [];
    if (sort.column === 'unmet') return [unmetRules(row.statuses).length, urgency(row.statuses)];
    return [NEED[row.statuses[sort.column]]];
  };
  return rows
    .map((row, index) => ({ row, index, key: key(row) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        if (a.key[i] !== b.key[i]) return sign * (a.key[i] - b.key[i]);
      }
      return sort.column === 'learner' ? sign * (a.index - b.index) : a.index - b.index;
    })
    .map(({ row }) => row);
}
