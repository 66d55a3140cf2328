import {
  academicYearLabel,
  type CoverageBreakdownRow,
  type CoverageRow,
  formatBritishDate,
  HOURS_FIGURE_LABELS,
  hoursOrNone,
  OFFER_RULE_LABELS,
  ORGANISATION_TYPE_LABELS,
  WEX_RULE_IDS,
  WEX_STAGE_LABELS,
  RULE_CODE_LABELS,
  RULE_IDS,
  RULE_ONE_LINE_LABELS,
  RULE_SET_LABELS,
  RULE_SHORT_LABELS,
  RULE_STATUS_LABELS,
  type RuleId,
  type RuleTally,
} from '@encounters/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AcademyFigures, ComplianceReportData } from '../compliance-report.service';
import { destinationsPages } from './destinations-report-pdf';
import {
  barChart,
  COLOURS,
  CONTENT_WIDTH,
  formatNumber,
  generatedOnText,
  notice,
  gapColour,
  percentText,
  pointsText,
  COMPACT_TABLE,
  REPORT_TABLE,
  reportDocument,
  statusBar,
  statusLegend,
  STATUS_COLOURS,
  tallyColour,
  th,
  titleBand,
} from './pdf-theme';

const PAL_WINDOWS = [
  {
    window: 1,
    rule: 'PAL1' as const,
    years: 'Years 8 and 9',
    dates: 'All of Year 8, and Year 9 to the end of February',
  },
  {
    window: 2,
    rule: 'PAL2' as const,
    years: 'Years 10 and 11',
    dates: 'All of Year 10, and Year 11 to the end of February',
  },
  {
    window: 3,
    rule: 'PAL3' as const,
    years: 'Years 12 and 13',
    dates: 'All of Year 12, and Year 13 to the end of February',
  },
];

const count = (value: number) => formatNumber(value);

function percentCell(tally: RuleTally, options: { bold?: boolean } = {}): Content {
  return {
    text: percentText(tally.percent),
    alignment: 'right',
    color: tallyColour(tally),
    bold: options.bold ?? true,
  };
}

function numberCell(value: number): Content {
  return { text: count(value), alignment: 'right' };
}

function heading(text: string, pageBreak = true): Content {
  return { text, style: 'h1', ...(pageBreak ? { pageBreak: 'before' as const } : {}) };
}

/** The rule-by-rule table: counts by status, the share met, and a bar of the four statuses. */
function rulesTable(row: CoverageRow): Content {
  const barWidth = 84;
  return {
    table: {
      headerRows: 1,
      widths: ['*', 28, 36, 32, 32, 36, 36, barWidth],
      body: [
        [
          th('Rule'),
          ...(['met', 'on_track', 'at_risk', 'missed'] as const).map((status) =>
            th(RULE_STATUS_LABELS[status], 'right'),
          ),
          th('Learners', 'right'),
          th('Met %', 'right'),
          th(''),
        ],
        ...RULE_IDS.map((rule): Content[] => {
          const tally = row.rules[rule];
          return [
            { text: RULE_ONE_LINE_LABELS[rule], color: tally.applicable ? COLOURS.ink : COLOURS.muted },
            numberCell(tally.met),
            numberCell(tally.onTrack),
            numberCell(tally.atRisk),
            numberCell(tally.missed),
            numberCell(tally.applicable),
            percentCell(tally),
            { ...(statusBar(tally, barWidth - 8) as object), margin: [0, 3, 0, 0] } as Content,
          ];
        }),
      ],
    },
    layout: COMPACT_TABLE,
    style: 'table',
  };
}

/**
 * The rules in two runs, the first eight then the rest: a table with a column for each of the fifteen rules
 * would be wider than an A4 page.
 */
const RULE_RUNS: readonly (readonly RuleId[])[] = [RULE_IDS.slice(0, 8), RULE_IDS.slice(8)];

/** A table this short moves whole to the next page rather than leaving a row or two behind. */
const UNBREAKABLE_ROWS = 20;

/**
 * Rows × rules of percentages met, academies compared or year groups, under its title: one table for each
 * run of rules, kept together on one page when short.
 */
function percentGrid(
  title: Content | null,
  firstColumn: string,
  rows: { label: string; row: CoverageRow }[],
): Content {
  const tables = RULE_RUNS.map((rules, index): Content => ({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 34, ...rules.map(() => 30)],
      body: [
        [
          th(firstColumn),
          th('Learners', 'right'),
          ...rules.map((rule) => th(RULE_CODE_LABELS[rule], 'right')),
        ],
        ...rows.map(({ label, row }): Content[] => [
          { text: label },
          numberCell(row.learners),
          ...rules.map((rule) => percentCell(row.rules[rule], { bold: false })),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    fontSize: 7,
    margin: [0, index ? 8 : 0, 0, 0],
  }));
  return { stack: [...(title ? [title] : []), ...tables], unbreakable: rows.length <= UNBREAKABLE_ROWS };
}

function ruleChart(row: CoverageRow): Content {
  return barChart(
    RULE_IDS.map((rule) => ({
      label: RULE_SHORT_LABELS[rule],
      percent: row.rules[rule].percent,
      colour: tallyColour(row.rules[rule]),
      detail: row.rules[rule].applicable
        ? `${count(row.rules[rule].met)} of ${count(row.rules[rule].applicable)}`
        : 'no learner',
    })),
    { labelWidth: 120, valueWidth: 95 },
  );
}

function titlePage(data: ComplianceReportData, generatedOn: string): Content[] {
  const { scope, figures } = data;
  const total = figures.coverage.rows[0];
  const where = scope.academy ? scope.academy.name : `${scope.trustName}: every academy`;
  const facts: [string, string][] = [
    ['Scope', where],
    ['Academic year', academicYearLabel(scope.academicYear)],
    ['Figures as at', formatBritishDate(scope.asAt)],
    ...(scope.academy ? [] : ([['Academies', count(figures.academies.length)]] as [string, string][])),
    ['Learners on roll', count(total.learners)],
    ['Rule set', RULE_SET_LABELS[data.ruleSet]],
    ['Generated', generatedOn],
  ];
  return [
    {
      stack: [
        {
          text: scope.trustName.toUpperCase(),
          fontSize: 10,
          bold: true,
          color: '#c9d6e6',
          characterSpacing: 1.2,
        },
        { text: 'Careers encounters', fontSize: 30, bold: true, color: '#ffffff', margin: [0, 18, 0, 0] },
        { text: 'Annual compliance report', fontSize: 22, color: '#ffffff', margin: [0, 2, 0, 0] },
        {
          text: `${academicYearLabel(scope.academicYear)}  ·  as at ${formatBritishDate(scope.asAt)}`,
          fontSize: 12,
          color: '#dbe6f2',
          margin: [0, 14, 0, 0],
        },
        {
          text: scope.academy ? scope.academy.name : 'Whole trust',
          fontSize: 12,
          bold: true,
          color: '#ffffff',
          margin: [0, 4, 0, 0],
        },
      ],
      margin: [0, 60, 0, 0],
    },
    {
      table: {
        widths: [110, '*'],
        body: facts.map(([label, value]) => [
          { text: label, color: COLOURS.muted, fontSize: 9 },
          { text: value, fontSize: 9.5, bold: label === 'Scope' },
        ]),
      },
      layout: {
        hLineWidth: (index, node) => (index === 0 || index === node.table.body.length ? 0 : 0.4),
        vLineWidth: () => 0,
        hLineColor: () => COLOURS.rule,
        paddingTop: () => 5,
        paddingBottom: () => 5,
        paddingLeft: () => 0,
      },
      margin: [0, 100, 0, 18],
    },
    total.learners
      ? {
          stack: [
            { text: 'About this report', style: 'h3', margin: [0, 0, 0, 4] },
            {
              text:
                'For each rule of the trust\u2019s Objective 2 and the Gatsby benchmarks, the share of learners who have ' +
                'met it, of the learners on roll to whom it applies, counting only encounters up to the as-at date. ' +
                'Learners not yet covered are on track while the rule\u2019s window is open, at risk when it closes within ' +
                `${data.policy.atRiskDays} days, and missed once it has closed. Figures are the same as the dashboard\u2019s ` +
                'for the same date, and the CSV export lists every learner behind them.',
              color: COLOURS.muted,
              fontSize: 8.5,
            },
            { text: 'Contents', style: 'h3', margin: [0, 12, 0, 4] },
            {
              ul: [
                'Headline figures: Objective 2 and each benchmark',
                scope.academy ? 'Year groups' : 'Each academy: figures, chart and year groups',
                'Pupil premium and SEN gaps',
                'Provider access windows',
                ...(data.destinations.academies.length
                  ? ['Destinations of Years 11 and 13, and leavers']
                  : []),
                'Sectors reached against local priorities',
                'Organisations engaged',
              ],
              color: COLOURS.muted,
              fontSize: 8.5,
            },
          ],
        }
      : notice(
          `No data: no learner of ${scope.academy ? scope.academy.name : scope.trustName} is on roll in ` +
            `${academicYearLabel(scope.academicYear)} at ${formatBritishDate(scope.asAt)}, so there is nothing to report for this year. ` +
            'Import the year\u2019s roster, or choose another year.',
        ),
  ];
}

function headlinePage(data: ComplianceReportData): Content[] {
  const { figures, scope } = data;
  const total = figures.coverage.rows[0];
  const o2 = total.rules.O2;
  const card: Content = {
    table: {
      widths: [150, '*'],
      body: [
        [
          {
            stack: [
              { text: 'OBJECTIVE 2', fontSize: 8, bold: true, color: COLOURS.muted, characterSpacing: 0.8 },
              { text: percentText(o2.percent), fontSize: 34, bold: true, color: tallyColour(o2) },
              {
                text: `${count(o2.met)} of ${count(o2.applicable)} learners`,
                color: COLOURS.muted,
                fontSize: 8.5,
              },
            ],
            margin: [10, 8, 0, 8],
          },
          {
            stack: [
              {
                text:
                  'Every learner has regular encounters with employers and education providers every year, supported by ' +
                  'specialist careers advice: this year, at least one employer or workplace encounter, one education-provider ' +
                  'encounter and one specialist careers advice session.',
                fontSize: 8.5,
                color: COLOURS.ink,
              },
              { ...(statusBar(o2, 300, 9) as object), margin: [0, 10, 0, 0] } as Content,
              statusLegend(),
            ],
            margin: [6, 10, 10, 6],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => COLOURS.band },
    margin: [0, 4, 0, 10],
  };
  const content: Content[] = [
    heading('Headline figures'),
    {
      text: `${scope.academy ? scope.academy.name : scope.trustName}, ${academicYearLabel(scope.academicYear)}, as at ${formatBritishDate(scope.asAt)}: ${count(total.learners)} learners on roll.`,
      style: 'lead',
    },
    card,
    { text: 'Objective 2 and the benchmarks', style: 'h2', margin: [0, 4, 0, 6] },
    rulesTable(total),
    {
      text: 'Learners: those to whom the rule applies (by year group, and for B7 by 18 those considering higher education).',
      style: 'note',
    },
  ];
  if (!scope.academy) {
    content.push(
      { text: 'Objective 2 by academy', style: 'h2' },
      barChart(
        figures.academies.map((academy) => ({
          label: academy.name,
          percent: academy.coverage.rows[0].rules.O2.percent,
          colour: tallyColour(academy.coverage.rows[0].rules.O2),
          detail: `${count(academy.coverage.rows[0].rules.O2.met)} of ${count(academy.coverage.rows[0].rules.O2.applicable)}`,
        })),
        { labelWidth: 150, valueWidth: 90, barHeight: 8 },
      ),
      percentGrid(
        { text: 'Academies compared: percentage of learners meeting each rule', style: 'h2' },
        'Academy',
        figures.academies.map((academy) => ({ label: academy.name, row: academy.coverage.rows[0] })),
      ),
    );
  } else {
    content.push(
      { text: 'Share meeting each rule', style: 'h2' },
      ruleChart(total),
      heading('Year groups'),
      { text: 'Percentage of learners meeting each rule, by National Curriculum year group.', style: 'lead' },
      percentGrid(
        null,
        'Year group',
        figures.coverage.rows.slice(1).map((row) => ({ label: row.label, row })),
      ),
      ...figures.coverage.rows
        .slice(1)
        .flatMap((row): Content[] => [
          { text: `${row.label}: ${count(row.learners)} learners`, style: 'h3' },
          ruleChart(row),
        ]),
    );
  }
  return content;
}

function academyPage(academy: AcademyFigures, data: ComplianceReportData): Content[] {
  const row = academy.coverage.rows[0];
  return [
    heading(academy.name),
    {
      text: `${count(row.learners)} learners on roll, ${academicYearLabel(data.scope.academicYear)}, as at ${formatBritishDate(data.scope.asAt)}.`,
      style: 'lead',
    },
    rulesTable(row),
    { text: 'Share meeting each rule', style: 'h2' },
    ruleChart(row),
    percentGrid(
      { text: 'Year groups: percentage of learners meeting each rule', style: 'h2' },
      'Year group',
      academy.coverage.rows.slice(1).map((yearGroup) => ({ label: yearGroup.label, row: yearGroup })),
    ),
  ];
}

function gapsPage(data: ComplianceReportData): Content[] {
  const cohorts = (rows: CoverageBreakdownRow[]) =>
    rows.filter((row) => ['pupilPremium:yes', 'sen:K', 'sen:E'].includes(row.key));
  const groups: { label: string; rows: CoverageBreakdownRow[] }[] = [
    {
      label: data.scope.academy ? data.scope.academy.name : 'Whole trust',
      rows: cohorts([...data.figures.pupilPremium, ...data.figures.sen]),
    },
    ...(data.scope.academy
      ? []
      : data.figures.academies.map((academy) => ({
          label: academy.name,
          rows: cohorts([...academy.pupilPremium, ...academy.sen]),
        }))),
  ];
  const gapTable = (rules: readonly RuleId[]): Content[][] => {
    const body: Content[][] = [
      [
        th('Academy'),
        th('Cohort'),
        th('Learners', 'right'),
        ...rules.map((rule) => th(RULE_CODE_LABELS[rule], 'right')),
      ],
    ];
    for (const group of groups) {
      group.rows.forEach((row, index) => {
        body.push([
          index === 0 ? { text: group.label, bold: true } : '',
          { text: row.label },
          numberCell(row.learners),
          ...rules.map((rule): Content => ({
            text: pointsText(row.gaps[rule]),
            alignment: 'right',
            color: gapColour(row.gaps[rule]),
          })),
        ]);
      });
    }
    return body;
  };
  const total = (key: string) =>
    [...data.figures.pupilPremium, ...data.figures.sen].find((row) => row.key === key);
  const o2Gap = total('pupilPremium:yes')?.gaps.O2 ?? null;
  return [
    heading('Pupil premium and SEN gaps'),
    {
      text:
        'For each cohort, its percentage meeting the rule minus the percentage of every other learner, in points. ' +
        'A negative gap means the cohort is behind; – means the rule applies to nobody in the cohort or in the rest.',
      style: 'lead',
    },
    ...(o2Gap !== null
      ? [
          notice(
            `Objective 2: learners eligible for the pupil premium are ${
              o2Gap < 0
                ? `${formatNumber(-o2Gap, 1)} points behind`
                : o2Gap > 0
                  ? `${formatNumber(o2Gap, 1)} points ahead of`
                  : 'level with'
            } their peers.`,
          ),
        ]
      : []),
    ...RULE_RUNS.map((rules, index): Content => ({
      unbreakable: groups.reduce((total, group) => total + group.rows.length, 0) <= UNBREAKABLE_ROWS,
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 62, 30, ...rules.map(() => 28)],
        body: gapTable(rules),
      },
      layout: COMPACT_TABLE,
      fontSize: 7,
      margin: [0, index ? 8 : 0, 0, 0],
    })),
    {
      text: 'SEN support (K) and EHC plan (E) are each compared with all other learners. Green: level or ahead; amber: behind by under 5 points; red: 5 points or more.',
      style: 'note',
    },
  ];
}

function palPage(data: ComplianceReportData): Content[] {
  const total = data.figures.coverage.rows[0];
  const encounters = data.palEncounters;
  const trustWide = !data.scope.academy;
  const summary: Content = {
    table: {
      headerRows: 1,
      widths: [38, 70, '*', 50, 60, 46],
      body: [
        [
          th('Window'),
          th('Learners'),
          th('Dates'),
          th('Encounters', 'right'),
          th('Learners met', 'right'),
          th('Met %', 'right'),
        ],
        ...PAL_WINDOWS.map(({ window, rule, years, dates }): Content[] => [
          { text: String(window), bold: true },
          { text: years },
          { text: dates, color: COLOURS.muted },
          numberCell(encounters.filter((encounter) => encounter.window === window).length),
          {
            text: `${count(total.rules[rule].met)} of ${count(total.rules[rule].applicable)}`,
            alignment: 'right',
          },
          percentCell(total.rules[rule]),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    style: 'table',
  };
  const list: Content = encounters.length
    ? {
        table: {
          headerRows: 1,
          widths: [48, ...(trustWide ? [90] : []), '*', 110, 34, 58],
          body: [
            [
              th('Date'),
              ...(trustWide ? [th('Academy')] : []),
              th('Encounter'),
              th('Providers'),
              th('Years'),
              th('Take-up', 'right'),
            ],
            ...encounters.map((encounter): Content[] => [
              { text: formatBritishDate(encounter.date) },
              ...(trustWide ? [{ text: encounter.academyName } as Content] : []),
              { text: encounter.title },
              { text: encounter.providers.join(', ') || '–', color: COLOURS.muted },
              { text: encounter.yearGroups.length ? encounter.yearGroups.join(', ') : '–' },
              {
                text: encounter.invited
                  ? `${count(encounter.attended)}/${count(encounter.invited)}  ${formatNumber((100 * encounter.attended) / encounter.invited)}%`
                  : '–',
                alignment: 'right',
              },
            ]),
          ],
        },
        layout: REPORT_TABLE,
        fontSize: 7.5,
      }
    : notice('No provider-access encounter has been recorded this year up to the as-at date.');
  return [
    heading('Provider access windows'),
    {
      text:
        'Encounters with providers of approved technical education or apprenticeships, held during the school day ' +
        '(Provider Access Legislation). Each learner should meet at least two providers in each window; in Years 12 and 13 ' +
        'two encounters must be offered to the whole cohort, and attendance is reported as take-up.',
      style: 'lead',
    },
    summary,
    { text: OFFER_RULE_LABELS.PAL3_OFFER, style: 'h2' },
    offerTable(data),
    { text: 'Encounters held', style: 'h2' },
    list,
    { text: 'Take-up: learners who attended, of the learners invited.', style: 'note' },
  ];
}

/** R-PAL-4: each academy's window 3 offer, and the trust's. */
function offerTable(data: ComplianceReportData): Content {
  const rows = [
    ...(data.scope.academy ? [] : [{ label: 'Whole trust', row: data.figures.coverage.rows[0] }]),
    ...data.figures.academies.map((academy) => ({ label: academy.name, row: academy.coverage.rows[0] })),
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', 110],
      body: [
        [th('Academy'), th('Status')],
        ...rows.map(({ label, row }): Content[] => {
          const status = row.offers?.PAL3_OFFER ?? 'not_applicable';
          return [
            { text: label, bold: label === 'Whole trust' },
            { text: RULE_STATUS_LABELS[status], color: STATUS_COLOURS[status], bold: true },
          ];
        }),
      ],
    },
    layout: REPORT_TABLE,
    fontSize: 8,
  };
}

/** A work-experience gap cell: the share at target in points, then the median in hours (R-WEX-6, R-G-3). */
function hoursGapCell(row: CoverageBreakdownRow | undefined, rule: (typeof WEX_RULE_IDS)[number]): Content {
  const gaps = row?.hoursGaps?.[rule];
  if (!gaps || gaps.atTarget === null) return { text: '–', alignment: 'right', color: COLOURS.muted };
  const hours =
    gaps.median === null
      ? '–'
      : `${gaps.median > 0 ? '+' : gaps.median < 0 ? '−' : '±'}${formatNumber(Math.abs(gaps.median), 1)} h`;
  return {
    text: [
      { text: pointsText(gaps.atTarget), color: gapColour(gaps.atTarget) },
      { text: `\n${hours}`, color: COLOURS.muted },
    ],
    alignment: 'right',
  };
}

/** R-WEX-6, R-WEX-9: per academy and key stage, learners by hours against the target, the median, the gaps. */
function workExperiencePage(data: ComplianceReportData): Content[] {
  const { wex } = data.policy;
  const groups = [
    ...(data.scope.academy
      ? []
      : [
          {
            label: 'Whole trust',
            row: data.figures.coverage.rows[0],
            pupilPremium: data.figures.pupilPremium,
            sen: data.figures.sen,
          },
        ]),
    ...data.figures.academies.map((academy) => ({
      label: academy.name,
      row: academy.coverage.rows[0],
      pupilPremium: academy.pupilPremium,
      sen: academy.sen,
    })),
  ];
  const cohort = (rows: CoverageBreakdownRow[], key: string) => rows.find((row) => row.key === key);
  const body: Content[][] = [
    [
      th('Academy'),
      th('Key stage'),
      th('Learners', 'right'),
      th(HOURS_FIGURE_LABELS.zero, 'right'),
      th(HOURS_FIGURE_LABELS.belowTarget, 'right'),
      th(HOURS_FIGURE_LABELS.atTarget, 'right'),
      th(HOURS_FIGURE_LABELS.median, 'right'),
      th('Pupil premium gap', 'right'),
      th('SEN support gap', 'right'),
      th('EHC plan gap', 'right'),
    ],
  ];
  for (const group of groups) {
    WEX_RULE_IDS.forEach((rule, index) => {
      const figures = hoursOrNone(group.row, rule);
      body.push([
        { text: group.label, bold: index === 0, color: index === 0 ? COLOURS.ink : COLOURS.muted },
        { text: WEX_STAGE_LABELS[rule] },
        numberCell(group.row.rules[rule].applicable),
        numberCell(figures.zero),
        numberCell(figures.belowTarget),
        numberCell(figures.atTarget),
        {
          text: figures.median === null ? '–' : formatNumber(figures.median, 1),
          alignment: 'right',
        },
        hoursGapCell(cohort(group.pupilPremium, 'pupilPremium:yes'), rule),
        hoursGapCell(cohort(group.sen, 'sen:K'), rule),
        hoursGapCell(cohort(group.sen, 'sen:E'), rule),
      ]);
    });
  }
  return [
    heading('Work experience: two weeks\u2019 worth'),
    {
      text:
        `The DfE asks for a week\u2019s worth of work-experience activities in Years 7 to 9 and a week\u2019s worth of ` +
        `placements in Years 10 and 11. Targets this year: ${wex.ks3Hours} hours of activities and ` +
        `${wex.ks4Hours} hours of placements. Virtual hours count for at most ${formatNumber(100 * wex.virtualShareMax)}% of a target.`,
      style: 'lead',
    },
    {
      table: { headerRows: 1, widths: ['*', 82, 30, 28, 30, 28, 30, 38, 38, 38], body },
      layout: COMPACT_TABLE,
      fontSize: 7,
    },
    {
      text:
        'Learners: those in the key stage\u2019s year groups. Hours are counted hours, done by the as-at date (planned ' +
        'experiences do not count). Each gap is the cohort\u2019s share at target minus every other learner\u2019s, in ' +
        'points, and beneath it the difference in median hours; – where the cohort or the rest is empty.',
      style: 'note',
    },
  ];
}

function sectorsPage(data: ComplianceReportData): Content[] {
  const { sectors, policy } = data;
  const share = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : null);
  return [
    heading('Sectors reached against local priorities'),
    {
      text:
        `Local skills priorities: ${policy.localPrioritySectors.join('; ') || 'none set'}. ` +
        `The share of the ${count(sectors.totalLearners)} learners on roll who met an organisation of each sector, ` +
        `and of the ${count(sectors.totalEncounters)} encounters held, to the as-at date.`,
      style: 'lead',
    },
    {
      columns: [
        { canvas: [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, color: COLOURS.priority }], width: 10 },
        { text: 'Local priority', fontSize: 7, color: COLOURS.muted, width: 'auto', margin: [0, 0, 12, 0] },
        { canvas: [{ type: 'rect', x: 0, y: 1.5, w: 7, h: 7, color: COLOURS.accent }], width: 10 },
        { text: 'Other sector', fontSize: 7, color: COLOURS.muted, width: 'auto' },
      ],
      margin: [0, 0, 0, 6],
    },
    barChart(
      sectors.rows.map((row) => ({
        label: row.sector,
        percent: share(row.learners, sectors.totalLearners),
        colour: row.priority ? COLOURS.priority : COLOURS.accent,
        detail: `${count(row.learners)} learners`,
      })),
      { labelWidth: 165, valueWidth: 95, barHeight: 8 },
    ),
    { text: 'Encounters and learners by sector', style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 55, 55, 60, 55],
        body: [
          [
            th('Sector'),
            th('Priority'),
            th('Encounters', 'right'),
            th('Share', 'right'),
            th('Learners', 'right'),
            th('Share', 'right'),
          ],
          ...sectors.rows.map((row): Content[] => [
            { text: row.sector, bold: row.priority },
            { text: row.priority ? 'Yes' : '', color: COLOURS.priority, bold: true },
            numberCell(row.encounters),
            { text: percentText(share(row.encounters, sectors.totalEncounters)), alignment: 'right' },
            numberCell(row.learners),
            { text: percentText(share(row.learners, sectors.totalLearners)), alignment: 'right' },
          ]),
        ],
      },
      layout: REPORT_TABLE,
      style: 'table',
    },
    {
      text: 'An encounter with organisations of several sectors counts once for each of them.',
      style: 'note',
    },
  ];
}

function organisationsPage(data: ComplianceReportData): Content[] {
  const rows = data.organisations;
  return [
    heading('Organisations engaged'),
    {
      text: `${count(rows.length)} organisations took part in encounters in ${academicYearLabel(data.scope.academicYear)} up to ${formatBritishDate(data.scope.asAt)}, most learners reached first.`,
      style: 'lead',
    },
    rows.length
      ? {
          table: {
            headerRows: 1,
            widths: ['*', 95, 150, 50, 50],
            body: [
              [
                th('Organisation'),
                th('Type'),
                th('Sectors'),
                th('Encounters', 'right'),
                th('Learners', 'right'),
              ],
              ...rows.map((row): Content[] => [
                { text: row.name },
                { text: ORGANISATION_TYPE_LABELS[row.type] ?? row.type, color: COLOURS.muted },
                { text: row.sectors.join(', ') || '–', color: COLOURS.muted, fontSize: 6.5 },
                numberCell(row.encounters),
                numberCell(row.learnersReached),
              ]),
            ],
          },
          layout: REPORT_TABLE,
          fontSize: 7.5,
        }
      : notice('No organisation has taken part in an encounter this year up to the as-at date.'),
  ];
}

/** The annual compliance report as a pdfmake document. */
export function complianceReportPdf(data: ComplianceReportData, generatedAt: Date): TDocumentDefinitions {
  const generatedOn = generatedOnText(generatedAt);
  const { scope } = data;
  const hasData = data.figures.coverage.rows[0].learners > 0;
  const content: Content[] = [...titlePage(data, generatedOn)];
  if (hasData) {
    content.push(...headlinePage(data));
    if (!scope.academy)
      for (const academy of data.figures.academies) content.push(...academyPage(academy, data));
    content.push(
      ...gapsPage(data),
      ...workExperiencePage(data),
      ...palPage(data),
      ...destinationsPages(data.destinations),
      ...sectorsPage(data),
      ...organisationsPage(data),
    );
  }
  return reportDocument({
    title: `Annual compliance report ${academicYearLabel(scope.academicYear)}: ${scope.academy?.name ?? scope.trustName}`,
    subject: `Careers encounters and Gatsby benchmark compliance as at ${scope.asAt}`,
    footerLeft: `${scope.trustName}  ·  ${scope.academy ? `${scope.academy.name}  ·  ` : ''}Annual compliance report ${academicYearLabel(scope.academicYear)}, as at ${formatBritishDate(scope.asAt)}`,
    generatedOn: `Generated by Encounters on ${generatedOn}`,
    content,
    background: titleBand(330, 6, [
      { type: 'rect', x: 40, y: 290, w: CONTENT_WIDTH * 0.18, h: 3, color: COLOURS.priority },
    ]),
  });
}
