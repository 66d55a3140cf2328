import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { AcademyResponse } from '@encounters/domain';

import { AdminApi } from '../core/admin-api';
import { ApiErrorMessage } from '../ui/api-error-message';
import { EmptyState } from '../ui/empty-state';
import { openAcademyDialog, PHASE_LABELS } from './academy-dialog';

/** The trust's academies. */
@Component({
  selector: 'enc-academy-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, EmptyState, MatButtonModule, MatProgressBarModule, MatTableModule],
  template: `
    <div class="title-row">
      <h2>Academies</h2>
      <button matButton="filled" type="button" (click)="edit(null)">Add academy</button>
    </div>
    @if (academies.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading academies" />
    }
    <enc-api-error-message [error]="academies.error()" />
    @if (academies.hasValue()) {
      @if (academies.value().length) {
        <table mat-table [dataSource]="academies.value()">
          <caption class="visually-hidden">
            Academies
          </caption>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
            <td mat-cell *matCellDef="let row">{{ row.name }}</td>
          </ng-container>
          <ng-container matColumnDef="urn">
            <th mat-header-cell *matHeaderCellDef scope="col">URN</th>
            <td mat-cell *matCellDef="let row">{{ row.urn }}</td>
          </ng-container>
          <ng-container matColumnDef="phase">
            <th mat-header-cell *matHeaderCellDef scope="col">Phase</th>
            <td mat-cell *matCellDef="let row">{{ phase(row) }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
            <td mat-cell *matCellDef="let row">
              <button matButton type="button" (click)="edit(row)" [attr.aria-label]="'Edit ' + row.name">
                Edit
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      } @else {
        <enc-empty-state heading="No academies yet">Add the trust's academies to start.</enc-empty-state>
      }
    }
  `,
  styles: `
    .title-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
  `,
})
export class AcademyList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly columns = ['name', 'urn', 'phase', 'actions'];
  protected readonly academies = rxResource({ stream: () => this.api.academies() });

  protected phase(academy: AcademyResponse): string {
    return PHASE_LABELS[academy.phase];
  }

  protected edit(academy: AcademyResponse | null): void {
    openAcademyDialog(this.dialog, academy)
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} saved.`, undefined, { duration: 4000 });
        this.academies.reload();
      });
  }
}
