import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Params, RouterLink } from '@angular/router';
import {
  academicYearLabel,
  COVERAGE_BREAKDOWNS,
  CoverageBreakdown,
  CoverageBreakdownRow,
  CoverageRow,
  RULE_IDS,
  RuleId,
  holdsAbility,
  isTrustWide,
  RULE_SHORT_LABELS,
} from '@encounters/domain';
import { catchError, forkJoin, map, of } from 'rxjs';

import { CoverageApi } from '../core/coverage-api';
import { httpErrorText } from '../core/http-error-text';
import { ReportsApi } from '../core/reports-api';
import { AcademicYearPicker } from '../ui/academic-year-picker';

import { AsAtPicker } from '../ui/as-at-picker';
import { choosableAcademies, CoverageQueryParams } from '../ui/coverage-query-params';
import { EmptyState } from '../ui/empty-state';
import { ChartSpec, CoverageChart } from './coverage-chart';
import {
  breadcrumbFor,
  childrenNoun,
  childTarget,
  coverageQueryFor,
  DrillDownState,
  drillInto,
} from './drill-down';
import { WORDS } from '../ui/words';
import { TwoWeeksCard } from './two-weeks-card';
import { TwoWeeksScope } from './two-weeks-worth';

/** How many academic years the trend shows, the chosen one included. */
const TREND_YEARS = 4;

interface TableRow {
  row: CoverageRow;
  /** Where the row's name leads: deeper into the dashboard, or to the class page. */
  link: { commands: unknown[]; queryParams: Params | null } | null;
}

/** A column of a rule-by-rule table: its heading, what it counts, where its name leads, and its figures. */
interface RuleColumn<Row> {
  label: string;
  count: string;
  link: TableRow['link'];
  /** The column of everyone in scope, at the right. */
  total: boolean;
  /** Its figures; none when the year has no records. */
  row: Row | null;
}

function learnersColumn<Row extends CoverageRow>(
  label: string,
  row: Row,
  link: TableRow['link'] = null,
): RuleColumn<Row> {
  return { label, count: `${row.learners} learners`, link, total: false, row };
}

/**
 * Leadership's view of the year: each academy's (then year group's, then class's) share of learners meeting
 * each rule, the gaps for disadvantaged and other cohorts, the sectors reached and the trend. Where the user
 * is lives in the address (`?year&asAt&academy&yearGroup&breakdown`), so that it can be shared and the back
 * button walks back up.
 */
@Component({
  selector: 'enc-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademicYearPicker,
    AsAtPicker,
    CoverageChart,
    EmptyState,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    NgTemplateOutlet,
    RouterLink,
    TwoWeeksCard,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
})
export class Dashboard extends CoverageQueryParams {
  /** Query parameter: the cohorts to compare. */
  readonly breakdown = input<string>();

  private readonly coverageApi = inject(CoverageApi);
  private readonly reportsApi = inject(ReportsApi);

  protected readonly breakdowns = COVERAGE_BREAKDOWNS;

  protected readonly trustWide = computed(() => isTrustWide(this.session.roles()));
  /** The report endpoints refuse careers advisers; the buttons are not offered to them. */
  protected readonly canDownloadReports = computed(() => holdsAbility(this.session.roles(), 'readReports'));
  protected readonly chosenBreakdown = computed(() => {
    const breakdown = this.breakdown();
    return (COVERAGE_BREAKDOWNS as readonly string[]).includes(breakdown ?? '')
      ? (breakdown as CoverageBreakdown)
      : null;
  });

  private readonly academies = choosableAcademies();
  protected readonly ownAcademies = computed(() => (this.trustWide() ? [] : this.academies.value()));

  protected readonly state = computed<DrillDownState>(() => {
    const academyId =
      this.academy() || (this.trustWide() ? null : (this.session.user()?.academies[0]?.id ?? null));
    const yearGroup = Number(this.yearGroup());
    return {
      academyId,
      yearGroup: academyId && Number.isInteger(yearGroup) && this.yearGroup() ? yearGroup : null,
    };
  });
  protected readonly query = computed(() =>
    coverageQueryFor(this.state(), {
      trustWide: this.trustWide(),
      academicYear: this.academicYear(),
      asAt: this.asAtDate(),
    }),
  );
  protected readonly breadcrumb = computed(() =>
    breadcrumbFor(this.state(), {
      trustWide: this.trustWide(),
      academyName: (id) => this.academies.value().find((academy) => academy.id === id)?.name ?? 'Academy',
    }),
  );
  protected readonly childrenNoun = computed(() => childrenNoun(this.query()));

  protected readonly coverage = rxResource({
    params: () => this.query() ?? undefined,
    stream: ({ params }) => this.coverageApi.coverage(params),
  });
  protected readonly coverageError = computed(() =>
    this.coverage.error()
      ? httpErrorText(
          this.coverage.error(),
          'This academy or year group was not found, or is not one you can see.',
        )
      : null,
  );
  protected readonly scopeRow = computed(() =>
    this.coverage.hasValue() ? this.coverage.value().rows[0] : null,
  );
  /** The rules that apply to someone in scope; the others would be a column of "n/a". */
  protected readonly rules = computed<RuleId[]>(() => {
    const scope = this.scopeRow();
    return scope ? RULE_IDS.filter((rule) => scope.rules[rule].applicable > 0) : [];
  });
  protected readonly tableRows = computed<TableRow[]>(() => {
    if (!this.coverage.hasValue()) return [];
    return this.coverage
      .value()
      .rows.slice(1)
      .map((row) => ({ row, link: this.linkFor(row.key) }));
  });
  protected readonly coverageColumns = computed<RuleColumn<CoverageRow>[]>(() => {
    const scope = this.scopeRow();
    if (!scope) return [];
    return [
      ...this.tableRows().map(({ row, link }) => learnersColumn(row.label, row, link)),
      { ...learnersColumn(scope.label === 'Trust' ? 'Whole trust' : 'All', scope), total: true },
    ];
  });
  protected readonly chart = computed<ChartSpec | null>(() => {
    const scope = this.scopeRow();
    if (!scope) return null;
    const rows = this.tableRows().length ? this.tableRows().map(({ row }) => row) : [scope];
    return {
      type: 'bar',
      categories: this.rules().map((rule) => RULE_SHORT_LABELS[rule]),
      series: rows.map((row) => ({
        label: row.label,
        values: this.rules().map((rule) => row.rules[rule].percent),
      })),
    };
  });

  /** The "Two weeks' worth" card: each academy of the trust, or the academy (or year group) on show. */
  protected readonly twoWeeksScopes = computed<TwoWeeksScope[]>(() => {
    const query = this.query();
    const scope = this.scopeRow();
    if (!query || !scope) return [];
    const { academicYear, asAt } = query;
    if (query.scope !== 'trust') {
      return [{ label: scope.label, query }];
    }
    return this.tableRows().flatMap(({ row }) => {
      const target = childTarget(row.key);
      return target?.kind === 'academy'
        ? [
            {
              label: row.label,
              query: { scope: 'academy' as const, id: target.academyId, academicYear, asAt },
            },
          ]
        : [];
    });
  });

  protected readonly breakdownCoverage = rxResource({
    params: () => {
      const query = this.query();
      const breakdown = this.chosenBreakdown();
      return query && breakdown ? { ...query, breakdown } : undefined;
    },
    stream: ({ params }) => this.coverageApi.coverage(params),
  });
  protected readonly breakdownRows = computed(() =>
    this.breakdownCoverage.hasValue()
      ? (this.breakdownCoverage.value().rows.slice(1) as CoverageBreakdownRow[])
      : [],
  );

  protected readonly breakdownColumns = computed(() =>
    this.breakdownRows().map((row) => learnersColumn(row.label, row)),
  );

  protected readonly trendYears = computed(() =>
    Array.from({ length: TREND_YEARS }, (_, index) => this.academicYear() - TREND_YEARS + 1 + index),
  );
  protected readonly trend = rxResource({
    params: () => {
      const query = this.query();
      return query ? { query, years: this.trendYears() } : undefined;
    },
    stream: ({ params }) =>
      forkJoin(
        params.years.map((year) =>
          this.coverageApi
            .coverage({
              ...params.query,
              academicYear: year,
              asAt: year === params.query.academicYear ? params.query.asAt : `${year + 1}-07-31`,
            })
            .pipe(
              map((answer) => ({
                year,
                asAt: answer.asAt,
                row: answer.rows[0].learners ? answer.rows[0] : null,
              })),
              catchError(() => of({ year, asAt: null, row: null })),
            ),
        ),
      ),
  });
  protected readonly trendColumns = computed<RuleColumn<CoverageRow>[]>(() =>
    this.trend.hasValue()
      ? this.trend.value().map(({ year, asAt, row }) => ({
          label: WORDS.year(year),
          count: row && asAt ? `${row.learners} learners, at ${WORDS.date(asAt)}` : 'no records',
          link: null,
          total: false,
          row,
        }))
      : [],
  );
  protected readonly trendWithData = computed(() =>
    this.trend.hasValue() ? this.trend.value().filter((entry) => entry.row !== null) : [],
  );
  protected readonly trendChart = computed<ChartSpec | null>(() => {
    const years = this.trendWithData();
    if (years.length < 2) return null;
    return {
      type: 'line',
      categories: years.map((entry) => academicYearLabel(entry.year)),
      series: this.rules().map((rule) => ({
        label: RULE_SHORT_LABELS[rule],
        values: years.map((entry) => entry.row?.rules[rule].percent ?? null),
      })),
    };
  });

  /** Sectors reached, as the compliance PDF counts them: one endpoint, one definition (`sectorReachOf`). */
  private readonly sectorSource = rxResource({
    params: () => ({
      academicYear: this.academicYear(),
      asAt: this.asAtDate(),
      academyId: this.state().academyId ?? undefined,
    }),
    stream: ({ params }) => this.reportsApi.sectorReach(params),
  });
  protected readonly sectorsLoading = this.sectorSource.isLoading;
  protected readonly sectorsError = computed(() => Boolean(this.sectorSource.error()));
  protected readonly sectors = computed(() => {
    if (!this.sectorSource.hasValue()) return null;
    const reach = this.sectorSource.value();
    const share = (part: number, whole: number) => (whole ? Math.round((100 * part) / whole) : null);
    return {
      ...reach,
      rows: reach.rows
        .filter((row) => row.priority || row.encounters > 0)
        .map((row) => ({
          ...row,
          encounterShare: share(row.encounters, reach.totalEncounters),
          learnerShare: share(row.learners, reach.totalLearners),
        })),
    };
  });
  protected readonly academyName = computed(() => {
    const academyId = this.state().academyId;
    return academyId
      ? (this.academies.value().find((academy) => academy.id === academyId)?.name ?? 'the academy')
      : null;
  });

  protected readonly reportLinks = computed(() => {
    const query = {
      academicYear: this.academicYear(),
      asAt: this.asAtDate(),
      academyId: this.state().academyId ?? undefined,
    };
    return {
      pdf: this.reportsApi.complianceUrl({ ...query, format: 'pdf' }),
      csv: this.reportsApi.complianceUrl({ ...query, format: 'csv' }),
    };
  });

  protected setBreakdown(breakdown: CoverageBreakdown | '' | null): void {
    void this.navigate({ breakdown: breakdown || null });
  }

  protected setAcademy(academy: string): void {
    void this.navigate({ academy, yearGroup: null });
  }

  protected crumbParams(state: DrillDownState): Params {
    return { academy: state.academyId, yearGroup: state.yearGroup };
  }

  protected print(): void {
    window.print();
  }

  protected gapText(gap: number | null): string {
    if (gap === null) return '—';
    if (gap === 0) return 'level';
    return `${gap > 0 ? '+' : '−'}${Math.abs(gap).toFixed(1)} pts`;
  }

  private linkFor(key: string): TableRow['link'] {
    const target = childTarget(key);
    if (target?.kind === 'group') {
      return {
        commands: ['/classes', target.groupId],
        queryParams: { year: this.academicYear(), asAt: this.asAtDate() },
      };
    }
    const next = drillInto(this.state(), target);
    return next
      ? { commands: [], queryParams: { academy: next.academyId, yearGroup: next.yearGroup } }
      : null;
  }
}
