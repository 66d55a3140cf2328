import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import {
  ACTUAL_DESTINATION_CATEGORIES,
  ACTUAL_DESTINATION_CATEGORY_LABELS,
  ActualDestinationCategory,
  AcademicYear,
  anniversaryDate,
  DESTINATION_ANNIVERSARIES,
  DESTINATION_SOURCE_LABELS,
  DESTINATION_SOURCES,
  DestinationAnniversary,
  DestinationSource,
  formatBritishDate,
  LeaverRow,
  RecordActualDestinationRequest,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { dialogFormStyles, FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { PendingAction } from '../ui/pending-action';
import { askBeforeClosing } from '../ui/unsaved-changes';
import { anniversaryName } from './destination-words';

export interface ActualDestinationDialogData {
  leaver: LeaverRow;
  leftIn: AcademicYear;
}

const FIELD_LABELS: Record<string, string> = {
  anniversary: 'Anniversary',
  category: 'What they were doing',
  provider: 'Provider or employer',
  source: 'Who told us',
  consentToFollowUp: 'Agreed to be followed up',
};

/** The anniversary to record first: the earliest still to follow up, else the latest recorded, else the first. */
export function anniversaryToRecord(leaver: LeaverRow): DestinationAnniversary {
  if (leaver.toFollowUp.length) return Math.min(...leaver.toFollowUp) as DestinationAnniversary;
  const recorded = leaver.destinations.map((destination) => destination.anniversary);
  return recorded.length ? (Math.max(...recorded) as DestinationAnniversary) : 1;
}

/**
 * R-DEST-4: what a leaver was doing on 1 October of the first, second or third year after leaving, who told
 * us, and whether they agreed to be followed up. Closes true once saved.
 */
@Component({
  selector: 'enc-actual-destination-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  template: `
    <h2 mat-dialog-title>{{ data.leaver.name }}: destination after leaving</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        <mat-form-field appearance="outline">
          <mat-label>Anniversary</mat-label>
          <mat-select formControlName="anniversary" (valueChange)="fillFrom($event)">
            @for (anniversary of anniversaries; track anniversary) {
              <mat-option [value]="anniversary">{{ anniversaryText(anniversary) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>What they were doing</mat-label>
          <mat-select formControlName="category" required cdkFocusInitial>
            @for (category of categories; track category) {
              <mat-option [value]="category">{{ categoryLabels[category] }}</mat-option>
            }
          </mat-select>
          @if (form.controls.category.hasError('required')) {
            <mat-error>Choose what the leaver was doing on that day.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Provider or employer (optional)</mat-label>
          <input matInput formControlName="provider" maxlength="200" autocomplete="off" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Who told us</mat-label>
          <mat-select formControlName="source" required>
            @for (source of sources; track source) {
              <mat-option [value]="source">{{ sourceLabels[source] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-checkbox formControlName="consentToFollowUp">The leaver agreed to be followed up</mat-checkbox>
        <enc-api-error-message [error]="submission.error()" [labels]="fieldLabels" />
        <enc-progress-status [loading]="submission.busy()" label="Saving the destination" />
      </mat-dialog-content>
      <enc-dialog-actions [cancel]="cancel" [pending]="submission" submitLabel="Save destination" />
    </form>
  `,
  styles: dialogFormStyles('28rem'),
})
export class ActualDestinationDialog {
  protected readonly data = inject<ActualDestinationDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DestinationsApi);
  private readonly reference = inject<MatDialogRef<ActualDestinationDialog, boolean>>(MatDialogRef);

  protected readonly anniversaries = DESTINATION_ANNIVERSARIES;
  protected readonly categories = ACTUAL_DESTINATION_CATEGORIES;
  protected readonly categoryLabels = ACTUAL_DESTINATION_CATEGORY_LABELS;
  protected readonly sources = DESTINATION_SOURCES;
  protected readonly sourceLabels = DESTINATION_SOURCE_LABELS;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly submission = new PendingAction();

  protected readonly form = inject(NonNullableFormBuilder).group({
    anniversary: [anniversaryToRecord(this.data.leaver)],
    category: ['' as ActualDestinationCategory | '', Validators.required],
    provider: ['', Validators.maxLength(200)],
    source: ['learner' as DestinationSource, Validators.required],
    consentToFollowUp: [this.data.leaver.consentToFollowUp ?? false],
  });

  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  constructor() {
    this.fillFrom(this.form.controls.anniversary.value);
  }

  /** "1st anniversary (1 Oct 2025)". */
  protected anniversaryText(anniversary: DestinationAnniversary): string {
    return `${anniversaryName(anniversary)} (${formatBritishDate(anniversaryDate(this.data.leftIn, anniversary))})`;
  }

  /** The anniversary chosen shows what is recorded for it, to change; an empty form when nothing is. */
  protected fillFrom(anniversary: DestinationAnniversary): void {
    const recorded = this.data.leaver.destinations.find((item) => item.anniversary === anniversary);
    this.form.patchValue({
      category: recorded?.category ?? '',
      provider: recorded?.provider ?? '',
      source: recorded?.source ?? 'learner',
    });
  }

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    const value = this.form.getRawValue();
    if (!value.category) return;
    const provider = value.provider.trim();
    const body: RecordActualDestinationRequest = {
      learnerId: this.data.leaver.learnerId,
      anniversary: value.anniversary,
      category: value.category,
      source: value.source,
      consentToFollowUp: value.consentToFollowUp,
      ...(provider ? { provider } : {}),
    };
    await this.submission.run(async () => {
      await firstValueFrom(this.api.recordActual(body));
      this.reference.close(true);
    });
  }
}

/** Opens the dialog; resolves true once the destination is saved. */
export async function openActualDestinationDialog(
  dialog: MatDialog,
  data: ActualDestinationDialogData,
): Promise<boolean> {
  const saved = await firstValueFrom(
    dialog
      .open<ActualDestinationDialog, ActualDestinationDialogData, boolean>(ActualDestinationDialog, {
        data,
        width: '34rem',
        maxWidth: '95vw',
      })
      .afterClosed(),
  );
  return saved === true;
}
