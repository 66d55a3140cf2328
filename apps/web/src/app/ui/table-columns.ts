import { NgTemplateOutlet } from '@angular/common';
import {
  booleanAttribute,
  ChangeDetectionStrategy,
  Component,
  ContentChild,
  Directive,
  inject,
  input,
  output,
  OnDestroy,
  OnInit,
  TemplateRef,
  ViewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  MatCellDef,
  MatColumnDef,
  MatHeaderCellDef,
  MatTable,
  MatTableModule,
} from '@angular/material/table';

/**
 * A column declared in one element, the way Material's `mat-text-column` is: inside a page's own
 * `mat-table` it adds itself; inside an `enc-data-table` (which has no table in the page's template) that
 * component finds it, by this class, and adds it.
 */
@Directive()
export abstract class TableColumn implements OnInit, OnDestroy {
  private readonly table = inject(MatTable, { optional: true });

  /** Whether the table shows the column: `[shown]="canWrite()"` for the buttons only some may use. */
  readonly shown = input(true);
  /** The least width of its cells, e.g. "14rem" for titles that should not wrap word by word. */
  readonly minWidth = input<string | null>(null);
  /** The most width of its cells, for long text that wraps anywhere rather than widen the table. */
  readonly maxWidth = input<string | null>(null);

  /** The column's id among the table's columns. */
  abstract columnName(): string;

  @ViewChild(MatColumnDef, { static: true }) readonly columnDef!: MatColumnDef;
  @ViewChild(MatCellDef, { static: true }) private readonly cell!: MatCellDef;
  @ViewChild(MatHeaderCellDef, { static: true }) private readonly headerCell!: MatHeaderCellDef;

  ngOnInit(): void {
    this.columnDef.name = this.columnName();
    this.columnDef.cell = this.cell;
    this.columnDef.headerCell = this.headerCell;
    this.table?.addColumnDef(this.columnDef);
  }

  ngOnDestroy(): void {
    this.table?.removeColumnDef(this.columnDef);
  }
}

/**
 * A column of plain text: a header cell with `scope="col"` and the text in each row's cell.
 *
 *     <enc-text-column name="urn" header="URN" />
 *     <enc-text-column name="roles" header="Roles" [text]="roleNames" />
 */
@Component({
  selector: 'enc-text-column',
  // The table renders the cells, outside this component's change detection: like Material's text column.
  changeDetection: ChangeDetectionStrategy.Default,
  imports: [MatTableModule],
  providers: [{ provide: TableColumn, useExisting: TextColumn }],
  template: `
    <ng-container matColumnDef>
      <th mat-header-cell *matHeaderCellDef scope="col" [class.number]="numeric()">{{ header() }}</th>
      <td
        mat-cell
        *matCellDef="let row"
        [class.number]="numeric()"
        [class.nowrap]="nowrap()"
        [style.min-width]="minWidth()"
      >
        {{ cellText(row) }}
      </td>
    </ng-container>
  `,
  styles: `
    .number {
      text-align: right;
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class TextColumn<T> extends TableColumn {
  readonly name = input.required<string>();
  readonly header = input.required<string>();
  /** The cell's text; without it, the row's property named by `field`, or by the column's name. */
  readonly text = input<(row: T) => unknown>();
  readonly field = input<string>();
  /** Numbers, right-aligned. */
  readonly numeric = input(false, { transform: booleanAttribute });
  /** Dates and times, kept on one line. */
  readonly nowrap = input(false, { transform: booleanAttribute });

  protected cellText(row: T): unknown {
    const text = this.text();
    return text ? text(row) : (row as Record<string, unknown>)[this.field() ?? this.name()];
  }

  columnName(): string {
    return this.name();
  }
}

/**
 * A column whose cells the page writes itself, in an `ng-template` whose context is the row; the header is
 * `header`, with `scope="col"`. The column of a row's buttons is one too, its header for screen readers only.
 *
 *     <enc-column name="action" header="Action">
 *       <ng-template let-row><code>{{ row.action }}</code></ng-template>
 *     </enc-column>
 *     <enc-column name="actions" header="Actions" headerHidden nowrap>
 *       <ng-template let-row><button matButton (click)="edit(row)">Edit</button></ng-template>
 *     </enc-column>
 */
@Component({
  selector: 'enc-column',
  changeDetection: ChangeDetectionStrategy.Default,
  imports: [MatTableModule, NgTemplateOutlet],
  providers: [{ provide: TableColumn, useExisting: TemplateColumn }],
  template: `
    <ng-container matColumnDef>
      <th mat-header-cell *matHeaderCellDef scope="col">
        @if (headerHidden()) {
          <span class="visually-hidden">{{ header() }}</span>
        } @else {
          {{ header() }}
        }
      </th>
      <td
        mat-cell
        *matCellDef="let row"
        [class.nowrap]="nowrap()"
        [style.min-width]="minWidth()"
        [style.max-width]="maxWidth()"
        [style.overflow-wrap]="maxWidth() ? 'anywhere' : null"
      >
        <ng-container *ngTemplateOutlet="cellTemplate; context: { $implicit: row }" />
      </td>
    </ng-container>
  `,
  styles: `
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class TemplateColumn extends TableColumn {
  readonly name = input.required<string>();
  readonly header = input.required<string>();
  /** For the column of buttons: its header, "Actions", is for screen readers only. */
  readonly headerHidden = input(false, { transform: booleanAttribute });
  /** Keeps the cell on one line, e.g. a row of buttons. */
  readonly nowrap = input(false, { transform: booleanAttribute });
  @ContentChild(TemplateRef, { static: true }) protected readonly cellTemplate!: TemplateRef<{
    $implicit: unknown;
  }>;

  columnName(): string {
    return this.name();
  }
}

/** The actions column when its one action is to edit the row: "Edit", named "Edit <row's name>". */
@Component({
  selector: 'enc-edit-column',
  changeDetection: ChangeDetectionStrategy.Default,
  imports: [MatButtonModule, MatTableModule],
  providers: [{ provide: TableColumn, useExisting: EditColumn }],
  template: `
    <ng-container matColumnDef>
      <th mat-header-cell *matHeaderCellDef scope="col">
        <span class="visually-hidden">Actions</span>
      </th>
      <td mat-cell *matCellDef="let row">
        <button matButton type="button" (click)="edit.emit(row)" [attr.aria-label]="'Edit ' + row.name">
          Edit
        </button>
      </td>
    </ng-container>
  `,
})
export class EditColumn extends TableColumn {
  /** The row to edit; as untyped as Material's `let row`, so that each page's handler takes its own type. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly edit = output<any>();

  columnName(): string {
    return 'actions';
  }
}
