import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatRadioModule } from '@angular/material/radio';
import {
  academicYearLabel,
  academicYearOf,
  EDUCATION_ORGANISATION_TYPES,
  EducationOrganisationType,
  PolicyBody,
  PolicyResponse,
  RuleSet,
  Sector,
  SECTORS,
  todayIsoDate,
  WorkExperiencePolicy,
} from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { FORM_IMPORTS, readyToSubmit, toggled } from '../ui/form-kit';
import { PendingAction } from '../ui/pending-action';
import { HasUnsavedChanges, UnsavedChanges } from '../ui/unsaved-changes';
import { WORDS } from '../ui/words';

/** The policy's `wex` from the form, where the virtual share is a percentage (50 for 0.5). */
export function policyWex(form: {
  ks3Hours: number | string;
  ks4Hours: number | string;
  hoursPerDay: number | string;
  virtualSharePercent: number | string;
}): WorkExperiencePolicy {
  return {
    ks3Hours: Number(form.ks3Hours),
    ks4Hours: Number(form.ks4Hours),
    hoursPerDay: Number(form.hoursPerDay),
    virtualShareMax: Math.round(Number(form.virtualSharePercent) * 10) / 1000,
  };
}

/** R-DEST-2: the policy's `dest.confirmBy` ("MM-DD") from the form's British "DD/MM", and back. */
export function confirmByFromForm(value: string): string {
  const [day, month] = value.trim().split('/');
  return `${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function confirmByForForm(confirmBy: string): string {
  const [month, day] = confirmBy.split('-');
  return `${day}/${month}`;
}

/** The trust's policy for one academic year: every threshold of the rule book, editable. */
@Component({
  selector: 'enc-policy-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS, MatRadioModule],
  template: `
    <h2>Policy</h2>
    <p class="intro">
      Each academic year is measured against the policy saved for it. Changing a year's policy recalculates
      that year's coverage.
    </p>
    <mat-form-field appearance="outline">
      <mat-label>Academic year</mat-label>
      <mat-select [value]="year()" (valueChange)="year.set($event)">
        @for (item of years; track item) {
          <mat-option [value]="item">{{ label(item) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    @if (policy.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading the policy" />
    }
    <enc-api-error-message [error]="policy.error()" />
    @if (policy.hasValue() && !policy.value().saved) {
      <p class="note">No policy has been saved for {{ label(year()) }}: these are the defaults in force.</p>
    }
    <form [formGroup]="form" (ngSubmit)="save()" novalidate class="form">
      <fieldset>
        <legend>Rule set</legend>
        <mat-radio-group formControlName="ruleSet" aria-label="Rule set" class="column">
          <mat-radio-button value="gatsby-2024">Gatsby 2024 (statutory from September 2025)</mat-radio-button>
          <mat-radio-button value="gatsby-2014">Gatsby 2014</mat-radio-button>
        </mat-radio-group>
        <mat-checkbox formControlName="requireMeaningful"
          >Only meaningful encounters count (every checklist item ticked)</mat-checkbox
        >
      </fieldset>
      <fieldset>
        <legend>Thresholds</legend>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Workplace experiences by 16 (B6)</mat-label>
            <input matInput type="number" formControlName="b6By16" min="1" max="10" />
            <mat-error>Enter a number from 1 to 10.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>"At risk" this many days before a deadline</mat-label>
            <input matInput type="number" formControlName="atRiskDays" min="0" max="366" />
            <mat-hint>122 days: from 1 May for 31 August</mat-hint>
            <mat-error>Enter a number of days from 0 to 366.</mat-error>
          </mat-form-field>
        </div>
      </fieldset>
      <fieldset formGroupName="o2">
        <legend>Objective 2, each year</legend>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Employer or workplace encounters</mat-label>
            <input matInput type="number" formControlName="employer" min="0" max="20" />
            <mat-error>Enter a number from 0 to 20.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Education-provider encounters</mat-label>
            <input matInput type="number" formControlName="education" min="0" max="20" />
            <mat-error>Enter a number from 0 to 20.</mat-error>
          </mat-form-field>
        </div>
        <mat-checkbox formControlName="requireAdvice"
          >Also needs a specialist careers advice session</mat-checkbox
        >
      </fieldset>
      <fieldset formGroupName="wex">
        <legend>Work experience: the two weeks' worth</legend>
        <div class="row">
          @for (target of wexTargets; track target.control) {
            <mat-form-field appearance="outline">
              <mat-label>{{ target.label }}</mat-label>
              <input matInput type="number" [formControlName]="target.control" min="0" max="200" step="0.5" />
              <mat-hint>A week's worth: 25 by default</mat-hint>
              <mat-error>Enter a number of hours from 0 to 200.</mat-error>
            </mat-form-field>
          }
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Hours in a day of a placement</mat-label>
            <input matInput type="number" formControlName="hoursPerDay" min="0.5" max="24" step="0.5" />
            <mat-hint>For experiences of several days</mat-hint>
            <mat-error>Enter a number of hours from 0.5 to 24.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Virtual share of a target (%)</mat-label>
            <input matInput type="number" formControlName="virtualSharePercent" min="0" max="100" step="5" />
            <mat-hint>50%: 30 virtual hours count as 12.5 of 25</mat-hint>
            <mat-error>Enter a percentage from 0 to 100.</mat-error>
          </mat-form-field>
        </div>
      </fieldset>
      <fieldset>
        <legend>Provider access and part-time jobs</legend>
        <mat-checkbox formControlName="palRequiresContent"
          >A provider encounter counts for provider access only when it gave information about the provider,
          what learning there is like and a chance to ask questions</mat-checkbox
        >
        <mat-checkbox formControlName="b5CountsPartTimeJob"
          >A learner's part-time job held during the year counts as that year's employer encounter (Benchmark
          5, Gatsby 2024 only)</mat-checkbox
        >
      </fieldset>
      <fieldset>
        <legend>Destinations</legend>
        <mat-form-field appearance="outline">
          <mat-label>Confirm destinations of Years 11 and 13 by (day/month)</mat-label>
          <input matInput formControlName="destConfirmBy" placeholder="31/05" />
          <mat-hint>Destinations not accepted or enrolled by then are missed; 31/05 by default</mat-hint>
          <mat-error>Enter a day and month, such as 31/05.</mat-error>
        </mat-form-field>
      </fieldset>
      <fieldset>
        <legend>Benchmark 7 by 16: provider types every learner must encounter</legend>
        <div class="grid">
          @for (type of educationTypes; track type) {
            <mat-checkbox [checked]="b7Range().includes(type)" (change)="toggleB7(type, $event.checked)">{{
              words.organisationType[type]
            }}</mat-checkbox>
          }
        </div>
      </fieldset>
      <fieldset>
        <legend>Local priority sectors</legend>
        <div class="grid">
          @for (sector of sectors; track sector) {
            <mat-checkbox
              [checked]="prioritySectors().includes(sector)"
              (change)="toggleSector(sector, $event.checked)"
              >{{ sector }}</mat-checkbox
            >
          }
        </div>
      </fieldset>
      <enc-progress-status [pending]="submission" label="Saving the policy" />
      <button matButton="filled" type="submit" [disabled]="submission.busy() || !policy.hasValue()">
        Save policy for {{ label(year()) }}
      </button>
    </form>
  `,
  styles: `
    .intro {
      max-width: 48rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .note {
      padding: 0.5rem 1rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
    }
    fieldset {
      display: flex;
      flex-direction: column;
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .column {
      display: flex;
      flex-direction: column;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .row mat-form-field {
      min-width: 20rem;
    }
    .row + .row {
      margin-top: 0.5rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
    }
  `,
})
export class PolicyForm implements HasUnsavedChanges {
  private readonly api = inject(AdminApi);

  private readonly currentYear = academicYearOf(todayIsoDate());
  protected readonly years = [
    this.currentYear + 1,
    this.currentYear,
    this.currentYear - 1,
    this.currentYear - 2,
  ];
  protected readonly educationTypes = EDUCATION_ORGANISATION_TYPES;
  protected readonly words = WORDS;
  protected readonly sectors = SECTORS;
  /** WEX_KS3 and WEX_KS4: the two targets in hours, each from 0 to 200. */
  protected readonly wexTargets = [
    { control: 'ks3Hours', label: 'Activity hours in Years 7 to 9' },
    { control: 'ks4Hours', label: 'Placement hours in Years 10 and 11' },
  ] as const;

  protected readonly year = signal(this.currentYear);
  protected readonly b7Range = signal<EducationOrganisationType[]>([]);
  protected readonly prioritySectors = signal<Sector[]>([]);
  protected readonly submission = new PendingAction();

  private readonly builder = inject(NonNullableFormBuilder);
  protected readonly form = this.builder.group({
    ruleSet: ['gatsby-2024' as RuleSet],
    requireMeaningful: [true],
    // No longer read by the rules (R-V-1: each academy's evaluation type replaced it); sent back as loaded.
    collegeMode: [false],
    b6By16: [2, [Validators.required, Validators.min(1), Validators.max(10)]],
    atRiskDays: [122, [Validators.required, Validators.min(0), Validators.max(366)]],
    o2: this.builder.group({
      employer: [1, [Validators.required, Validators.min(0), Validators.max(20)]],
      education: [1, [Validators.required, Validators.min(0), Validators.max(20)]],
      requireAdvice: [true],
    }),
    wex: this.builder.group({
      ks3Hours: [25, [Validators.required, Validators.min(0), Validators.max(200)]],
      ks4Hours: [25, [Validators.required, Validators.min(0), Validators.max(200)]],
      hoursPerDay: [6, [Validators.required, Validators.min(0.5), Validators.max(24)]],
      virtualSharePercent: [50, [Validators.required, Validators.min(0), Validators.max(100)]],
    }),
    palRequiresContent: [true],
    b5CountsPartTimeJob: [false],
    destConfirmBy: [
      '31/05',
      [Validators.required, Validators.pattern(/^\s*(0?[1-9]|[12][0-9]|3[01])\/(0?[1-9]|1[0-2])\s*$/)],
    ],
  });

  protected readonly policy = rxResource({
    params: () => this.year(),
    stream: ({ params }) => this.api.policy(params),
  });

  /** The policy as loaded or saved, to tell a change from what is held; null until one is loaded. */
  private baseline: string | null = null;

  constructor() {
    effect(() => {
      if (this.policy.hasValue()) this.fill(this.policy.value());
    });
    inject(UnsavedChanges).watch(() => this.hasUnsavedChanges());
  }

  /** Another menu item, Back or closing the tab asks first while the form differs from the policy held. */
  hasUnsavedChanges(): boolean {
    return this.baseline !== null && this.snapshot() !== this.baseline;
  }

  private snapshot(): string {
    return JSON.stringify([this.form.getRawValue(), this.b7Range(), this.prioritySectors()]);
  }

  protected label(year: number): string {
    return academicYearLabel(year);
  }

  protected toggleB7(type: EducationOrganisationType, checked: boolean): void {
    this.b7Range.update((list) => toggled(list, type, checked));
  }

  protected toggleSector(sector: Sector, checked: boolean): void {
    this.prioritySectors.update((list) => toggled(list, sector, checked));
  }

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    const { wex, destConfirmBy, ...value } = this.form.getRawValue();
    const body: PolicyBody = {
      ...value,
      dest: { confirmBy: confirmByFromForm(destConfirmBy) },
      wex: policyWex(wex),
      b6By16: Number(value.b6By16),
      atRiskDays: Number(value.atRiskDays),
      o2: { ...value.o2, employer: Number(value.o2.employer), education: Number(value.o2.education) },
      b7Range: EDUCATION_ORGANISATION_TYPES.filter((type) => this.b7Range().includes(type)),
      localPrioritySectors: SECTORS.filter((sector) => this.prioritySectors().includes(sector)),
    };
    await this.submission.run(
      async () => this.policy.set(await firstValueFrom(this.api.savePolicy(this.year(), body))),
      `Policy for ${academicYearLabel(this.year())} saved.`,
    );
  }

  private fill(policy: PolicyResponse): void {
    this.form.setValue({
      ruleSet: policy.ruleSet,
      requireMeaningful: policy.requireMeaningful,
      collegeMode: policy.collegeMode,
      b6By16: policy.b6By16,
      atRiskDays: policy.atRiskDays,
      o2: { ...policy.o2 },
      wex: {
        ks3Hours: policy.wex.ks3Hours,
        ks4Hours: policy.wex.ks4Hours,
        hoursPerDay: policy.wex.hoursPerDay,
        virtualSharePercent: Math.round(policy.wex.virtualShareMax * 1000) / 10,
      },
      palRequiresContent: policy.palRequiresContent,
      b5CountsPartTimeJob: policy.b5CountsPartTimeJob,
      destConfirmBy: confirmByForForm(policy.dest.confirmBy),
    });
    this.b7Range.set([...policy.b7Range]);
    this.prioritySectors.set([...policy.localPrioritySectors]);
    // Read untracked: the effect that fills the form must not follow the user's own choices.
    this.baseline = untracked(() => this.snapshot());
  }
}
