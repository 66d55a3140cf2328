import {
  afterRenderEffect,
  AfterContentInit,
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChildren,
  DestroyRef,
  ElementRef,
  inject,
  input,
  Resource,
  signal,
  ViewChild,
} from '@angular/core';
import { MatTable, MatTableModule } from '@angular/material/table';

import { EmptyState } from './empty-state';
import { PagedList } from './paged-list';
import { Pager } from './pager';
import { ProgressStatus } from './progress-status';
import { TableColumn } from './table-columns';

/**
 * The body of a list page: a progress bar while the list loads, the API's error, then the table (which
 * scrolls sideways on a narrow screen) with its paginator, or a short note when there is nothing to list.
 * The page declares the columns inside, in order (`enc-text-column`, `enc-column`, `enc-edit-column`); they
 * are added to the table as Material's wrapped-table example does.
 *
 *     <enc-data-table [source]="academies" caption="Academies" noun="academies">
 *       <enc-text-column name="urn" header="URN" />
 *     </enc-data-table>
 */
@Component({
  selector: 'enc-data-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, MatTableModule, Pager, ProgressStatus],
  template: `
    <enc-progress-status
      [loading]="loading()"
      [label]="'Loading ' + noun()"
      [error]="error() ?? actionError()"
    />
    @if (overflows() && items()?.length) {
      <p class="scroll-cue" aria-hidden="true">Scroll sideways for more columns →</p>
    }
    <div
      #wrap
      class="table-wrap"
      [class.overflows]="overflows()"
      [hidden]="!items()?.length"
      tabindex="0"
      role="region"
      [attr.aria-label]="caption() + (overflows() ? ', scrolls sideways' : '')"
    >
      <table mat-table [dataSource]="items() ?? []">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <tr mat-header-row *matHeaderRowDef="columnNames()"></tr>
        <tr mat-row *matRowDef="let row; columns: columnNames()"></tr>
      </table>
    </div>
    @if (items()?.length) {
      @if (pagedList(); as list) {
        <enc-pager [list]="list" [length]="total()" [sizes]="pageSizes()" [label]="'Pages of ' + noun()" />
      }
    } @else if (items() && empty(); as empty) {
      <enc-empty-state [heading]="empty.heading">{{ empty.text }}</enc-empty-state>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .table-wrap:focus-visible {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
    /* The row's actions stay in view at the right edge, the first column at the left, when it scrolls. */
    .table-wrap.overflows {
      box-shadow: inset -12px 0 8px -8px rgb(0 0 0 / 25%);
    }
    .scroll-cue {
      margin: 0 0 0.25rem;
      text-align: right;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class DataTable<T> implements AfterContentInit {
  /** What is listed: one page of a paged list, or the whole of a list the API gives at once. */
  readonly source = input.required<PagedList<object, T> | Resource<readonly T[] | undefined>>();
  /** The table's name for screen readers, e.g. "Encounters, newest first". */
  readonly caption = input.required<string>();
  /** What the rows are, for the progress bar ("Loading encounters") and the paginator ("Pages of encounters"). */
  readonly noun = input.required<string>();
  /** An error of the page's own, e.g. of a delete, shown where the list's would be. */
  readonly actionError = input<unknown>(null);
  readonly pageSizes = input<number[]>([10, 25, 50, 100]);
  /** What an empty list says; without it, an empty list shows nothing. */
  readonly empty = input<{ heading: string; text: string } | null>(null);

  protected readonly pagedList = computed(() => {
    const source = this.source();
    return source instanceof PagedList ? source : null;
  });
  private readonly resource = computed(() => {
    const source = this.source();
    return source instanceof PagedList ? source.resource : source;
  });
  /** The rows; undefined until the first answer, when neither table nor empty note shows. */
  protected readonly items = computed(() => {
    const source = this.source();
    return source instanceof PagedList ? source.page()?.items : source.value();
  });
  protected readonly total = computed(() => this.pagedList()?.page()?.total ?? 0);
  protected readonly loading = computed(() => this.resource().isLoading());
  protected readonly error = computed(() => this.resource().error());

  @ViewChild(MatTable, { static: true }) private readonly table!: MatTable<T>;
  @ViewChild('wrap', { static: true }) private readonly wrap!: ElementRef<HTMLElement>;
  /** The table is wider than its box (a tablet, a long list of columns): the cue and sticky columns show. */
  protected readonly overflows = signal(false);
  /** The columns declared inside, in their order: the table's columns are these, no list written twice. */
  private readonly declaredColumns = contentChildren(TableColumn);
  protected readonly columnNames = computed(() =>
    this.declaredColumns()
      .filter((column) => column.shown())
      .map((column) => column.columnName()),
  );

  constructor() {
    const measure = () => {
      const box = this.wrap?.nativeElement;
      if (box) this.overflows.set(box.scrollWidth > box.clientWidth + 1);
    };
    // Measured after each render (new rows, new columns) and whenever the box changes size.
    afterRenderEffect({
      read: () => {
        this.items();
        this.columnNames();
        measure();
      },
    });
    if (typeof ResizeObserver !== 'undefined') {
      const observer = new ResizeObserver(measure);
      queueMicrotask(() => this.wrap && observer.observe(this.wrap.nativeElement));
      inject(DestroyRef).onDestroy(() => observer.disconnect());
    }
  }

  ngAfterContentInit(): void {
    const columns = this.declaredColumns();
    columns.forEach((column, index) => {
      // On a narrow screen the first column (what the row is) and the actions (what to do) stay in view.
      column.columnDef.sticky = index === 0;
      column.columnDef.stickyEnd = column.columnName() === 'actions';
      this.table.addColumnDef(column.columnDef);
    });
  }
}
