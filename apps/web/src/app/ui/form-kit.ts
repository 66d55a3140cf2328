import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { AbstractControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';

import { ApiErrorMessage } from './api-error-message';
import { PendingAction } from './pending-action';
import { ProgressStatus } from './progress-status';

/** Whether a form may be sent; when it may not, every field shows its error. */
export function readyToSubmit(form: AbstractControl): boolean {
  if (!form.invalid) return true;
  form.markAllAsTouched();
  return false;
}

/** `list` with `item` added (when `checked`) or taken out: for a group of checkboxes bound to one signal. */
export function toggled<T>(list: readonly T[], item: T, checked: boolean): T[] {
  return checked ? [...list, item] : list.filter((other) => other !== item);
}

/**
 * The Cancel and submit buttons at the foot of a form in a dialog; Cancel closes it with nothing. The submit
 * button is disabled while `saving`, or while the dialog's `pending` write runs.
 */
@Component({
  selector: 'enc-dialog-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <mat-dialog-actions align="end">
      @if (cancel(); as ask) {
        <button matButton type="button" (click)="ask()">Cancel</button>
      } @else {
        <button matButton type="button" mat-dialog-close>Cancel</button>
      }
      <button matButton="filled" type="submit" [disabled]="busy()">{{ submitLabel() }}</button>
    </mat-dialog-actions>
  `,
})
export class DialogActions {
  readonly saving = input(false);
  readonly pending = input<PendingAction | null>(null);
  protected readonly busy = computed(() => this.saving() || !!this.pending()?.busy());
  /** The submit button's words: "Save changes", "Add academy". */
  readonly submitLabel = input.required<string>();
  /** What Cancel does instead of closing at once: asking first when there are changes (`askBeforeClosing`). */
  readonly cancel = input<(() => Promise<void>) | null>(null);
}

/** What a form's template uses: fields, choices, checkboxes, the dialog's parts, progress and errors. */
export const FORM_IMPORTS = [
  ApiErrorMessage,
  DialogActions,
  MatButtonModule,
  MatCheckboxModule,
  MatDialogModule,
  MatFormFieldModule,
  MatInputModule,
  MatProgressBarModule,
  MatSelectModule,
  ProgressStatus,
  ReactiveFormsModule,
] as const;

/** The fields of a form in a dialog, one above the other, the dialog at least `minWidth` wide (80% of a narrow screen). */
export function dialogFormStyles(minWidth: string): string {
  return `
  .content {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    min-width: min(${minWidth}, 80vw);
  }
`;
}
