import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';

import { ApiErrorMessage } from './api-error-message';

/** Above a list or in a form: a progress bar while it loads or saves, and the API's error when there is one. */
@Component({
  selector: 'enc-progress-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, MatProgressBarModule],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="label()" />
    }
    <enc-api-error-message [error]="error()" />
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
}
