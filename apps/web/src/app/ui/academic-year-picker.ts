import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { AcademicYear, academicYearLabel } from '@encounters/domain';

import { recentAcademicYears } from './as-at-dates';

/** "2025/26": the academic years a user can look at, newest first. */
@Component({
  selector: 'enc-academic-year-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>Academic year</mat-label>
      <mat-select [value]="value()" (valueChange)="value.set($event)">
        @for (year of years(); track year) {
          <mat-option [value]="year">{{ label(year) }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: `
    mat-form-field {
      width: 10rem;
    }
  `,
})
export class AcademicYearPicker {
  readonly value = model.required<AcademicYear>();
  readonly count = input(5);
  protected readonly years = computed(() => {
    const years = recentAcademicYears(this.count());
    return years.includes(this.value()) ? years : [this.value(), ...years].sort((a, b) => b - a);
  });
  protected readonly label = academicYearLabel;
}
