import {
  CoverageBreakdownRow,
  CoverageQuery,
  CoverageRow,
  HoursFigures,
  hoursText,
  roundHours,
  RuleStatus,
  WEX_RULE_IDS,
  WexRuleId,
} from '@encounters/domain';

export const WEX_RULES = WEX_RULE_IDS;
export type WexRule = WexRuleId;

/** R-WEX-6/9 figures of the row (spec/api.md: coverage rows of `WEX_KS3`/`WEX_KS4` carry `hours`). */
export function wexHours(row: CoverageRow, rule: WexRule): HoursFigures | null {
  return row.hours?.[rule] ?? null;
}

/** R-PAL-4: the academy's `PAL3_OFFER`, on the rows that stand for an academy. */
export function palThreeOffer(row: CoverageRow): RuleStatus | null {
  return row.offers?.PAL3_OFFER ?? null;
}

/** What the card is about: an academy (or the year group on show), and the coverage query for it. */
export interface TwoWeeksScope {
  label: string;
  query: Omit<CoverageQuery, 'breakdown'>;
}

/** One cell of the card's table. */
export interface TwoWeeksCell {
  text: string;
  /** For a gap: whether the cohort is behind, to mark it. */
  behind?: boolean;
}

export interface TwoWeeksMeasure {
  label: string;
  cells: Record<WexRule, TwoWeeksCell>;
}

export interface TwoWeeksFigures {
  label: string;
  learners: number;
  /** Which of KS3/KS4 apply to anyone here. */
  rules: WexRule[];
  measures: TwoWeeksMeasure[];
  pal3Offer: RuleStatus | null;
}

/** A gap in percentage points, as the cohort table shows them: "−4.5 pts", "level", "—". */
export function gapText(gap: number | null | undefined): string {
  if (gap === null || gap === undefined) return '—';
  if (gap === 0) return 'level';
  return `${gap > 0 ? '+' : '−'}${Math.abs(gap).toFixed(1)}\u00a0pts`;
}

/** A difference of median hours: "median −3 h", "median level" (no-break spaces: a cell wraps only at " · "). */
function medianGapText(gap: number | null): string {
  if (gap === null) return '';
  if (gap === 0) return 'median\u00a0level';
  return `median\u00a0${gap > 0 ? '+' : '−'}${roundHours(Math.abs(gap))}\u00a0h`;
}

/**
 * R-WEX-6 with R-G-3: the cohort's share at the target minus everyone else's (points), and the difference of
 * median hours, from the breakdown row's `hoursGaps`.
 */
function gapCell(rows: readonly CoverageBreakdownRow[], key: string, rule: WexRule): TwoWeeksCell {
  const gaps = rows.find((row) => row.key === key)?.hoursGaps?.[rule];
  if (!gaps || gaps.atTarget === null) return { text: '—', behind: false };
  const median = medianGapText(gaps.median);
  if (gaps.atTarget === 0 && (gaps.median ?? 0) === 0) return { text: 'level', behind: false };
  return {
    text: `${gapText(gaps.atTarget)}${median ? ` · ${median}` : ''}`,
    behind: gaps.atTarget < 0 || (gaps.median ?? 0) < 0,
  };
}

/**
 * R-WEX-6 for one academy: learners at 0 hours, below and at the target, the median counted hours, and the
 * gaps (R-G-3) of pupil premium and SEN, from the two breakdown answers (`pupilPremium`, `sen`), whose first
 * row is the whole academy.
 */
export function twoWeeksFigures(
  label: string,
  pupilPremium: readonly (CoverageRow | CoverageBreakdownRow)[],
  sen: readonly (CoverageRow | CoverageBreakdownRow)[],
): TwoWeeksFigures | null {
  const total = pupilPremium[0];
  if (!total) return null;
  const rules = WEX_RULES.filter((rule) => total.rules[rule]?.applicable > 0);
  const ppRows = pupilPremium.slice(1) as CoverageBreakdownRow[];
  const senRows = sen.slice(1) as CoverageBreakdownRow[];
  const count = (pick: (figures: HoursFigures) => number) => (rule: WexRule) => {
    const figures = wexHours(total, rule);
    return { text: figures ? String(pick(figures)) : '—' };
  };
  const measure = (measureLabel: string, cell: (rule: WexRule) => TwoWeeksCell): TwoWeeksMeasure => ({
    label: measureLabel,
    cells: { WEX_KS3: cell('WEX_KS3'), WEX_KS4: cell('WEX_KS4') },
  });
  return {
    label,
    learners: total.learners,
    rules,
    measures: [
      measure(
        'Learners at 0 hours',
        count((f) => f.zero),
      ),
      measure(
        'Below the target',
        count((f) => f.belowTarget),
      ),
      measure(
        'At or above the target',
        count((f) => f.atTarget),
      ),
      measure('Median hours (counted)', (rule) => {
        const median = wexHours(total, rule)?.median;
        return { text: median === null || median === undefined ? '—' : hoursText(median) };
      }),
      measure('Pupil premium gap', (rule) => gapCell(ppRows, 'pupilPremium:yes', rule)),
      measure('SEN support gap', (rule) => gapCell(senRows, 'sen:K', rule)),
      measure('EHC plan gap', (rule) => gapCell(senRows, 'sen:E', rule)),
    ],
    pal3Offer: palThreeOffer(total),
  };
}
