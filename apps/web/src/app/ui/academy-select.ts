import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';

/**
 * The academy a page is about, chosen among `academies` (`academyChoice()` gives both): shown only when
 * there is more than one to choose from. The host takes no box of its own, so the field lines up with the
 * page's other filters.
 */
@Component({
  selector: 'enc-academy-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule],
  host: { style: 'display: contents' },
  template: `
    @if (academies().length > 1) {
      <mat-form-field appearance="outline">
        <mat-label>Academy</mat-label>
        <mat-select [value]="value()" (valueChange)="valueChange.emit($event)">
          @for (item of academies(); track item.id) {
            <mat-option [value]="item.id">{{ item.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }
  `,
})
export class AcademySelect {
  readonly academies = input.required<readonly { id: string; name: string }[]>();
  readonly value = input.required<string>();
  readonly valueChange = output<string>();
}
