import {
  BREAKDOWN_LABELS,
  DESTINATION_STATUS_LABELS,
  DESTINATION_STATUSES,
  DestinationAnniversary,
  IntendedDestinationResponse,
  IsoDate,
  NeetRiskEntry,
  RULE_SHORT_LABELS,
  RULE_STATUS_LABELS,
  RuleId,
} from '@encounters/domain';

/** R-DEST-2: the rule a year group's destination is judged by. */
export function destinationRuleOf(yearGroup: number): RuleId {
  return yearGroup === 13 ? 'DEST_18' : 'DEST_16';
}

/** Who or where the learner means to go: the free text, else the organisation of the directory. */
export function providerOf(destination: IntendedDestinationResponse | null): string {
  return destination?.providerName || destination?.organisation?.name || '';
}

/** The day of the latest change of status, or null before the first. */
export function lastChangeOf(destination: IntendedDestinationResponse | null): IsoDate | null {
  const history = destination?.statusHistory ?? [];
  return history.length ? history[history.length - 1].on : null;
}

/** The status filter's choices: the statuses, and the learners with nothing recorded yet. */
export const STATUS_FILTER_ITEMS: readonly { id: string; name: string }[] = [
  { id: 'none', name: 'No destination yet' },
  ...DESTINATION_STATUSES.map((status) => ({ id: status, name: DESTINATION_STATUS_LABELS[status] })),
];

/**
 * R-DEST-3: why a learner is on the NEET-risk list, in words: the rule that flagged them ("Destination after
 * Y11: missed") and the reason a careers lead gave when marking them.
 */
export function neetRiskReasons(entry: NeetRiskEntry): string[] {
  const reasons: string[] = [];
  if (entry.automatic)
    reasons.push(
      `${RULE_SHORT_LABELS[entry.automatic.rule]}: ${RULE_STATUS_LABELS[entry.automatic.status].toLowerCase()}`,
    );
  if (entry.marked) reasons.push(`Marked: ${entry.marked.reason}`);
  return reasons;
}

/** "1st anniversary", "2nd anniversary", "3rd anniversary". */
export function anniversaryName(anniversary: DestinationAnniversary): string {
  const suffix = anniversary === 1 ? 'st' : anniversary === 2 ? 'nd' : 'rd';
  return `${anniversary}${suffix} anniversary`;
}

/** A characteristic a cohort's gap is reported for: `pupilPremium` → "Pupil premium", `sen:E` → "SEN (E)". */
export function gapName(key: string): string {
  const [head, tail] = key.split(':');
  const name = (BREAKDOWN_LABELS as Readonly<Record<string, string>>)[head] ?? head;
  return tail && tail !== 'yes' ? `${name} (${tail})` : name;
}

/** A share the API gives in percent to one decimal: "66.7%", "50%", "—" when there is none to take. */
export function percentText(percent: number | null): string {
  if (percent === null) return '—';
  return `${Number.isInteger(percent) ? percent : percent.toFixed(1)}%`;
}
