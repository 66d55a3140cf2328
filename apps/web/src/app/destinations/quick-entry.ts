import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import {
  AcademicYear,
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_STATUS_LABELS,
  DESTINATION_STATUSES,
  DestinationBatchResult,
  DestinationCategory,
  DestinationRegisterRow,
  DestinationStatus,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { ApiErrorMessage } from '../ui/api-error-message';
import { EmptyState } from '../ui/empty-state';
import { draftTime, TabDrafts } from '../ui/form-draft';
import { PendingAction } from '../ui/pending-action';
import { UnsavedChanges } from '../ui/unsaved-changes';
import {
  batchRequest,
  changedValues,
  isChanged,
  isComplete,
  QUICK_ENTRY_DRAFT,
  QuickEntryDraft,
  QuickEntryValue,
  recordedValue,
  withCategory,
} from './quick-entry-state';

/** The most learners a class holds for quick entry: the API's largest page. */
const CLASS_PAGE_SIZE = 500;

interface QuickEntryLine {
  row: DestinationRegisterRow;
  value: QuickEntryValue;
  changed: boolean;
  complete: boolean;
  /** Whether nothing is recorded yet, so that "nothing chosen" may stay. */
  fresh: boolean;
}

/**
 * R-DEST-1, quick entry for a whole class: one row per learner with a category, a provider and a status, made
 * for the keyboard (native selects: type a letter to pick, Alt+Down or Space to open; Tab along the row and on;
 * Enter to the next learner's category). Only changed rows are sent, in one "Save" of the lot. The changes are
 * kept in this tab as they are made, so that an expired session or a reload loses none of them.
 */
@Component({
  selector: 'enc-quick-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorMessage,
    EmptyState,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
  ],
  templateUrl: './quick-entry.html',
  styleUrl: './quick-entry.scss',
})
export class QuickEntry {
  readonly academyId = input.required<string>();
  readonly academicYear = input.required<AcademicYear>();
  readonly yearGroup = input.required<number>();
  readonly groupId = input.required<string>();
  readonly groupName = input.required<string>();
  /** After a save: the register shows the new figures. */
  readonly saved = output<void>();

  private readonly api = inject(DestinationsApi);
  private readonly drafts = inject(TabDrafts);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected readonly categories = DESTINATION_CATEGORIES;
  protected readonly categoryLabels = DESTINATION_CATEGORY_LABELS;
  protected readonly statuses = DESTINATION_STATUSES;
  protected readonly statusLabels = DESTINATION_STATUS_LABELS;
  protected readonly submission = new PendingAction();
  protected readonly restoredAt = signal<string | null>(null);

  /** Every learner of the class, in register order. */
  protected readonly rows = rxResource({
    params: () => ({
      academyId: this.academyId(),
      academicYear: this.academicYear(),
      yearGroup: this.yearGroup(),
      groupId: this.groupId(),
      page: 1,
      pageSize: CLASS_PAGE_SIZE,
    }),
    stream: ({ params }) => this.api.register(params),
  });
  private readonly items = computed(() => (this.rows.hasValue() ? this.rows.value().items : []));

  /** What is on screen of the rows touched, by learner id; the rest show what is recorded. */
  private readonly values = signal<Record<string, QuickEntryValue>>({});
  /** Set once the class has loaded and its draft (if any) is back: only then is the draft kept or cleared. */
  private readonly ready = signal(false);

  protected readonly lines = computed<QuickEntryLine[]>(() =>
    this.items().map((row) => {
      const recorded = recordedValue(row);
      const value = this.values()[row.learnerId] ?? recorded;
      const changed = isChanged(recorded, value);
      return { row, value, changed, complete: isComplete(value), fresh: !row.destination };
    }),
  );
  private readonly changed = computed(() => changedValues(this.items(), this.values()));
  /** How many rows a save would send. */
  readonly changeCount = computed(() => Object.keys(this.changed()).length);
  protected readonly incompleteCount = computed(
    () => this.lines().filter((line) => line.changed && !line.complete).length,
  );
  protected readonly saveLabel = computed(() => {
    const count = this.changeCount();
    return count === 1 ? 'Save 1 change' : `Save ${count} changes`;
  });

  constructor() {
    effect(() => {
      if (!this.rows.hasValue() || untracked(this.ready)) return;
      untracked(() => {
        this.restoreDraft();
        this.ready.set(true);
      });
    });
    // The draft follows every change, and goes when there is nothing left to lose.
    effect(() => {
      if (!this.ready()) return;
      const values = this.changed();
      const draft: QuickEntryDraft = {
        academyId: this.academyId(),
        academicYear: this.academicYear(),
        yearGroup: this.yearGroup(),
        groupId: this.groupId(),
        values,
      };
      untracked(() => {
        if (Object.keys(values).length) this.drafts.save(QUICK_ENTRY_DRAFT, draft);
        // Another class's draft stays until that class has changes saved or discarded.
        else if (this.isThisClass(this.drafts.load<QuickEntryDraft>(QUICK_ENTRY_DRAFT)?.value))
          this.drafts.clear(QUICK_ENTRY_DRAFT);
      });
    });
    inject(UnsavedChanges).watch(() => this.changeCount() > 0);
  }

  /** Puts back the changes kept in this tab for this class (after a reload or signing in again), and says so. */
  private restoreDraft(): void {
    const stored = this.drafts.load<QuickEntryDraft>(QUICK_ENTRY_DRAFT);
    const draft = stored?.value;
    if (!stored || !draft || !this.isThisClass(draft)) return;
    const learners = new Set(this.items().map((row) => row.learnerId));
    const values = Object.fromEntries(
      Object.entries(draft.values ?? {}).filter(([learnerId]) => learners.has(learnerId)),
    );
    this.values.set(values);
    if (this.changeCount() > 0) this.restoredAt.set(draftTime(stored.savedAt));
  }

  private isThisClass(draft: QuickEntryDraft | undefined): draft is QuickEntryDraft {
    return (
      !!draft &&
      draft.academyId === this.academyId() &&
      draft.academicYear === this.academicYear() &&
      draft.groupId === this.groupId()
    );
  }

  protected setCategory(row: DestinationRegisterRow, event: Event): void {
    const category = (event.target as HTMLSelectElement).value as DestinationCategory | '';
    this.put(row, (value) => withCategory(value, category));
  }

  protected setProvider(row: DestinationRegisterRow, event: Event): void {
    const providerName = (event.target as HTMLInputElement).value;
    this.put(row, (value) => ({ ...value, providerName }));
  }

  protected setStatus(row: DestinationRegisterRow, event: Event): void {
    const status = (event.target as HTMLSelectElement).value as DestinationStatus | '';
    this.put(row, (value) => ({ ...value, status }));
  }

  /** Changes a row from what it holds now (not from what was last drawn: keys can come faster than frames). */
  private put(row: DestinationRegisterRow, change: (value: QuickEntryValue) => QuickEntryValue): void {
    this.values.update((values) => ({
      ...values,
      [row.learnerId]: change(values[row.learnerId] ?? recordedValue(row)),
    }));
  }

  /** Enter in a row: on to the next learner's category, or to Save after the last. */
  protected nextRow(index: number, event: Event): void {
    event.preventDefault();
    const next =
      this.host.nativeElement.querySelector<HTMLElement>(`#quick-entry-category-${index + 1}`) ??
      this.host.nativeElement.querySelector<HTMLElement>('[data-testid="quick-entry-save"]');
    next?.focus();
  }

  /** "Discard changes": back to what is recorded, and no draft. */
  discard(): void {
    this.values.set({});
    this.restoredAt.set(null);
    if (this.isThisClass(this.drafts.load<QuickEntryDraft>(QUICK_ENTRY_DRAFT)?.value))
      this.drafts.clear(QUICK_ENTRY_DRAFT);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    void this.save();
  }

  private async save(): Promise<void> {
    if (!this.changeCount() || this.incompleteCount() || this.submission.busy()) return;
    const body = batchRequest(this.academicYear(), this.items(), this.values());
    const outcome: { result?: DestinationBatchResult } = {};
    const done = await this.submission.run(async () => {
      outcome.result = await firstValueFrom(this.api.batch(body));
    });
    if (!done || !outcome.result) return;
    const { created, updated } = outcome.result;
    this.discard();
    this.submission.announce(
      `Destinations saved for ${this.groupName()}: ${created} created, ${updated} updated.`,
    );
    this.rows.reload();
    this.saved.emit();
  }
}
