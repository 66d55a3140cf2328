import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  formatBritishDate,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  OrganisationType,
  Sector,
  SECTORS,
  holdsAbility,
} from '@encounters/domain';
import { debounceTime, distinctUntilChanged } from 'rxjs';

import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { Session } from '../core/session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { EmptyState } from '../ui/empty-state';
import { openOrganisationDialog } from './organisation-dialog';

/** The trust-wide directory of employers and providers, with how much each has done with our learners. */
@Component({
  selector: 'enc-organisation-list',
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
  ],
  template: `
    <div class="title-row">
      <h1>Organisations</h1>
      @if (canWrite()) {
        <button matButton="filled" type="button" (click)="create()">Add organisation</button>
      }
    </div>
    <p class="intro">
      Employers, colleges, universities and training providers the trust works with, and how many encounters
      and learners each has reached in your academies.
    </p>
    <form class="filters" aria-label="Filter organisations" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline" class="search">
        <mat-label>Search by name</mat-label>
        <input matInput type="search" [value]="search()" (input)="search.set($any($event.target).value)" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Type</mat-label>
        <mat-select [value]="type()" (valueChange)="type.set($event); pageIndex.set(0)">
          <mat-option [value]="''">Any type</mat-option>
          @for (item of types; track item) {
            <mat-option [value]="item">{{ typeLabels[item] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" class="sector">
        <mat-label>Sector</mat-label>
        <mat-select [value]="sector()" (valueChange)="sector.set($event); pageIndex.set(0)">
          <mat-option [value]="''">Any sector</mat-option>
          @for (item of sectors; track item) {
            <mat-option [value]="item">{{ item }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    </form>

    @if (organisations.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading organisations" />
    }
    <enc-api-error-message [error]="organisations.error()" />

    @if (page(); as result) {
      @if (result.items.length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="result.items">
            <caption class="visually-hidden">
              Organisations
            </caption>
            <ng-container matColumnDef="name">
              <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
              <td mat-cell *matCellDef="let row" class="name">
                <strong>{{ row.name }}</strong>
                @if (row.offersTechnicalEducation) {
                  <div class="meta">Technical education or apprenticeships</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="type">
              <th mat-header-cell *matHeaderCellDef scope="col">Type</th>
              <td mat-cell *matCellDef="let row">{{ typeLabel(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="sectors">
              <th mat-header-cell *matHeaderCellDef scope="col">Sectors</th>
              <td mat-cell *matCellDef="let row">{{ row.sectors.join(', ') || '—' }}</td>
            </ng-container>
            <ng-container matColumnDef="encounters">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Encounters</th>
              <td mat-cell *matCellDef="let row" class="number">{{ row.engagement?.encounters ?? 0 }}</td>
            </ng-container>
            <ng-container matColumnDef="learners">
              <th mat-header-cell *matHeaderCellDef scope="col" class="number">Learners reached</th>
              <td mat-cell *matCellDef="let row" class="number">{{ row.engagement?.learners ?? 0 }}</td>
            </ng-container>
            <ng-container matColumnDef="last">
              <th mat-header-cell *matHeaderCellDef scope="col">Last encounter</th>
              <td mat-cell *matCellDef="let row" class="nowrap">{{ lastEncounter(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="actions">
              <th mat-header-cell *matHeaderCellDef scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
              <td mat-cell *matCellDef="let row">
                <button matButton type="button" (click)="edit(row)" [attr.aria-label]="'Edit ' + row.name">
                  Edit
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
          aria-label="Pages of organisations"
        />
      } @else if (filtered()) {
        <enc-empty-state heading="No organisations match">
          Try another spelling, or clear the type and sector filters.
        </enc-empty-state>
      } @else {
        <enc-empty-state heading="No organisations yet">
          Add the employers and providers you work with, or add them as you log encounters.
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
    .intro {
      max-width: 48rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .search {
      flex: 1 1 16rem;
    }
    .sector {
      min-width: 18rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .number {
      text-align: right;
    }
    .nowrap {
      white-space: nowrap;
    }
    .name {
      min-width: 14rem;
    }
  `,
})
export class OrganisationList {
  private readonly api = inject(OrganisationsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly types = ORGANISATION_TYPES;
  protected readonly typeLabels = ORGANISATION_TYPE_LABELS;
  protected readonly sectors = SECTORS;
  protected readonly canWrite = computed(() => holdsAbility(this.session.roles(), 'manageOrganisations'));
  protected readonly columns = computed(() => {
    const columns = ['name', 'type', 'sectors', 'encounters', 'learners', 'last'];
    return this.canWrite() ? [...columns, 'actions'] : columns;
  });

  protected readonly search = signal('');
  private readonly query = toSignal(
    toObservable(this.search).pipe(debounceTime(200), distinctUntilChanged()),
    {
      initialValue: '',
    },
  );
  protected readonly type = signal<OrganisationType | ''>('');
  protected readonly sector = signal<Sector | ''>('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  protected readonly filtered = computed(() => !!(this.query().trim() || this.type() || this.sector()));

  protected readonly organisations = rxResource({
    params: () => ({
      q: this.query().trim() || undefined,
      type: this.type() || undefined,
      sector: this.sector() || undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    }),
    stream: ({ params }) => this.api.list(params),
  });
  protected readonly page = computed(() =>
    this.organisations.hasValue() ? this.organisations.value() : undefined,
  );

  constructor() {
    toObservable(this.query).subscribe(() => this.pageIndex.set(0));
  }

  protected typeLabel(row: OrganisationView): string {
    return ORGANISATION_TYPE_LABELS[row.type];
  }

  protected lastEncounter(row: OrganisationView): string {
    const last = row.engagement?.lastEncounterOn;
    return last ? formatBritishDate(last) : 'None yet';
  }

  protected turnPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected create(): void {
    openOrganisationDialog(this.dialog, {})
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} added to the directory.`, undefined, { duration: 4000 });
        this.organisations.reload();
      });
  }

  protected edit(organisation: OrganisationView): void {
    openOrganisationDialog(this.dialog, { organisation })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} saved.`, undefined, { duration: 4000 });
        this.organisations.reload();
      });
  }
}
