import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Params, Router, RouterLink } from '@angular/router';
import { AcademicYear, CoverageLearnerRow, RuleId, isAcademyStaff } from '@encounters/domain';
import { map, of } from 'rxjs';

import { CoverageApi } from '../core/coverage-api';
import { GroupsApi } from '../core/groups-api';
import { httpErrorText } from '../core/http-error-text';
import { Session } from '../core/session';
import { AcademicYearPicker } from '../ui/academic-year-picker';

import { AsAtPicker } from '../ui/as-at-picker';
import { choosableAcademies, CoverageQueryParams } from '../ui/coverage-query-params';
import { EmptyState } from '../ui/empty-state';
import { StatusChip } from '../ui/status-chip';
import { applicableRules, needsSomethingThisTerm, sortGapsFirst, unmetRules } from './learner-gaps';
import { WORDS } from '../ui/words';

interface LearnerLine {
  row: CoverageLearnerRow;
  unmet: number;
}

/**
 * "Who in my class still needs what?": one row per learner, one column per rule that applies to the class,
 * learners with the most gaps first. Teachers pick from the classes they teach; academy staff pick an
 * academy, a year group and a class.
 */
@Component({
  selector: 'enc-class-coverage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademicYearPicker,
    AsAtPicker,
    EmptyState,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './class-coverage.html',
  styleUrl: './class-coverage.scss',
})
export class ClassCoverage extends CoverageQueryParams {
  /** From the route, `/classes/:groupId`. */
  readonly groupId = input<string>();

  private readonly router = inject(Router);
  private readonly session = inject(Session);
  private readonly groupsApi = inject(GroupsApi);
  private readonly coverageApi = inject(CoverageApi);

  protected readonly words = WORDS;
  protected readonly onlyThisTerm = signal(false);

  protected readonly academyStaff = computed(() => isAcademyStaff(this.session.roles()));

  protected readonly academies = choosableAcademies(() => this.academyStaff());

  /** The class on show: its academy and year group place the pickers. */
  protected readonly group = rxResource({
    params: () => this.groupId() || undefined,
    stream: ({ params }) => this.groupsApi.get(params),
  });

  protected readonly chosenAcademyId = computed(
    () =>
      this.academy() ||
      (this.group.hasValue() ? this.group.value().academyId : null) ||
      (this.academies.value()[0]?.id ?? null),
  );
  protected readonly chosenYearGroup = computed(() => {
    const fromQuery = Number(this.yearGroup());
    if (this.yearGroup() && Number.isInteger(fromQuery)) return fromQuery;
    return this.group.hasValue() ? this.group.value().yearGroup : null;
  });

  /** The classes to choose from: a teacher's own, or every class of the chosen academy. */
  protected readonly groups = rxResource({
    params: () => ({
      staff: this.academyStaff(),
      // Read only for staff, so that a teacher's list is not asked for again when the class loads.
      academyId: this.academyStaff() ? this.chosenAcademyId() : null,
      academicYear: this.academicYear(),
      own: this.session.user()?.groupIds ?? [],
    }),
    stream: ({ params }) => {
      if (params.staff && !params.academyId) return of([]);
      return this.groupsApi
        .list({
          academyId: params.staff ? (params.academyId ?? undefined) : undefined,
          academicYear: params.academicYear,
        })
        .pipe(
          map((groups) =>
            (params.staff ? groups : groups.filter((group) => params.own.includes(group.id))).sort((a, b) =>
              a.name.localeCompare(b.name, 'en-GB', { numeric: true }),
            ),
          ),
        );
    },
    defaultValue: [],
  });
  protected readonly yearGroups = computed(() =>
    [
      ...new Set(
        this.groups
          .value()
          .map((group) => group.yearGroup)
          .filter((year) => year !== null),
      ),
    ].sort((a, b) => a - b),
  );
  protected readonly groupsInYear = computed(() => {
    const yearGroup = this.chosenYearGroup();
    return yearGroup === null ? [] : this.groups.value().filter((group) => group.yearGroup === yearGroup);
  });

  protected readonly coverage = rxResource({
    params: () => {
      const id = this.groupId();
      return id
        ? { scope: 'group' as const, id, academicYear: this.academicYear(), asAt: this.asAtDate() }
        : undefined;
    },
    stream: ({ params }) => this.coverageApi.learners(params),
  });
  protected readonly error = computed(() => {
    const error = this.coverage.error() ?? this.group.error();
    return error
      ? httpErrorText(
          error,
          'This class was not found, or it is not one you can see. Choose one of your classes above.',
        )
      : null;
  });
  protected readonly groupName = computed(() => {
    if (this.group.hasValue()) return this.group.value().name;
    const rows = this.coverage.hasValue() ? this.coverage.value().rows : [];
    return rows[0]?.group ?? 'Class';
  });

  private readonly sorted = computed(() =>
    this.coverage.hasValue() ? sortGapsFirst(this.coverage.value().rows) : [],
  );
  protected readonly rules = computed<RuleId[]>(() => applicableRules(this.sorted()));
  protected readonly needingCount = computed(
    () => this.sorted().filter((row) => needsSomethingThisTerm(row.statuses)).length,
  );
  protected readonly withGapsCount = computed(
    () => this.sorted().filter((row) => unmetRules(row.statuses).length).length,
  );
  protected readonly lines = computed<LearnerLine[]>(() =>
    this.sorted()
      .filter((row) => !this.onlyThisTerm() || needsSomethingThisTerm(row.statuses))
      .map((row) => ({ row, unmet: unmetRules(row.statuses).length })),
  );

  protected setYear(year: AcademicYear): void {
    void this.router.navigate([], { queryParams: { year, asAt: null }, queryParamsHandling: 'merge' });
  }

  protected setAsAt(asAt: string): void {
    void this.router.navigate([], { queryParams: { asAt }, queryParamsHandling: 'merge' });
  }

  protected setAcademy(academy: string): void {
    void this.router.navigate(['/classes'], {
      queryParams: { ...this.keptParams(), academy, yearGroup: null },
    });
  }

  protected setYearGroup(yearGroup: number): void {
    void this.router.navigate(['/classes'], {
      queryParams: { ...this.keptParams(), academy: this.chosenAcademyId(), yearGroup },
    });
  }

  protected setGroup(groupId: string): void {
    void this.router.navigate(['/classes', groupId], {
      queryParams: {
        ...this.keptParams(),
        academy: this.chosenAcademyId(),
        yearGroup: this.chosenYearGroup(),
      },
    });
  }

  protected classParams(): Params {
    return this.keptParams();
  }

  private keptParams(): Params {
    return { year: this.year() ?? null, asAt: this.asAt() ?? null };
  }
}
