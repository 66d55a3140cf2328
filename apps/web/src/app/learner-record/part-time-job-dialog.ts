import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import {
  CreatePartTimeJobRequest,
  PartTimeJobResponse,
  Sector,
  SECTORS,
  todayIsoDate,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { httpErrorText } from '../core/http-error-text';
import { PartTimeJobsApi } from '../core/part-time-jobs-api';
import { FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';

export interface PartTimeJobDialogData {
  learnerId: string;
  learnerName: string;
  /** The job to change; absent to add one. */
  job?: PartTimeJobResponse;
}

/** The job ends on or after the day it started. */
export function endsAfterStart(form: AbstractControl): ValidationErrors | null {
  const { from, to } = form.value as { from?: string; to?: string };
  return from && to && to < from ? { endsBeforeStart: true } : null;
}

/**
 * The "To" field wears the form's end-before-start error as its own (outlined in red, `aria-invalid`, the message
 * under it), once it has been left or the form sent, as every other field does with its own errors.
 */
export const endDateErrorState: ErrorStateMatcher = {
  isErrorState: (control, form) =>
    control !== null &&
    !!control.parent?.hasError('endsBeforeStart') &&
    (control.touched || !!form?.submitted),
};

/** The body the API takes, from the form's values: trimmed, empty optional fields left out or cleared. */
export function partTimeJobBody(
  value: {
    employerName: string;
    sector: Sector | '';
    hoursPerWeek: number | string;
    from: string;
    to: string;
  },
  editing: boolean,
): CreatePartTimeJobRequest {
  return {
    employerName: value.employerName.trim(),
    hoursPerWeek: Number(value.hoursPerWeek),
    from: value.from,
    ...(value.sector ? { sector: value.sector } : editing ? { sector: null } : {}),
    ...(value.to ? { to: value.to } : editing ? { to: null } : {}),
  };
}

/** Adds or changes a learner's own part-time job (R-WEX-7). */
@Component({
  selector: 'enc-part-time-job-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  template: `
    <h2 mat-dialog-title>{{ data.job ? 'Change the part-time job' : 'Add a part-time job' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="for">
          For {{ data.learnerName }}. A learner's own job is recorded for the whole picture; it never counts
          as work experience.
        </p>
        <mat-form-field class="full">
          <mat-label>Employer</mat-label>
          <input matInput formControlName="employerName" required />
          @if (form.controls.employerName.hasError('required')) {
            <mat-error>Enter the employer's name.</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full">
          <mat-label>Sector (optional)</mat-label>
          <mat-select formControlName="sector">
            <mat-option value="">Not given</mat-option>
            @for (sector of sectors; track sector) {
              <mat-option [value]="sector">{{ sector }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="row">
          <mat-form-field>
            <mat-label>Hours a week</mat-label>
            <input
              matInput
              type="number"
              min="0.5"
              max="60"
              step="0.5"
              formControlName="hoursPerWeek"
              required
            />
            @if (form.controls.hoursPerWeek.invalid) {
              <mat-error>Enter the hours a week, more than 0 and at most 60.</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>From</mat-label>
            <input matInput type="date" formControlName="from" required />
            @if (form.controls.from.hasError('required')) {
              <mat-error>Enter the date the job started.</mat-error>
            }
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>To (optional)</mat-label>
            <input matInput type="date" formControlName="to" [errorStateMatcher]="endDateErrorState" />
            <mat-hint>Leave empty while the job goes on</mat-hint>
            @if (form.hasError('endsBeforeStart')) {
              <mat-error role="alert">The end date must be on or after the start.</mat-error>
            }
          </mat-form-field>
        </div>
        @if (errorMessage(); as message) {
          <p class="form-error" role="alert">{{ message }}</p>
        }
      </mat-dialog-content>
      <enc-dialog-actions
        [saving]="saving()"
        [submitLabel]="saving() ? 'Saving…' : data.job ? 'Save changes' : 'Add job'"
      />
    </form>
  `,
  styleUrl: './learner-dialog.scss',
})
export class PartTimeJobDialog {
  protected readonly data = inject<PartTimeJobDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<PartTimeJobDialog, PartTimeJobResponse>>(MatDialogRef);
  private readonly jobs = inject(PartTimeJobsApi);

  protected readonly sectors = SECTORS;
  protected readonly endDateErrorState = endDateErrorState;
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      employerName: [this.data.job?.employerName ?? '', [Validators.required, Validators.maxLength(200)]],
      sector: [(this.data.job?.sector ?? '') as Sector | ''],
      hoursPerWeek: [
        this.data.job?.hoursPerWeek ?? 8,
        [Validators.required, Validators.min(0.5), Validators.max(60)],
      ],
      from: [this.data.job?.from ?? todayIsoDate(), Validators.required],
      to: [this.data.job?.to ?? ''],
    },
    { validators: endsAfterStart },
  );

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form) || this.saving()) return;
    const body = partTimeJobBody(this.form.getRawValue(), Boolean(this.data.job));
    this.saving.set(true);
    this.errorMessage.set(null);
    try {
      const saved = this.data.job
        ? this.jobs.update(this.data.learnerId, this.data.job.id, body)
        : this.jobs.create(this.data.learnerId, body);
      this.dialog.close(await firstValueFrom(saved));
    } catch (error) {
      this.errorMessage.set(httpErrorText(error, 'This learner or job was not found.'));
    } finally {
      this.saving.set(false);
    }
  }
}
