import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import {
  ACADEMY_EVALUATION_TYPE_LABELS,
  ACADEMY_EVALUATION_TYPES,
  ACADEMY_PHASES,
  AcademyEvaluationType,
  AcademyPhase,
  AcademyResponse,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { dialogFormStyles, FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { askBeforeClosing } from '../ui/unsaved-changes';
import { PendingAction } from '../ui/pending-action';
import { WORDS } from '../ui/words';

/** Adds an academy to the trust or corrects its name, URN, phase or evaluation type (R-V-1). */
@Component({
  selector: 'enc-academy-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
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
              <mat-option [value]="phase">{{ words.phase[phase] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Judged as</mat-label>
          <mat-select formControlName="evaluationType" required>
            @for (type of evaluationTypes; track type) {
              <mat-option [value]="type">{{ evaluationTypeLabels[type] }}</mat-option>
            }
          </mat-select>
          <mat-hint
            >A sixth-form college is judged by the programme rules: two employer encounters a year, one linked
            to the curriculum, and Benchmarks 6 to 8 by the end of the programme.</mat-hint
          >
        </mat-form-field>
        <enc-progress-status [pending]="submission" label="Saving the academy" />
      </mat-dialog-content>
      <enc-dialog-actions
        [cancel]="cancel"
        [pending]="submission"
        [submitLabel]="data ? 'Save changes' : 'Add academy'"
      />
    </form>
  `,
  styles: dialogFormStyles('28rem'),
})
export class AcademyDialog {
  protected readonly data = inject<AcademyResponse | null>(MAT_DIALOG_DATA);
  private readonly api = inject(AdminApi);
  private readonly reference = inject<MatDialogRef<AcademyDialog, AcademyResponse>>(MatDialogRef);

  protected readonly phases = ACADEMY_PHASES;
  protected readonly evaluationTypes = ACADEMY_EVALUATION_TYPES;
  protected readonly evaluationTypeLabels = ACADEMY_EVALUATION_TYPE_LABELS;
  protected readonly words = WORDS;
  protected readonly submission = new PendingAction();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data?.name ?? '', Validators.required],
    urn: [this.data?.urn ?? '', [Validators.required, Validators.pattern(/^\d{6}$/)]],
    phase: [this.data?.phase ?? ('secondary' as AcademyPhase), Validators.required],
    evaluationType: [this.data?.evaluationType ?? ('school' as AcademyEvaluationType), Validators.required],
  });

  /** Cancel, Escape and a click outside ask first once anything is changed. */
  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    const body = { ...this.form.getRawValue(), name: this.form.getRawValue().name.trim() };
    await this.submission.run(async () =>
      this.reference.close(
        await firstValueFrom(
          this.data ? this.api.updateAcademy(this.data.id, body) : this.api.createAcademy(body),
        ),
      ),
    );
  }
}

export function openAcademyDialog(dialog: MatDialog, academy: AcademyResponse | null) {
  return dialog.open<AcademyDialog, AcademyResponse | null, AcademyResponse>(AcademyDialog, {
    data: academy,
    width: '32rem',
    maxWidth: '95vw',
  });
}
