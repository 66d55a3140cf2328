import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AcademicYear, isIsoDate } from '@encounters/domain';

import { asAtQuickPicks, MEASURING_DATES_EXPLAINED } from './as-at-dates';

let nextId = 0;

/** The date coverage is measured at, with the three national measuring dates one click away. */
@Component({
  selector: 'enc-as-at-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>As at</mat-label>
      <input matInput type="date" [value]="value()" (change)="pick($any($event.target).value)" />
    </mat-form-field>
    <div class="quick-picks" role="group" aria-label="Measuring dates" [attr.aria-describedby]="explainedId">
      @for (quickPick of quickPicks(); track quickPick.date) {
        <button
          matButton="outlined"
          type="button"
          [attr.title]="quickPick.label + ': ' + quickPick.meaning"
          [attr.aria-pressed]="value() === quickPick.date"
          [class.selected]="value() === quickPick.date"
          (click)="pick(quickPick.date)"
        >
          {{ quickPick.label }}
        </button>
      }
    </div>
    <p class="explained" [id]="explainedId">{{ explained }}</p>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    mat-form-field {
      width: 11rem;
    }
    .quick-picks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .explained {
      flex-basis: 100%;
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .selected {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class AsAtPicker {
  readonly value = model.required<string>();
  readonly academicYear = input.required<AcademicYear>();
  protected readonly quickPicks = computed(() => asAtQuickPicks(this.academicYear()));
  protected readonly explained = MEASURING_DATES_EXPLAINED;
  protected readonly explainedId = `measuring-dates-${nextId++}`;

  protected pick(date: string): void {
    if (isIsoDate(date)) this.value.set(date);
  }
}
