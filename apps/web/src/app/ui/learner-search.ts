import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { LearnerListItem } from '@encounters/domain';
import { catchError, map, of, startWith } from 'rxjs';

import { LearnersApi } from '../core/learners-api';
import { searchAsTyped } from './paged-list';

/** Fewer characters than this match too many learners to be worth asking about. */
const SHORTEST_QUERY = 2;
/** Suggestions shown at once: enough to pick from, few enough to read. */
export const LEARNER_SUGGESTIONS = 8;

type Found = { state: 'idle' | 'searching' | 'failed' } | { state: 'found'; learners: LearnerListItem[] };

/** "Year 10 · 10A · A123456789012": what tells two learners of one name apart. */
export function learnerSummary(learner: LearnerListItem): string {
  return [`Year ${learner.yearGroup}`, learner.group?.name, learner.upn].filter(Boolean).join(' · ');
}

/**
 * A learner by name or UPN, typed ahead over the learners the user may see (the API scopes the answer).
 * Arrow keys move through the suggestions, Enter picks the highlighted one (the first, unless moved);
 * `picked` says which.
 */
@Component({
  selector: 'enc-learner-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field [appearance]="appearance()" subscriptSizing="dynamic" class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="search"
        autocomplete="off"
        spellcheck="false"
        [placeholder]="placeholder()"
        [matAutocomplete]="auto"
        [value]="typed()"
        (input)="edit($any($event.target).value)"
        [attr.data-testid]="testId()"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        autoActiveFirstOption
        [displayWith]="display"
        panelWidth="min(28rem, 95vw)"
        (optionSelected)="choose($event)"
      >
        @switch (found().state) {
          @case ('searching') {
            <mat-option disabled>Searching…</mat-option>
          }
          @case ('failed') {
            <mat-option disabled>The search did not work. Try again.</mat-option>
          }
        }
        @if (found(); as result) {
          @if (result.state === 'found') {
            @for (learner of result.learners; track learner.id) {
              <mat-option [value]="learner" class="learner-option">
                <span class="name">{{ learner.name }}</span>
                <span class="summary">{{ summary(learner) }}</span>
              </mat-option>
            } @empty {
              <mat-option disabled>No learner you can see matches “{{ typed().trim() }}”</mat-option>
            }
          }
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .learner-option .name {
      display: block;
      font: var(--mat-sys-body-large);
    }
    .learner-option .summary {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class LearnerSearch {
  private readonly api = inject(LearnersApi);

  readonly label = input('Find a learner');
  readonly placeholder = input('Name or UPN');
  readonly appearance = input<'outline' | 'fill'>('outline');
  readonly testId = input<string | null>(null);
  /** Empties the box once a learner is picked (the top bar), or shows the learner's name (a filter). */
  readonly clearOnPick = input(true);
  readonly picked = output<LearnerListItem>();
  /** The words were changed by hand: a learner picked before is no longer what the box says. */
  readonly edited = output<string>();

  protected readonly typed = signal('');
  protected readonly summary = learnerSummary;

  protected readonly found = searchAsTyped(
    this.typed,
    200,
    (q) =>
      q.length < SHORTEST_QUERY
        ? of<Found>({ state: 'idle' })
        : this.api.list({ q, pageSize: LEARNER_SUGGESTIONS }).pipe(
            map((page): Found => ({ state: 'found', learners: page.items })),
            catchError(() => of<Found>({ state: 'failed' })),
            startWith<Found>({ state: 'searching' }),
          ),
    { state: 'idle' } as Found,
  );

  protected edit(text: string): void {
    this.typed.set(text);
    this.edited.emit(text);
  }

  /** What the box shows once an option is picked. */
  protected readonly display = (learner: LearnerListItem | string | null): string =>
    typeof learner === 'string' ? learner : learner && !this.clearOnPick() ? learner.name : '';

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const learner = event.option.value as LearnerListItem;
    this.typed.set(this.clearOnPick() ? '' : learner.name);
    event.option.deselect();
    this.picked.emit(learner);
  }

  /** Empties the box (a filter cleared from outside). */
  clear(): void {
    this.typed.set('');
  }
}
