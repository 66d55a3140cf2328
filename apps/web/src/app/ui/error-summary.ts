import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  input,
  untracked,
  viewChild,
} from '@angular/core';

/** One problem with a form: what is wrong, and the id of the field or section to fix it in. */
export interface FormProblem {
  message: string;
  /** The element to move to; when it is not focusable itself, its first focusable control is. */
  targetId?: string;
}

/** Moves focus to the element with the id, or to the first control inside it, and brings it into view. */
export function focusTarget(document: Document, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const focusable = target.matches('input, select, textarea, button, [tabindex]')
    ? target
    : target.querySelector<HTMLElement>(
        'input:not([type=hidden]):not([disabled]), textarea, [role=combobox], button:not([disabled]), [tabindex="0"]',
      );
  target.scrollIntoView?.({ block: 'center' });
  (focusable ?? target).focus({ preventScroll: true });
}

/**
 * The GOV.UK error summary: "There is a problem", then each problem as a link to its field. With `focusOnShow`
 * it takes focus when it appears or its problems change, so that a screen reader reads it and the eye finds it
 * wherever Save was pressed; it is then also the `role=alert` one (a page shows the summary twice at most:
 * above the form and beside the save bar).
 */
@Component({
  selector: 'enc-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div
        #summary
        class="error-summary"
        tabindex="-1"
        [attr.role]="focusOnShow() ? 'alert' : null"
        [attr.aria-labelledby]="headingId()"
        data-testid="error-summary"
      >
        <h2 class="title" [id]="headingId()">{{ title() }}</h2>
        <ul>
          @for (problem of problems(); track $index) {
            <li>
              @if (problem.targetId) {
                <a [href]="'#' + problem.targetId" (click)="go($event, problem.targetId)">{{
                  problem.message
                }}</a>
              } @else {
                {{ problem.message }}
              }
            </li>
          }
        </ul>
        <ng-content />
      </div>
    }
  `,
  styles: `
    .error-summary {
      margin-block: 0.75rem;
      padding: 0.75rem 1rem;
      border: 3px solid var(--mat-sys-error);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .error-summary:focus {
      outline: 3px solid #ffdd00;
      outline-offset: 0;
    }
    .title {
      margin: 0 0 0.25rem;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-error);
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    a {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
})
export class ErrorSummary {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly problems = input<readonly FormProblem[]>([]);
  readonly title = input('There is a problem');
  readonly headingId = input('error-summary-title');
  /** Takes focus (and is announced) whenever problems appear. */
  readonly focusOnShow = input(false);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  constructor() {
    effect(() => {
      const element = this.summary();
      this.problems();
      if (!element || !untracked(this.focusOnShow)) return;
      element.nativeElement.focus({ preventScroll: true });
    });
  }

  protected go(event: Event, id: string): void {
    event.preventDefault();
    focusTarget(this.host.nativeElement.ownerDocument, id);
  }
}
