import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import {
  AcademicYear,
  academicYearLabel,
  academicYearOf,
  DESTINATION_CATEGORY_LABELS,
  DestinationListQuery,
  DestinationRegister,
  DestinationRegisterRow,
  DestinationStatus,
  formatBritishDate,
  isAcademyStaff,
  mayAtAcademy,
  RULE_LABELS,
  RULE_SHORT_LABELS,
  todayIsoDate,
} from '@encounters/domain';
import { map, NEVER, of } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { GroupsApi } from '../core/groups-api';
import { Session } from '../core/session';
import { AcademicYearPicker } from '../ui/academic-year-picker';
import { AcademySelect } from '../ui/academy-select';
import { academyChoice } from '../ui/coverage-query-params';
import { TabDrafts } from '../ui/form-draft';
import { LIST_PAGE_IMPORTS } from '../ui/list-page';
import { debounced, PagedList } from '../ui/paged-list';
import { PendingAction } from '../ui/pending-action';
import { StatusChip } from '../ui/status-chip';
import { confirmLeaving, HasUnsavedChanges } from '../ui/unsaved-changes';
import { openDestinationDialog } from './destination-dialog';
import { DestinationStatusChip } from './destination-status-chip';
import { destinationRuleOf, lastChangeOf, providerOf, STATUS_FILTER_ITEMS } from './destination-words';
import { openImportOffersDialog } from './import-offers-dialog';
import { QuickEntry } from './quick-entry';
import { QUICK_ENTRY_DRAFT, QuickEntryDraft } from './quick-entry-state';

type DestinationYearGroup = 11 | 13;

/**
 * R-DEST-1, R-DEST-5: the intended-destinations register of one academy's Year 11 or Year 13 in one academic
 * year: each learner's next step, how far it has got, whether `DEST_16`/`DEST_18` is met, and (for those who may
 * see it) the NEET-risk flag. Careers staff open a learner's row to record or change it, enter a whole class at
 * once, or import a CSV of offers; teachers read their classes' rows, without notes.
 */
@Component({
  selector: 'enc-destination-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AcademySelect,
    AcademicYearPicker,
    DestinationStatusChip,
    LIST_PAGE_IMPORTS,
    MatButtonModule,
    MatButtonToggleModule,
    MatProgressBarModule,
    MatTableModule,
    QuickEntry,
    RouterLink,
    StatusChip,
  ],
  templateUrl: './destination-list.html',
  styleUrl: './destination-list.scss',
})
export class DestinationList implements HasUnsavedChanges {
  private readonly api = inject(DestinationsApi);
  private readonly groupsApi = inject(GroupsApi);
  private readonly session = inject(Session);
  private readonly dialog = inject(MatDialog);
  private readonly drafts = inject(TabDrafts);

  /** The academy shown: the one chosen while it is on the list, else the first. */
  private readonly academyChoice = academyChoice();
  protected readonly academies = this.academyChoice.academies;
  protected readonly academy = this.academyChoice.academy;
  protected readonly academyName = this.academyChoice.academyName;
  protected readonly academicYear = signal<AcademicYear>(academicYearOf(todayIsoDate()));
  protected readonly yearGroup = signal<DestinationYearGroup>(11);
  protected readonly group = signal('');
  protected readonly status = signal('');
  protected readonly words = signal('');
  private readonly typed = debounced(this.words, 300);
  /** Quick entry for the class chosen, in place of the register. */
  protected readonly quickEntry = signal(false);
  private readonly quickEntryForm = viewChild(QuickEntry);

  /** Leaving the page keeps quick entry's changes as a draft in this tab. */
  readonly keepsDraft = true;

  protected readonly statusItems = STATUS_FILTER_ITEMS;
  protected readonly yearText = computed(() => academicYearLabel(this.academicYear()));
  protected readonly rule = computed(() => destinationRuleOf(this.yearGroup()));
  protected readonly ruleHeader = computed(() => RULE_SHORT_LABELS[this.rule()]);
  protected readonly ruleName = computed(() => RULE_LABELS[this.rule()]);

  /** Careers staff of the academy chosen: they record destinations and read their notes. */
  protected readonly canRecord = computed(() => {
    const user = this.session.user();
    const academyId = this.academy();
    return (
      !!user &&
      !!academyId &&
      mayAtAcademy(
        { roles: user.roles, academyIds: user.academies.map((academy) => academy.id) },
        'recordDestinations',
        academyId,
      )
    );
  });

  private readonly groupList = rxResource({
    params: () => ({
      academyId: this.academy(),
      academicYear: this.academicYear(),
      staff: isAcademyStaff(this.session.roles()),
      own: this.session.user()?.groupIds ?? [],
    }),
    stream: ({ params }) =>
      params.academyId
        ? this.groupsApi
            .list({ academyId: params.academyId, academicYear: params.academicYear })
            .pipe(
              map((groups) =>
                params.staff ? groups : groups.filter((group) => params.own.includes(group.id)),
              ),
            )
        : of([]),
    defaultValue: [],
  });
  /** The groups of the year group shown, by name. */
  protected readonly groups = computed(() =>
    this.groupList
      .value()
      .filter((group) => group.yearGroup === this.yearGroup())
      .map((group) => ({ id: group.id, name: group.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { numeric: true })),
  );
  protected readonly groupName = computed(
    () => this.groups().find((group) => group.id === this.group())?.name ?? 'this class',
  );

  protected readonly filtered = computed(() => !!(this.group() || this.status() || this.words().trim()));

  protected readonly register = new PagedList({
    pageSize: 50,
    query: (): DestinationListQuery => ({
      academyId: this.academy() || undefined,
      academicYear: this.academicYear(),
      yearGroup: this.yearGroup(),
      groupId: this.group() || undefined,
      status: (this.status() || undefined) as DestinationStatus | 'none' | undefined,
      q: this.typed().trim() || undefined,
    }),
    // Nothing is asked before an academy is chosen: one academy's register at a time.
    fetch: (query) => (query.academyId ? this.api.register(query) : NEVER),
  });
  protected readonly rows = computed(() => this.register.page()?.items ?? []);
  protected readonly loading = computed(() => this.register.resource.isLoading());
  protected readonly error = computed(() => this.register.resource.error());
  private readonly summary = computed(
    () => (this.register.page() as DestinationRegister | undefined)?.summary ?? null,
  );
  /** "18 of 27 recorded · 12 confirmed", and the NEET-risk count for those who may see it. */
  protected readonly summaryText = computed(() => {
    const summary = this.summary();
    if (!summary) return '';
    const parts = [`${summary.recorded} of ${summary.learners} recorded`, `${summary.confirmed} confirmed`];
    if (summary.neetRisk !== undefined) parts.push(`${summary.neetRisk} at NEET risk`);
    return parts.join(' · ');
  });
  /** The NEET-risk column, only when the answer carries the flag (careers staff). */
  protected readonly showNeetRisk = computed(() => this.rows().some((row) => row.neetRisk !== undefined));
  protected readonly columns = computed(() => [
    'learner',
    // With one group chosen, its name on every row says nothing.
    ...(this.group() ? [] : ['group']),
    'category',
    'provider',
    'status',
    'changed',
    'rule',
    ...(this.showNeetRisk() ? ['neetRisk'] : []),
  ]);

  protected readonly action = new PendingAction();

  constructor() {
    this.reopenDraft();
  }

  /** After a reload or signing in again: the class whose quick entry has unsaved changes comes back. */
  private reopenDraft(): void {
    const draft = this.drafts.load<QuickEntryDraft>(QUICK_ENTRY_DRAFT)?.value;
    if (!draft || !Object.keys(draft.values ?? {}).length) return;
    if (draft.yearGroup !== 11 && draft.yearGroup !== 13) return;
    this.academy.set(draft.academyId);
    this.academicYear.set(draft.academicYear);
    this.yearGroup.set(draft.yearGroup);
    this.group.set(draft.groupId);
    this.quickEntry.set(true);
  }

  hasUnsavedChanges(): boolean {
    return this.quickEntry() && (this.quickEntryForm()?.changeCount() ?? 0) > 0;
  }

  protected chooseAcademy(academyId: string): void {
    this.academy.set(academyId);
    this.group.set('');
  }

  protected chooseYear(academicYear: AcademicYear): void {
    this.academicYear.set(academicYear);
    this.group.set('');
  }

  protected chooseYearGroup(yearGroup: DestinationYearGroup): void {
    this.yearGroup.set(yearGroup);
    this.group.set('');
  }

  protected clearFilters(): void {
    this.group.set('');
    this.status.set('');
    this.words.set('');
  }

  protected readonly categoryText = (row: DestinationRegisterRow): string =>
    row.destination ? DESTINATION_CATEGORY_LABELS[row.destination.category] : '';
  protected readonly providerText = (row: DestinationRegisterRow): string => providerOf(row.destination);
  protected changedText(row: DestinationRegisterRow): string {
    const on = lastChangeOf(row.destination);
    return on ? formatBritishDate(on) : '';
  }

  /** A row chosen with the mouse, or Enter on it: careers staff record or change the destination. */
  protected rowChosen(row: DestinationRegisterRow, event: Event): void {
    if (!this.canRecord()) return;
    const target = event.target as HTMLElement | null;
    // The learner's name is a link to their record: following it is not choosing the row.
    if (target?.closest('a, button')) return;
    event.preventDefault();
    void this.edit(row);
  }

  private async edit(row: DestinationRegisterRow): Promise<void> {
    const saved = await openDestinationDialog(this.dialog, {
      learnerId: row.learnerId,
      learnerName: row.name,
      academicYear: row.academicYear,
      destination: row.destination,
      showNotes: this.canRecord(),
    });
    if (!saved) return;
    this.action.announce(`Destination saved for ${row.name}.`);
    this.register.reload();
  }

  protected async importOffers(): Promise<void> {
    const result = await openImportOffersDialog(this.dialog, {
      academyId: this.academy(),
      academyName: this.academyName(),
      academicYear: this.academicYear(),
    });
    if (!result) return;
    this.action.announce(`Offers imported: ${result.created} created, ${result.updated} updated.`);
    this.register.reload();
  }

  protected openQuickEntry(): void {
    if (this.group() && this.canRecord()) this.quickEntry.set(true);
  }

  /** Back to the register; changes not saved are lost, after asking. */
  protected async closeQuickEntry(): Promise<void> {
    const form = this.quickEntryForm();
    if (form && form.changeCount() > 0) {
      if (!(await confirmLeaving(this.dialog))) return;
      form.discard();
    }
    this.quickEntry.set(false);
  }

  protected quickEntrySaved(): void {
    this.register.reload();
  }
}
