import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatOptionSelectionChange } from '@angular/material/core';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import {
  AcademicYear,
  CreateIntendedDestinationRequest,
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_STATUS_LABELS,
  DESTINATION_STATUSES,
  DestinationCategory,
  DestinationStatus,
  formatBritishDate,
  IntendedDestinationResponse,
  todayIsoDate,
  UpdateIntendedDestinationRequest,
} from '@encounters/domain';
import { catchError, firstValueFrom, map, of } from 'rxjs';

import { DestinationsApi } from '../core/destinations-api';
import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { dialogFormStyles, FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { searchAsTyped } from '../ui/paged-list';
import { PendingAction } from '../ui/pending-action';
import { askBeforeClosing } from '../ui/unsaved-changes';

export interface DestinationDialogData {
  learnerId: string;
  learnerName: string;
  academicYear: AcademicYear;
  /** The destination recorded; a new one is created without it. */
  destination: IntendedDestinationResponse | null;
  /** Careers staff and advisers read and write the notes; nobody else sees the field. */
  showNotes: boolean;
}

const FIELD_LABELS: Record<string, string> = {
  category: 'Category',
  providerName: 'Provider or employer',
  organisationId: 'Provider or employer',
  status: 'Status',
  statusOn: 'Date of this status',
  notes: 'Notes',
};

/**
 * R-DEST-1: records or changes a learner's intended destination: category, provider (free text, or an
 * organisation of the directory), status and the day it was reached, notes for careers staff; and shows
 * every dated change of status so far. Closes with the destination as saved.
 */
@Component({
  selector: 'enc-destination-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS, MatAutocompleteModule],
  template: `
    <h2 mat-dialog-title>{{ data.learnerName }}: intended destination</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        <mat-form-field appearance="outline">
          <mat-label>Category</mat-label>
          <mat-select formControlName="category" required cdkFocusInitial>
            @for (category of categories; track category) {
              <mat-option [value]="category">{{ categoryLabels[category] }}</mat-option>
            }
          </mat-select>
          @if (form.controls.category.hasError('required')) {
            <mat-error>Choose the kind of next step.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Provider or employer (optional)</mat-label>
          <input
            matInput
            formControlName="providerName"
            maxlength="200"
            autocomplete="off"
            [matAutocomplete]="organisationList"
          />
          <mat-autocomplete #organisationList="matAutocomplete">
            @for (organisation of suggestions(); track organisation.id) {
              <mat-option
                [value]="organisation.name"
                (onSelectionChange)="pickOrganisation(organisation, $event)"
              >
                {{ organisation.name }}
              </mat-option>
            }
          </mat-autocomplete>
          <mat-hint>
            {{
              organisationId()
                ? 'From the organisation directory.'
                : 'Type a name, or pick one of the directory as you type.'
            }}
          </mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Status</mat-label>
          <mat-select formControlName="status" required>
            @for (status of statuses; track status) {
              <mat-option [value]="status">{{ statusLabels[status] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (statusChanges()) {
          <mat-form-field appearance="outline">
            <mat-label>Date of this status</mat-label>
            <input matInput type="date" formControlName="statusOn" [max]="today" required />
            @if (form.controls.statusOn.invalid) {
              <mat-error>Enter the day the status was reached, today or before.</mat-error>
            }
          </mat-form-field>
        }
        @if (data.showNotes) {
          <mat-form-field appearance="outline">
            <mat-label>Notes (careers staff only)</mat-label>
            <textarea matInput formControlName="notes" rows="3" maxlength="2000"></textarea>
          </mat-form-field>
        }
        @if (history().length) {
          <section class="history" aria-labelledby="destination-history-heading">
            <h3 id="destination-history-heading">Status history</h3>
            <ol>
              @for (change of history(); track $index) {
                <li>
                  <span class="history-status">{{ statusLabels[change.status] }}</span>
                  <time [attr.datetime]="change.on"> {{ date(change.on) }}</time>
                </li>
              }
            </ol>
          </section>
        }
        <enc-api-error-message [error]="submission.error()" [labels]="fieldLabels" />
        <enc-progress-status [loading]="submission.busy()" label="Saving the destination" />
      </mat-dialog-content>
      <enc-dialog-actions
        [cancel]="cancel"
        [pending]="submission"
        [submitLabel]="data.destination ? 'Save changes' : 'Record destination'"
      />
    </form>
  `,
  styles: [
    dialogFormStyles('30rem'),
    `
      .content {
        gap: 0.25rem;
      }
      .history h3 {
        margin: 0.5rem 0 0.25rem;
        font: var(--mat-sys-title-small);
      }
      .history ol {
        margin: 0;
        padding-left: 1.25rem;
      }
      .history li {
        display: flex;
        gap: 0.75rem;
      }
      .history-status {
        min-width: 6rem;
        font-weight: 500;
      }
    `,
  ],
})
export class DestinationDialog {
  protected readonly data = inject<DestinationDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(DestinationsApi);
  private readonly organisationsApi = inject(OrganisationsApi);
  private readonly reference =
    inject<MatDialogRef<DestinationDialog, IntendedDestinationResponse>>(MatDialogRef);

  protected readonly categories = DESTINATION_CATEGORIES;
  protected readonly categoryLabels = DESTINATION_CATEGORY_LABELS;
  protected readonly statuses = DESTINATION_STATUSES;
  protected readonly statusLabels = DESTINATION_STATUS_LABELS;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly today = todayIsoDate();
  protected readonly date = formatBritishDate;
  protected readonly submission = new PendingAction();
  protected readonly history = computed(() => this.data.destination?.statusHistory ?? []);

  private readonly saved = this.data.destination;
  private readonly savedProvider = this.saved?.providerName ?? this.saved?.organisation?.name ?? '';

  protected readonly form = inject(NonNullableFormBuilder).group({
    category: [(this.saved?.category ?? '') as DestinationCategory | '', Validators.required],
    providerName: [this.savedProvider, Validators.maxLength(200)],
    status: [this.saved?.status ?? ('considering' as DestinationStatus), Validators.required],
    statusOn: [this.today, Validators.required],
    notes: [this.saved?.notes ?? ''],
  });

  /** The organisation of the directory the provider is, while its name stands unchanged in the field. */
  protected readonly organisationId = signal<string | null>(this.saved?.organisationId ?? null);
  private organisationName: string | null = this.saved?.organisation?.name ?? null;

  private readonly status = toSignal(this.form.controls.status.valueChanges, {
    initialValue: this.form.controls.status.value,
  });
  /** A new destination, or a new status: the day it was reached is asked for. */
  protected readonly statusChanges = computed(() => !this.saved || this.status() !== this.saved.status);

  /** What is typed, once typed: an existing provider's name does not start a search on opening. */
  private readonly typed = toSignal(this.form.controls.providerName.valueChanges, { initialValue: '' });
  protected readonly suggestions = searchAsTyped(
    this.typed,
    200,
    (words) =>
      words.length < 2
        ? of([] as OrganisationView[])
        : this.organisationsApi.list({ q: words, pageSize: 8 }).pipe(
            map((page) => page.items),
            catchError(() => of([] as OrganisationView[])),
          ),
    [] as OrganisationView[],
  );

  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  constructor() {
    this.form.controls.providerName.valueChanges.subscribe((name) => {
      if (name.trim() !== this.organisationName) this.organisationId.set(null);
    });
  }

  protected pickOrganisation(organisation: OrganisationView, event: MatOptionSelectionChange): void {
    if (!event.isUserInput) return;
    this.organisationName = organisation.name;
    this.organisationId.set(organisation.id);
  }

  protected async save(): Promise<void> {
    if (!this.statusChanges()) this.form.controls.statusOn.setValue(this.today);
    if (!readyToSubmit(this.form)) return;
    const value = this.form.getRawValue();
    if (!value.category) return;
    if (value.statusOn > this.today) {
      this.form.controls.statusOn.setErrors({ future: true });
      return;
    }
    const provider = value.providerName.trim();
    const organisationId = this.organisationId();
    const notes = value.notes.trim();
    const saved = this.saved;
    if (!saved) {
      const body: CreateIntendedDestinationRequest = {
        learnerId: this.data.learnerId,
        academicYear: this.data.academicYear,
        category: value.category,
        status: value.status,
        statusOn: value.statusOn,
        ...(provider ? { providerName: provider } : {}),
        ...(organisationId ? { organisationId } : {}),
        ...(this.data.showNotes && notes ? { notes } : {}),
      };
      await this.submission.run(async () =>
        this.reference.close(await firstValueFrom(this.api.create(body))),
      );
      return;
    }
    const body: UpdateIntendedDestinationRequest = {};
    if (value.category !== saved.category) body.category = value.category;
    if (provider !== this.savedProvider || organisationId !== saved.organisationId) {
      body.providerName = provider;
      if (organisationId) body.organisationId = organisationId;
    }
    if (value.status !== saved.status) {
      body.status = value.status;
      body.statusOn = value.statusOn;
    }
    if (this.data.showNotes && notes !== (saved.notes ?? '')) body.notes = notes;
    if (!Object.keys(body).length) {
      this.reference.close();
      return;
    }
    await this.submission.run(async () =>
      this.reference.close(await firstValueFrom(this.api.update(saved.id, body))),
    );
  }
}

/** Opens the dialog; resolves with the destination as saved, or undefined when nothing was saved. */
export function openDestinationDialog(
  dialog: MatDialog,
  data: DestinationDialogData,
): Promise<IntendedDestinationResponse | undefined> {
  return firstValueFrom(
    dialog
      .open<DestinationDialog, DestinationDialogData, IntendedDestinationResponse>(DestinationDialog, {
        data,
        width: '36rem',
        maxWidth: '95vw',
        autoFocus: 'first-tabbable',
      })
      .afterClosed(),
  );
}
