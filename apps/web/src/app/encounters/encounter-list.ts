import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  EncounterCategory,
  EncounterListItem,
  formatBritishDate,
  isMeaningfulFor,
  meaningfulBenchmarkFor,
  MeaningfulBenchmark,
  holdsAbility,
  ENCOUNTER_FORMAT_LABELS,
} from '@encounters/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { EncountersApi } from '../core/encounters-api';
import { OrganisationsApi } from '../core/organisations-api';
import { Session } from '../core/session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { confirmAction } from '../ui/confirm-dialog';
import { EmptyState } from '../ui/empty-state';

/** Short names for the list, where the full nouns would crowd the table. */
const CATEGORY_TAGS: Readonly<Record<EncounterCategory, string>> = {
  employer_encounter: 'Employer (B5)',
  workplace_experience: 'Workplace (B6)',
  education_provider_encounter: 'Provider (B7)',
  he_visit: 'HE visit',
  personal_guidance_meeting: 'Guidance (B8)',
  specialist_careers_advice: 'Specialist advice',
  pal_provider_encounter: 'Provider access',
};

/** Every encounter logged, newest first, with filters; careers leads open one to change or delete it. */
@Component({
  selector: 'enc-encounter-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorMessage,
    EmptyState,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
  ],
  template: `
    <div class="title-row">
      <h1>Encounters</h1>
      @if (canWrite()) {
        <a matButton="filled" routerLink="/log-encounter">Log an encounter</a>
      }
    </div>
    <form class="filters" aria-label="Filter encounters" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline">
        <mat-label>Academy</mat-label>
        <mat-select [value]="academy()" (valueChange)="setFilter(academy, $event)">
          <mat-option [value]="''">All my academies</mat-option>
          @for (item of academies(); track item.id) {
            <mat-option [value]="item.id">{{ item.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>From</mat-label>
        <input matInput type="date" [value]="from()" (change)="setFilter(from, $any($event.target).value)" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>To</mat-label>
        <input matInput type="date" [value]="to()" (change)="setFilter(to, $any($event.target).value)" />
      </mat-form-field>
      <mat-form-field appearance="outline" class="organisation-filter">
        <mat-label>Organisation</mat-label>
        <mat-select [value]="organisation()" (valueChange)="setFilter(organisation, $event)">
          <mat-option [value]="''">Any organisation</mat-option>
          @for (item of organisations(); track item.id) {
            <mat-option [value]="item.id">{{ item.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (filtered()) {
        <button matButton type="button" (click)="clearFilters()">Clear filters</button>
      }
    </form>

    @if (encounters.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading encounters" />
    }
    <enc-api-error-message [error]="encounters.error() ?? actionError()" />

    @if (page(); as result) {
      @if (result.items.length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="result.items" class="table">
            <caption class="visually-hidden">
              Encounters, newest first
            </caption>
            <ng-container matColumnDef="date">
              <th mat-header-cell *matHeaderCellDef scope="col">Date</th>
              <td mat-cell *matCellDef="let row" class="date">{{ dates(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="title">
              <th mat-header-cell *matHeaderCellDef scope="col">Encounter</th>
              <td mat-cell *matCellDef="let row" class="title">
                @if (canWrite()) {
                  <a [routerLink]="['/encounters', row.id]">{{ row.title }}</a>
                } @else {
                  <strong>{{ row.title }}</strong>
                }
                <div class="meta">{{ formatLabel(row) }}</div>
              </td>
            </ng-container>
            <ng-container matColumnDef="organisations">
              <th mat-header-cell *matHeaderCellDef scope="col">Organisations</th>
              <td mat-cell *matCellDef="let row">{{ organisationNames(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="countsAs">
              <th mat-header-cell *matHeaderCellDef scope="col">Counts as</th>
              <td mat-cell *matCellDef="let row">
                <ul class="tags">
                  @for (tag of countsAs(row); track tag) {
                    <li>{{ tag }}</li>
                  } @empty {
                    <li class="none">No benchmark</li>
                  }
                </ul>
                @if (notMeaningful(row); as missing) {
                  <div class="warning">Checklist incomplete for {{ missing }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="attended">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Attended</th>
              <td mat-cell *matCellDef="let row" class="number">{{ row.attendedCount }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
              <td mat-cell *matCellDef="let row" class="nowrap">
                <a matButton [routerLink]="['/encounters', row.id]" [attr.aria-label]="'Edit ' + row.title"
                  >Edit</a
                >
                <button
                  matButton
                  type="button"
                  class="delete"
                  (click)="remove(row)"
                  [attr.aria-label]="'Delete ' + row.title"
                >
                  Delete
                </button>
              </td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns()"></tr>
            <tr mat-row *matRowDef="let row; columns: columns()"></tr>
          </table>
        </div>
        <mat-paginator
          [length]="result.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="[10, 25, 50, 100]"
          (page)="turnPage($event)"
          aria-label="Pages of encounters"
        />
      } @else if (filtered()) {
        <enc-empty-state heading="No encounters match these filters">
          Try a wider date range, another academy or any organisation.
        </enc-empty-state>
      } @else {
        <enc-empty-state heading="No encounters logged yet">
          Encounters will be listed here, newest first, as soon as they are logged.
        </enc-empty-state>
      }
    }
  `,
  styles: `
    .title-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0 1rem;
    }
    .organisation-filter {
      min-width: 16rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .warning {
      color: #8a4b00;
      font: var(--mat-sys-body-small);
    }
    .number {
      text-align: right;
    }
    .date {
      min-width: 6.5rem;
    }
    .title {
      min-width: 14rem;
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tags li {
      padding: 0.125rem 0.5rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .tags .none {
      background: none;
      color: var(--mat-sys-on-surface-variant);
    }
    .nowrap {
      white-space: nowrap;
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class EncounterList {
  private readonly api = inject(EncountersApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** Query parameters, e.g. `?academyId=` after logging an encounter. */
  readonly academyId = input<string>();

  protected readonly canWrite = computed(() => holdsAbility(this.session.roles(), 'logEncounter'));
  protected readonly columns = computed(() =>
    this.canWrite()
      ? ['date', 'title', 'organisations', 'countsAs', 'attended', 'actions']
      : ['date', 'title', 'organisations', 'countsAs', 'attended'],
  );

  protected readonly academies = toSignal(
    inject(ApiClient)
      .academies()
      .pipe(catchError(() => of([]))),
    {
      initialValue: [],
    },
  );
  protected readonly organisations = toSignal(
    inject(OrganisationsApi)
      .list({ pageSize: 500 })
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  protected readonly academy = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly organisation = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  protected readonly actionError = signal<unknown>(null);
  protected readonly filtered = computed(
    () => !!(this.academy() || this.from() || this.to() || this.organisation()),
  );

  protected readonly encounters = rxResource({
    params: () => ({
      academyId: this.academy() || this.academyId() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
      organisationId: this.organisation() || undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    }),
    stream: ({ params }) => this.api.list(params),
  });
  /** The last page shown stays on screen while the next loads. */
  protected readonly page = computed(() =>
    this.encounters.hasValue() ? this.encounters.value() : undefined,
  );

  protected setFilter(filter: { set(value: string): void }, value: string): void {
    filter.set(value ?? '');
    this.pageIndex.set(0);
  }

  protected clearFilters(): void {
    for (const filter of [this.academy, this.from, this.to, this.organisation]) filter.set('');
    this.pageIndex.set(0);
  }

  protected turnPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected dates(row: EncounterListItem): string {
    return row.endDate && row.endDate !== row.date
      ? `${formatBritishDate(row.date)} to ${formatBritishDate(row.endDate)}`
      : formatBritishDate(row.date);
  }

  protected formatLabel(row: EncounterListItem): string {
    return ENCOUNTER_FORMAT_LABELS[row.format];
  }

  protected organisationNames(row: EncounterListItem): string {
    return row.organisations.map((organisation) => organisation.name).join(', ');
  }

  protected countsAs(row: EncounterListItem): string[] {
    return row.categories.map((category) => CATEGORY_TAGS[category]);
  }

  /** The benchmarks whose checklist is not complete, so the careers lead can finish it. */
  protected notMeaningful(row: EncounterListItem): string {
    const benchmarks = new Set(
      row.categories
        .map(meaningfulBenchmarkFor)
        .filter((benchmark): benchmark is MeaningfulBenchmark => benchmark !== null),
    );
    return [...benchmarks].filter((benchmark) => !isMeaningfulFor(benchmark, row.meaningful)).join(', ');
  }

  protected async remove(row: EncounterListItem): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: 'Delete this encounter?',
      message: `"${row.title}" on ${formatBritishDate(row.date)} and its attendance of ${row.attendedCount} learners will be removed from every learner's record.`,
      confirmLabel: 'Delete encounter',
    });
    if (!confirmed) return;
    this.actionError.set(null);
    try {
      await firstValueFrom(this.api.delete(row.id));
      this.snackBar.open('Encounter deleted.', undefined, { duration: 4000 });
      this.encounters.reload();
    } catch (error) {
      this.actionError.set(error);
    }
  }
}
