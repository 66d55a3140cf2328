import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';

import { DataTable } from './data-table';
import { EmptyState } from './empty-state';
import { ChoiceFilter, DateRangeFilter } from './filters';
import { ProgressStatus } from './progress-status';
import { Pager } from './pager';
import { EditColumn, TemplateColumn, TextColumn } from './table-columns';

/** What a list page's template uses: its table, columns, paginator, filters, status and empty state. */
export const LIST_PAGE_IMPORTS = [
  ChoiceFilter,
  DataTable,
  DateRangeFilter,
  EditColumn,
  EmptyState,
  ProgressStatus,
  MatButtonModule,
  MatTableModule,
  Pager,
  TemplateColumn,
  TextColumn,
] as const;

/**
 * The styles every list page shares (encounters, organisations, users, academies, the audit log, sign-in
 * providers): a title with its button, a row of filters, a table that scrolls sideways on a narrow screen,
 * and the small classes of its cells. A component adds them first in its `styles`, then its own.
 */
export const LIST_STYLES = `
  .title-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .meta {
    color: var(--mat-sys-on-surface-variant);
    font: var(--mat-sys-body-small);
  }
  .number {
    text-align: right;
  }
  .nowrap {
    white-space: nowrap;
  }
  .danger {
    color: var(--mat-sys-error);
  }
`;
