import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { ApiErrorMessage } from './api-error-message';
import { PendingAction } from './pending-action';

/**
 * Above a list or in a form: a progress bar while it loads or saves, and the API's error when there is one;
 * `[pending]` reads both from a form's `PendingAction`.
 */
@Component({
  selector: 'enc-progress-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, MatProgressBarModule],
  template: `
    @if (loading() || pending()?.busy()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    }
    <enc-api-error-message [error]="error() ?? pending()?.error()" />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class ProgressStatus {
  readonly loading = input(false);
  /** What the progress bar is for, e.g. "Loading encounters". */
  readonly label = input.required<string>();
  readonly error = input<unknown>(null);
  /** The write whose progress and error this shows, in place of `loading` and `error`. */
  readonly pending = input<PendingAction | null>(null);
}
