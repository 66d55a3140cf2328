import {
  AfterContentInit,
  ChangeDetectionStrategy,
  Component,
  ContentChildren,
  input,
  QueryList,
  ViewChild,
} from '@angular/core';
import { MatColumnDef, MatTable, MatTableModule } from '@angular/material/table';

import { EmptyState } from './empty-state';
import { PagedList } from './paged-list';
import { Pager } from './pager';
import { ProgressStatus } from './progress-status';
import { TableColumn } from './table-columns';

/**
 * The body of a list page: a progress bar while the list loads, the API's error, then the table (which
 * scrolls sideways on a narrow screen) with its paginator, or a short note when there is nothing to list.
 * The page declares the columns inside, as `enc-text-column`s, an `enc-actions-column` or `matColumnDef`s;
 * they are added to the table as Material's wrapped-table example does.
 *
 *     <enc-data-table [items]="list.page()?.items" [columns]="columns" caption="Academies" …>
 *       <enc-text-column name="urn" header="URN" />
 *     </enc-data-table>
 */
@Component({
  selector: 'enc-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, MatTableModule, Pager, ProgressStatus],
  template: `
    <enc-progress-status [loading]="loading()" [label]="loadingLabel()" [error]="error()" />
    <div class="table-wrap" [hidden]="!items()?.length">
      <table mat-table [dataSource]="items() ?? []">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <tr mat-header-row *matHeaderRowDef="columns()"></tr>
        <tr mat-row *matRowDef="let row; columns: columns()"></tr>
      </table>
    </div>
    @if (items()?.length) {
      @if (list(); as list) {
        <enc-pager [list]="list" [length]="total()" [sizes]="pageSizes()" [label]="pagerLabel()" />
      }
    } @else if (items() && emptyHeading()) {
      <enc-empty-state [heading]="emptyHeading()">{{ emptyText() }}</enc-empty-state>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .table-wrap {
      overflow-x: auto;
    }
  `,
})
export class DataTable<T> implements AfterContentInit {
  /** The rows; undefined until the first answer, when neither table nor empty note shows. */
  readonly items = input.required<readonly T[] | undefined>();
  readonly columns = input.required<readonly string[]>();
  /** The table's name for screen readers, e.g. "Encounters, newest first". */
  readonly caption = input.required<string>();
  readonly loading = input(false);
  /** What the progress bar is for, e.g. "Loading encounters". */
  readonly loadingLabel = input('Loading');
  readonly error = input<unknown>(null);
  /** With a paged list: the paginator under the table. */
  readonly list = input<PagedList<object, T>>();
  readonly total = input(0);
  readonly pageSizes = input<number[]>([10, 25, 50, 100]);
  readonly pagerLabel = input('');
  /** Without an empty heading, an empty list shows nothing. */
  readonly emptyHeading = input('');
  readonly emptyText = input('');

  @ViewChild(MatTable, { static: true }) private readonly table!: MatTable<T>;
  @ContentChildren(MatColumnDef) private readonly columnDefs!: QueryList<MatColumnDef>;
  @ContentChildren(TableColumn) private readonly oneLineColumns!: QueryList<TableColumn>;

  ngAfterContentInit(): void {
    for (const column of this.columnDefs) this.table.addColumnDef(column);
    for (const column of this.oneLineColumns) this.table.addColumnDef(column.columnDef);
  }
}
