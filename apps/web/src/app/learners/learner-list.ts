import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  LearnerListItem,
  LearnerListQuery,
  LearnerListSort,
  LearnerStatusFilter,
  RULE_IDS,
  RULE_LABELS,
  RULE_STATUS_LABELS,
  RuleId,
} from '@encounters/domain';
import { catchError, EMPTY, expand, firstValueFrom, map, of, reduce } from 'rxjs';

import { ApiClient } from '../core/api-client';
import { GroupsApi } from '../core/groups-api';
import { LearnersApi } from '../core/learners-api';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { debounced, PagedList } from '../ui/paged-list';
import { PendingAction } from '../ui/pending-action';
import { learnersCsv } from './learner-csv';
import { loadedList } from '../core/loaded-list';

/** The characteristics the page filters by, each a query the API understands. */
const CHARACTERISTICS: readonly { id: string; name: string; query: Partial<LearnerListQuery> }[] = [
  { id: 'pp', name: 'Pupil premium', query: { pupilPremium: true } },
  { id: 'sen', name: 'SEN (support or EHC plan)', query: { sen: 'any' } },
  { id: 'ehcp', name: 'EHC plan', query: { sen: 'E' } },
  { id: 'eal', name: 'English as an additional language', query: { eal: true } },
  { id: 'lac', name: 'Looked after', query: { lookedAfter: true } },
  { id: 'female', name: 'Gender: female', query: { gender: 'F' } },
  { id: 'male', name: 'Gender: male', query: { gender: 'M' } },
];

const STATUSES: readonly { id: LearnerStatusFilter; name: string }[] = [
  { id: 'not_met', name: 'Not met yet' },
  { id: 'at_risk', name: RULE_STATUS_LABELS.at_risk },
  { id: 'missed', name: RULE_STATUS_LABELS.missed },
  { id: 'on_track', name: RULE_STATUS_LABELS.on_track },
  { id: 'met', name: RULE_STATUS_LABELS.met },
  { id: 'not_applicable', name: RULE_STATUS_LABELS.not_applicable },
];

const SORTS: readonly { id: string; name: string }[] = [
  { id: 'name:asc', name: 'Surname, A to Z' },
  { id: 'name:desc', name: 'Surname, Z to A' },
  { id: 'yearGroup:asc', name: 'Year group, youngest first' },
  { id: 'yearGroup:desc', name: 'Year group, oldest first' },
  { id: 'group:asc', name: 'Class, A to Z' },
  { id: 'upn:asc', name: 'UPN' },
];

/** The most a CSV holds: a large trust's year groups, asked for 500 at a time. */
const CSV_LIMIT = 20_000;

/**
 * Every learner the user may see, found by academy, year group, class, characteristic and a rule's status
 * ("Year 11, Benchmark 8 not met"), sorted and paged by the API, and the filtered list as a CSV file.
 */
@Component({
  selector: 'enc-learner-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS, RouterLink],
  template: `
    <div class="title-row">
      <h1>Learners</h1>
      <button
        matButton="outlined"
        type="button"
        (click)="downloadCsv()"
        [disabled]="csv.busy()"
        data-testid="learners-csv"
      >
        {{ csv.busy() ? 'Preparing the file…' : 'Download CSV' }}
      </button>
    </div>
    <p class="intro">
      The learners you may see. Choose a rule and a status to find, for example, the Year 11 learners who have
      not yet had their personal guidance.
    </p>
    <form class="filters" aria-label="Filter learners" (submit)="$event.preventDefault()">
      <enc-text-filter label="Name or UPN" [(value)]="words" />
      <enc-choice-filter
        label="Academy"
        anyLabel="All my academies"
        [items]="academies()"
        [(value)]="academy"
      />
      <enc-choice-filter
        label="Year group"
        anyLabel="Any year group"
        [items]="yearGroups"
        [(value)]="yearGroup"
      />
      <enc-choice-filter label="Class" anyLabel="Any class" [items]="groups()" [(value)]="group" />
      <enc-choice-filter
        label="Characteristic"
        anyLabel="Any"
        [items]="characteristics"
        [(value)]="characteristic"
        minWidth="14rem"
      />
      <enc-choice-filter label="Rule" anyLabel="No rule" [items]="rules" [(value)]="rule" minWidth="16rem" />
      <enc-choice-filter label="Status" anyLabel="Any status" [items]="statuses" [(value)]="status" />
      <enc-choice-filter label="Sort by" anyLabel="Surname, A to Z" [items]="sorts" [(value)]="sort" />
      @if (filtered()) {
        <button matButton type="button" (click)="clearFilters()">Clear filters</button>
      }
    </form>
    @if (status() && !rule()) {
      <p class="hint" role="status">Choose a rule for the status to apply to.</p>
    }
    @if (csv.error()) {
      <p class="error" role="alert">The file could not be made. Try again.</p>
    }

    <enc-data-table
      [source]="learners"
      caption="Learners"
      noun="learners"
      [empty]="filtered() ? emptyAfterFilters : emptyAtStart"
    >
      <enc-column name="name" header="Learner" minWidth="12rem">
        <ng-template let-row>
          <a [routerLink]="['/learners', row.id]">{{ row.name }}</a>
        </ng-template>
      </enc-column>
      <enc-text-column name="upn" field="upn" header="UPN" nowrap />
      <enc-text-column name="yearGroup" header="Year" [text]="yearText" nowrap />
      <enc-text-column name="group" header="Class" [text]="groupText" />
      <enc-text-column name="academy" header="Academy" [text]="academyText" />
      <enc-column name="status" header="Status" [shown]="!!rule()">
        <ng-template let-row>{{ statusText(row) }}</ng-template>
      </enc-column>
    </enc-data-table>
  `,
  styles: [
    LIST_STYLES,
    `
      .intro {
        max-width: 60rem;
        color: var(--mat-sys-on-surface-variant);
      }
      .hint {
        font: var(--mat-sys-body-medium);
      }
      .error {
        color: var(--mat-sys-error);
      }
    `,
  ],
})
export class LearnerList {
  private readonly api = inject(LearnersApi);
  private readonly groupsApi = inject(GroupsApi);

  protected readonly academies = loadedList(inject(ApiClient).academies());
  private readonly academyNames = computed(
    () => new Map(this.academies().map((academy) => [academy.id, academy.name])),
  );

  protected readonly words = signal('');
  private readonly typed = debounced(this.words, 300);
  protected readonly academy = signal('');
  protected readonly yearGroup = signal('');
  protected readonly group = signal('');
  protected readonly characteristic = signal('');
  protected readonly rule = signal('');
  protected readonly status = signal('');
  protected readonly sort = signal('');

  protected readonly yearGroups = Array.from({ length: 14 }, (_, index) => ({
    id: String(index + 1),
    name: `Year ${index + 1}`,
  }));
  protected readonly characteristics = CHARACTERISTICS;
  protected readonly rules = RULE_IDS.map((id) => ({ id, name: RULE_LABELS[id] }));
  protected readonly statuses = STATUSES;
  protected readonly sorts = SORTS;

  private readonly groupList = rxResource({
    params: () => ({ academyId: this.academy() || undefined }),
    stream: ({ params }) => this.groupsApi.list(params).pipe(catchError(() => of([]))),
  });
  /** The classes of the academy (and year group) chosen, by name. */
  protected readonly groups = computed(() =>
    (this.groupList.value() ?? [])
      .filter((group) => !this.yearGroup() || group.yearGroup === Number(this.yearGroup()))
      .map((group) => ({ id: group.id, name: group.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true })),
  );

  protected readonly filtered = computed(
    () =>
      !!(
        this.words() ||
        this.academy() ||
        this.yearGroup() ||
        this.group() ||
        this.characteristic() ||
        this.rule() ||
        this.status()
      ),
  );

  /** The filters as the API's query, without the page. */
  private readonly query = computed((): LearnerListQuery => {
    const [sort, direction] = (this.sort() || 'name:asc').split(':') as [LearnerListSort, 'asc' | 'desc'];
    const rule = (this.rule() || undefined) as RuleId | undefined;
    return {
      q: this.typed().trim() || undefined,
      academyId: this.academy() || undefined,
      yearGroup: this.yearGroup() ? Number(this.yearGroup()) : undefined,
      groupId: this.group() || undefined,
      ...(CHARACTERISTICS.find((item) => item.id === this.characteristic())?.query ?? {}),
      rule,
      status: rule ? ((this.status() || undefined) as LearnerStatusFilter | undefined) : undefined,
      sort,
      direction,
    };
  });

  protected readonly emptyAtStart = {
    heading: 'No learners to show',
    text: 'Learners appear here once a roster has been imported for this academic year.',
  };
  protected readonly emptyAfterFilters = {
    heading: 'No learners match these filters',
    text: 'Try another class or year group, any characteristic, or another status.',
  };

  protected readonly learners = new PagedList({
    pageSize: 50,
    query: () => this.query(),
    fetch: (query) => this.api.list(query),
  });

  protected readonly csv = new PendingAction();

  protected readonly yearText = (row: LearnerListItem): string => `Year ${row.yearGroup}`;
  protected readonly groupText = (row: LearnerListItem): string => row.group?.name ?? '';
  protected readonly academyText = (row: LearnerListItem): string =>
    this.academyNames().get(row.academyId) ?? '';

  protected statusText(row: LearnerListItem): string {
    return row.ruleStatus ? RULE_STATUS_LABELS[row.ruleStatus] : '';
  }

  protected clearFilters(): void {
    for (const filter of [
      this.words,
      this.academy,
      this.yearGroup,
      this.group,
      this.characteristic,
      this.rule,
      this.status,
    ])
      filter.set('');
  }

  /** Every page of the filtered list, as one CSV file the browser saves. */
  protected async downloadCsv(): Promise<void> {
    const query = this.query();
    await this.csv.run(async () => {
      const pageSize = 500;
      const learners = await firstValueFrom(
        this.api.list({ ...query, page: 1, pageSize }).pipe(
          expand((page) =>
            page.page * pageSize < Math.min(page.total, CSV_LIMIT)
              ? this.api.list({ ...query, page: page.page + 1, pageSize })
              : EMPTY,
          ),
          map((page) => page.items),
          reduce((all, items) => [...all, ...items], [] as LearnerListItem[]),
        ),
      );
      const text = learnersCsv(learners, this.academyNames(), query.rule ?? null);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
      link.download = `learners-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return learners.length;
    }, 'The CSV file of the filtered list is downloading.');
  }
}
