import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import type { ApiErrorDetail } from '@encounters/domain';

import { apiErrorDetails, apiErrorMessage, errorStatus } from '../core/api-error';
import { FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { SetupApi } from './setup-api';

/** The API's minimum; it checks the rest (common passwords, the name or email inside it). */
const MIN_PASSWORD_LENGTH = 12;

/**
 * The first-run page: on an installation nobody has set up, creates the trust, its first trust
 * administrator and, optionally, its academies from a CSV. Guarded by the one-time code in the server log.
 */
@Component({
  selector: 'enc-set-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS],
  templateUrl: './set-up.html',
  styleUrl: './set-up.scss',
})
export class SetUp {
  private readonly api = inject(SetupApi);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', Validators.required],
    trustName: ['', [Validators.required, Validators.maxLength(200)]],
    adminName: ['', [Validators.required, Validators.maxLength(200)]],
    adminEmail: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly academiesFile = signal<File | null>(null);
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly errorDetails = signal<ApiErrorDetail[]>([]);

  protected chooseFile(event: Event): void {
    this.academiesFile.set((event.target as HTMLInputElement).files?.[0] ?? null);
  }

  protected async submit(): Promise<void> {
    if (this.saving() || !readyToSubmit(this.form)) return;
    this.saving.set(true);
    this.errorMessage.set(null);
    this.errorDetails.set([]);
    try {
      const value = this.form.getRawValue();
      const file = this.academiesFile();
      const result = await this.api.setUp({
        code: value.code.trim(),
        trustName: value.trustName.trim(),
        adminName: value.adminName.trim(),
        adminEmail: value.adminEmail.trim(),
        password: value.password,
        ...(file ? { academiesCsv: await file.text() } : {}),
      });
      await this.router.navigate(['/sign-in'], {
        queryParams: { setUp: result.trust.name, academies: result.academies },
      });
    } catch (error) {
      this.errorMessage.set(
        errorStatus(error) === 403
          ? 'That set-up code is not right: copy it from the server log, where Encounters printed it at start.'
          : apiErrorMessage(error),
      );
      this.errorDetails.set(apiErrorDetails(error));
    } finally {
      this.saving.set(false);
    }
  }
}
