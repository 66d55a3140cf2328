import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuditEntryResponse } from '@encounters/domain';
import { catchError, of } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { debounced, PagedList } from '../ui/paged-list';

/** Who created, changed, deleted or exported what, and when; newest first. */
@Component({
  selector: 'enc-audit-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS, MatFormFieldModule, MatInputModule],
  template: `
    <h2>Audit log</h2>
    <form class="filters" aria-label="Filter the audit log" (submit)="$event.preventDefault()">
      <enc-choice-filter label="User" anyLabel="Anyone" [items]="users()" [(value)]="userId" />
      <mat-form-field appearance="outline">
        <mat-label>Action</mat-label>
        <input
          matInput
          [value]="action()"
          (input)="action.set(typed($event))"
          placeholder="e.g. encounter.create"
        />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>Record type</mat-label>
        <input
          matInput
          [value]="entityType()"
          (input)="entityType.set(typed($event))"
          placeholder="e.g. learner"
        />
      </mat-form-field>
      <enc-choice-filter label="Academy" anyLabel="Any academy" [items]="academies()" [(value)]="academyId" />
      <enc-date-range-filter [(from)]="from" [(to)]="to" />
    </form>
    <enc-data-table
      [source]="entries"
      caption="Audit log, newest first"
      noun="the audit log"
      [pageSizes]="[25, 50, 100]"
      [empty]="{ heading: 'Nothing recorded', text: 'No entries match these filters.' }"
    >
      <enc-text-column name="at" header="When" [text]="when" nowrap />
      <enc-text-column name="user" header="Who" [text]="who" />
      <enc-column name="action" header="Action">
        <ng-template let-row>
          <code>{{ row.action }}</code>
        </ng-template>
      </enc-column>
      <enc-column name="entity" header="Record">
        <ng-template let-row>
          {{ row.entityType }}
          @if (row.entityId) {
            <div class="meta">{{ row.entityId }}</div>
          }
        </ng-template>
      </enc-column>
      <enc-column name="details" header="Details" maxWidth="28rem">
        <ng-template let-row>
          <div class="details">{{ details(row) }}</div>
        </ng-template>
      </enc-column>
    </enc-data-table>
  `,
  styles: [
    LIST_STYLES,
    `
      .details {
        font: var(--mat-sys-body-small);
      }
    `,
  ],
})
export class AuditLog {
  private readonly api = inject(AdminApi);

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
  /** What is typed in the two text filters, once the typing pauses. */
  private readonly typedAction = debounced(this.action, 250);
  private readonly typedEntityType = debounced(this.entityType, 250);

  protected readonly entries = new PagedList({
    pageSize: 50,
    query: () => ({
      userId: this.userId() || undefined,
      action: this.typedAction().trim() || undefined,
      entityType: this.typedEntityType().trim() || undefined,
      academyId: this.academyId() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
    }),
    fetch: (query) => this.api.audit(query),
  });

  protected typed(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected readonly when = (entry: AuditEntryResponse): string =>
    new Date(entry.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

  /** The API names the user by id; the name comes from the user list, which the administrator holds. */
  protected readonly who = (entry: AuditEntryResponse): string => {
    if (entry.userName) return entry.userName;
    if (!entry.userId) return 'System';
    return this.users().find((user) => user.id === entry.userId)?.name ?? 'Unknown user';
  };

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
