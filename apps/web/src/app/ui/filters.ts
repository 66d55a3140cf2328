import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';

/**
 * The filters the list pages share, each bound two-way to a signal of the page (`[(value)]="academy"`).
 * Their hosts take no box of their own, so their fields sit in the page's row of filters.
 */
const FILTER_HOST = `
  :host {
    display: contents;
  }
`;

/** A choice among named records (academies, organisations, users), or any of them: the empty string. */
@Component({
  selector: 'enc-choice-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  template: `
    <mat-form-field appearance="outline" [style.min-width]="minWidth()">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value()" (valueChange)="value.set($event ?? '')">
        <mat-option [value]="''">{{ anyLabel() }}</mat-option>
        @for (item of items(); track item.id) {
          <mat-option [value]="item.id">{{ item.name }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
  styles: FILTER_HOST,
})
export class ChoiceFilter {
  readonly label = input.required<string>();
  /** The first option, which filters nothing: "Any academy". */
  readonly anyLabel = input.required<string>();
  readonly items = input.required<readonly { id: string; name: string }[]>();
  /** For long names, e.g. "16rem". */
  readonly minWidth = input<string | null>(null);
  readonly value = model('');
}

/** From and To dates, either left empty. */
@Component({
  selector: 'enc-date-range-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>From</mat-label>
      <input matInput type="date" [value]="from()" (change)="from.set(dateOf($event))" />
    </mat-form-field>
    <mat-form-field appearance="outline">
      <mat-label>To</mat-label>
      <input matInput type="date" [value]="to()" (change)="to.set(dateOf($event))" />
    </mat-form-field>
  `,
  styles: FILTER_HOST,
})
export class DateRangeFilter {
  readonly from = model('');
  readonly to = model('');

  protected dateOf(event: Event): string {
    return (event.target as HTMLInputElement).value ?? '';
  }
}
