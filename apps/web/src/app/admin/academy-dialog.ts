import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { ACADEMY_PHASES, AcademyPhase, AcademyResponse } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { ApiErrorMessage } from '../ui/api-error-message';

export const PHASE_LABELS: Readonly<Record<AcademyPhase, string>> = {
  primary: 'Primary',
  first: 'First school',
  middle: 'Middle school',
  secondary: 'Secondary',
  sixth_form: 'Sixth form',
  all_through: 'All-through',
  special: 'Special school',
};

/** Adds an academy to the trust or corrects its name, URN or phase. */
@Component({
  selector: 'enc-academy-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorMessage,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>{{ data ? 'Edit ' + data.name : 'New academy' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required />
          <mat-error>Enter the academy's name.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>URN</mat-label>
          <input matInput formControlName="urn" required inputmode="numeric" maxlength="6" />
          <mat-hint>The DfE unique reference number: six digits.</mat-hint>
          <mat-error>Enter the six-digit URN.</mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Phase</mat-label>
          <mat-select formControlName="phase" required>
            @for (phase of phases; track phase) {
              <mat-option [value]="phase">{{ phaseLabels[phase] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <enc-api-error-message [error]="error()" />
        @if (saving()) {
          <mat-progress-bar mode="indeterminate" aria-label="Saving the academy" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">
          {{ data ? 'Save changes' : 'Add academy' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-width: min(28rem, 80vw);
    }
  `,
})
export class AcademyDialog {
  protected readonly data = inject<AcademyResponse | null>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly reference = inject<MatDialogRef<AcademyDialog, AcademyResponse>>(MatDialogRef);

  protected readonly phases = ACADEMY_PHASES;
  protected readonly phaseLabels = PHASE_LABELS;
  protected readonly saving = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data?.name ?? '', Validators.required],
    urn: [this.data?.urn ?? '', [Validators.required, Validators.pattern(/^\d{6}$/)]],
    phase: [this.data?.phase ?? ('secondary' as AcademyPhase), Validators.required],
  });

  protected async save(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body = { ...this.form.getRawValue(), name: this.form.getRawValue().name.trim() };
    this.saving.set(true);
    this.error.set(null);
    try {
      this.reference.close(
        await firstValueFrom(
          this.data ? this.api.updateAcademy(this.data.id, body) : this.api.createAcademy(body),
        ),
      );
    } catch (error) {
      this.error.set(error);
    } finally {
      this.saving.set(false);
    }
  }
}

export function openAcademyDialog(dialog: MatDialog, academy: AcademyResponse | null) {
  return dialog.open<AcademyDialog, AcademyResponse | null, AcademyResponse>(AcademyDialog, {
    data: academy,
    width: '32rem',
    maxWidth: '95vw',
  });
}
