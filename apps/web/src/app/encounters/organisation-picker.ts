import { ChangeDetectionStrategy, Component, computed, inject, model, signal } from '@angular/core';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { catchError, map, of } from 'rxjs';

import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { openOrganisationDialog } from '../organisations/organisation-dialog';
import { WORDS } from '../ui/words';
import { searchAsTyped } from '../ui/paged-list';

/** A value of the autocomplete that is not an organisation: "add a new one called …". */
const CREATE = '__create__';

/** Organisations of an encounter: type-ahead over the directory, or a new one created on the spot. */
@Component({
  selector: 'enc-organisation-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatAutocompleteModule, MatButtonModule, MatChipsModule, MatFormFieldModule, MatInputModule],
  template: `
    <div class="row">
      <mat-form-field appearance="outline" class="field">
        <mat-label>Find an organisation</mat-label>
        <input
          matInput
          placeholder="Type a name, e.g. Etruria"
          [matAutocomplete]="auto"
          [value]="typed()"
          (input)="typed.set($any($event.target).value)"
          data-testid="organisation-search"
        />
        <mat-autocomplete #auto="matAutocomplete" (optionSelected)="choose($event)">
          @for (organisation of suggestions(); track organisation.id) {
            <mat-option [value]="organisation.id">
              {{ organisation.name }}
              <span class="option-type">· {{ words.organisationType[organisation.type] }}</span>
            </mat-option>
          }
          @if (typed().trim()) {
            <mat-option [value]="create">Add “{{ typed().trim() }}” as a new organisation…</mat-option>
          }
        </mat-autocomplete>
        <mat-hint>Start typing to search the directory; pick as many as took part.</mat-hint>
      </mat-form-field>
      <button matButton type="button" class="new" (click)="openCreate('')">New organisation…</button>
    </div>
    @if (organisations().length) {
      <mat-chip-set aria-label="Organisations chosen" class="chosen">
        @for (organisation of organisations(); track organisation.id) {
          <mat-chip (removed)="remove(organisation.id)">
            {{ organisation.name }}
            <span class="chip-type">· {{ words.organisationType[organisation.type] }}</span>
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + organisation.name">
              <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
                <path
                  fill="currentColor"
                  d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
                />
              </svg>
            </button>
          </mat-chip>
        }
      </mat-chip-set>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .chosen {
      display: block;
      margin: 0.5rem 0;
    }

    .field {
      flex: 1 1 28rem;
    }
    .new {
      margin-top: 0.5rem;
    }
    .chip-type,
    .option-type {
      color: var(--mat-sys-on-surface-variant);
      font-size: 0.875em;
    }
  `,
})
export class OrganisationPicker {
  private readonly api = inject(OrganisationsApi);
  private readonly dialog = inject(MatDialog);

  readonly organisations = model<OrganisationView[]>([]);

  protected readonly words = WORDS;
  protected readonly create = CREATE;
  protected readonly typed = signal('');

  private readonly found = searchAsTyped(
    this.typed,
    150,
    (q) =>
      this.api.list({ q: q || undefined, pageSize: 10 }).pipe(
        map((page) => page.items),
        catchError(() => of([] as OrganisationView[])),
      ),
    [] as OrganisationView[],
  );
  protected readonly suggestions = computed(() => {
    const chosen = new Set(this.organisations().map((organisation) => organisation.id));
    return this.found().filter((organisation) => !chosen.has(organisation.id));
  });

  protected choose(event: MatAutocompleteSelectedEvent): void {
    const id = event.option.value as string;
    if (id === CREATE) {
      this.openCreate(this.typed().trim());
    } else {
      const organisation = this.found().find((candidate) => candidate.id === id);
      if (organisation) this.add(organisation);
    }
    this.typed.set('');
    event.option.deselect();
  }

  protected remove(id: string): void {
    this.organisations.update((list) => list.filter((organisation) => organisation.id !== id));
  }

  protected openCreate(name: string): void {
    openOrganisationDialog(this.dialog, { name, compact: true })
      .afterClosed()
      .subscribe((organisation) => {
        if (organisation) this.add(organisation);
      });
  }

  private add(organisation: OrganisationView): void {
    this.organisations.update((list) =>
      list.some((item) => item.id === organisation.id) ? list : [...list, organisation],
    );
  }
}
