import { DestroyRef, inject, Injectable } from '@angular/core';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';

import { confirmAction } from './confirm-dialog';

/** A page or form that may hold changes not yet saved. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
  /** What leaving does to the changes: kept as a draft, or lost. */
  readonly keepsDraft?: boolean;
}

/** Asks before leaving changes unsaved; true to leave. */
export function confirmLeaving(dialog: MatDialog, keepsDraft = false): Promise<boolean> {
  return confirmAction(dialog, {
    title: 'Leave without saving?',
    message: keepsDraft
      ? 'Your changes are not saved. They are kept as a draft in this browser, and come back when you return.'
      : 'Your changes are not saved. If you leave now, they are lost.',
    confirmLabel: 'Leave without saving',
  });
}

/** `canDeactivate` for every route with a form: Back, a menu item or a link asks first when there are changes. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (component) =>
  !component?.hasUnsavedChanges() || confirmLeaving(inject(MatDialog), component.keepsDraft === true);

/**
 * The browser's own "Leave site?" warning on reload, closing the tab or typing another address, while any form
 * registered here has changes.
 */
@Injectable({ providedIn: 'root' })
export class UnsavedChanges {
  private readonly checks = new Set<() => boolean>();
  private listening = false;

  private readonly onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if ([...this.checks].some((check) => check())) {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    }
  };

  /** Warns while `check` answers true, until the caller's `DestroyRef` ends it. */
  watch(check: () => boolean, destroyRef: DestroyRef = inject(DestroyRef)): void {
    this.checks.add(check);
    if (!this.listening) {
      window.addEventListener('beforeunload', this.onBeforeUnload);
      this.listening = true;
    }
    destroyRef.onDestroy(() => this.checks.delete(check));
  }
}

/**
 * A dialog with a form asks before closing with changes unsaved: Cancel (through `enc-dialog-actions`'
 * `cancel`), Escape and a click outside. Call from the dialog's constructor; give the answer to the template.
 */
export function askBeforeClosing(
  reference: MatDialogRef<unknown>,
  hasChanges: () => boolean,
  dialog: MatDialog = inject(MatDialog),
): () => Promise<void> {
  const cancel = async (): Promise<void> => {
    if (hasChanges() && !(await confirmLeaving(dialog))) return;
    reference.close();
  };
  reference.disableClose = true;
  reference.backdropClick().subscribe(() => void cancel());
  reference.keydownEvents().subscribe((event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void cancel();
    }
  });
  inject(UnsavedChanges).watch(hasChanges);
  return cancel;
}
