import type { RuleId, RuleStatus } from '../rules/rule';

/** Column headings where the full `RULE_LABELS` would not fit; a key beneath each table gives the full names. */
export const RULE_SHORT_LABELS: Readonly<Record<RuleId, string>> = {
  O2: 'Objective 2',
  B5: 'B5 employer',
  B6_16: 'B6 workplace by 16',
  B6_18: 'B6 workplace by 18',
  B7_16: 'B7 providers by 16',
  B7_18: 'B7 HE visits by 18',
  B8_16: 'B8 guidance by 16',
  B8_18: 'B8 guidance by 18',
  PAL1: 'Provider access Y8–9',
  PAL2: 'Provider access Y10–11',
  PAL3: 'Provider access Y12–13',
  WEX_KS3: 'Work experience Y7–9',
  WEX_KS4: 'Work experience Y10–11',
};

/** How each rule status is named, on screen and in the reports. */
export const RULE_STATUS_LABELS: Readonly<Record<RuleStatus, string>> = {
  met: 'Met',
  on_track: 'On track',
  at_risk: 'At risk',
  missed: 'Missed',
  not_applicable: 'Not applicable',
};
