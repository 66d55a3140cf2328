import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { NotCountedReason } from '@encounters/domain';

import { askInDialog } from '../ui/confirm-dialog';

export interface WillNotCountData {
  reasons: readonly NotCountedReason[];
  /** "Save encounter" or "Save changes". */
  saveLabel: string;
}

/**
 * Before saving an encounter that will not count (or not for everything it looks like): why, and what would
 * make it count. Going back is the default; saving anyway is a deliberate choice.
 */
@Component({
  selector: 'enc-will-not-count-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>This encounter will not count in full</h2>
    <mat-dialog-content>
      <ul class="reasons">
        @for (reason of data.reasons; track $index) {
          <li>
            <p class="why">{{ reason.why }}</p>
            <p class="fix">To make it count: {{ reason.fix }}</p>
          </li>
        }
      </ul>
      <p>You can save it as it is and change it later.</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" cdkFocusInitial>
        Go back and change it
      </button>
      <button matButton="filled" type="button" [mat-dialog-close]="true">{{ data.saveLabel }} anyway</button>
    </mat-dialog-actions>
  `,
  styles: `
    .reasons {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
    }
    .reasons li + li {
      margin-top: 0.5rem;
    }
    .why {
      margin: 0;
      font-weight: 500;
    }
    .fix {
      margin: 0.125rem 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class WillNotCountDialog {
  protected readonly data = inject<WillNotCountData>(MAT_DIALOG_DATA);
}

/** Resolves true when the user chose to save anyway. */
export function confirmWillNotCount(dialog: MatDialog, data: WillNotCountData): Promise<boolean> {
  return askInDialog(dialog, WillNotCountDialog, data, '34rem');
}
