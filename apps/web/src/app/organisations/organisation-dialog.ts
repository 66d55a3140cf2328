import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import {
  CreateOrganisationRequest,
  OrganisationDetailResponse,
  ORGANISATION_SIZE_BANDS,
  ORGANISATION_TYPES,
  OrganisationSizeBand,
  OrganisationType,
  Sector,
  SECTORS,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { existingIdOf } from '../core/api-error';
import { OrganisationsApi, OrganisationView } from '../core/organisations-api';
import { dialogFormStyles, FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { askBeforeClosing } from '../ui/unsaved-changes';
import { PendingAction } from '../ui/pending-action';
import { WORDS } from '../ui/words';

export interface OrganisationDialogData {
  /** The organisation to edit; a new one is created without it. */
  organisation?: OrganisationView;
  /** A name to start a new organisation with, e.g. what was typed in the type-ahead. */
  name?: string;
  /** Only what logging an encounter needs: name, type, sectors and technical education. */
  compact?: boolean;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  type: 'Type',
  sectors: 'Sectors',
  sizeBand: 'Size',
  contact: 'Contact',
  notes: 'Notes',
};

/** Creates or edits a directory entry; closes with the saved organisation. */
@Component({
  selector: 'enc-organisation-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit organisation' : 'New organisation' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="content">
        @if (detail(); as detail) {
          <p class="used-by" data-testid="organisation-used-by">
            @if (detail.usedBy.length) {
              Used by {{ usedByNames() }}.
            } @else {
              No academy has logged an encounter with it yet.
            }
            @if (contactOnly()) {
              Other academies use it, and a change of its name, type or technical education would change their
              figures: only a trust administrator may. You may change its contact details.
            }
          </p>
        }
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required cdkFocusInitial />
          @if (form.controls.name.hasError('required')) {
            <mat-error>Enter the organisation's name.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Type</mat-label>
          <mat-select formControlName="type" required>
            @for (type of types; track type) {
              <mat-option [value]="type">{{ words.organisationType[type] }}</mat-option>
            }
          </mat-select>
          <mat-hint>Employers include the self-employed, public services and charities.</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Sectors</mat-label>
          <mat-select formControlName="sectors" multiple>
            @for (sector of sectors; track sector) {
              <mat-option [value]="sector">{{ sector }}</mat-option>
            }
          </mat-select>
          <mat-hint>The technical-education routes it works in.</mat-hint>
        </mat-form-field>
        <mat-checkbox formControlName="offersTechnicalEducation">
          Offers approved technical education or apprenticeships
        </mat-checkbox>
        @if (!data.compact) {
          <mat-form-field appearance="outline">
            <mat-label>Size</mat-label>
            <mat-select formControlName="sizeBand">
              <mat-option [value]="null">Not known</mat-option>
              @for (band of sizeBands; track band) {
                <mat-option [value]="band">{{ words.sizeBand[band] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <fieldset class="contact" formGroupName="contact">
            <legend>Contact (optional)</legend>
            <mat-form-field appearance="outline">
              <mat-label>Contact name</mat-label>
              <input matInput formControlName="name" autocomplete="off" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Contact email</mat-label>
              <input matInput type="email" formControlName="email" autocomplete="off" />
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>Contact telephone</mat-label>
              <input matInput type="tel" formControlName="phone" autocomplete="off" />
            </mat-form-field>
          </fieldset>
          <mat-form-field appearance="outline">
            <mat-label>Notes</mat-label>
            <textarea matInput formControlName="notes" rows="3"></textarea>
          </mat-form-field>
        }
        <enc-api-error-message [error]="submission.error()" [labels]="fieldLabels" />
        @if (existingId()) {
          <button matButton="outlined" type="button" (click)="useExisting()">
            Use the one already listed
          </button>
        }
        <enc-progress-status [loading]="submission.busy()" label="Saving the organisation" />
      </mat-dialog-content>
      <enc-dialog-actions
        [cancel]="cancel"
        [pending]="submission"
        [submitLabel]="editing ? 'Save changes' : 'Add organisation'"
      />
    </form>
  `,
  styles: [
    dialogFormStyles('32rem'),
    `
      .content {
        gap: 0.25rem;
      }
      mat-checkbox {
        margin-bottom: 1rem;
      }
      .contact {
        display: flex;
        flex-direction: column;
        margin: 0 0 0.5rem;
        padding: 0.5rem 0 0;
        border: 0;
      }
      legend {
        margin-bottom: 0.5rem;
        font: var(--mat-sys-title-small);
      }
      .used-by {
        margin: 0 0 1rem;
      }
    `,
  ],
})
export class OrganisationDialog implements OnInit {
  protected readonly data = inject<OrganisationDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(OrganisationsApi);
  private readonly reference = inject<MatDialogRef<OrganisationDialog, OrganisationView>>(MatDialogRef);

  protected readonly editing = !!this.data.organisation;
  protected readonly types = ORGANISATION_TYPES;
  protected readonly words = WORDS;
  protected readonly sectors = SECTORS;
  protected readonly sizeBands = ORGANISATION_SIZE_BANDS;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly submission = new PendingAction();
  protected readonly existingId = signal<string | null>(null);
  /** When editing: which academies use the organisation, and what this user may change of it. */
  protected readonly detail = signal<OrganisationDetailResponse | null>(null);
  protected readonly contactOnly = computed(() => this.detail()?.editable === 'contact');
  protected readonly usedByNames = computed(() =>
    (this.detail()?.usedBy ?? []).map((academy) => academy.name).join(', '),
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.organisation?.name ?? this.data.name ?? '', Validators.required],
    type: [this.data.organisation?.type ?? ('employer' as OrganisationType), Validators.required],
    sectors: [this.data.organisation?.sectors ?? ([] as Sector[])],
    offersTechnicalEducation: [this.data.organisation?.offersTechnicalEducation ?? false],
    sizeBand: [this.data.organisation?.sizeBand ?? (null as OrganisationSizeBand | null)],
    contact: inject(NonNullableFormBuilder).group({
      name: [this.data.organisation?.contact?.name ?? ''],
      email: [this.data.organisation?.contact?.email ?? '', Validators.email],
      phone: [this.data.organisation?.contact?.phone ?? ''],
    }),
    notes: [this.data.organisation?.notes ?? ''],
  });

  /** Cancel, Escape and a click outside ask first once anything is changed. */
  protected readonly cancel = askBeforeClosing(this.reference, () => this.form.dirty);

  async ngOnInit(): Promise<void> {
    if (!this.data.organisation) return;
    try {
      const detail = await firstValueFrom(this.api.get(this.data.organisation.id));
      this.detail.set(detail);
      if (detail.editable === 'contact') {
        for (const [name, control] of Object.entries(this.form.controls)) {
          if (name !== 'contact') control.disable();
        }
      }
    } catch (error) {
      this.submission.error.set(error);
    }
  }

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    const value = this.form.getRawValue();
    const contact = {
      name: value.contact.name.trim() || null,
      email: value.contact.email.trim() || null,
      phone: value.contact.phone.trim() || null,
    };
    // Only what this user may change of an organisation other academies use.
    if (this.contactOnly()) return this.send({ contact });
    const body: CreateOrganisationRequest = {
      name: value.name.trim(),
      type: value.type,
      sectors: value.sectors,
      offersTechnicalEducation: value.offersTechnicalEducation,
      sizeBand: value.sizeBand,
    };
    if (!this.data.compact) {
      body.contact = contact;
      body.notes = value.notes;
    }
    return this.send(body);
  }

  private async send(
    body: CreateOrganisationRequest | Pick<CreateOrganisationRequest, 'contact'>,
  ): Promise<void> {
    this.existingId.set(null);
    const saved = await this.submission.run(async () =>
      this.reference.close(
        await firstValueFrom(
          this.data.organisation
            ? this.api.update(this.data.organisation.id, body)
            : this.api.create(body as CreateOrganisationRequest),
        ),
      ),
    );
    if (!saved && !this.editing) this.existingId.set(existingIdOf(this.submission.error()));
  }

  protected async useExisting(): Promise<void> {
    const id = this.existingId();
    if (!id) return;
    try {
      this.reference.close(await firstValueFrom(this.api.get(id)));
    } catch (error) {
      this.submission.error.set(error);
    }
  }
}

export function openOrganisationDialog(dialog: MatDialog, data: OrganisationDialogData) {
  return dialog.open<OrganisationDialog, OrganisationDialogData, OrganisationView>(OrganisationDialog, {
    data,
    width: '36rem',
    maxWidth: '95vw',
  });
}
