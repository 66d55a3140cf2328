import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import { AcademicYear, addDays, MarkNeetRiskRequest, NeetRiskEntry, todayIsoDate } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { dialogFormStyles, FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { PendingAction } from '../ui/pending-action';
import { askBeforeClosing } from '../ui/unsaved-changes';

export interface NeetRiskDialogData {
  entry: Pick<NeetRiskEntry, 'learnerId' | 'name' | 'marked'>;
  /** The year of the list: the learner is in Year 11 or 13 in it. */
  academicYear: AcademicYear;
}

const FIELD_LABELS: Record<string, string> = {
  reason: 'Reason',
  support: 'Support agreed',
  reviewOn: 'Review date',
};

/** A review a few weeks on, unless the careers lead picks another day. */
const DEFAULT_REVIEW_DAYS = 28;

/**
 * R-DEST-3: marks a learner at risk of not being in education, employment or training, or changes the mark:
 * the reason, the support agreed and the day to review it. Closes true once saved.
 */
@Component({
  selector: 'enc-neet-risk-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  template: `
    <h2 mat-dialog-title>
      {{ data.entry.marked ? 'Change the NEET-risk mark' : 'Mark at NEET risk' }}: {{ data.entry.name }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        <mat-form-field appearance="outline">
          <mat-label>Reason</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="2"
            maxlength="2000"
            required
            cdkFocusInitial
          ></textarea>
          @if (form.controls.reason.invalid) {
            <mat-error>Say why the learner is at risk.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Support agreed</mat-label>
          <textarea matInput formControlName="support" rows="2" maxlength="2000"></textarea>
          <mat-hint>Leave empty until the support is agreed.</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Review date</mat-label>
          <input matInput type="date" formControlName="reviewOn" required />
          @if (form.controls.reviewOn.invalid) {
            <mat-error>Enter the day to review the support.</mat-error>
          }
        </mat-form-field>
        <enc-api-error-message [error]="submission.error()" [labels]="fieldLabels" />
        <enc-progress-status [loading]="submission.busy()" label="Saving the mark" />
      </mat-dialog-content>
      <enc-dialog-actions
        [cancel]="cancel"
        [pending]="submission"
        [submitLabel]="data.entry.marked ? 'Save changes' : 'Mark at risk'"
      />
    </form>
  `,
  styles: dialogFormStyles('28rem'),
})
export class NeetRiskDialog {
  protected readonly data = inject<NeetRiskDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DestinationsApi);
  private readonly reference = inject<MatDialogRef<NeetRiskDialog, boolean>>(MatDialogRef);

  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly submission = new PendingAction();
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [this.data.entry.marked?.reason ?? '', Validators.required],
    support: [this.data.entry.marked?.support ?? ''],
    reviewOn: [
      this.data.entry.marked?.reviewOn ?? addDays(todayIsoDate(), DEFAULT_REVIEW_DAYS),
      Validators.required,
    ],
  });

  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    if (!value.reason.trim()) this.form.controls.reason.setErrors({ required: true });
    if (!readyToSubmit(this.form)) return;
    const body: MarkNeetRiskRequest = {
      learnerId: this.data.entry.learnerId,
      reason: value.reason.trim(),
      support: value.support.trim(),
      reviewOn: value.reviewOn,
      academicYear: this.data.academicYear,
    };
    await this.submission.run(async () => {
      await firstValueFrom(this.api.markNeetRisk(body));
      this.reference.close(true);
    });
  }
}

/** Opens the dialog; resolves true once the mark is saved. */
export async function openNeetRiskDialog(dialog: MatDialog, data: NeetRiskDialogData): Promise<boolean> {
  const saved = await firstValueFrom(
    dialog
      .open<NeetRiskDialog, NeetRiskDialogData, boolean>(NeetRiskDialog, {
        data,
        width: '34rem',
        maxWidth: '95vw',
      })
      .afterClosed(),
  );
  return saved === true;
}
