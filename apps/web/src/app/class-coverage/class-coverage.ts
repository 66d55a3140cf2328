import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Params, RouterLink } from '@angular/router';
import { CoverageLearnerRow, RuleId, isAcademyStaff } from '@encounters/domain';
import { map, of } from 'rxjs';

import { CoverageApi } from '../core/coverage-api';
import { GroupsApi } from '../core/groups-api';
import { LearnersApi } from '../core/learners-api';
import { LearnerWorkExperience } from '../learner-record/work-experience-ledger';
import { httpErrorText } from '../core/http-error-text';
import { AcademicYearPicker } from '../ui/academic-year-picker';

import { AsAtPicker } from '../ui/as-at-picker';
import { choosableAcademies, CoverageQueryParams } from '../ui/coverage-query-params';
import { EmptyState } from '../ui/empty-state';
import { StatusChip } from '../ui/status-chip';
import {
  applicableRules,
  ClassSort,
  ClassSortColumn,
  firstDirection,
  needsSomethingThisTerm,
  REGISTER_ORDER,
  sortLearners,
  unmetRules,
} from './learner-gaps';
import { WORDS } from '../ui/words';
import { hoursShort, isWexColumn, WEX_COLUMNS, wexNote } from './wex-hours';

type WexEntry =
  | { state: 'loading' }
  | { state: 'failed' }
  | { state: 'loaded'; workExperience: LearnerWorkExperience | null };

interface LearnerLine {
  row: CoverageLearnerRow;
  unmet: number;
}

/**
 * "Who in my class still needs what?": one row per learner, one column per rule that applies to the class,
 * in register order (surname, forename) until the user sorts by another column. Teachers pick from the
 * classes they teach; academy staff pick an academy, a year group and a class.
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
    MatTooltipModule,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './class-coverage.html',
  styleUrl: './class-coverage.scss',
})
export class ClassCoverage extends CoverageQueryParams {
  /** From the route, `/classes/:groupId`. */
  readonly groupId = input<string>();

  private readonly groupsApi = inject(GroupsApi);
  private readonly coverageApi = inject(CoverageApi);
  private readonly learnersApi = inject(LearnersApi);

  /** Each learner's work-experience hours, loaded when their WEX cell is hovered or focused. */
  private readonly wexHours = signal<Record<string, WexEntry>>({});
  protected readonly isWexColumn = isWexColumn;

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

  /** The column the table is sorted by; register order until a heading is chosen. */
  protected readonly sort = signal<ClassSort>(REGISTER_ORDER);
  private readonly sorted = computed(() =>
    this.coverage.hasValue() ? sortLearners(this.coverage.value().rows, this.sort()) : [],
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

  private wexKey(learnerId: string): string {
    return `${this.academicYear()}|${this.asAtDate()}|${learnerId}`;
  }

  /** Loads the learner's hours once, for the note of their work-experience cells (R-WEX-5). */
  protected loadWex(learnerId: string): void {
    const key = this.wexKey(learnerId);
    if (this.wexHours()[key]) return;
    this.wexHours.update((all) => ({ ...all, [key]: { state: 'loading' } }));
    this.learnersApi
      .detail(learnerId, { academicYear: this.academicYear(), asAt: this.asAtDate() })
      .subscribe({
        next: (detail) =>
          this.wexHours.update((all) => ({
            ...all,
            [key]: {
              state: 'loaded',
              workExperience: detail.workExperience ?? null,
            },
          })),
        error: () => this.wexHours.update((all) => ({ ...all, [key]: { state: 'failed' } })),
      });
  }

  /** The hover and focus note of a work-experience cell. */
  protected wexTip(learnerId: string, rule: RuleId): string {
    return `${WORDS.ruleShort[rule]}: ${wexNote(rule, this.wexHours()[this.wexKey(learnerId)])}`;
  }

  /** The hours shown in the cell once loaded, done / target: "12.5 / 25 h". */
  protected wexShown(learnerId: string, rule: RuleId): string | null {
    const entry = this.wexHours()[this.wexKey(learnerId)];
    const keyStage = WEX_COLUMNS[rule];
    if (!keyStage || entry?.state !== 'loaded' || !entry.workExperience) return null;
    return hoursShort(entry.workExperience[keyStage]);
  }

  /** Sorts by `column`; choosing the column already sorted by turns its direction round. */
  protected sortBy(column: ClassSortColumn): void {
    const current = this.sort();
    this.sort.set(
      current.column === column
        ? { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: firstDirection(column) },
    );
  }

  /** `aria-sort` of a column heading: only the column sorted by carries it. */
  protected ariaSort(column: ClassSortColumn): string | null {
    return this.sort().column === column ? this.sort().direction : null;
  }

  /** The order in words, for the table's caption. */
  protected readonly orderInWords = computed(() => {
    const { column, direction } = this.sort();
    if (column === 'learner')
      return direction === 'ascending'
        ? 'in register order (surname, forename)'
        : 'in reverse register order';
    if (column === 'unmet')
      return direction === 'descending' ? 'most still to meet first' : 'fewest still to meet first';
    return `by ${WORDS.ruleShort[column]}, ${direction === 'descending' ? 'most in need first' : 'least in need first'}`;
  });

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
