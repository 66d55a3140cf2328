import {
  academicYearLabel,
  ACADEMY_PHASE_LABELS,
  ATTENDANCE_STATUS_LABELS,
  BREAKDOWN_LABELS,
  ENCOUNTER_FORMAT_LABELS,
  formatBritishDate,
  formatWindow,
  GUIDANCE_MODE_LABELS,
  ORGANISATION_TYPE_LABELS,
  ROLE_LABELS,
  RULE_LABELS,
  RULE_SHORT_LABELS,
  SEN_LABELS,
  SIZE_BAND_LABELS,
} from '@encounters/domain';

/**
 * The vocabulary of `libs/domain` as templates use it, in one object a component holds as `words`:
 * `words.rule[id]`, `words.format[format]`, `words.date(isoDate)`, `words.year(academicYear)`. The labels
 * themselves live once, in the domain, where the API's reports read them too.
 */
export const WORDS = {
  rule: RULE_LABELS,
  ruleShort: RULE_SHORT_LABELS,
  breakdown: BREAKDOWN_LABELS,
  format: ENCOUNTER_FORMAT_LABELS,
  guidanceMode: GUIDANCE_MODE_LABELS,
  attendance: ATTENDANCE_STATUS_LABELS,
  sen: SEN_LABELS,
  role: ROLE_LABELS,
  organisationType: ORGANISATION_TYPE_LABELS,
  sizeBand: SIZE_BAND_LABELS,
  phase: ACADEMY_PHASE_LABELS,
  /** 2025-09-01 as "1 Sep 2025". */
  date: formatBritishDate,
  /** 2025 as "2025/26". */
  year: academicYearLabel,
  window: formatWindow,
} as const;
