import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AttendanceReflection } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { draftTime, FormDrafts } from '../ui/form-draft';
import { confirmLeaving, UnsavedChanges } from '../ui/unsaved-changes';

export interface ReflectionDialogData {
  learnerName: string;
  reflection: AttendanceReflection | null;
  /** Where the dialog keeps its draft in the browser (per encounter and learner); none without it. */
  draftName?: string;
}

/** What the dialog closes with: the reflection to keep, or null to remove it. Undefined means cancelled. */
export interface ReflectionDialogResult {
  reflection: AttendanceReflection | null;
}

export const REFLECTION_COMMENT_MAX_LENGTH = 2000;

/** The rating scale, worded as a learner would answer "How useful was it?". */
export const REFLECTION_RATINGS: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Not useful' },
  { value: 2, label: 'A little useful' },
  { value: 3, label: 'Quite useful' },
  { value: 4, label: 'Useful' },
  { value: 5, label: 'Very useful' },
];

/**
 * The learner's voice on one encounter: how useful they found it (1 to 5) and what they said, as a careers
 * lead types it in from a reflection sheet or a conversation. Kept with the encounter's attendance.
 */
@Component({
  selector: 'enc-reflection-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.learnerName }}’s reflection</h2>
    <mat-dialog-content>
      @if (restoredAt(); as when) {
        <p class="draft" role="status">
          Draft restored from {{ when }}.
          <button matButton type="button" (click)="discardDraft()">Discard draft</button>
        </p>
      }
      <p id="rating-label" class="label">How useful did {{ data.learnerName }} find it?</p>
      <mat-button-toggle-group
        aria-labelledby="rating-label"
        [hideSingleSelectionIndicator]="true"
        [value]="rating()"
        (change)="rating.set($event.value)"
      >
        @for (option of ratings; track option.value) {
          <mat-button-toggle [value]="option.value" [attr.data-rating]="option.value">
            <span class="rating-value">{{ option.value }}</span>
            <span class="rating-label">{{ option.label }}</span>
          </mat-button-toggle>
        }
      </mat-button-toggle-group>
      <mat-form-field appearance="outline" class="comment">
        <mat-label>In their words (optional)</mat-label>
        <textarea
          matInput
          rows="4"
          [maxlength]="maxLength"
          [ngModel]="comment()"
          (ngModelChange)="comment.set($event)"
        ></textarea>
        <mat-hint align="end">{{ comment().length }} / {{ maxLength }}</mat-hint>
      </mat-form-field>
      <p class="hint">Saved with the encounter when you save your changes.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (data.reflection) {
        <button matButton type="button" class="remove" (click)="remove()">Remove reflection</button>
      }
      <span class="spacer"></span>
      <button matButton type="button" (click)="cancel()">Cancel</button>
      <button matButton="filled" type="button" [disabled]="!canKeep()" (click)="keep()">
        Keep reflection
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .label {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-small);
    }
    mat-button-toggle-group {
      display: flex;
      margin-bottom: 1.25rem;
    }
    mat-button-toggle {
      flex: 1;
    }
    .rating-value {
      display: block;
      font: var(--mat-sys-title-medium);
    }
    .rating-label {
      display: block;
      font: var(--mat-sys-body-small);
      line-height: 1.2;
      padding-bottom: 0.25rem;
    }
    .comment {
      width: 100%;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .spacer {
      flex: 1;
    }
    .draft {
      margin: 0 0 0.75rem;
      padding: 0.25rem 0.75rem;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .remove {
      --mat-button-text-label-text-color: var(--mat-sys-error);
    }
  `,
})
export class ReflectionDialog {
  protected readonly data = inject<ReflectionDialogData>(MAT_DIALOG_DATA);
  private readonly reference = inject<MatDialogRef<ReflectionDialog, ReflectionDialogResult>>(MatDialogRef);
  protected readonly ratings = REFLECTION_RATINGS;
  protected readonly maxLength = REFLECTION_COMMENT_MAX_LENGTH;
  protected readonly rating = signal<number | null>(this.data.reflection?.rating ?? null);
  protected readonly comment = signal(this.data.reflection?.comment ?? '');
  protected readonly canKeep = computed(
    () => this.rating() !== null && this.comment().length <= REFLECTION_COMMENT_MAX_LENGTH,
  );
  private readonly drafts = inject(FormDrafts);
  private readonly dialog = inject(MatDialog);
  protected readonly restoredAt = signal<string | null>(null);
  /** Changed from what the dialog opened with: closing then asks first. */
  readonly hasChanges = computed(
    () =>
      this.rating() !== (this.data.reflection?.rating ?? null) ||
      this.comment() !== (this.data.reflection?.comment ?? ''),
  );

  constructor() {
    const name = this.data.draftName;
    if (name) {
      const stored = this.drafts.load<{ rating: number | null; comment: string }>(name);
      if (stored) {
        this.rating.set(stored.value.rating);
        this.comment.set(stored.value.comment);
        if (this.hasChanges()) this.restoredAt.set(draftTime(stored.savedAt));
      }
      effect(() => {
        const draft = { rating: this.rating(), comment: this.comment() };
        const changed = this.hasChanges();
        untracked(() => (changed ? this.drafts.save(name, draft) : this.drafts.clear(name)));
      });
    }
    inject(UnsavedChanges).watch(() => this.hasChanges());
    // Escape and a click outside ask first when something was typed.
    this.reference.disableClose = true;
    this.reference.backdropClick().subscribe(() => void this.cancel());
    this.reference.keydownEvents().subscribe((event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        void this.cancel();
      }
    });
  }

  protected async cancel(): Promise<void> {
    if (this.hasChanges() && !(await confirmLeaving(this.dialog, !!this.data.draftName))) return;
    this.reference.close(undefined);
  }

  protected discardDraft(): void {
    this.rating.set(this.data.reflection?.rating ?? null);
    this.comment.set(this.data.reflection?.comment ?? '');
    this.restoredAt.set(null);
  }

  protected keep(): void {
    const rating = this.rating();
    if (rating === null) return;
    this.close({ reflection: { rating, comment: this.comment().trim() } });
  }

  protected remove(): void {
    this.close({ reflection: null });
  }

  private close(result: ReflectionDialogResult): void {
    if (this.data.draftName) this.drafts.clear(this.data.draftName);
    this.reference.close(result);
  }
}

/** Opens the dialog and resolves with what the careers lead chose, or undefined when they cancelled. */
export async function editReflection(
  dialog: MatDialog,
  data: ReflectionDialogData,
): Promise<ReflectionDialogResult | undefined> {
  const reference = dialog.open<ReflectionDialog, ReflectionDialogData, ReflectionDialogResult>(
    ReflectionDialog,
    { data, width: '36rem', autoFocus: 'first-tabbable' },
  );
  return firstValueFrom(reference.afterClosed());
}
