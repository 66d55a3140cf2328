import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';

import { Session } from '../core/session';

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

/** Only paths inside the app; anything else (or another sign-in page) sends the user to the dashboard. */
function safeReturnUrl(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in')
    ? value
    : '/';
}

@Component({
  selector: 'enc-sign-in',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ReactiveFormsModule],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
})
export class SignIn {
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly signingIn = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.signingIn()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.signingIn.set(true);
    this.errorMessage.set(null);
    try {
      const { email, password } = this.form.getRawValue();
      await this.session.signIn({ email: email.trim(), password });
      await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
    } catch (error) {
      this.errorMessage.set(signInErrorMessage(error));
      this.form.controls.password.reset();
    } finally {
      this.signingIn.set(false);
    }
  }
}
