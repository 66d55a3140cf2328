import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatPaginatorModule } from '@angular/material/paginator';

import { PagedList } from './paged-list';

/** The paginator under a paged list, bound to its `PagedList`. */
@Component({
  selector: 'enc-pager',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatPaginatorModule],
  template: `
    <mat-paginator
      [length]="length()"
      [pageIndex]="list().pageIndex()"
      [pageSize]="list().pageSize()"
      [pageSizeOptions]="sizes()"
      (page)="list().turn($event)"
      [attr.aria-label]="label()"
    />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class Pager {
  readonly list = input.required<PagedList<object, unknown>>();
  /** How many items the whole list holds. */
  readonly length = input.required<number>();
  readonly sizes = input<number[]>([10, 25, 50, 100]);
  /** The paginator's accessible name, e.g. "Pages of encounters". */
  readonly label = input.required<string>();
}
