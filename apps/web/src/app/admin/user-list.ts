import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
} from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { TRUST_WIDE_ROLES, UserResponse, ROLE_LABELS } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AdminApi } from '../core/admin-api';
import { AuthApi } from '../core/auth-api';
import { Session } from '../core/session';
import { confirmAction } from '../ui/confirm-dialog';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { debounced, PagedList } from '../ui/paged-list';
import { PendingAction } from '../ui/pending-action';
import { openUserDialog } from './user-dialog';
import { loadedList } from '../core/loaded-list';

/** The page's width (px) below which the table drops to its compact layout. */
const COMPACT_BELOW = 900;

/** Everyone who can sign in, their roles and academies; create, change, deactivate. */
@Component({
  selector: 'enc-user-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LIST_PAGE_IMPORTS],
  template: `
    <div class="title-row">
      <h2>Users and roles</h2>
      <button matButton="filled" type="button" (click)="create()">Add user</button>
    </div>
    <form class="filters" role="search" aria-label="Find a user" (submit)="$event.preventDefault()">
      <enc-text-filter
        label="Find a user"
        placeholder="Part of a name or email address"
        type="search"
        flex="0 1 24rem"
        [(value)]="search"
      />
    </form>
    <enc-data-table
      [source]="users"
      caption="Users, by name"
      noun="users"
      [pageSizes]="[25, 50, 100]"
      [actionError]="action.error()"
      [empty]="{ heading: 'Nobody found', text: 'No user has a name or email address with these words.' }"
    >
      <enc-column name="name" header="Name">
        <ng-template let-row>
          <strong>{{ row.name }}</strong>
          <div class="meta">{{ row.email }}</div>
        </ng-template>
      </enc-column>
      <enc-text-column name="roles" header="Roles" [text]="roleNames" />
      <enc-text-column name="academies" header="Academies" [text]="academyNames" />
      <enc-text-column
        name="lastSignIn"
        header="Last signed in"
        [text]="lastSignIn"
        nowrap
        [shown]="!compact()"
      />
      <enc-column name="status" header="Status">
        <ng-template let-row>
          <span [class.inactive]="!row.active">{{ row.active ? 'Active' : 'Deactivated' }}</span>
          @if (compact()) {
            <div class="meta last-sign-in">Last signed in: {{ lastSignIn(row) }}</div>
          }
          @if (row.signInDelayedUntil) {
            <div class="meta delayed">
              Sign-in delayed after failed attempts, until {{ time(row.signInDelayedUntil) }}
            </div>
          }
          @if (row.ssoOnly) {
            <div class="meta">School account only</div>
          } @else if (row.mfaEnrolled) {
            <div class="meta">Second factor set up</div>
          }
        </ng-template>
      </enc-column>
      <enc-column name="actions" header="Actions" headerHidden>
        <ng-template let-row>
          <div class="row-actions" [class.stacked]="compact()">
            <button matButton [encRowAction]="'Edit ' + row.name" (click)="edit(row)">Edit</button>
            @if (row.mfaEnrolled) {
              <button
                matButton
                [encRowAction]="'Reset the second factor of ' + row.name"
                (click)="resetSecondFactor(row)"
              >
                Reset second factor
              </button>
            }
            @if (row.active) {
              @if (row.signInDelayedUntil) {
                <button matButton [encRowAction]="'Unlock the sign-in of ' + row.name" (click)="unlock(row)">
                  Unlock sign-in
                </button>
              }
              @if (row.id !== me()) {
                <button
                  matButton
                  class="danger"
                  [encRowAction]="'Deactivate ' + row.name"
                  (click)="deactivate(row)"
                >
                  Deactivate
                </button>
              }
            } @else {
              <button matButton [encRowAction]="'Reactivate ' + row.name" (click)="reactivate(row)">
                Reactivate
              </button>
            }
          </div>
        </ng-template>
      </enc-column>
    </enc-data-table>
  `,
  styles: [
    LIST_STYLES,
    `
      :host {
        display: block;
      }
      .row-actions {
        display: flex;
        white-space: nowrap;
      }
      /* On a tablet the buttons stand one above the other: a narrow column, every other column in view. */
      .row-actions.stacked {
        flex-direction: column;
        align-items: flex-start;
        padding: 0.25rem 0;
      }
      .last-sign-in {
        padding-bottom: 0.375rem;
      }
      /* A long address ("p.shah.1796068229425@kilnside.example") breaks rather than widening the table. */
      .meta {
        overflow-wrap: anywhere;
      }
      .inactive,
      .delayed {
        color: var(--mat-sys-error);
        font-weight: 500;
      }
    `,
  ],
})
export class UserList {
  private readonly api = inject(AdminApi);
  private readonly authApi = inject(AuthApi);
  private readonly dialog = inject(MatDialog);

  private readonly session = inject(Session);
  protected readonly me = computed(() => this.session.user()?.id);
  /** What is typed in the search box; the list asks once the typing pauses. */
  protected readonly search = signal('');
  private readonly typed = debounced(this.search, 250);
  protected readonly users = new PagedList({
    pageSize: 50,
    query: () => ({ q: this.typed().trim() || undefined }),
    fetch: (query) => this.api.users(query),
  });
  private readonly academies = loadedList(this.api.academies());
  private readonly academyNamesById = computed(
    () => new Map(this.academies().map((academy) => [academy.id, academy.name])),
  );
  protected readonly action = new PendingAction();
  /**
   * Too narrow for every column side by side (a tablet upright, 820 px): "Last signed in" goes under the status
   * and the buttons one above the other, so that no column hides behind the actions.
   */
  protected readonly compact = signal(false);

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => this.compact.set(host.clientWidth < COMPACT_BELOW));
    observer.observe(host);
    inject(DestroyRef).onDestroy(() => observer.disconnect());
  }

  protected readonly roleNames = (user: UserResponse): string =>
    user.roles.map((role) => ROLE_LABELS[role]).join(', ');

  protected readonly academyNames = (user: UserResponse): string => {
    if (user.roles.every((role) => TRUST_WIDE_ROLES.includes(role))) return 'All (trust-wide)';
    return user.academyIds.map((id) => this.academyNamesById().get(id) ?? '').join(', ') || '—';
  };

  protected readonly time = (at: string): string =>
    new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

  protected readonly lastSignIn = (user: UserResponse): string =>
    user.lastSignInAt
      ? new Date(user.lastSignInAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
      : 'Never';

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
    if (await this.action.run(work, done)) this.users.reload();
  }

  private afterSave(saved: UserResponse | undefined, verb: string): void {
    if (!saved) return;
    this.action.announce(`${saved.name} ${verb}.`);
    this.users.reload();
  }
}
