import {
  type ComplianceCsvPart,
  academicYearLabel,
  type CoverageBreakdownRow,
  type CoverageResponse,
  type Policy,
  RULE_IDS,
  RULE_LABELS,
  RULE_STATUS_LABELS,
  type RuleId,
  type RuleStatus,
  SEN_LABELS,
  type RuleSet,
  type SectorReachResponse,
  parseCoverageKey,
  HOURS_FIGURE_LABELS,
  hoursOrNone,
  OFFER_RULE_IDS,
  OFFER_RULE_LABELS,
  WEX_RULE_IDS,
} from '@encounters/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../common/access/policy';
import { SqlParams } from '../common/sql-params';
import { COUNTS_AT, CoverageService, STATUS_COLUMNS } from '../coverage/coverage.service';
import type { CoverageQueryDto } from '../coverage/dto/coverage-query.dto';
import { loadPolicyLookup } from '../coverage/policy-lookup';
import type { DestinationFigures } from './destinations-report.query';
import { DestinationsReportService } from './destinations-report.service';
import { OrganisationReportService, type OrganisationEngagement } from './organisation-report.service';
import { CSV_BOM, csvRecord, safeText } from './report-csv';
import type { ReportScope } from './report-scope';
import { SectorReachQuery } from './sector-reach.query';

/** Rows fetched from the cursor at a time: enough to keep the socket busy, few enough to bound memory. */
const CSV_BATCH = 2000;

export interface AcademyFigures {
  id: string;
  name: string;
  /** The academy's `/api/coverage` answer: the academy, then one row per year group. */
  coverage: CoverageResponse;
  pupilPremium: CoverageBreakdownRow[];
  sen: CoverageBreakdownRow[];
}

export interface ComplianceFigures {
  /** The scope's `/api/coverage` answer: rows[0] the scope; then academies (trust) or year groups (academy). */
  coverage: CoverageResponse;
  academies: AcademyFigures[];
  /** The scope's cohort rows with their gaps (R-G-3). */
  pupilPremium: CoverageBreakdownRow[];
  sen: CoverageBreakdownRow[];
}

export interface PalEncounter {
  date: string;
  academyName: string;
  title: string;
  providers: string[];
  yearGroups: number[];
  /** 1, 2 or 3 by the year groups that attended (R-PAL-1, R-PAL-2); null when nobody is recorded. */
  window: number | null;
  invited: number;
  attended: number;
}

export interface ComplianceReportData {
  scope: ReportScope;
  ruleSet: RuleSet;
  policy: Policy;
  figures: ComplianceFigures;
  palEncounters: PalEncounter[];
  sectors: SectorReachResponse;
  organisations: OrganisationEngagement[];
  /** R-DEST-5: each academy's destinations page. */
  destinations: DestinationFigures;
}

const STATUS_ALIAS = (rule: RuleId) => `${rule.toLowerCase()}_status`;

/** R-PAL-1 / R-PAL-2: the window a year group's provider encounters fall in. */
function palWindowOf(yearGroups: number[]): number | null {
  const windows = new Set(
    yearGroups.map((year) =>
      year === 8 || year === 9 ? 1 : year === 10 || year === 11 ? 2 : year >= 12 ? 3 : 0,
    ),
  );
  windows.delete(0);
  return windows.size ? Math.min(...windows) : null;
}

/** The annual compliance report: every figure comes from the coverage service, as `/api/coverage` answers it. */
@Injectable()
export class ComplianceReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly coverage: CoverageService,
    private readonly organisations: OrganisationReportService,
    private readonly sectorReach: SectorReachQuery,
    private readonly destinations: DestinationsReportService,
  ) {}

  async figures(scope: ReportScope, access: AccessScope): Promise<ComplianceFigures> {
    const base = { academicYear: scope.academicYear, asAt: scope.asAt };
    const ask = (query: Partial<CoverageQueryDto>) =>
      this.coverage.coverage({ ...base, ...query } as CoverageQueryDto, access);
    const scopeQuery: Partial<CoverageQueryDto> = scope.academy
      ? { scope: 'academy', id: scope.academy.id }
      : { scope: 'trust' };
    const [coverage, pupilPremium, sen] = await Promise.all([
      ask(scopeQuery),
      ask({ ...scopeQuery, breakdown: 'pupilPremium' }),
      ask({ ...scopeQuery, breakdown: 'sen' }),
    ]);
    const breakdownRows = (answer: CoverageResponse) => answer.rows.slice(1) as CoverageBreakdownRow[];
    if (scope.academy) {
      return {
        coverage,
        academies: coverage.rows[0].learners
          ? [
              {
                id: scope.academy.id,
                name: scope.academy.name,
                coverage,
                pupilPremium: breakdownRows(pupilPremium),
                sen: breakdownRows(sen),
              },
            ]
          : [],
        pupilPremium: breakdownRows(pupilPremium),
        sen: breakdownRows(sen),
      };
    }
    const academyRows = coverage.rows.slice(1).filter((row) => parseCoverageKey(row.key).kind === 'academy');
    const academies = await Promise.all(
      academyRows.map(async (row): Promise<AcademyFigures> => {
        const id = parseCoverageKey(row.key).parts[0] ?? '';
        const query = { scope: 'academy' as const, id };
        const [academy, academyPupilPremium, academySen] = await Promise.all([
          ask(query),
          ask({ ...query, breakdown: 'pupilPremium' }),
          ask({ ...query, breakdown: 'sen' }),
        ]);
        return {
          id,
          name: row.label,
          coverage: academy,
          pupilPremium: breakdownRows(academyPupilPremium),
          sen: breakdownRows(academySen),
        };
      }),
    );
    return { coverage, academies, pupilPremium: breakdownRows(pupilPremium), sen: breakdownRows(sen) };
  }

  /**
   * The learners CSV, streamed: one row per learner on roll straight from a database cursor in batches, each
   * rule's status in words beside its stable code. Memory stays bounded whatever the trust's size. The
   * figures (summary, gaps) are files of their own: {@link figuresCsv}.
   */
  async *csv(scope: ReportScope, _access: AccessScope): AsyncGenerator<string> {
    yield (
      CSV_BOM +
      csvRecord([
        'UPN',
        'Legal surname',
        'Legal forename',
        'Preferred surname',
        'Preferred forename',
        'Academy',
        'Year group',
        'Registration group',
        'Pupil premium',
        'SEN status',
        'SEN code',
        // Per rule, its status in words, then its code (the rule id heads a column of stable codes, for scripts).
        ...RULE_IDS.flatMap((rule) => [RULE_LABELS[rule], rule]),
      ])
    );
    let learners = 0;
    for await (const rows of this.learnerRows(scope)) {
      learners += rows.length;
      yield rows
        .map((row) =>
          csvRecord([
            row['upn'] as string,
            safeText(row['legal_surname'] as string),
            safeText(row['legal_forename'] as string),
            safeText(row['preferred_surname'] as string | null),
            safeText(row['preferred_forename'] as string | null),
            safeText(row['academy_name'] as string),
            row['year_group'] as number,
            safeText(row['group_name'] as string | null),
            row['pupil_premium'] ? 'Yes' : 'No',
            SEN_LABELS[row['sen_status'] as keyof typeof SEN_LABELS] ?? (row['sen_status'] as string),
            row['sen_status'] as string,
            ...RULE_IDS.flatMap((rule) => {
              const status = row[STATUS_ALIAS(rule)] as RuleStatus;
              return [RULE_STATUS_LABELS[status] ?? status, status];
            }),
          ]),
        )
        .join('');
    }
    if (!learners) yield csvRecord([noDataText(scope)]);
  }

  /**
   * The figures as a CSV of their own, no learner named: `summary`, learners and met per academy × year
   * group × rule, exactly as /api/coverage counts them; `gaps`, each cohort's percentage and its gap to
   * everyone else's. Each rule is named in words, with its code in the next column.
   */
  async *figuresCsv(
    part: Exclude<ComplianceCsvPart, 'learners'>,
    scope: ReportScope,
    access: AccessScope,
  ): AsyncGenerator<string> {
    const percent = (value: number | null) => (value === null ? '' : value);
    if (part === 'summary') {
      yield CSV_BOM + csvRecord(['Academy', 'Year group', 'Rule', 'Rule code', 'Learners', 'Met', 'Percent']);
    } else if (part === 'gaps') {
      yield (
        CSV_BOM +
        csvRecord(['Academy', 'Cohort', 'Rule', 'Rule code', 'Learners', 'Met', 'Percent', 'Gap (points)'])
      );
    } else if (part === 'offers') {
      yield CSV_BOM + csvRecord(['Academy', 'Rule', 'Rule name', 'Status', 'Status code']);
    } else {
      yield (
        CSV_BOM +
        csvRecord([
          'Academy',
          'Rule',
          'Learners',
          HOURS_FIGURE_LABELS.zero,
          HOURS_FIGURE_LABELS.belowTarget,
          HOURS_FIGURE_LABELS.atTarget,
          HOURS_FIGURE_LABELS.median,
          ...['Pupil premium', 'SEN support (K)', 'EHC plan (E)'].flatMap((cohort) => [
            `${cohort} gap at target (points)`,
            `${cohort} gap in median hours`,
          ]),
        ])
      );
    }
    const { coverage, academies, pupilPremium, sen } = await this.figures(scope, access);
    if (!coverage.rows[0]?.learners) {
      yield csvRecord([noDataText(scope)]);
      return;
    }
    if (part === 'summary') {
      const summaryRows = (academy: string, yearGroup: string, row: CoverageResponse['rows'][number]) =>
        RULE_IDS.map((rule) =>
          csvRecord([
            safeText(academy),
            yearGroup,
            RULE_LABELS[rule],
            rule,
            row.rules[rule].applicable,
            row.rules[rule].met,
            percent(row.rules[rule].percent),
          ]),
        ).join('');
      let summary = '';
      if (!scope.academy) summary += summaryRows('All academies', 'All', coverage.rows[0]);
      for (const academy of academies) {
        summary += summaryRows(academy.name, 'All', academy.coverage.rows[0]);
        for (const row of academy.coverage.rows.slice(1)) {
          summary += summaryRows(academy.name, row.label.replace(/^Year /, ''), row);
        }
      }
      yield summary;
      return;
    }
    if (part === 'gaps') {
      yield this.gapsRows(scope, academies, pupilPremium, sen, percent);
      return;
    }
    if (part === 'offers') {
      yield this.offersRows(scope, coverage, academies);
      return;
    }
    yield this.hoursRows(scope, coverage, academies, pupilPremium, sen);
  }

  /** `gaps`: each cohort's percentage per rule and its gap to everyone else's (R-G-3). */
  private gapsRows(
    scope: ReportScope,
    academies: ComplianceFigures['academies'],
    pupilPremium: CoverageBreakdownRow[],
    sen: CoverageBreakdownRow[],
    percent: (value: number | null) => number | string,
  ): string {
    const gapRows = (academy: string, rows: CoverageBreakdownRow[]) =>
      rows
        .flatMap((row) =>
          RULE_IDS.map((rule) =>
            csvRecord([
              safeText(academy),
              row.label,
              RULE_LABELS[rule],
              rule,
              row.rules[rule].applicable,
              row.rules[rule].met,
              percent(row.rules[rule].percent),
              row.gaps[rule] ?? '',
            ]),
          ),
        )
        .join('');
    let gaps = '';
    if (!scope.academy) gaps += gapRows('All academies', [...pupilPremium, ...sen]);
    for (const academy of academies) gaps += gapRows(academy.name, [...academy.pupilPremium, ...academy.sen]);
    return gaps;
  }

  /** `offers`, R-PAL-4: the per-academy rules, each academy's status. */
  private offersRows(
    scope: ReportScope,
    coverage: CoverageResponse,
    academies: ComplianceFigures['academies'],
  ): string {
    let offers = '';
    const offerRows = (academy: string, row: CoverageResponse['rows'][number]) =>
      OFFER_RULE_IDS.map((rule) => {
        const status = row.offers?.[rule] ?? 'not_applicable';
        return csvRecord([
          safeText(academy),
          rule,
          OFFER_RULE_LABELS[rule],
          RULE_STATUS_LABELS[status],
          status,
        ]);
      }).join('');
    if (!scope.academy) offers += offerRows('All academies', coverage.rows[0]);
    for (const academy of academies) offers += offerRows(academy.name, academy.coverage.rows[0]);
    return offers;
  }

  /**
   * `work-experience`, R-WEX-6 and R-WEX-9: learners by counted hours against each key stage's target, the
   * median, and the cohorts' gaps (the cohort's minus everyone else's, R-G-3).
   */
  private hoursRows(
    scope: ReportScope,
    coverage: CoverageResponse,
    academies: ComplianceFigures['academies'],
    pupilPremium: CoverageBreakdownRow[],
    sen: CoverageBreakdownRow[],
  ): string {
    let hours = '';
    const hoursRows = (
      academy: string,
      row: CoverageResponse['rows'][number],
      cohorts: CoverageBreakdownRow[],
    ) =>
      WEX_RULE_IDS.map((rule) => {
        const figures = hoursOrNone(row, rule);
        return csvRecord([
          safeText(academy),
          rule,
          row.rules[rule].applicable,
          figures.zero,
          figures.belowTarget,
          figures.atTarget,
          figures.median ?? '',
          ...['pupilPremium:yes', 'sen:K', 'sen:E'].flatMap((key) => {
            const gaps = cohorts.find((cohort) => cohort.key === key)?.hoursGaps?.[rule];
            return [gaps?.atTarget ?? '', gaps?.median ?? ''];
          }),
        ]);
      }).join('');
    if (!scope.academy) hours += hoursRows('All academies', coverage.rows[0], [...pupilPremium, ...sen]);
    for (const academy of academies) {
      hours += hoursRows(academy.name, academy.coverage.rows[0], [...academy.pupilPremium, ...academy.sen]);
    }
    return hours;
  }

  /** Every learner on roll in the scope with their rule statuses, through a server-side cursor. */
  private async *learnerRows(scope: ReportScope): AsyncGenerator<Record<string, unknown>[]> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const p = new SqlParams([scope.academicYear, scope.asAt]);
      // The enrolment's facts travel with the progress row; the one that counts at the as-at date (R-G-2).
      await runner.query(
        `DECLARE report_learners NO SCROLL CURSOR FOR
         SELECT l.upn, l.legal_surname, l.legal_forename, l.preferred_surname, l.preferred_forename,
                a.name AS academy_name, e.year_group, g.name AS group_name, e.pupil_premium, e.sen_status,
                ${STATUS_COLUMNS}
           FROM learner_progress p
           CROSS JOIN LATERAL (SELECT p.learner_id, p.academy_id, p.year_group, p.registration_group_id,
             p.pupil_premium, p.sen_status) e
           JOIN learner l ON l.id = e.learner_id
           JOIN academy a ON a.id = e.academy_id
           LEFT JOIN learning_group g ON g.id = e.registration_group_id
          WHERE p.academic_year = $1 AND ${COUNTS_AT} ${scope.academy ? `AND p.academy_id = ${p.add(scope.academy.id)}` : ''}
          ORDER BY a.name, e.academy_id, e.year_group, g.name NULLS LAST, lower(l.legal_surname), lower(l.legal_forename), l.upn`,
        p.values,
      );
      for (;;) {
        const rows: Record<string, unknown>[] = await runner.query(`FETCH ${CSV_BATCH} FROM report_learners`);
        if (!rows.length) break;
        yield rows;
        if (rows.length < CSV_BATCH) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  /** Everything the PDF shows, gathered in parallel. */
  async data(scope: ReportScope, access: AccessScope): Promise<ComplianceReportData> {
    const policyFor = await loadPolicyLookup(this.dataSource.manager);
    const policy = policyFor(scope.academicYear);
    const [figures, palEncounters, sectors, organisations, destinations] = await Promise.all([
      this.figures(scope, access),
      this.palEncounters(scope),
      this.sectorReach.load(scope, policy),
      this.organisations.engagement({
        academicYear: scope.academicYear,
        asAt: scope.asAt,
        academyIds: scope.academy ? [scope.academy.id] : null,
      }),
      this.destinations.figures(scope),
    ]);
    return {
      scope,
      ruleSet: figures.coverage.ruleSet,
      policy,
      figures,
      palEncounters,
      sectors,
      organisations,
      destinations,
    };
  }

  /** R-C-7: the year's provider-access encounters up to the as-at date, with their providers and take-up. */
  private async palEncounters(scope: ReportScope): Promise<PalEncounter[]> {
    const p = new SqlParams([scope.academicYear, scope.asAt]);
    const rows: {
      date: string;
      academy_name: string;
      title: string;
      providers: string[] | null;
      year_groups: number[] | null;
      invited: number;
      attended: number;
    }[] = await this.dataSource.query(
      `SELECT e.date::text AS date, a.name AS academy_name, e.title,
              (SELECT array_agg(o.name ORDER BY o.name) FROM encounter_organisation eo
                 JOIN organisation o ON o.id = eo.organisation_id
                WHERE eo.encounter_id = e.id AND o.type <> 'employer') AS providers,
              (SELECT array_agg(DISTINCT en.year_group ORDER BY en.year_group) FROM attendance at
                 JOIN enrolment en ON en.learner_id = at.learner_id AND en.academic_year = e.academic_year
                WHERE at.encounter_id = e.id) AS year_groups,
              (SELECT count(*) FROM attendance at WHERE at.encounter_id = e.id)::int AS invited,
              (SELECT count(*) FROM attendance at WHERE at.encounter_id = e.id AND at.status = 'attended')::int AS attended
         FROM encounter e
         JOIN academy a ON a.id = e.academy_id
        WHERE e.academic_year = $1 AND e.date <= $2::date AND e.deleted_at IS NULL
          AND 'pal_provider_encounter' = ANY (e.categories)
          ${scope.academy ? `AND e.academy_id = ${p.add(scope.academy.id)}` : ''}
        ORDER BY e.date, a.name, e.title`,
      p.values,
    );
    return rows.map((row) => ({
      date: row.date,
      academyName: row.academy_name,
      title: row.title,
      providers: row.providers ?? [],
      yearGroups: row.year_groups ?? [],
      window: palWindowOf(row.year_groups ?? []),
      invited: row.invited,
      attended: row.attended,
    }));
  }
}

/** What a CSV of a scope and year with no learner on roll says, in its one row. */
function noDataText(scope: ReportScope): string {
  const where = scope.academy ? scope.academy.name : `${scope.trustName} (all academies)`;
  return `No data: no learner of ${where} is on roll in ${academicYearLabel(scope.academicYear)} at ${scope.asAt}.`;
}
