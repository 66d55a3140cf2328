import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { apiErrorDetails, apiErrorMessage, plainReason } from '../core/api-error';

/** An API error in plain words: the message, and the fields or rows it names. Announced when it appears. */
@Component({
  selector: 'enc-api-error-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error()) {
      <div class="error" role="alert">
        <p class="message">{{ message() }}</p>
        @if (showDetails() && details().length > 1) {
          <ul class="details">
            @for (detail of details(); track $index) {
              <li>{{ detail }}</li>
            }
          </ul>
        }
      </div>
    }
  `,
  styleUrl: './api-error-message.scss',
})
export class ApiErrorMessage {
  /** The error as thrown by HttpClient; nothing is shown while it is null. */
  readonly error = input<unknown>(null);
  /** Labels for the fields the API names, so that details read as the screen does. */
  readonly labels = input<Readonly<Record<string, string>>>({});
  readonly showDetails = input(true);

  protected readonly message = computed(() => apiErrorMessage(this.error()));
  protected readonly details = computed(() =>
    apiErrorDetails(this.error()).map((detail) => plainReason(detail, this.labels())),
  );
}
