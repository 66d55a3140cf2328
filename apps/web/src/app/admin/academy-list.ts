import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ACADEMY_EVALUATION_TYPE_LABELS, ACADEMY_PHASE_LABELS, AcademyResponse } from '@encounters/domain';

import { AdminApi } from '../core/admin-api';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { openAcademyDialog } from './academy-dialog';

/** The trust's academies. */
@Component({
  selector: 'enc-academy-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS],
  template: `
    <div class="title-row">
      <h2>Academies</h2>
      <button matButton="filled" type="button" (click)="edit(null)">Add academy</button>
    </div>
    <enc-data-table [source]="academies" caption="Academies" noun="academies" [empty]="empty">
      <enc-text-column name="name" header="Name" />
      <enc-text-column name="urn" header="URN" />
      <enc-text-column name="phase" header="Phase" [text]="phase" />
      <enc-text-column name="evaluationType" header="Judged as" [text]="evaluationType" />
      <enc-edit-column (edit)="edit($event)" />
    </enc-data-table>
  `,
  styles: LIST_STYLES,
})
export class AcademyList {
  private readonly api = inject(AdminApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly empty = { heading: 'No academies yet', text: "Add the trust's academies to start." };
  protected readonly academies = rxResource({ stream: () => this.api.academies() });

  protected readonly phase = (academy: AcademyResponse): string => ACADEMY_PHASE_LABELS[academy.phase];
  protected readonly evaluationType = (academy: AcademyResponse): string =>
    ACADEMY_EVALUATION_TYPE_LABELS[academy.evaluationType ?? 'school'];

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
