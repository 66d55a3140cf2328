import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { AuditEntryResponse } from '@encounters/domain';
import { catchError, debounceTime, distinctUntilChanged, of } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { ApiErrorMessage } from '../ui/api-error-message';
import { EmptyState } from '../ui/empty-state';

/** Who created, changed, deleted or exported what, and when; newest first. */
@Component({
  selector: 'enc-audit-log',
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
    <h2>Audit log</h2>
    <form class="filters" aria-label="Filter the audit log" (submit)="$event.preventDefault()">
      <mat-form-field appearance="outline">
        <mat-label>User</mat-label>
        <mat-select [value]="userId()" (valueChange)="set(userId, $event)">
          <mat-option [value]="''">Anyone</mat-option>
          @for (user of users(); track user.id) {
            <mat-option [value]="user.id">{{ user.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Action</mat-label>
        <input
          matInput
          [value]="action()"
          (input)="action.set($any($event.target).value)"
          placeholder="e.g. encounter.create"
        />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Record type</mat-label>
        <input
          matInput
          [value]="entityType()"
          (input)="entityType.set($any($event.target).value)"
          placeholder="e.g. learner"
        />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Academy</mat-label>
        <mat-select [value]="academyId()" (valueChange)="set(academyId, $event)">
          <mat-option [value]="''">Any academy</mat-option>
          @for (academy of academies(); track academy.id) {
            <mat-option [value]="academy.id">{{ academy.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>From</mat-label>
        <input matInput type="date" [value]="from()" (change)="set(from, $any($event.target).value)" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>To</mat-label>
        <input matInput type="date" [value]="to()" (change)="set(to, $any($event.target).value)" />
      </mat-form-field>
    </form>
    @if (entries.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the audit log" />
    }
    <enc-api-error-message [error]="entries.error()" />
    @if (page(); as result) {
      @if (result.items.length) {
        <div class="table-wrap">
          <table mat-table [dataSource]="result.items">
            <caption class="visually-hidden">
              Audit log, newest first
            </caption>
            <ng-container matColumnDef="at">
              <th mat-header-cell *matHeaderCellDef scope="col">When</th>
              <td mat-cell *matCellDef="let row" class="nowrap">{{ when(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="user">
              <th mat-header-cell *matHeaderCellDef scope="col">Who</th>
              <td mat-cell *matCellDef="let row">{{ who(row) }}</td>
            </ng-container>
            <ng-container matColumnDef="action">
              <th mat-header-cell *matHeaderCellDef scope="col">Action</th>
              <td mat-cell *matCellDef="let row">
                <code>{{ row.action }}</code>
              </td>
            </ng-container>
            <ng-container matColumnDef="entity">
              <th mat-header-cell *matHeaderCellDef scope="col">Record</th>
              <td mat-cell *matCellDef="let row">
                {{ row.entityType }}
                @if (row.entityId) {
                  <div class="meta">{{ row.entityId }}</div>
                }
              </td>
            </ng-container>
            <ng-container matColumnDef="details">
              <th mat-header-cell *matHeaderCellDef scope="col">Details</th>
              <td mat-cell *matCellDef="let row" class="details">{{ details(row) }}</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="columns"></tr>
            <tr mat-row *matRowDef="let row; columns: columns"></tr>
          </table>
        </div>
        <mat-paginator
          [length]="result.total"
          [pageIndex]="pageIndex()"
          [pageSize]="pageSize()"
          [pageSizeOptions]="[25, 50, 100]"
          (page)="turnPage($event)"
          aria-label="Pages of the audit log"
        />
      } @else {
        <enc-empty-state heading="Nothing recorded">No entries match these filters.</enc-empty-state>
      }
    }
  `,
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .details {
      max-width: 28rem;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class AuditLog {
  private readonly api = inject(AdminApi);

  protected readonly columns = ['at', 'user', 'action', 'entity', 'details'];
  protected readonly users = toSignal(this.api.users().pipe(catchError(() => of([]))), { initialValue: [] });
  protected readonly academies = toSignal(this.api.academies().pipe(catchError(() => of([]))), {
    initialValue: [],
  });

  protected readonly userId = signal('');
  protected readonly action = signal('');
  protected readonly entityType = signal('');
  protected readonly academyId = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(50);
  private readonly typed = toSignal(
    toObservable(
      computed(() => ({ action: this.action().trim(), entityType: this.entityType().trim() })),
    ).pipe(
      debounceTime(250),
      distinctUntilChanged((a, b) => a.action === b.action && a.entityType === b.entityType),
    ),
    { initialValue: { action: '', entityType: '' } },
  );

  protected readonly entries = rxResource({
    params: () => ({
      userId: this.userId() || undefined,
      action: this.typed().action || undefined,
      entityType: this.typed().entityType || undefined,
      academyId: this.academyId() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
      page: this.pageIndex() + 1,
      pageSize: this.pageSize(),
    }),
    stream: ({ params }) => this.api.audit(params),
  });
  protected readonly page = computed(() => (this.entries.hasValue() ? this.entries.value() : undefined));

  protected set(filter: { set(value: string): void }, value: string): void {
    filter.set(value ?? '');
    this.pageIndex.set(0);
  }

  protected turnPage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
  }

  protected when(entry: AuditEntryResponse): string {
    return new Date(entry.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  }

  /** The API names the user by id; the name comes from the user list, which the administrator holds. */
  protected who(entry: AuditEntryResponse): string {
    if (entry.userName) return entry.userName;
    if (!entry.userId) return 'System';
    return this.users().find((user) => user.id === entry.userId)?.name ?? 'Unknown user';
  }

  /** What changed, in a line: the fields that differ for an update, the values given otherwise. */
  protected details(entry: AuditEntryResponse): string {
    const details = entry.details ?? {};
    const before = details['before'];
    const after = details['after'];
    if (isRecord(before) && isRecord(after)) {
      const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      return changed.length ? `Changed: ${changed.join(', ')}` : 'No change';
    }
    return Object.entries(details)
      .map(
        ([key, value]) =>
          `${key}: ${Array.isArray(value) ? value.join(', ') || 'none' : typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
      )
      .join('; ');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
