import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import {
  AuthProviderKind,
  AuthProviderRequest,
  AuthProviderResponse,
  TENANT_ID_PATTERN,
} from '@encounters/domain';
import { firstValueFrom, merge } from 'rxjs';

import { AuthApi } from '../core/auth-api';
import { confirmAction } from '../ui/confirm-dialog';
import { FORM_IMPORTS, readyToSubmit } from '../ui/form-kit';
import { LIST_PAGE_IMPORTS, LIST_STYLES } from '../ui/list-page';
import { PendingAction } from '../ui/pending-action';

export const PROVIDER_KIND_LABELS: Record<AuthProviderKind, string> = {
  microsoft: 'Microsoft Entra ID (Microsoft 365)',
  google: 'Google Workspace',
  oidc: 'Other OpenID Connect provider',
};

/** Splits "a.example, b.example" into its items. */
const listOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);

/** One tenant (the trust's own Microsoft 365), or a multi-tenant app admitting the listed tenants. */
type Tenancy = 'single' | 'multi';

/** A Microsoft provider names its tenant; a multi-tenant app at least one, each a GUID. */
function tenantIdsValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (control.parent?.get('kind')?.value !== 'microsoft') return null;
  const ids = listOf(control.value);
  if (ids.length === 0) return { required: true };
  const notGuids = ids.filter((id) => !TENANT_ID_PATTERN.test(id));
  if (control.parent?.get('tenancy')?.value === 'multi' && notGuids.length) return { guid: notGuids };
  return null;
}

/** How staff sign in: the second-factor policy, and the school-account providers with their buttons. */
@Component({
  selector: 'enc-sign-in-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FORM_IMPORTS, LIST_PAGE_IMPORTS, MatRadioModule],
  template: `
    <h2>Sign-in</h2>
    <section aria-labelledby="second-factor-heading">
      <h3 id="second-factor-heading">Second factor</h3>
      @if (policy.hasValue()) {
        <mat-checkbox
          [checked]="policy.value().requireForPersonalData"
          (change)="setPolicy($event.checked)"
          [disabled]="action.busy()"
          >Require a code from an authenticator app for every password sign-in of staff who see learners'
          personal data</mat-checkbox
        >
        <p class="note">
          Staff who have not set one up are asked to at their next sign-in. Sign-in with a school account
          relies on the school's own second factor.
        </p>
      }
    </section>

    <section aria-labelledby="providers-heading">
      <div class="title-row">
        <h3 id="providers-heading">School accounts</h3>
        @if (!editing()) {
          <button matButton="filled" type="button" (click)="add()">Add a provider</button>
        }
      </div>
      <p class="note">
        Each enabled provider puts a button on the sign-in page. It only lets in people who already have a
        user here with the same email address; their roles come from Encounters.
      </p>
      <enc-api-error-message [error]="policy.error() ?? action.error()" />
      @if (editing()) {
        <form [formGroup]="form" (ngSubmit)="save()" novalidate class="form" aria-labelledby="form-heading">
          <h4 id="form-heading">{{ editingId() ? 'Change the provider' : 'Add a provider' }}</h4>
          <mat-form-field appearance="outline">
            <mat-label>Button label</mat-label>
            <input matInput formControlName="label" required />
            <mat-hint>The sign-in page shows "Sign in with" and this label.</mat-hint>
            <mat-error>Enter a label.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Kind</mat-label>
            <mat-select formControlName="kind">
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabels[kind] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (kind() === 'microsoft') {
            <mat-radio-group formControlName="tenancy" aria-label="Whose accounts" class="column">
              <mat-radio-button value="single">One tenant (the trust's Microsoft 365)</mat-radio-button>
              <mat-radio-button value="multi">Several tenants (multi-tenant app)</mat-radio-button>
            </mat-radio-group>
            <mat-form-field appearance="outline">
              <mat-label>{{ tenancy() === 'multi' ? 'Allowed tenant ids' : 'Tenant id' }}</mat-label>
              <input matInput formControlName="tenantIds" />
              <mat-hint>{{
                tenancy() === 'multi'
                  ? 'The directory (tenant) ids whose staff may sign in, separated by commas; each a GUID.'
                  : "The directory (tenant) id of the trust's Microsoft 365, a GUID."
              }}</mat-hint>
              <mat-error>{{
                form.controls.tenantIds.hasError('guid')
                  ? 'A tenant id is a GUID, like 6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d. Check: ' +
                    form.controls.tenantIds.getError('guid').join(', ')
                  : tenancy() === 'multi'
                    ? 'Enter at least one tenant id.'
                    : 'Enter the tenant id.'
              }}</mat-error>
            </mat-form-field>
          } @else {
            <mat-form-field appearance="outline">
              <mat-label>{{
                kind() === 'google' ? 'Workspace domains' : 'Email domains (optional)'
              }}</mat-label>
              <input matInput formControlName="domains" />
              <mat-hint>Separated by commas, e.g. kilnside.example, kilnside-academy.example</mat-hint>
            </mat-form-field>
          }
          @if (kind() === 'oidc') {
            <mat-form-field appearance="outline">
              <mat-label>Issuer URL</mat-label>
              <input matInput formControlName="issuer" type="url" />
            </mat-form-field>
          }
          <mat-form-field appearance="outline">
            <mat-label>Client id</mat-label>
            <input matInput formControlName="clientId" required />
            <mat-error>Enter the client (application) id.</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Client secret</mat-label>
            <input matInput formControlName="clientSecret" type="password" autocomplete="off" />
            <mat-hint>{{
              editingId() ? 'Leave empty to keep the secret saved.' : 'Kept encrypted; never shown again.'
            }}</mat-hint>
          </mat-form-field>
          <mat-checkbox formControlName="enabled">Show its button on the sign-in page</mat-checkbox>
          <p class="note">
            Register this redirect URI with the provider: <code>{{ redirectUri() }}</code>
          </p>
          <div class="actions">
            <button matButton="filled" type="submit" [disabled]="action.busy()">Save</button>
            <button matButton type="button" (click)="editing.set(false)">Cancel</button>
          </div>
        </form>
      }

      <enc-data-table [source]="providers" caption="School-account providers" noun="the providers">
        <enc-column name="label" header="Label">
          <ng-template let-row>
            <strong>{{ row.label }}</strong>
            <div class="meta">{{ describe(row) }}</div>
          </ng-template>
        </enc-column>
        <enc-text-column name="status" header="Status" [text]="status" />
        <enc-column name="actions" header="Actions" headerHidden nowrap>
          <ng-template let-row>
            <button matButton type="button" (click)="edit(row)" [attr.aria-label]="'Change ' + row.label">
              Change
            </button>
            <button
              matButton
              type="button"
              class="danger"
              (click)="remove(row)"
              [attr.aria-label]="'Remove ' + row.label"
            >
              Remove
            </button>
          </ng-template>
        </enc-column>
      </enc-data-table>
    </section>
  `,
  styles: [
    LIST_STYLES,
    `
      .note {
        color: var(--mat-sys-on-surface-variant);
      }
      .form {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        max-width: 36rem;
        margin-bottom: 1.5rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .column {
        display: flex;
        flex-direction: column;
      }
      code {
        word-break: break-all;
      }
    `,
  ],
})
export class SignInSettings {
  private readonly api = inject(AuthApi);
  private readonly dialog = inject(MatDialog);

  protected readonly kinds = Object.keys(PROVIDER_KIND_LABELS) as AuthProviderKind[];
  protected readonly kindLabels = PROVIDER_KIND_LABELS;
  protected readonly providers = rxResource({ stream: () => this.api.providers() });
  protected readonly policy = rxResource({ stream: () => this.api.mfaPolicy() });
  protected readonly editing = signal(false);
  protected readonly editingId = signal<string | null>(null);
  protected readonly action = new PendingAction();
  protected readonly redirectUri = computed(
    () => this.providers.value()?.[0]?.redirectUri ?? `${location.origin}/api/auth/oidc/callback`,
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    label: ['', [Validators.required, Validators.maxLength(80)]],
    kind: ['microsoft' as AuthProviderKind],
    tenancy: ['single' as Tenancy],
    tenantIds: ['', tenantIdsValidator],
    domains: [''],
    issuer: [''],
    clientId: ['', Validators.required],
    clientSecret: [''],
    enabled: [true],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: 'microsoft' });
  protected readonly tenancy = toSignal(this.form.controls.tenancy.valueChanges, {
    initialValue: 'single' as Tenancy,
  });

  constructor() {
    // The tenant ids' rules follow the kind and the tenancy.
    merge(this.form.controls.kind.valueChanges, this.form.controls.tenancy.valueChanges)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.tenantIds.updateValueAndValidity());
  }

  protected readonly status = (provider: AuthProviderResponse): string =>
    provider.enabled ? 'On the sign-in page' : 'Off';

  protected describe(provider: AuthProviderResponse): string {
    const restriction =
      provider.kind === 'microsoft'
        ? `${provider.multiTenant ? 'multi-tenant app, tenants' : 'tenant'} ${provider.tenantIds.join(', ')}`
        : provider.domains.length
          ? provider.domains.join(', ')
          : provider.issuer;
    return `${PROVIDER_KIND_LABELS[provider.kind]} · ${restriction}`;
  }

  protected add(): void {
    this.form.reset();
    this.editingId.set(null);
    this.editing.set(true);
  }

  protected edit(provider: AuthProviderResponse): void {
    this.form.reset({
      label: provider.label,
      kind: provider.kind,
      tenancy: provider.multiTenant ? 'multi' : 'single',
      tenantIds: provider.tenantIds.join(', '),
      domains: provider.domains.join(', '),
      issuer: provider.kind === 'oidc' ? provider.issuer : '',
      clientId: provider.clientId,
      clientSecret: '',
      enabled: provider.enabled,
    });
    this.editingId.set(provider.id);
    this.editing.set(true);
  }

  protected async save(): Promise<void> {
    if (!readyToSubmit(this.form)) return;
    const value = this.form.getRawValue();
    const body: AuthProviderRequest = {
      label: value.label.trim(),
      kind: value.kind,
      multiTenant: value.kind === 'microsoft' && value.tenancy === 'multi',
      tenantIds: value.kind === 'microsoft' ? listOf(value.tenantIds) : [],
      domains: value.kind === 'microsoft' ? [] : listOf(value.domains),
      ...(value.kind === 'oidc' && value.issuer.trim() ? { issuer: value.issuer.trim() } : {}),
      clientId: value.clientId.trim(),
      clientSecret: value.clientSecret,
      enabled: value.enabled,
    };
    const id = this.editingId();
    await this.run(async () => {
      if (id) {
        const { clientSecret, ...rest } = body;
        await firstValueFrom(this.api.updateProvider(id, clientSecret ? body : rest));
      } else {
        await firstValueFrom(this.api.createProvider(body));
      }
      this.editing.set(false);
    }, `${body.label} saved.`);
  }

  protected async remove(provider: AuthProviderResponse): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
      title: `Remove ${provider.label}?`,
      message: `Its button leaves the sign-in page. Staff can still sign in with their password unless they are restricted to school accounts.`,
      confirmLabel: 'Remove',
    });
    if (!confirmed) return;
    await this.run(() => firstValueFrom(this.api.deleteProvider(provider.id)), `${provider.label} removed.`);
  }

  protected async setPolicy(requireForPersonalData: boolean): Promise<void> {
    await this.run(
      () => firstValueFrom(this.api.setMfaPolicy({ requireForPersonalData })),
      requireForPersonalData ? 'A second factor is now required.' : 'A second factor is now optional.',
    );
  }

  private async run(work: () => Promise<unknown>, done: string): Promise<void> {
    if (!(await this.action.run(work, done))) return;
    this.providers.reload();
    this.policy.reload();
  }
}
