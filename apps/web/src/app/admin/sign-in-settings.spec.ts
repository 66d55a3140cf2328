import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AuthProviderResponse } from '@encounters/domain';

import { SignInSettings } from './sign-in-settings';

const KILNSIDE = '6f1d3c2a-8b4e-4f5a-9c7d-1e2f3a4b5c6d';
const MOORLAND = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
const REDIRECT_URI = 'https://encounters.example/api/auth/oidc/callback';

const multiTenantApp: AuthProviderResponse = {
  id: '0b7c1f5e-2d4a-4e6b-9c8d-7f6e5d4c3b2a',
  label: 'Trust Microsoft 365',
  kind: 'microsoft',
  issuer: 'https://login.microsoftonline.com/organizations/v2.0',
  multiTenant: true,
  tenantIds: [KILNSIDE, MOORLAND],
  domains: [],
  clientId: 'encounters',
  enabled: true,
  redirectUri: REDIRECT_URI,
};

describe(SignInSettings.name, () => {
  let fixture: ComponentFixture<SignInSettings>;
  let httpTesting: HttpTestingController;
  let snackBar: { open: jest.Mock };

  async function open(providers: AuthProviderResponse[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [SignInSettings],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MatSnackBar, useValue: (snackBar = { open: jest.fn() }) },
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInSettings);
    fixture.detectChanges();
    httpTesting.expectOne({ method: 'GET', url: '/api/auth/providers' }).flush(providers);
    httpTesting
      .expectOne({ method: 'GET', url: '/api/auth/mfa/policy' })
      .flush({ requireForPersonalData: false });
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  /** Lets the save's promise chain run to the reload (whose pending requests keep the page unstable). */
  async function tick(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => httpTesting.verify());

  function button(page: HTMLElement, text: string): HTMLButtonElement {
    const found = [...page.querySelectorAll('button')].find(
      (candidate) => candidate.textContent?.trim() === text,
    );
    if (!found) throw new Error(`No button "${text}"`);
    return found;
  }

  function input(page: HTMLElement, name: string): HTMLInputElement {
    const found = page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!found) throw new Error(`No field ${name}`);
    return found;
  }

  function type(field: HTMLInputElement, value: string): void {
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }

  function radio(page: HTMLElement, label: string): HTMLInputElement {
    const found = [...page.querySelectorAll('mat-radio-button')].find((candidate) =>
      candidate.textContent?.includes(label),
    );
    const field = found?.querySelector<HTMLInputElement>('input[type="radio"]');
    if (!field) throw new Error(`No choice "${label}"`);
    return field;
  }

  /** The form for a new multi-tenant Microsoft app, filled in but for its tenant ids. */
  async function addMultiTenantApp(): Promise<HTMLElement> {
    const page = await open([]);
    button(page, 'Add a provider').click();
    await settle();
    type(input(page, 'label'), 'Trust Microsoft 365');
    type(input(page, 'clientId'), 'encounters');
    type(input(page, 'clientSecret'), 'a secret');
    expect(page.textContent).toContain('One tenant (the trust');
    radio(page, 'Several tenants (multi-tenant app)').click();
    await settle();
    expect(page.textContent).toContain('Allowed tenant ids');
    return page;
  }

  it('sends a multi-tenant app only with at least one allowed tenant id, each a GUID', async () => {
    const page = await addMultiTenantApp();
    button(page, 'Save').click();
    await settle();
    expect(page.textContent).toContain('Enter at least one tenant id.');
    type(input(page, 'tenantIds'), `${KILNSIDE}, kilnside.example`);
    button(page, 'Save').click();
    await settle();
    expect(page.textContent).toContain('A tenant id is a GUID');
    expect(page.textContent).toContain('Check: kilnside.example');
    httpTesting.expectNone({ method: 'POST', url: '/api/auth/providers' });
  });

  it('adds a multi-tenant Microsoft app with its allowed tenant ids, and lists it', async () => {
    const page = await addMultiTenantApp();
    type(input(page, 'tenantIds'), `${KILNSIDE}, ${MOORLAND}`);
    button(page, 'Save').click();
    const created = httpTesting.expectOne({ method: 'POST', url: '/api/auth/providers' });
    expect(created.request.body).toEqual({
      label: 'Trust Microsoft 365',
      kind: 'microsoft',
      multiTenant: true,
      tenantIds: [KILNSIDE, MOORLAND],
      domains: [],
      clientId: 'encounters',
      clientSecret: 'a secret',
      enabled: true,
    });
    created.flush(multiTenantApp);
    await tick();
    expect(snackBar.open).toHaveBeenCalledWith('Trust Microsoft 365 saved.', undefined, { duration: 4000 });
    httpTesting.expectOne({ method: 'GET', url: '/api/auth/providers' }).flush([multiTenantApp]);
    httpTesting
      .expectOne({ method: 'GET', url: '/api/auth/mfa/policy' })
      .flush({ requireForPersonalData: false });
    await settle();
    expect(page.textContent).toContain(`multi-tenant app, tenants ${KILNSIDE}, ${MOORLAND}`);
  });

  it('changes a multi-tenant app back to one tenant, where a tenant id need not be checked as a GUID', async () => {
    const page = await open([multiTenantApp]);
    button(page, 'Change').click();
    await settle();
    expect(radio(page, 'Several tenants (multi-tenant app)').checked).toBe(true);
    expect(input(page, 'tenantIds').value).toBe(`${KILNSIDE}, ${MOORLAND}`);

    radio(page, 'One tenant').click();
    await settle();
    expect(page.textContent).toContain("The directory (tenant) id of the trust's Microsoft 365");
    type(input(page, 'tenantIds'), KILNSIDE);
    button(page, 'Save').click();
    const updated = httpTesting.expectOne({
      method: 'PATCH',
      url: `/api/auth/providers/${multiTenantApp.id}`,
    });
    // No secret typed: the saved one stays.
    expect(updated.request.body).toEqual({
      label: 'Trust Microsoft 365',
      kind: 'microsoft',
      multiTenant: false,
      tenantIds: [KILNSIDE],
      domains: [],
      clientId: 'encounters',
      enabled: true,
    });
    updated.flush({ ...multiTenantApp, multiTenant: false, tenantIds: [KILNSIDE] });
    await tick();
    httpTesting.expectOne({ method: 'GET', url: '/api/auth/providers' }).flush([]);
    httpTesting
      .expectOne({ method: 'GET', url: '/api/auth/mfa/policy' })
      .flush({ requireForPersonalData: false });
  });
});
