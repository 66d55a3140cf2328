import {
  CoverageBreakdownRow,
  CoverageQuery,
  CoverageRow,
  HoursFigures,
  hoursText,
  RuleStatus,
} from '@encounters/domain';

export const WEX_RULES = ['WEX_KS3', 'WEX_KS4'] as const;
export type WexRule = (typeof WEX_RULES)[number];

/**
 * A coverage row as the 2025 revision answers it (spec/api.md): `offers.PAL3_OFFER` per academy, and the
 * hours figures of R-WEX-6/9 on the `WEX_KS3`/`WEX_KS4` rows, read at the rule's tally (`rules.WEX_KS3.hours`)
 * or beside it (`hours.WEX_KS3`).
 */
export type CoverageRowWithWex = CoverageRow & {
  offers?: Partial<Record<'PAL3_OFFER', RuleStatus>>;
  hours?: Partial<Record<WexRule, HoursFigures>>;
};

export function wexHours(row: CoverageRow, rule: WexRule): HoursFigures | null {
  const tally = row.rules[rule] as (typeof row.rules)[WexRule] & { hours?: HoursFigures };
  return tally?.hours ?? (row as CoverageRowWithWex).hours?.[rule] ?? null;
}

export function palThreeOffer(row: CoverageRow): RuleStatus | null {
  return (row as CoverageRowWithWex).offers?.PAL3_OFFER ?? null;
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
  return `${gap > 0 ? '+' : '−'}${Math.abs(gap).toFixed(1)} pts`;
}

function gapCell(rows: readonly CoverageBreakdownRow[], key: string, rule: WexRule): TwoWeeksCell {
  const gap = rows.find((row) => row.key === key)?.gaps[rule] ?? null;
  return { text: gapText(gap), behind: gap !== null && gap < 0 };
}

/**
 * R-WEX-6 for one academy: learners at 0 hours, below and at the target, the median counted hours, and the
 * gaps (R-G-3, in points of learners meeting the rule) of pupil premium and SEN, from the two breakdown
 * answers (`pupilPremium`, `sen`), whose first row is the whole academy.
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
