import { RULE_STATUS_LABELS, type RuleStatus, type RuleTally } from '@encounters/domain';
import type {
  CanvasElement,
  Content,
  ContentTable,
  CustomTableLayout,
  StyleDictionary,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';

export const COLOURS = {
  ink: '#1d2733',
  muted: '#5b6777',
  rule: '#d5dbe3',
  band: '#f2f5f8',
  brand: '#1f3a5f',
  accent: '#2a7f8e',
  priority: '#c0661a',
  met: '#2e7d32',
  onTrack: '#4f83c2',
  atRisk: '#e0a000',
  missed: '#c62828',
  notApplicable: '#9aa5b1',
} as const;

export const STATUS_COLOURS: Readonly<Record<RuleStatus, string>> = {
  met: COLOURS.met,
  on_track: COLOURS.onTrack,
  at_risk: COLOURS.atRisk,
  missed: COLOURS.missed,
  not_applicable: COLOURS.notApplicable,
};

/** A4 portrait: 595.28 × 841.89 points; 40-point side margins leave this much for content. */
export const CONTENT_WIDTH = 515;
const PAGE_WIDTH = 595.28;

/**
 * The title page's full-width band in the brand colour, `height` points deep and underlined in the accent
 * colour, drawn behind its text (with any `extra` shapes); other pages draw nothing.
 */
export function titleBand(height: number, underline: number, extra: CanvasElement[] = []) {
  const band: TDocumentDefinitions['background'] = (currentPage) =>
    currentPage === 1
      ? {
          canvas: [
            { type: 'rect', x: 0, y: 0, w: PAGE_WIDTH, h: height, color: COLOURS.brand },
            { type: 'rect', x: 0, y: height, w: PAGE_WIDTH, h: underline, color: COLOURS.accent },
            ...extra,
          ],
        }
      : null;
  return band;
}

const STYLES: StyleDictionary = {
  h1: { fontSize: 17, bold: true, color: COLOURS.brand, margin: [0, 0, 0, 4] },
  h2: { fontSize: 12.5, bold: true, color: COLOURS.brand, margin: [0, 14, 0, 6] },
  h3: { fontSize: 10, bold: true, color: COLOURS.ink, margin: [0, 10, 0, 4] },
  lead: { fontSize: 9.5, color: COLOURS.muted, margin: [0, 0, 0, 8] },
  note: { fontSize: 7.5, color: COLOURS.muted, italics: true, margin: [0, 4, 0, 0] },
  th: { bold: true, fontSize: 7.5, color: COLOURS.muted },
  table: { fontSize: 8 },
};

/** Light horizontal rules only, with a tinted header row: tables that read like a printed report. */
export const REPORT_TABLE: CustomTableLayout = {
  hLineWidth: (index, node) =>
    index === 0 || index === node.table.body.length ? 0 : index === 1 ? 0.8 : 0.4,
  vLineWidth: () => 0,
  hLineColor: (index) => (index === 1 ? COLOURS.muted : COLOURS.rule),
  fillColor: (rowIndex) => (rowIndex === 0 ? COLOURS.band : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** The same, with narrower cell padding for tables of many columns. */
export const COMPACT_TABLE: CustomTableLayout = {
  ...REPORT_TABLE,
  paddingLeft: () => 2.5,
  paddingRight: () => 2.5,
};

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 4,
  paddingTop: () => 1.5,
  paddingBottom: () => 1.5,
};

export function reportDocument(options: {
  title: string;
  subject: string;
  footerLeft: string;
  generatedOn: string;
  content: Content[];
  /** Pages that draw their own full-bleed background (the title page). */
  background?: TDocumentDefinitions['background'];
}): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 52],
    info: { title: options.title, subject: options.subject, creator: 'Encounters', producer: 'Encounters' },
    defaultStyle: { font: 'Roboto', fontSize: 9, color: COLOURS.ink, lineHeight: 1.15 },
    styles: STYLES,
    background: options.background,
    footer: (currentPage, pageCount) => ({
      margin: [40, 14, 40, 0],
      columns: [
        {
          stack: [
            { text: options.footerLeft, fontSize: 7, color: COLOURS.muted },
            { text: options.generatedOn, fontSize: 6.5, color: COLOURS.notApplicable },
          ],
        },
        {
          text: `Page ${currentPage} of ${pageCount}`,
          alignment: 'right',
          fontSize: 7.5,
          color: COLOURS.muted,
          width: 80,
        },
      ],
    }),
    content: options.content,
  };
}

export function th(text: string, alignment: 'left' | 'right' | 'center' = 'left'): Content {
  return { text, style: 'th', alignment };
}

export function percentText(percent: number | null): string {
  return percent === null ? '–' : `${formatNumber(percent, 1)}%`;
}

export function pointsText(points: number | null): string {
  if (points === null) return '–';
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${formatNumber(Math.abs(points), 1)}`;
}

export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** The share of a rule's learners (one in twenty) whose missed or at-risk status colours its figure. */
export const SERIOUS_SHARE = 0.05;

/**
 * A rule's figure coloured by where its learners stand, as the status bar beside it shows, not by the
 * percentage alone (early in the year most learners are on track, which is not a failure): green from 80%
 * met; otherwise the colour of the most serious status that at least `SERIOUS_SHARE` of the learners are in
 * (missed, then at risk), and the on-track blue when neither is.
 */
export function tallyColour(tally: RuleTally): string {
  if (tally.percent === null || !tally.applicable) return COLOURS.notApplicable;
  if (tally.percent >= 80) return COLOURS.met;
  if (tally.missed / tally.applicable >= SERIOUS_SHARE) return COLOURS.missed;
  if ((tally.atRisk + tally.missed) / tally.applicable >= SERIOUS_SHARE) return COLOURS.atRisk;
  return COLOURS.onTrack;
}

export function gapColour(points: number | null): string {
  if (points === null) return COLOURS.notApplicable;
  return points <= -5 ? COLOURS.missed : points < 0 ? COLOURS.atRisk : COLOURS.met;
}

/** A bar split into met / on track / at risk / missed, each as wide as its share of the applicable. */
export function statusBar(tally: RuleTally, width: number, height = 6): Content {
  if (!tally.applicable) {
    return { canvas: [{ type: 'rect', x: 0, y: 0, w: width, h: height, color: COLOURS.band }] };
  }
  const parts: [number, string][] = [
    [tally.met, COLOURS.met],
    [tally.onTrack, COLOURS.onTrack],
    [tally.atRisk, COLOURS.atRisk],
    [tally.missed, COLOURS.missed],
  ];
  let x = 0;
  const canvas = parts
    .filter(([count]) => count > 0)
    .map(([count, colour]) => {
      const w = (width * count) / tally.applicable;
      const rect = { type: 'rect' as const, x, y: 0, w, h: height, color: colour };
      x += w;
      return rect;
    });
  return { canvas };
}

export interface Bar {
  label: string;
  percent: number | null;
  colour?: string;
  /** Shown after the percentage, e.g. "412 of 980". */
  detail?: string;
}

/** A horizontal bar chart drawn with vector shapes: label, bar on a 0–100% track with quarter marks, value. */
export function barChart(
  bars: Bar[],
  options: { labelWidth?: number; valueWidth?: number; barHeight?: number } = {},
): Content {
  const labelWidth = options.labelWidth ?? 150;
  const valueWidth = options.valueWidth ?? 80;
  const barHeight = options.barHeight ?? 9;
  const trackWidth = CONTENT_WIDTH - labelWidth - valueWidth - 8;
  const body = bars.map((bar): Content[] => {
    const share = bar.percent === null ? 0 : Math.max(0, Math.min(100, bar.percent)) / 100;
    const ticks = [0.25, 0.5, 0.75].map((tick) => ({
      type: 'line' as const,
      x1: trackWidth * tick,
      y1: -1,
      x2: trackWidth * tick,
      y2: barHeight + 1,
      lineWidth: 0.4,
      lineColor: COLOURS.rule,
    }));
    return [
      { text: bar.label, fontSize: 7.5, color: COLOURS.ink, margin: [0, 1, 0, 0] },
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: trackWidth, h: barHeight, color: COLOURS.band },
          ...ticks,
          ...(share > 0
            ? [
                {
                  type: 'rect' as const,
                  x: 0,
                  y: 0,
                  w: trackWidth * share,
                  h: barHeight,
                  color: bar.colour ?? COLOURS.accent,
                },
              ]
            : []),
        ],
        margin: [0, 2, 0, 0],
      },
      {
        text: [
          {
            text: percentText(bar.percent),
            bold: true,
            color: bar.percent === null ? COLOURS.notApplicable : COLOURS.ink,
          },
          ...(bar.detail ? [{ text: `  ${bar.detail}`, color: COLOURS.muted, fontSize: 6.5 }] : []),
        ],
        fontSize: 7.5,
        margin: [0, 1, 0, 0],
      },
    ];
  });
  const axis: Content[] = [
    '',
    {
      columns: [0, 25, 50, 75, 100].map((tick, index) => ({
        text: `${tick}%`,
        fontSize: 6,
        color: COLOURS.muted,
        alignment: index === 0 ? 'left' : index === 4 ? 'right' : 'center',
        width: index === 0 || index === 4 ? trackWidth / 8 : trackWidth / 4,
      })),
    },
    '',
  ];
  return {
    table: { widths: [labelWidth, trackWidth, valueWidth], body: [...body, axis] },
    layout: NO_LINES,
  } satisfies ContentTable;
}

/** The legend of `statusBar`. */
export function statusLegend(): Content {
  const entries = (['met', 'on_track', 'at_risk', 'missed'] as const).map((status): [string, string] => [
    RULE_STATUS_LABELS[status],
    STATUS_COLOURS[status],
  ]);
  return {
    columns: entries.map(([label, colour]) => ({
      width: 'auto',
      columns: [
        { canvas: [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, color: colour }], width: 10 },
        { text: label, fontSize: 7, color: COLOURS.muted, width: 'auto', margin: [0, 0, 12, 0] },
      ],
    })),
    margin: [0, 2, 0, 6],
  };
}

/** A boxed remark with an accent bar: "no data", or one figure worth saying in words. */
export function notice(text: string): Content {
  return {
    table: { widths: ['*'], body: [[{ text, margin: [8, 6, 8, 6], color: COLOURS.ink }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (index) => (index === 0 ? 3 : 0),
      vLineColor: () => COLOURS.accent,
      fillColor: () => COLOURS.band,
    },
    margin: [0, 6, 0, 6],
  };
}

/** When a report was made, in England's time: "1 December 2026 at 09:30". */
export function generatedOnText(generatedAt: Date): string {
  return `${generatedAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' })} at ${generatedAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}`;
}
