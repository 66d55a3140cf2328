import { ChangeDetectionStrategy, Component, inject, input, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { EncounterResponse, formatBritishDate } from '@encounters/domain';

import { EncountersApi } from '../core/encounters-api';
import { EncounterForm } from './encounter-form';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PendingAction } from '../ui/pending-action';
import { HasUnsavedChanges } from '../ui/unsaved-changes';
import { deleteEncounter } from './delete-encounter';

/** One encounter, open for changes, reusing the logging form. */
@Component({
  selector: 'enc-encounter-edit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, EncounterForm, MatButtonModule, MatProgressBarModule, RouterLink],
  template: `
    <p><a routerLink="/encounters">← All encounters</a></p>
    @if (encounter.isLoading()) {
      <h1>Encounter</h1>
      <mat-progress-bar mode="indeterminate" aria-label="Loading the encounter" />
    } @else if (encounter.error()) {
      <h1>Encounter</h1>
      <enc-api-error-message [error]="encounter.error()" />
    } @else if (encounter.value(); as current) {
      <h1>{{ current.title }}</h1>
      <p class="intro">
        Logged for {{ date(current.date) }}; {{ current.attendedCount }} attended. Change anything below, then
        save.
      </p>
      <enc-encounter-form [encounter]="current" (saved)="saved($event)">
        <button matButton type="button" class="delete" (click)="remove(current)">Delete encounter</button>
      </enc-encounter-form>
      <enc-api-error-message [error]="deletion.error()" />
    }
  `,
  styles: `
    .intro {
      color: var(--mat-sys-on-surface-variant);
    }
    .delete {
      color: var(--mat-sys-error);
    }
  `,
})
export class EncounterEdit implements HasUnsavedChanges {
  private readonly api = inject(EncountersApi);
  private readonly form = viewChild(EncounterForm);
  /** Set while the encounter is being deleted: nothing is left to save. */
  private deleting = false;
  readonly keepsDraft = true;

  hasUnsavedChanges(): boolean {
    return !this.deleting && (this.form()?.hasChanges() ?? false);
  }

  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  /** From the route: `/encounters/:encounterId`. */
  readonly encounterId = input.required<string>();

  protected readonly encounter = rxResource({
    params: () => this.encounterId(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly deletion = new PendingAction();

  protected date(iso: string): string {
    return formatBritishDate(iso);
  }

  protected saved(encounter: EncounterResponse): void {
    this.encounter.set(encounter);
    this.snackBar.open('Changes saved.', undefined, { duration: 4000 });
  }

  protected async remove(encounter: EncounterResponse): Promise<void> {
    if (await deleteEncounter(this.dialog, this.api, this.deletion, encounter)) {
      this.deleting = true;
      this.form()?.discardDraft();
      await this.router.navigate(['/encounters']);
    }
  }
}
