import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';

import { RouterLink } from '@angular/router';
import {
  CATEGORY_TAGS,
  EncounterListItem,
  formatBritishDate,
  LearnerListItem,
  isMeaningfulFor,
  meaningfulBenchmarkFor,
  MeaningfulBenchmark,
  holdsAbility,
  ENCOUNTER_FORMAT_LABELS,
} from '@encounters/domain';
import { map } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { EncountersApi } from '../core/encounters-api';
import { OrganisationsApi } from '../core/organisations-api';
import { Session } from '../core/session';
import { PendingAction } from '../ui/pending-action';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { PagedList } from '../ui/paged-list';
import { LearnerSearch } from '../ui/learner-search';
import { deleteEncounter } from './delete-encounter';
import { loadedList } from '../core/loaded-list';

/** Every encounter logged, newest first, with filters; careers leads open one to change or delete it. */
@Component({
  selector: 'enc-encounter-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS, LearnerSearch, RouterLink],
  template: `
    <div class="title-row">
      <h1>Encounters</h1>
      @if (canWrite()) {
        <a matButton="filled" routerLink="/log-encounter">Log an encounter</a>
      }
    </div>
    <form class="filters" aria-label="Filter encounters" (submit)="$event.preventDefault()">
      <enc-choice-filter
        label="Academy"
        anyLabel="All my academies"
        [items]="academies()"
        [(value)]="academy"
      />
      <enc-date-range-filter [(from)]="from" [(to)]="to" />
      <enc-choice-filter
        label="Organisation"
        anyLabel="Any organisation"
        [items]="organisations()"
        [(value)]="organisation"
        minWidth="16rem"
      />
      <enc-learner-search
        class="learner-filter"
        label="Learner"
        placeholder="Name or UPN"
        testId="encounter-learner-filter"
        [clearOnPick]="false"
        (picked)="learner.set($event)"
        (edited)="learner.set(null)"
      />
      @if (filtered()) {
        <button matButton type="button" (click)="clearFilters()">Clear filters</button>
      }
    </form>

    <enc-data-table
      [source]="encounters"
      caption="Encounters, newest first"
      noun="encounters"
      [actionError]="action.error()"
      [empty]="filtered() ? emptyAfterFilters : emptyAtStart"
    >
      <enc-text-column name="date" header="Date" [text]="dates" minWidth="6.5rem" />
      <enc-column name="title" header="Encounter" minWidth="14rem">
        <ng-template let-row>
          @if (canWrite()) {
            <a [routerLink]="['/encounters', row.id]">{{ row.title }}</a>
          } @else {
            <strong>{{ row.title }}</strong>
          }
          <div class="meta">{{ formatLabel(row) }}</div>
        </ng-template>
      </enc-column>
      <enc-text-column name="organisations" header="Organisations" [text]="organisationNames" />
      <enc-column name="countsAs" header="Counts as">
        <ng-template let-row>
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
        </ng-template>
      </enc-column>
      <enc-text-column name="attended" field="attendedCount" header="Attended" numeric />
      <enc-column name="actions" header="Actions" headerHidden nowrap [shown]="canWrite()">
        <ng-template let-row>
          <a matButton [routerLink]="['/encounters', row.id]" [attr.aria-label]="'Edit ' + row.title">Edit</a>
          <button matButton class="danger" [encRowAction]="'Delete ' + row.title" (click)="remove(row)">
            Delete
          </button>
        </ng-template>
      </enc-column>
    </enc-data-table>
  `,
  styles: [
    LIST_STYLES,
    `
      .learner-filter {
        flex: 0 1 16rem;
        min-width: 12rem;
      }
      .warning {
        color: #8a4b00;
        font: var(--mat-sys-body-small);
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
    `,
  ],
})
export class EncounterList {
  private readonly api = inject(EncountersApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);

  /** Query parameters, e.g. `?academyId=` after logging an encounter. */
  readonly academyId = input<string>();

  protected readonly canWrite = computed(() => holdsAbility(this.session.roles(), 'logEncounter'));

  protected readonly academies = loadedList(inject(ApiClient).academies());
  protected readonly organisations = loadedList(
    inject(OrganisationsApi)
      .list({ pageSize: 500 })
      .pipe(map((page) => page.items)),
  );

  protected readonly academy = signal('');
  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly organisation = signal('');
  /** Only the encounters this learner is on the list of. */
  protected readonly learner = signal<LearnerListItem | null>(null);
  private readonly learnerSearch = viewChild.required(LearnerSearch);
  protected readonly action = new PendingAction();
  protected readonly filtered = computed(
    () => !!(this.academy() || this.from() || this.to() || this.organisation() || this.learner()),
  );

  protected readonly emptyAtStart = {
    heading: 'No encounters logged yet',
    text: 'Encounters will be listed here, newest first, as soon as they are logged.',
  };
  protected readonly emptyAfterFilters = {
    heading: 'No encounters match these filters',
    text: 'Try a wider date range, another academy, any organisation or any learner.',
  };

  protected readonly encounters = new PagedList({
    pageSize: 25,
    query: () => ({
      academyId: this.academy() || this.academyId() || undefined,
      from: this.from() || undefined,
      to: this.to() || undefined,
      organisationId: this.organisation() || undefined,
      learnerId: this.learner()?.id,
    }),
    fetch: (query) => this.api.list(query),
  });

  protected clearFilters(): void {
    for (const filter of [this.academy, this.from, this.to, this.organisation]) filter.set('');
    this.learner.set(null);
    this.learnerSearch().clear();
  }

  protected readonly dates = (row: EncounterListItem): string =>
    row.endDate && row.endDate !== row.date
      ? `${formatBritishDate(row.date)} to ${formatBritishDate(row.endDate)}`
      : formatBritishDate(row.date);

  protected formatLabel(row: EncounterListItem): string {
    return ENCOUNTER_FORMAT_LABELS[row.format];
  }

  protected readonly organisationNames = (row: EncounterListItem): string =>
    row.organisations.map((organisation) => organisation.name).join(', ');

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
    if (await deleteEncounter(this.dialog, this.api, this.action, row)) this.encounters.reload();
  }
}
