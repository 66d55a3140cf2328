import {
  academicYearLabel,
  DESTINATION_ANNIVERSARIES,
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_STATUS_LABELS,
  DESTINATION_STATUSES,
  formatBritishDate,
} from '@encounters/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  AcademyDestinationFigures,
  DestinationFigures,
  DestinationYearFigures,
  LeaverCohortFigures,
} from '../destinations-report.query';
import type { ReportScope } from '../report-scope';
import {
  barChart,
  COLOURS,
  CONTENT_WIDTH,
  formatNumber,
  generatedOnText,
  notice,
  percentText,
  REPORT_TABLE,
  reportDocument,
  th,
  titleBand,
} from './pdf-theme';

const NOTHING_RECORDED = 'No destination recorded';
const ORDINALS = ['', 'First', 'Second', 'Third'];

const count = (value: number) => (value ? formatNumber(value) : '–');

function numberCell(value: number, options: { bold?: boolean; colour?: string } = {}): Content {
  return {
    text: count(value),
    alignment: 'right',
    bold: options.bold ?? false,
    color: value ? (options.colour ?? COLOURS.ink) : COLOURS.notApplicable,
  };
}

/** The colour of a share confirmed: green from 80%, blue below (most of the year is still ahead in autumn). */
function confirmedColour(year: DestinationYearFigures): string {
  if (year.percentConfirmed === null) return COLOURS.notApplicable;
  return year.percentConfirmed >= 80 ? COLOURS.met : COLOURS.onTrack;
}

function summaryTable(academy: AcademyDestinationFigures): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', 55, 55, 55, 62, 55],
      body: [
        [
          th('Year group'),
          th('Learners', 'right'),
          th('Recorded', 'right'),
          th('Confirmed', 'right'),
          th('Confirmed %', 'right'),
          th('NEET risk', 'right'),
        ],
        ...academy.years.map((year): Content[] => [
          { text: `Year ${year.yearGroup}`, bold: true },
          numberCell(year.learners),
          numberCell(year.recorded),
          numberCell(year.confirmed),
          {
            text: percentText(year.percentConfirmed),
            alignment: 'right',
            bold: true,
            color: confirmedColour(year),
          },
          numberCell(year.neetRisk, { bold: true, colour: COLOURS.missed }),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    style: 'table',
  };
}

/** Rows by category or status, a column per year group; `none` last as "No destination recorded". */
function breakdownTable<Key extends string>(
  title: string,
  keys: readonly Key[],
  labels: Readonly<Record<Key, string>>,
  years: DestinationYearFigures[],
  of: (year: DestinationYearFigures) => Partial<Record<Key | 'none', number>>,
): Content {
  const rows: { label: string; key: Key | 'none' }[] = [
    ...keys.map((key) => ({ label: labels[key], key })),
    { label: NOTHING_RECORDED, key: 'none' as const },
  ];
  return {
    table: {
      headerRows: 1,
      widths: ['*', ...years.map(() => 42)],
      body: [
        [th(title), ...years.map((year) => th(`Year ${year.yearGroup}`, 'right'))],
        ...rows.map(({ label, key }): Content[] => [
          { text: label, color: key === 'none' ? COLOURS.muted : COLOURS.ink, italics: key === 'none' },
          ...years.map((year) => numberCell(of(year)[key] ?? 0)),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    fontSize: 7.5,
  };
}

function anniversaryCell(cohort: LeaverCohortFigures, anniversary: number): Content {
  const figures = cohort.anniversaries.find((candidate) => candidate.anniversary === anniversary);
  if (!figures) return { text: 'still to come', alignment: 'right', color: COLOURS.notApplicable };
  const missing = figures.leavers - figures.recorded;
  return {
    stack: [
      {
        text: percentText(figures.percentInEet),
        bold: true,
        color:
          figures.percentInEet === null
            ? COLOURS.notApplicable
            : figures.percentInEet >= 90
              ? COLOURS.met
              : COLOURS.atRisk,
      },
      {
        text: `NEET ${count(figures.neet)} · not known ${count(figures.notKnown)} \nnot recorded ${count(missing)}`,
        fontSize: 6.5,
        color: COLOURS.muted,
      },
    ],
    alignment: 'right',
  };
}

function leaversTable(academy: AcademyDestinationFigures): Content {
  if (!academy.leavers.length) {
    return notice('No learner who left from Year 11 or 13 in the last three years is recorded here.');
  }
  return {
    table: {
      headerRows: 1,
      widths: ['*', 40, 105, 105, 105],
      body: [
        [
          th('Leavers'),
          th('Learners', 'right'),
          ...DESTINATION_ANNIVERSARIES.map((anniversary) =>
            th(`${ORDINALS[anniversary]} 1 October`, 'right'),
          ),
        ],
        ...academy.leavers.map((cohort): Content[] => [
          {
            stack: [
              { text: `Year ${cohort.yearGroup}, ${academicYearLabel(cohort.leftIn)}`, bold: true },
              { text: `left summer ${cohort.leftIn + 1}`, fontSize: 6.5, color: COLOURS.muted },
            ],
          },
          numberCell(cohort.leavers),
          ...DESTINATION_ANNIVERSARIES.map((anniversary) => anniversaryCell(cohort, anniversary)),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    fontSize: 8,
  };
}

/**
 * R-DEST-5: one academy's destinations page: Years 11 and 13 by category and status, the share confirmed by
 * the confirm-by date, how many are at risk of NEET (a count, never names), and its leavers' figures.
 */
export function academyDestinationsPage(
  academy: AcademyDestinationFigures,
  figures: DestinationFigures,
): Content[] {
  const year = academicYearLabel(figures.academicYear);
  const content: Content[] = [
    { text: `Destinations: ${academy.name}`, style: 'h1', pageBreak: 'before' },
    {
      text:
        `Intended destinations of Years 11 and 13 in ${year}, as at ${formatBritishDate(figures.asAt)}. ` +
        `A destination is confirmed once accepted or enrolled, and should be by ${formatBritishDate(figures.confirmBy)}.`,
      style: 'lead',
    },
  ];
  if (academy.years.length) {
    content.push(
      summaryTable(academy),
      barChart(
        academy.years.map((entry) => ({
          label: `Year ${entry.yearGroup}: confirmed`,
          percent: entry.percentConfirmed,
          colour: confirmedColour(entry),
          detail: `${formatNumber(entry.confirmed)} of ${formatNumber(entry.learners)}`,
        })),
        { labelWidth: 110, valueWidth: 90, barHeight: 8 },
      ),
      {
        columns: [
          breakdownTable(
            'Category',
            DESTINATION_CATEGORIES,
            DESTINATION_CATEGORY_LABELS,
            academy.years,
            (entry) => entry.categories,
          ),
          breakdownTable(
            'Status',
            DESTINATION_STATUSES,
            DESTINATION_STATUS_LABELS,
            academy.years,
            (entry) => entry.statuses,
          ),
        ],
        columnGap: 14,
        margin: [0, 8, 0, 0],
      },
      {
        text:
          'Learners: those on roll at the as-at date, or at the confirm-by date once it has passed. NEET risk: ' +
          'marked by careers staff, or without a confirmed ' +
          'destination as the confirm-by date nears or after it has passed; the names are in the NEET-risk list.',
        style: 'note',
      },
    );
  } else {
    content.push(
      notice(
        `No learner is on roll in Year 11 or 13 in ${year} at ${formatBritishDate(
          figures.asAt < figures.confirmBy ? figures.asAt : figures.confirmBy,
        )}.`,
      ),
    );
  }
  content.push(
    { text: 'Leavers: in education, employment or training', style: 'h2' },
    leaversTable(academy),
    {
      text:
        'The share of all the cohort’s leavers recorded in education, employment or training on 1 October of each ' +
        'year after leaving; NEET: not in education, employment or training.',
      style: 'note',
    },
  );
  return content;
}

/** Every academy's destinations page, for the destinations report and the compliance report alike. */
export function destinationsPages(figures: DestinationFigures): Content[] {
  return figures.academies.flatMap((academy) => academyDestinationsPage(academy, figures));
}

function trustSummary(figures: DestinationFigures): Content {
  const cell = (academy: AcademyDestinationFigures, yearGroup: number): Content[] => {
    const entry = academy.years.find((candidate) => candidate.yearGroup === yearGroup);
    if (!entry) return [numberCell(0), { text: '–', alignment: 'right', color: COLOURS.notApplicable }];
    return [
      numberCell(entry.learners),
      {
        text: percentText(entry.percentConfirmed),
        alignment: 'right',
        bold: true,
        color: confirmedColour(entry),
      },
    ];
  };
  return {
    table: {
      headerRows: 1,
      widths: ['*', 48, 58, 48, 58, 50],
      body: [
        [
          th('Academy'),
          th('Year 11', 'right'),
          th('Confirmed', 'right'),
          th('Year 13', 'right'),
          th('Confirmed', 'right'),
          th('NEET risk', 'right'),
        ],
        ...figures.academies.map((academy): Content[] => [
          { text: academy.name },
          ...cell(academy, 11),
          ...cell(academy, 13),
          numberCell(
            academy.years.reduce((total, entry) => total + entry.neetRisk, 0),
            { bold: true, colour: COLOURS.missed },
          ),
        ]),
      ],
    },
    layout: REPORT_TABLE,
    style: 'table',
  };
}

/** `GET /api/reports/destinations?format=pdf`: a title page, the trust's summary, then a page per academy. */
export function destinationsReportPdf(
  scope: ReportScope,
  figures: DestinationFigures,
  generatedAt: Date,
): TDocumentDefinitions {
  const generatedOn = generatedOnText(generatedAt);
  const year = academicYearLabel(scope.academicYear);
  const where = scope.academy ? scope.academy.name : 'Whole trust';
  const content: Content[] = [
    {
      stack: [
        {
          text: scope.trustName.toUpperCase(),
          fontSize: 10,
          bold: true,
          color: '#c9d6e6',
          characterSpacing: 1.2,
        },
        { text: 'Destinations', fontSize: 30, bold: true, color: '#ffffff', margin: [0, 18, 0, 0] },
        { text: 'Years 11 and 13, and leavers', fontSize: 20, color: '#ffffff', margin: [0, 2, 0, 0] },
        {
          text: `${year}  ·  as at ${formatBritishDate(scope.asAt)}`,
          fontSize: 12,
          color: '#dbe6f2',
          margin: [0, 14, 0, 0],
        },
        { text: where, fontSize: 12, bold: true, color: '#ffffff', margin: [0, 4, 0, 0] },
      ],
      margin: [0, 60, 0, 0],
    },
    {
      text:
        'For each academy: the intended destinations of Years 11 and 13 by category and status, the share ' +
        `confirmed (accepted or enrolled) against the confirm-by date of ${formatBritishDate(figures.confirmBy)}, ` +
        'how many learners are at risk of not being in education, employment or training, and for the leavers of ' +
        'the last three years the share in education, employment or training on 1 October after leaving. The ' +
        'figures name no learner; the CSV return for the local authority lists them.',
      color: COLOURS.muted,
      fontSize: 8.5,
      margin: [0, 150, 0, 0],
    },
  ];
  if (!figures.academies.length) {
    content.push(
      notice(
        `No data: no learner of ${scope.academy ? scope.academy.name : scope.trustName} is in Year 11 or 13 in ` +
          `${year}, and no leaver of the last three years is recorded.`,
      ),
    );
  } else {
    if (!scope.academy) {
      content.push(
        { text: 'Destinations by academy', style: 'h1', pageBreak: 'before' },
        {
          text: `Learners on roll in Years 11 and 13 and the share with a confirmed destination, as at ${formatBritishDate(scope.asAt)}.`,
          style: 'lead',
        },
        trustSummary(figures),
      );
    }
    content.push(...destinationsPages(figures));
  }
  return reportDocument({
    title: `Destinations ${year}: ${scope.academy?.name ?? scope.trustName}`,
    subject: `Intended and actual destinations as at ${scope.asAt}`,
    footerLeft: `${scope.trustName}  ·  ${scope.academy ? `${scope.academy.name}  ·  ` : ''}Destinations ${year}, as at ${formatBritishDate(scope.asAt)}`,
    generatedOn: `Generated by Encounters on ${generatedOn}`,
    content,
    background: titleBand(330, 6, [
      { type: 'rect', x: 40, y: 290, w: CONTENT_WIDTH * 0.18, h: 3, color: COLOURS.priority },
    ]),
  });
}
