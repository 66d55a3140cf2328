import type { RuleSet } from '../rules/policy';
import type { OfferRuleId } from '../rules/pal3-offer';
import type { RuleId, RuleStatus } from '../rules/rule';
import type { HoursFigures, WexRuleId } from '../rules/work-experience';

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
  DEST_16: 'Destination after Y11',
  DEST_18: 'Destination after Y13',
};

/** Names that fit one line of a table of rules (the compliance report's rule table). */
export const RULE_ONE_LINE_LABELS: Readonly<Record<RuleId, string>> = {
  O2: 'Objective 2 (this year)',
  B5: 'B5 Employer encounter (this year)',
  B6_16: 'B6 Workplace experience by 16',
  B6_18: 'B6 Workplace experience by 18',
  B7_16: 'B7 Education providers by 16',
  B7_18: 'B7 Higher-education visits by 18',
  B8_16: 'B8 Personal guidance by 16',
  B8_18: 'B8 Personal guidance by 18',
  PAL1: 'Provider access, Years 8–9',
  PAL2: 'Provider access, Years 10–11',
  PAL3: 'Provider access, Y12–13 (take-up)',
  WEX_KS3: 'Work experience, Years 7–9 (hours)',
  WEX_KS4: 'Work experience, Years 10–11 (hours)',
  DEST_16: 'Destination confirmed after Year 11',
  DEST_18: 'Destination confirmed after Year 13',
};

/** The shortest names, for a table column per rule. */
export const RULE_CODE_LABELS: Readonly<Record<RuleId, string>> = {
  O2: 'O2',
  B5: 'B5',
  B6_16: 'B6 16',
  B6_18: 'B6 18',
  B7_16: 'B7 16',
  B7_18: 'B7 18',
  B8_16: 'B8 16',
  B8_18: 'B8 18',
  PAL1: 'PAL 1',
  PAL2: 'PAL 2',
  PAL3: 'PAL 3',
  WEX_KS3: 'WEX 3',
  WEX_KS4: 'WEX 4',
  DEST_16: 'Dest 16',
  DEST_18: 'Dest 18',
};

/** How each rule set (the year's definitions of the benchmarks) is named. */
export const RULE_SET_LABELS: Readonly<Record<RuleSet, string>> = {
  'gatsby-2024': 'Gatsby benchmarks, 2024 definitions',
  'gatsby-2014': 'Gatsby benchmarks, 2014 definitions',
};

/** How each rule status is named, on screen and in the reports. */
export const RULE_STATUS_LABELS: Readonly<Record<RuleStatus, string>> = {
  met: 'Met',
  on_track: 'On track',
  at_risk: 'At risk',
  missed: 'Missed',
  not_applicable: 'Not applicable',
};

/** R-PAL-4: the per-academy rules, in the words of every screen and report that shows them. */
export const OFFER_RULE_LABELS: Readonly<Record<OfferRuleId, string>> = {
  PAL3_OFFER: 'Provider access offer, Years 12–13 (two encounters offered to both years)',
};

/** Shorter names of the per-academy rules, for table columns. */
export const OFFER_RULE_SHORT_LABELS: Readonly<Record<OfferRuleId, string>> = {
  PAL3_OFFER: 'PAL 3 offer',
};

/** R-WEX-6, R-WEX-9: the work-experience hours figures, as column headings. */
export const HOURS_FIGURE_LABELS: Readonly<Record<keyof HoursFigures, string>> = {
  zero: 'At 0 hours',
  belowTarget: 'Below target',
  atTarget: 'At target',
  median: 'Median hours',
};

/** The work-experience rules' key stages, where a table names them briefly. */
export const WEX_STAGE_LABELS: Readonly<Record<WexRuleId, string>> = {
  WEX_KS3: 'Activities, Years 7–9',
  WEX_KS4: 'Placements, Years 10–11',
};
