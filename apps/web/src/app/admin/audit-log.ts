import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  AUDIT_SELF_ACTIONS,
  AuditEntryResponse,
  auditActionLabel,
  auditActionVerb,
  ROLE_LABELS,
  UserRole,
} from '@encounters/domain';

import { AdminApi } from '../core/admin-api';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { PagedList } from '../ui/paged-list';
import { loadedList } from '../core/loaded-list';

/** The action picker's choices, from the one table of action words, by label. */
const ACTIONS = Object.keys(AUDIT_ACTIONS)
  .map((id) => ({ id, name: auditActionLabel(id) }))
  .sort((a, b) => a.name.localeCompare(b.name));
const RECORD_TYPES = Object.entries(AUDIT_RECORD_TYPES).map(([id, name]) => ({ id, name }));

/** Where a named record can be opened in the app, by its type. */
const RECORD_LINKS: Partial<Record<string, (id: string) => string>> = {
  encounter: (id) => `/encounters/${id}`,
  learner: (id) => `/learners/${id}`,
};

/** Details the sentence already says, or that only a developer reads. */
const SAID_ELSEWHERE = new Set(['learnerIds', 'meetingIds']);

/** Who created, changed, deleted, viewed or exported what, and when; newest first, one sentence an entry. */
@Component({
  selector: 'enc-audit-log',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS, RouterLink],
  template: `
    <h2>Audit log</h2>
    <form class="filters" aria-label="Filter the audit log" (submit)="$event.preventDefault()">
      <enc-choice-filter label="Who" anyLabel="Anyone" [items]="users()" [(value)]="userId" />
      <enc-choice-filter
        label="What happened"
        anyLabel="Anything"
        minWidth="16rem"
        [items]="actions"
        [(value)]="action"
      />
      <enc-choice-filter label="Record" anyLabel="Any record" [items]="recordTypes" [(value)]="entityType" />
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
      <enc-column name="what" header="What happened" maxWidth="36rem">
        <ng-template let-row>
          <span class="sentence">
            <strong>{{ subject(row) }}</strong> {{ verb(row) }}
            @if (row.learners.length === 1) {
              <a [routerLink]="'/learners/' + row.learners[0].id">{{ learnerName(row.learners[0]) }}</a>
            } @else if (row.learners.length > 1) {
              {{ row.learners.length }} learners
              <button
                type="button"
                class="link-button"
                [attr.aria-expanded]="shown().has(row.id)"
                [attr.aria-controls]="'audit-learners-' + row.id"
                (click)="toggle(row.id)"
              >
                {{ shown().has(row.id) ? 'hide' : 'show' }}<span class="visually-hidden"> the learners</span>
              </button>
            } @else if (object(row); as named) {
              @if (link(row); as url) {
                <a [routerLink]="url">{{ named }}</a>
              } @else {
                {{ named }}
              }
            }
            @if (row.academyName && row.entityType !== 'academy') {
              <span class="meta"> at {{ row.academyName }}</span>
            }
          </span>
          @if (row.learners.length > 1 && shown().has(row.id)) {
            <ul class="learners" [id]="'audit-learners-' + row.id">
              @for (learner of row.learners; track learner.id) {
                <li>
                  @if (learner.name) {
                    <a [routerLink]="'/learners/' + learner.id">{{ learner.name }}</a>
                  } @else {
                    A learner since erased
                  }
                </li>
              }
            </ul>
          }
        </ng-template>
      </enc-column>
      <enc-column name="details" header="Details" maxWidth="24rem">
        <ng-template let-row>
          <div class="details">{{ details(row) }}</div>
          @if (row.ip) {
            <div class="meta">From {{ row.ip }}</div>
          }
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
      .link-button {
        background: none;
        border: 0;
        padding: 0 0.25rem;
        color: var(--mat-sys-primary);
        text-decoration: underline;
        font: inherit;
        cursor: pointer;
      }
      .learners {
        margin: 0.25rem 0 0;
        padding-left: 1.25rem;
        columns: 14rem;
        font: var(--mat-sys-body-small);
      }
    `,
  ],
})
export class AuditLog {
  private readonly api = inject(AdminApi);

  protected readonly users = loadedList(this.api.allUsers());
  protected readonly academies = loadedList(this.api.academies());
  protected readonly actions = ACTIONS;
  protected readonly recordTypes = RECORD_TYPES;

  protected readonly userId = signal('');
  protected readonly action = signal('');
  protected readonly entityType = signal('');
  protected readonly academyId = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  /** The entries whose list of learners is open. */
  protected readonly shown = signal<ReadonlySet<string>>(new Set());

  protected readonly entries = new PagedList({
    pageSize: 50,
    query: () => ({
      userId: this.userId() || undefined,
      action: this.action() || undefined,
      entityType: this.entityType() || undefined,
      academyId: this.academyId() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
    }),
    fetch: (query) => this.api.audit(query),
  });

  protected readonly when = (entry: AuditEntryResponse): string =>
    new Date(entry.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  /** Who did it: the acting user; for a refused sign-in, the account tried, or an unknown one. */
  protected subject(entry: AuditEntryResponse): string {
    if (entry.userName) return entry.userName;
    if (entry.userId) return 'A user since removed';
    if (!entry.action.startsWith('auth.')) return 'The system';
    return entry.entityType === 'user' && entry.entityName
      ? entry.entityName
      : 'Someone with an unknown email address';
  }

  protected readonly verb = (entry: AuditEntryResponse): string => auditActionVerb(entry.action);

  /** The record the sentence ends with, when it is not the subject again. */
  protected object(entry: AuditEntryResponse): string | null {
    if (AUDIT_SELF_ACTIONS.includes(entry.action)) return null;
    if (entry.entityType === 'user' && entry.entityId && entry.entityId === entry.userId) return 'themself';
    if (entry.entityName) return entry.entityName;
    if (entry.entityType === 'academy' && entry.academyName) return entry.academyName;
    if (entry.entityId && !['report', 'policy', 'trust', 'coverage_snapshot'].includes(entry.entityType))
      return `a ${AUDIT_RECORD_TYPES[entry.entityType]?.replace(/s$/, '').toLowerCase() ?? 'record'} since deleted`;
    return null;
  }

  protected link(entry: AuditEntryResponse): string | null {
    const to = RECORD_LINKS[entry.entityType];
    return to && entry.entityId && entry.entityName ? to(entry.entityId) : null;
  }

  protected readonly learnerName = (learner: { name: string | null }): string =>
    learner.name ?? 'a learner since erased';

  protected toggle(id: string): void {
    this.shown.update((shown) => {
      const next = new Set(shown);
      if (!next.delete(id)) next.add(id);
      return next;
    });
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
      return changed.length ? `Changed: ${changed.map(words).join(', ')}` : 'No change';
    }
    const academyNames = new Map(this.academies().map((academy) => [academy.id, academy.name]));
    return Object.entries(details)
      .filter(([key]) => !SAID_ELSEWHERE.has(key))
      .map(([key, value]) => {
        if (key === 'roles' && Array.isArray(value))
          return `Roles: ${value.map((role) => ROLE_LABELS[role as UserRole] ?? String(role)).join(', ') || 'none'}`;
        if (key === 'academyIds' && Array.isArray(value))
          return `Academies: ${value.map((id) => academyNames.get(String(id)) ?? 'an academy since removed').join(', ') || 'none'}`;
        if (key === 'groupIds' && Array.isArray(value)) return `Classes: ${value.length}`;
        return `${words(key)}: ${valueText(value)}`;
      })
      .join('; ');
  }
}

/** A field name as words: `encountersAttended` → "encounters attended". */
function words(key: string): string {
  const spaced = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function valueText(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'none';
  if (isRecord(value))
    return Object.entries(value)
      .map(([key, inner]) => `${words(key).toLowerCase()} ${valueText(inner)}`)
      .join(', ');
  if (value === true) return 'yes';
  if (value === false) return 'no';
  return value == null ? '—' : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
