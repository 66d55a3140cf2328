import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { EncounterResponse } from '@encounters/domain';

import { HasUnsavedChanges } from '../ui/unsaved-changes';
import { EncounterForm } from './encounter-form';

/** Log an encounter: the careers lead's journey "in under a minute". */
@Component({
  selector: 'enc-log-encounter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EncounterForm],
  template: `
    <h1>Log an encounter</h1>
    <p class="intro">
      Fill in the four steps and save once. The checklist shows only what fits the organisations and format
      you choose; untick any learner who was absent.
    </p>
    <enc-encounter-form (saved)="logged($event)" />
  `,
  styles: `
    .intro {
      max-width: 48rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LogEncounter implements HasUnsavedChanges {
  private readonly router = inject(Router);
  private readonly form = viewChild(EncounterForm);
  readonly keepsDraft = true;

  hasUnsavedChanges(): boolean {
    return this.form()?.hasChanges() ?? false;
  }

  private readonly snackBar = inject(MatSnackBar);

  protected async logged(encounter: EncounterResponse): Promise<void> {
    const absent = encounter.attendance.filter((item) => item.status !== 'attended').length;
    this.snackBar.open(
      `Encounter logged: ${encounter.attendedCount} attending, ${absent} absent.`,
      undefined,
      { duration: 6000, politeness: 'polite' },
    );
    await this.router.navigate(['/encounters'], { queryParams: { academyId: encounter.academyId } });
  }
}
