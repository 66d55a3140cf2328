import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { DemoUser, MfaSetupResponse, ROLE_LABELS } from '@encounters/domain';
import { firstValueFrom } from 'rxjs';

import { AuthApi } from '../core/auth-api';
import { Session } from '../core/session';
import { AuthenticatorQr } from '../ui/authenticator-qr';
import { FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { loadedList } from '../core/loaded-list';

/** Says what went wrong in plain words; the API gives one 401 for every cause, on purpose. */
export function signInErrorMessage(error: unknown): string {
  const status = error instanceof HttpErrorResponse ? error.status : -1;
  switch (status) {
    case 400:
    case 401:
      return 'The email address or password is not right. Check them and try again.';
    case 429:
      return 'Too many attempts to sign in. Wait a few minutes, then try again.';
    case 0:
      return 'Encounters could not be reached. Check your connection and try again.';
    case 404:
      return 'Signing in is not available yet. Please try again later.';
    default:
      return 'Something went wrong on our side. Please try again in a few minutes.';
  }
}

/** The second step: a wrong code, or a sign-in that waited too long. */
export function codeErrorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && (error.status === 400 || error.status === 401)) {
    return String(error.error?.message ?? '').includes('expired')
      ? 'This sign-in has expired. Enter your email address and password again.'
      : 'The code is not right. Check your authenticator app and try again.';
  }
  return signInErrorMessage(error);
}

/** Why a sign-in with a school account came back refused (`/sign-in?error=...`). */
export const SCHOOL_ACCOUNT_ERRORS: Record<string, string> = {
  unknown_account:
    'Your school account is not set up in Encounters. Ask your trust administrator to add you with the same email address.',
  unverified_email:
    "Your school account's email address is not verified, so Encounters cannot be sure who you are. Ask your school's IT team.",
  wrong_tenant:
    'That account belongs to another organisation. Sign in with the account your school gave you.',
  state: 'The sign-in was interrupted or took too long. Please try again.',
  expired: 'The sign-in took too long. Please try again.',
  failed: 'Signing in with your school account did not work. Please try again.',
  provider_unavailable:
    "Your school's sign-in service did not answer. Try again in a few minutes, or sign in with your password.",
};

/** Only paths inside the app; anything else (or another sign-in page) sends the user to the dashboard. */
function safeReturnUrl(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in')
    ? value
    : '/';
}

type Step = 'password' | 'code' | 'enrol' | 'recovery-codes';

@Component({
  selector: 'enc-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AuthenticatorQr, FORM_IMPORTS],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly authApi = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly formBuilder = inject(NonNullableFormBuilder);

  protected readonly form = this.formBuilder.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly codeForm = this.formBuilder.group({
    code: ['', [Validators.required, Validators.pattern(/^[\s\-A-Za-z0-9]{6,20}$/)]],
  });
  protected readonly step = signal<Step>('password');
  protected readonly signingIn = signal(false);
  protected readonly errorMessage = signal<string | null>(
    SCHOOL_ACCOUNT_ERRORS[this.route.snapshot.queryParamMap.get('error') ?? ''] ?? null,
  );
  protected readonly providers = loadedList(this.authApi.publicProviders());
  /** Demo mode only: who to sign in as, with the published passwords. */
  protected readonly demoUsers = loadedList(this.authApi.demoUsers());
  protected readonly setup = signal<MfaSetupResponse | null>(null);
  protected readonly recoveryCodes = signal<string[]>([]);
  private challenge = '';

  protected roleNames(user: DemoUser): string {
    return user.roles.map((role) => ROLE_LABELS[role]).join(', ');
  }

  /** Fills the form with a demo user's email address and password, ready to sign in. */
  protected useDemoUser(user: DemoUser): void {
    this.form.setValue({ email: user.email, password: user.password });
    this.errorMessage.set(null);
  }

  protected startUrl(providerId: string): string {
    return this.authApi.startUrl(providerId);
  }

  protected async submit(): Promise<void> {
    if (this.signingIn() || !readyToSubmit(this.form)) return;
    await this.busy(
      async () => {
        const { email, password } = this.form.getRawValue();
        const answer = await this.session.signIn({ email: email.trim(), password });
        if (!('mfaRequired' in answer)) {
          await this.goOn();
          return;
        }
        this.challenge = answer.challenge;
        this.codeForm.reset();
        if (answer.enrolmentRequired) {
          this.setup.set(await firstValueFrom(this.authApi.enrolmentSetup(answer.challenge)));
          this.step.set('enrol');
        } else {
          this.step.set('code');
        }
      },
      (error) => {
        this.form.controls.password.reset();
        return signInErrorMessage(error);
      },
    );
  }

  protected async submitCode(): Promise<void> {
    if (this.signingIn() || !readyToSubmit(this.codeForm)) return;
    const code = this.codeForm.getRawValue().code.trim();
    await this.busy(
      async () => {
        if (this.step() === 'enrol') {
          const { recoveryCodes, ...user } = await firstValueFrom(
            this.authApi.enrolmentConfirm(this.challenge, code),
          );
          this.session.signedInAs(user);
          this.recoveryCodes.set(recoveryCodes);
          this.step.set('recovery-codes');
        } else {
          this.session.signedInAs(await firstValueFrom(this.authApi.mfaVerify(this.challenge, code)));
          await this.goOn();
        }
      },
      (error) => {
        this.codeForm.reset();
        return codeErrorMessage(error);
      },
    );
  }

  protected startAgain(): void {
    this.challenge = '';
    this.setup.set(null);
    this.errorMessage.set(null);
    this.form.controls.password.reset();
    this.step.set('password');
  }

  protected async goOn(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
  }

  private async busy(work: () => Promise<void>, explain: (error: unknown) => string): Promise<void> {
    this.signingIn.set(true);
    this.errorMessage.set(null);
    try {
      await work();
    } catch (error) {
      this.errorMessage.set(explain(error));
    } finally {
      this.signingIn.set(false);
    }
  }
}
