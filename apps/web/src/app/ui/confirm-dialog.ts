import { ComponentType } from '@angular/cdk/portal';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';

export interface ConfirmDialogData {
  title: string;
  message: string;
  /** The verb on the button that goes ahead: "Delete encounter". */
  confirmLabel: string;
}

/** Asks before anything destructive. The safe choice has the focus, so Enter never destroys by accident. */
@Component({
  selector: 'enc-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" cdkFocusInitial>Cancel</button>
      <button matButton="filled" type="button" class="danger" [mat-dialog-close]="true">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/** Opens the confirmation and resolves true only when the user chose to go ahead. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Promise<boolean> {
  return askInDialog(dialog, ConfirmDialog, data, '28rem');
}

/**
 * Opens `component` as an alert dialog with `data` and resolves true only when it closed with true (the user
 * chose to go ahead); Escape, a click outside or any other answer resolve false.
 */
export async function askInDialog<C, D>(
  dialog: MatDialog,
  component: ComponentType<C>,
  data: D,
  width: string,
): Promise<boolean> {
  const reference = dialog.open<C, D, boolean>(component, { data, width, role: 'alertdialog' });
  return (await firstValueFrom(reference.afterClosed())) === true;
}
