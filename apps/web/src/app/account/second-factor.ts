import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MfaSetupResponse } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AuthApi } from '../core/auth-api';
import { ApiErrorMessage } from '../ui/api-error-message';

/** The signed-in user's second factor: set up an authenticator app, and keep the recovery codes. */
@Component({
  selector: 'enc-second-factor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorMessage,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
  ],
  template: `
    <h1>Second factor</h1>
    @if (status.isLoading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading" />
    }
    <enc-api-error-message [error]="status.error() ?? error()" />
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
      <img
        class="qr-code"
        [src]="enrolment.qrCode"
        width="220"
        height="220"
        alt="QR code to scan with your authenticator app"
      />
      <p>
        Cannot scan? Enter this key in the app: <code>{{ setupKey() }}</code>
      </p>
      <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
        <mat-form-field appearance="outline">
          <mat-label>Code from the app</mat-label>
          <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" required />
          <mat-error>Enter the six digits the app shows.</mat-error>
        </mat-form-field>
        <div>
          <button matButton="filled" type="submit" [disabled]="busy()">Confirm</button>
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
      <button matButton="filled" type="button" (click)="start()" [disabled]="busy()">Set up</button>
    }
  `,
  styles: `
    .qr-code {
      display: block;
      margin: 1rem 0;
    }
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
  protected readonly setupKey = computed(() => {
    const url = this.setup()?.otpauthUrl;
    return url ? (new URL(url).searchParams.get('secret') ?? '') : '';
  });
  protected readonly recoveryCodes = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^\s*\d{6}\s*$/)]],
  });

  protected async start(): Promise<void> {
    await this.run(async () => this.setup.set(await firstValueFrom(this.api.mfaSetup())));
  }

  protected async confirm(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    await this.run(async () => {
      const { recoveryCodes } = await firstValueFrom(
        this.api.mfaConfirm(this.form.getRawValue().code.trim()),
      );
      this.recoveryCodes.set(recoveryCodes);
      this.setup.set(null);
      this.status.reload();
    });
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(error);
      this.form.reset();
    } finally {
      this.busy.set(false);
    }
  }
}
