import { DateWindow } from '../calendar';

/** Rule ids as they appear in API answers. */
export const RULE_IDS = [
  'O2',
  'B5',
  'B6_16',
  'B6_18',
  'B7_16',
  'B7_18',
  'B8_16',
  'B8_18',
  'PAL1',
  'PAL2',
  'PAL3',
  'WEX_KS3',
  'WEX_KS4',
  'DEST_16',
  'DEST_18',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** R-S-1 / R-S-2. */
export const RULE_STATUSES = ['met', 'on_track', 'at_risk', 'missed', 'not_applicable'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export type RuleStatuses = Record<RuleId, RuleStatus>;

export const RULE_LABELS: Readonly<Record<RuleId, string>> = {
  O2: 'Objective 2 (this year)',
  B5: 'Benchmark 5: employer encounter (this year)',
  B6_16: 'Benchmark 6: workplace experience by 16',
  B6_18: 'Benchmark 6: workplace experience by 18',
  B7_16: 'Benchmark 7: education providers by 16',
  B7_18: 'Benchmark 7: higher-education visits by 18',
  B8_16: 'Benchmark 8: personal guidance by 16',
  B8_18: 'Benchmark 8: personal guidance by 18',
  PAL1: 'Provider access: Years 8 and 9',
  PAL2: 'Provider access: Years 10 and 11',
  PAL3: 'Provider access: Years 12 and 13 (take-up)',
  WEX_KS3: "Work experience: a week's worth of activities in Years 7 to 9",
  WEX_KS4: "Work experience: a week's worth of placements in Years 10 and 11",
  DEST_16: 'Destinations: a confirmed next step after Year 11',
  DEST_18: 'Destinations: a confirmed next step after Year 13',
};

export interface RuleResult {
  rule: RuleId;
  status: RuleStatus;
  /** The dates between which evidence counts; null when the rule does not apply. */
  window: DateWindow | null;
  /** Ids of the encounters, guidance meetings and destinations that count towards the rule, oldest first. */
  evidence: string[];
  /** What the learner still lacks, in British English; null when met or not applicable. */
  stillNeeded: string | null;
}

export type RuleResults = Record<RuleId, RuleResult>;

export function isRuleId(value: unknown): value is RuleId {
  return (RULE_IDS as readonly unknown[]).includes(value);
}

export function isRuleStatus(value: unknown): value is RuleStatus {
  return (RULE_STATUSES as readonly unknown[]).includes(value);
}

export function statusesOf(results: RuleResults): RuleStatuses {
  return Object.fromEntries(RULE_IDS.map((rule) => [rule, results[rule].status])) as RuleStatuses;
}
