import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TRUST_WIDE_ROLES, UserResponse, ROLE_LABELS } from '@encounters/domain';
import { catchError, firstValueFrom, of } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { AuthApi } from '../core/auth-api';
import { Session } from '../core/session';
import { ApiErrorMessage } from '../ui/api-error-message';
import { confirmAction } from '../ui/confirm-dialog';
import { openUserDialog } from './user-dialog';

/** Everyone who can sign in, their roles and academies; create, change, deactivate. */
@Component({
  selector: 'enc-user-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorMessage, MatButtonModule, MatProgressBarModule, MatTableModule],
  template: `
    <div class="title-row">
      <h2>Users and roles</h2>
      <button matButton="filled" type="button" (click)="create()">Add user</button>
    </div>
    @if (users.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading users" />
    }
    <enc-api-error-message [error]="users.error() ?? actionError()" />
    @if (users.hasValue()) {
      <div class="table-wrap">
        <table mat-table [dataSource]="users.value()">
          <caption class="visually-hidden">
            Users
          </caption>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef scope="col">Name</th>
            <td mat-cell *matCellDef="let row">
              <strong>{{ row.name }}</strong>
              <div class="meta">{{ row.email }}</div>
            </td>
          </ng-container>
          <ng-container matColumnDef="roles">
            <th mat-header-cell *matHeaderCellDef scope="col">Roles</th>
            <td mat-cell *matCellDef="let row">{{ roleNames(row) }}</td>
          </ng-container>
          <ng-container matColumnDef="academies">
            <th mat-header-cell *matHeaderCellDef scope="col">Academies</th>
            <td mat-cell *matCellDef="let row">{{ academyNames(row) }}</td>
          </ng-container>
          <ng-container matColumnDef="lastSignIn">
            <th mat-header-cell *matHeaderCellDef scope="col">Last signed in</th>
            <td mat-cell *matCellDef="let row" class="nowrap">{{ lastSignIn(row) }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Status</th>
            <td mat-cell *matCellDef="let row">
              <span [class.inactive]="!row.active">{{ row.active ? 'Active' : 'Deactivated' }}</span>
              @if (row.ssoOnly) {
                <div class="meta">School account only</div>
              } @else if (row.mfaEnrolled) {
                <div class="meta">Second factor set up</div>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
            <td mat-cell *matCellDef="let row" class="nowrap">
              <button matButton type="button" (click)="edit(row)" [attr.aria-label]="'Edit ' + row.name">
                Edit
              </button>
              @if (row.mfaEnrolled) {
                <button
                  matButton
                  type="button"
                  (click)="resetSecondFactor(row)"
                  [attr.aria-label]="'Reset the second factor of ' + row.name"
                >
                  Reset second factor
                </button>
              }
              @if (row.active) {
                <button
                  matButton
                  type="button"
                  (click)="unlock(row)"
                  [attr.aria-label]="'Unlock the sign-in of ' + row.name"
                >
                  Unlock sign-in
                </button>
                @if (row.id !== me()) {
                  <button
                    matButton
                    type="button"
                    class="danger"
                    (click)="deactivate(row)"
                    [attr.aria-label]="'Deactivate ' + row.name"
                  >
                    Deactivate
                  </button>
                }
              } @else {
                <button
                  matButton
                  type="button"
                  (click)="reactivate(row)"
                  [attr.aria-label]="'Reactivate ' + row.name"
                >
                  Reactivate
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
  styles: `
    .title-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    .table-wrap {
      overflow-x: auto;
    }
    .meta {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .inactive {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .nowrap {
      white-space: nowrap;
    }
  `,
})
export class UserList {
  private readonly api = inject(AdminApi);
  private readonly authApi = inject(AuthApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);

  private readonly session = inject(Session);
  protected readonly me = computed(() => this.session.user()?.id);
  protected readonly columns = ['name', 'roles', 'academies', 'lastSignIn', 'status', 'actions'];
  protected readonly users = rxResource({ stream: () => this.api.users() });
  private readonly academies = toSignal(this.api.academies().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  private readonly academyNamesById = computed(
    () => new Map(this.academies().map((academy) => [academy.id, academy.name])),
  );
  protected readonly actionError = signal<unknown>(null);

  protected roleNames(user: UserResponse): string {
    return user.roles.map((role) => ROLE_LABELS[role]).join(', ');
  }

  protected academyNames(user: UserResponse): string {
    if (user.roles.every((role) => TRUST_WIDE_ROLES.includes(role))) return 'All (trust-wide)';
    return user.academyIds.map((id) => this.academyNamesById().get(id) ?? '').join(', ') || '—';
  }

  protected lastSignIn(user: UserResponse): string {
    return user.lastSignInAt
      ? new Date(user.lastSignInAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
      : 'Never';
  }

  protected create(): void {
    openUserDialog(this.dialog, { academies: this.academies() })
      .afterClosed()
      .subscribe((saved) => this.afterSave(saved, 'created'));
  }

  protected edit(user: UserResponse): void {
    openUserDialog(this.dialog, { user, academies: this.academies() })
      .afterClosed()
      .subscribe((saved) => this.afterSave(saved, 'saved'));
  }

  protected async deactivate(user: UserResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Deactivate ${user.name}?`,
      message: `${user.name} will be signed out everywhere and will not be able to sign in. What they recorded keeps their name. You can reactivate the account later.`,
      confirmLabel: 'Deactivate',
    });
    if (!confirmed) return;
    await this.run(() => firstValueFrom(this.api.deactivateUser(user.id)), `${user.name} deactivated.`);
  }

  protected async resetSecondFactor(user: UserResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Reset ${user.name}'s second factor?`,
      message: `Do this when ${user.name} has lost the phone with the authenticator app. Their old codes and recovery codes stop working; they set up a new app at their next sign-in if the trust requires it.`,
      confirmLabel: 'Reset',
    });
    if (!confirmed) return;
    await this.run(
      () => firstValueFrom(this.authApi.resetMfa(user.id)),
      `${user.name}'s second factor has been reset.`,
    );
  }

  /** Clears the account's failed sign-ins, so its user need not wait out the delay an attack caused. */
  protected async unlock(user: UserResponse): Promise<void> {
    await this.run(
      () => firstValueFrom(this.authApi.unlockSignIn(user.id)),
      `${user.name} can sign in again now.`,
    );
  }

  protected async reactivate(user: UserResponse): Promise<void> {
    await this.run(
      () => firstValueFrom(this.api.updateUser(user.id, { active: true })),
      `${user.name} reactivated.`,
    );
  }

  private async run(work: () => Promise<unknown>, done: string): Promise<void> {
    this.actionError.set(null);
    try {
      await work();
      this.snackBar.open(done, undefined, { duration: 4000 });
      this.users.reload();
    } catch (error) {
      this.actionError.set(error);
    }
  }

  private afterSave(saved: UserResponse | undefined, verb: string): void {
    if (!saved) return;
    this.snackBar.open(`${saved.name} ${verb}.`, undefined, { duration: 4000 });
    this.users.reload();
  }
}
