import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What a page shows when it has nothing to list yet: a short heading and a sentence on what comes next. */
@Component({
  selector: 'enc-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="heading">{{ heading() }}</h2>
    <p class="message"><ng-content /></p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 40rem;
      margin-block: 1.5rem;
      padding: 1.5rem;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .message {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class EmptyState {
  readonly heading = input.required<string>();
}
