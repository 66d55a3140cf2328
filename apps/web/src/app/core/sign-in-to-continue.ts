import { ChangeDetectionStrategy, Component, inject, Injectable, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { firstValueFrom } from 'rxjs';

import { ApiClient } from './api-client';
import { apiErrorMessage, errorStatus } from './api-error';
import { AuthApi } from './auth-api';
import { Session } from './session';
import { loadedList } from './loaded-list';

/**
 * "Sign in to continue": the session has ended in the middle of the work. The page stays as it is; the user
 * signs in again here (password and, when asked, the code from their authenticator app; or their school account
 * in a new tab) and what they were doing carries on. Closes true once signed in, false if they chose to leave.
 */
@Component({
  selector: 'enc-sign-in-to-continue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>Sign in to continue</h2>
    <form (ngSubmit)="submit()">
      <mat-dialog-content class="content">
        <p>
          Your session has ended. Sign in again to carry on: nothing on this page is lost, and what you were
          saving is sent once you are signed in.
        </p>
        @if (!challenge()) {
          <mat-form-field appearance="outline">
            <mat-label>Email address</mat-label>
            <input matInput type="email" name="email" autocomplete="username" [(ngModel)]="email" required />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Password</mat-label>
            <input
              matInput
              type="password"
              name="password"
              autocomplete="current-password"
              [(ngModel)]="password"
              required
              cdkFocusInitial
            />
          </mat-form-field>
        } @else {
          <mat-form-field appearance="outline">
            <mat-label>Code from your authenticator app</mat-label>
            <input
              matInput
              name="code"
              inputmode="numeric"
              autocomplete="one-time-code"
              [(ngModel)]="code"
              required
            />
          </mat-form-field>
        }
        @if (error(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        @if (providers().length && !challenge()) {
          <div class="providers">
            <p>Or sign in with your school account in a new tab, then come back here:</p>
            @for (provider of providers(); track provider.id) {
              <a matButton="outlined" [href]="startUrl(provider.id)" target="_blank" rel="opener">{{
                provider.label
              }}</a>
            }
            <button matButton type="button" (click)="checkSignedIn()">I have signed in: continue</button>
          </div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="leave()">Go to the sign-in page</button>
        <button matButton="filled" type="submit" [disabled]="busy()">
          {{ challenge() ? 'Confirm code' : 'Sign in and continue' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: min(26rem, 80vw);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
      font-weight: 500;
    }
    .providers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .providers p {
      flex-basis: 100%;
      margin: 0.5rem 0 0;
    }
  `,
})
export class SignInToContinue {
  private readonly api = inject(ApiClient);
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(Session);
  private readonly reference = inject<MatDialogRef<SignInToContinue, boolean>>(MatDialogRef);

  protected email = this.session.user()?.email ?? '';
  protected password = '';
  protected code = '';
  protected readonly challenge = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly providers = loadedList(this.authApi.publicProviders());

  protected startUrl(providerId: string): string {
    return this.authApi.startUrl(providerId);
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.busy.set(true);
    try {
      const challenge = this.challenge();
      if (challenge) {
        this.done(await firstValueFrom(this.authApi.mfaVerify(challenge, this.code.trim())));
        return;
      }
      const answer = await this.session.signIn({ email: this.email.trim(), password: this.password });
      if ('mfaRequired' in answer) {
        if (answer.enrolmentRequired) {
          this.error.set('Your trust asks you to set up a second factor: go to the sign-in page to do so.');
        } else {
          this.challenge.set(answer.challenge);
        }
        return;
      }
      this.done(answer);
    } catch (error) {
      this.error.set(
        errorStatus(error) === 401
          ? this.challenge()
            ? 'That code is not right. Enter the code your app shows now.'
            : 'The email address or password is not right.'
          : apiErrorMessage(error),
      );
    } finally {
      this.busy.set(false);
    }
  }

  /** After signing in with a school account in another tab: the session cookie is there now. */
  protected async checkSignedIn(): Promise<void> {
    try {
      this.done(await firstValueFrom(this.api.me()));
    } catch {
      this.error.set('You are not signed in yet. Finish signing in in the other tab, then try again.');
    }
  }

  private done(user: Parameters<Session['signedInAs']>[0]): void {
    const before = this.session.user()?.id;
    this.session.signedInAs(user);
    // Someone else signing in on this computer does not carry on with this user's work.
    this.reference.close(!before || before === user.id);
  }

  protected leave(): void {
    this.reference.close(false);
  }
}

/** One "Sign in to continue" at a time, however many requests the ended session refused. */
@Injectable({ providedIn: 'root' })
export class Reauthentication {
  private readonly dialog = inject(MatDialog);
  private pending: Promise<boolean> | null = null;

  signInAgain(): Promise<boolean> {
    this.pending ??= firstValueFrom(
      this.dialog
        .open<SignInToContinue, void, boolean>(SignInToContinue, {
          disableClose: true,
          width: '32rem',
          role: 'alertdialog',
        })
        .afterClosed(),
    ).then(
      (signedIn) => {
        this.pending = null;
        return signedIn === true;
      },
      () => {
        this.pending = null;
        return false;
      },
    );
    return this.pending;
  }
}
