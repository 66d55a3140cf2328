// The rule ids the floor server answers, as the rules library lists them (`RULE_IDS` in
// libs/domain/src/lib/rules/rule.ts, `PLANNED_EVIDENCE_RULES` in learner-progress.ts). Kept as plain
// JavaScript so that the floor server loads nothing of the API; `floor-rules.test.mjs` checks the two lists
// against the library's source, so a new rule cannot leave the floor doing less work than the API.
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
];

/** R-WEX-8: rules whose planned evidence keeps a learner on track inside the at-risk period. */
export const PLANNED_EVIDENCE_RULES = ['WEX_KS3', 'WEX_KS4'];
