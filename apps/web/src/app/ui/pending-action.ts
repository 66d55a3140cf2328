import { inject, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

/**
 * A write the user started (save, delete, deactivate…): busy while it runs, the API's error kept for the
 * page to show, a short confirmation in the snack bar when it is done. Create it in a field initialiser.
 */
export class PendingAction {
  private readonly snackBar = inject(MatSnackBar);

  readonly busy = signal(false);
  readonly error = signal<unknown>(null);

  /** Runs `work`; true when it succeeded (and `done`, if given, was shown), false when it failed. */
  async run(work: () => Promise<unknown>, done?: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
      if (done) this.announce(done);
      return true;
    } catch (error) {
      this.error.set(error);
      return false;
    } finally {
      this.busy.set(false);
    }
  }

  /** The confirmation in the snack bar, for a change made elsewhere (in a dialog). */
  announce(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }
}
