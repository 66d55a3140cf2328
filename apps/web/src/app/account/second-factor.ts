import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MfaSetupResponse } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AuthApi } from '../core/auth-api';
import { AuthenticatorQr } from '../ui/authenticator-qr';
import { FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { PendingAction } from '../ui/pending-action';

/** The signed-in user's second factor: set up an authenticator app, and keep the recovery codes. */
@Component({
  selector: 'enc-second-factor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthenticatorQr, FORM_IMPORTS],
  template: `
    <h1>Second factor</h1>
    <enc-progress-status
      [loading]="status.isLoading()"
      label="Loading"
      [error]="status.error() ?? action.error()"
    />
    @if (recoveryCodes().length) {
      <h2>Keep your recovery codes</h2>
      <p>
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Print
        them or keep them somewhere safe: they are shown only now.
      </p>
      <ul class="recovery-codes" aria-label="Recovery codes">
        @for (code of recoveryCodes(); track code) {
          <li>
            <code>{{ code }}</code>
          </li>
        }
      </ul>
    } @else if (status.hasValue() && status.value().enrolled) {
      <p>
        A code from your authenticator app is asked for whenever you sign in with your password. If you lose
        your phone, sign in with a recovery code and ask your trust administrator to reset your second factor.
      </p>
    } @else if (setup(); as enrolment) {
      <p>Scan this QR code with your authenticator app, then enter the six-digit code it shows.</p>
      <enc-authenticator-qr [enrolment]="enrolment" />
      <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Code from the app</mat-label>
          <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" required />
          <mat-error>Enter the six digits the app shows.</mat-error>
        </mat-form-field>
        <div>
          <button matButton="filled" type="submit" [disabled]="action.busy()">Confirm</button>
        </div>
      </form>
    } @else if (status.hasValue()) {
      <p>
        Add a second step to your password sign-in: a six-digit code from an authenticator app on your phone,
        such as Microsoft Authenticator or Google Authenticator.
        @if (status.value().required) {
          Your trust requires it.
        }
      </p>
      <button matButton="filled" type="button" (click)="start()" [disabled]="action.busy()">Set up</button>
    }
  `,
  styles: `
    code {
      font-size: 1.05rem;
      letter-spacing: 0.05em;
      word-break: break-all;
    }
    .recovery-codes {
      columns: 2;
      max-width: 28rem;
    }
  `,
})
export class SecondFactor {
  private readonly api = inject(AuthApi);

  protected readonly status = rxResource({ stream: () => this.api.mfaStatus() });
  protected readonly setup = signal<MfaSetupResponse | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly action = new PendingAction();
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });

  protected async start(): Promise<void> {
    await this.run(async () => this.setup.set(await firstValueFrom(this.api.mfaSetup())));
  }

  protected async confirm(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    await this.run(async () => {
      const { recoveryCodes } = await firstValueFrom(
        this.api.mfaConfirm(this.form.getRawValue().code.trim()),
      );
      this.recoveryCodes.set(recoveryCodes);
      this.setup.set(null);
      this.status.reload();
    });
  }

  /** On a failure the code typed is cleared, for the next one. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (!(await this.action.run(work))) this.form.reset();
  }
}
