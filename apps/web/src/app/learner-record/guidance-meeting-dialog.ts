import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import {
  CreateGuidanceMeetingRequest,
  GUIDANCE_MEETING_MODES,
  GuidanceMeetingMode,
  GuidanceMeetingResponse,
  MIN_SPECIALIST_ADVISER_LEVEL,
  todayIsoDate,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { httpErrorText } from '../core/http-error-text';
import { LearnersApi } from '../core/learners-api';
import { FORM_IMPORTS } from '../ui/form-kit';
import { WORDS } from '../ui/words';

export interface GuidanceMeetingDialogData {
  learnerId: string;
  learnerName: string;
  /** Filled in for an adviser recording their own meeting. */
  adviserName: string;
}

/** The follow-up, when given, comes after the meeting. */
function followUpAfterMeeting(form: AbstractControl): ValidationErrors | null {
  const { date, followUpOn } = form.value as { date?: string; followUpOn?: string };
  return date && followUpOn && followUpOn < date ? { followUpBeforeMeeting: true } : null;
}

/** Records a one-to-one personal guidance meeting (B8) for the learner, with its restricted notes. */
@Component({
  selector: 'enc-guidance-meeting-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS, MatRadioModule],
  templateUrl: './guidance-meeting-dialog.html',
  styleUrls: ['./learner-dialog.scss', './guidance-meeting-dialog.scss'],
})
export class GuidanceMeetingDialog {
  protected readonly data = inject<GuidanceMeetingDialogData>(MAT_DIALOG_DATA);
  private readonly dialog =
    inject<MatDialogRef<GuidanceMeetingDialog, GuidanceMeetingResponse>>(MatDialogRef);
  private readonly learners = inject(LearnersApi);

  protected readonly modes = GUIDANCE_MEETING_MODES;
  protected readonly words = WORDS;
  protected readonly levels = [1, 2, 3, 4, 5, 6, 7, 8];
  protected readonly minLevel = MIN_SPECIALIST_ADVISER_LEVEL;
  protected readonly today = todayIsoDate();
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      date: [this.today, Validators.required],
      adviserName: [this.data.adviserName, [Validators.required, Validators.maxLength(200)]],
      adviserLevel: [MIN_SPECIALIST_ADVISER_LEVEL, Validators.required],
      mode: ['in_person' as GuidanceMeetingMode, Validators.required],
      summary: ['', [Validators.required, Validators.maxLength(10000)]],
      agreedActions: ['', [Validators.required, Validators.maxLength(10000)]],
      followUpOn: [''],
    },
    { validators: followUpAfterMeeting },
  );

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    const body: CreateGuidanceMeetingRequest = {
      learnerId: this.data.learnerId,
      date: value.date,
      adviserName: value.adviserName.trim(),
      adviserLevel: Number(value.adviserLevel),
      mode: value.mode,
      summary: value.summary.trim(),
      agreedActions: value.agreedActions.trim(),
      ...(value.followUpOn ? { followUpOn: value.followUpOn } : {}),
    };
    this.saving.set(true);
    this.errorMessage.set(null);
    try {
      this.dialog.close(await firstValueFrom(this.learners.recordGuidanceMeeting(body)));
    } catch (error) {
      const details =
        error instanceof HttpErrorResponse
          ? (error.error?.details as { reason?: string; field?: string }[])
          : [];
      const reasons = (details ?? []).map((detail) =>
        [detail.field, detail.reason].filter(Boolean).join(': '),
      );
      this.errorMessage.set([httpErrorText(error, 'This learner was not found.'), ...reasons].join(' '));
    } finally {
      this.saving.set(false);
    }
  }
}
