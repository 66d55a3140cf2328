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

/** Gaps first: most unmet rules, then the most urgent, then by name as the API sorted them. */
export function sortGapsFirst(rows: readonly CoverageLearnerRow[]): CoverageLearnerRow[] {
  return rows
    .map((row, index) => ({
      row,
      index,
      unmet: unmetRules(row.statuses).length,
      urgency: urgency(row.statuses),
    }))
    .sort((a, b) => b.unmet - a.unmet || b.urgency - a.urgency || a.index - b.index)
    .map(({ row }) => row);
}

/** The rules that apply to at least one learner of the class: the others would be a column of "n/a". */
export function applicableRules(rows: readonly CoverageLearnerRow[]): RuleId[] {
  return RULE_IDS.filter((rule) => rows.some((row) => row.statuses[rule] !== 'not_applicable'));
}
