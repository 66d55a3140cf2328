import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';

import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

import { DemoUser, PublicAuthProvider } from '@encounters/domain';
import { Session } from '../core/session';
import { SignIn } from './sign-in';
import { Blank, find } from '../testing/page-test';
import { currentUser } from '../testing/users';

const teacher = currentUser('Tom Reed', ['teacher']);

describe(SignIn.name, () => {
  let httpTesting: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'sign-in', component: SignIn },
          { path: '**', component: Blank },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => httpTesting.verify());

  async function open(
    url = '/sign-in',
    providers: PublicAuthProvider[] = [],
    demoUsers: DemoUser[] = [],
  ): Promise<HTMLElement> {
    await harness.navigateByUrl(url, SignIn);
    httpTesting.expectOne('/api/auth/demo-users').flush(demoUsers);
    httpTesting.expectOne('/api/auth/providers/public').flush(providers);
    await harness.fixture.whenStable();
    return find<HTMLElement>(harness.fixture.nativeElement, 'enc-sign-in');
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  function field(page: HTMLElement, type: 'email' | 'password'): HTMLInputElement {
    return find<HTMLInputElement>(page, `input[type="${type}"]`);
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function submitButton(page: HTMLElement): HTMLButtonElement {
    return find<HTMLButtonElement>(page, 'button[type="submit"]');
  }

  async function fillInAndSubmit(page: HTMLElement): Promise<void> {
    type(field(page, 'email'), ' t.reed@example.org.uk ');
    type(field(page, 'password'), 'correct horse battery staple');
    submitButton(page).click();
    await harness.fixture.whenStable();
  }

  it('labels both fields', async () => {
    const sut = await open();

    const labelFor = (input: HTMLInputElement) =>
      sut.querySelector(`label[for="${input.id}"]`)?.textContent?.replace('*', '').trim();
    expect(labelFor(field(sut, 'email'))).toBe('Email address');
    expect(labelFor(field(sut, 'password'))).toBe('Password');
    expect(sut.querySelector('h1')?.textContent).toBe('Sign in to Encounters');
  });

  it('says what is missing and sends nothing when the form is empty', async () => {
    const sut = await open();

    submitButton(sut).click();
    await harness.fixture.whenStable();

    const errors = Array.from(sut.querySelectorAll('mat-error')).map((error) => error.textContent?.trim());
    expect(errors).toEqual(['Enter your email address.', 'Enter your password.']);
    httpTesting.expectNone('/api/auth/login');
  });

  it('signs in and goes to the dashboard', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);
    const request = httpTesting.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({
      email: 't.reed@example.org.uk',
      password: 'correct horse battery staple',
    });
    request.flush(teacher);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/');
    expect(TestBed.inject(Session).user()).toEqual(teacher);
  });

  it('goes back to the page the user was sent to sign in from', async () => {
    const sut = await open('/sign-in?returnUrl=%2Fclasses');

    await fillInAndSubmit(sut);
    httpTesting.expectOne('/api/auth/login').flush(teacher);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/classes');
  });

  it('shows that it is signing in while it waits for the answer', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);

    expect(submitButton(sut).disabled).toBe(true);
    expect(submitButton(sut).textContent?.trim()).toBe('Signing in…');
    expect(sut.querySelector('mat-progress-bar')).not.toBeNull();
    httpTesting.expectOne('/api/auth/login').flush(teacher);
    await settle();
  });

  it('says in plain words when the email address or password is wrong, and lets the user try again', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);
    httpTesting
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(sut.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The email address or password is not right. Check them and try again.',
    );
    expect(field(sut, 'password').value).toBe('');
    expect(submitButton(sut).disabled).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('says so when the API cannot be reached', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);
    httpTesting.expectOne('/api/auth/login').error(new ProgressEvent('error'));
    await settle();

    expect(sut.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Encounters could not be reached. Check your connection and try again.',
    );
  });

  it('offers a button per school-account provider, which leaves for the API', async () => {
    const sut = await open('/sign-in', [
      { id: '5b0e7c4e-1d0a-4a53-9d8e-0c6f5d7a9b21', label: 'Kilnside Microsoft', kind: 'microsoft' },
    ]);

    const link = find<HTMLAnchorElement>(sut, '.providers a');
    expect(link.textContent?.trim()).toBe('Sign in with Kilnside Microsoft');
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/5b0e7c4e-1d0a-4a53-9d8e-0c6f5d7a9b21/start');
  });

  it('lists no demo users outside demo mode (the server answers an empty list)', async () => {
    const sut = await open();
    expect(sut.querySelector('.demo-users')).toBeNull();
    expect(sut.textContent).not.toContain('Demo users');
  });

  it('lists the demo users with their roles and passwords in demo mode, and fills the form with one', async () => {
    const sut = await open(
      '/sign-in',
      [],
      [
        {
          email: 'careers@demo.encounters',
          name: 'Casey Careers',
          password: 'amber-kiln-heron-2025',
          roles: ['careers_lead'],
        },
        {
          email: 'head@demo.encounters',
          name: 'Harper Head',
          password: 'red-kiln-badger-2025',
          roles: ['academy_leader'],
        },
      ],
    );

    const section = find<HTMLElement>(sut, '.demo-users');
    expect(section.querySelector('h2')?.textContent).toBe('Demo users');
    const items = Array.from(section.querySelectorAll('li')).map((item) =>
      ['.who', '.credentials'].map((part) =>
        item.querySelector(part)?.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );
    expect(items).toEqual([
      ['Casey Careers, Careers lead', 'careers@demo.encounters password amber-kiln-heron-2025'],
      ['Harper Head, Academy leadership', 'head@demo.encounters password red-kiln-badger-2025'],
    ]);
    const use = find<HTMLButtonElement>(section, 'li:last-child button');
    expect(use.getAttribute('aria-label')).toBe('Fill in the form as Harper Head, Academy leadership');
    use.click();
    await harness.fixture.whenStable();
    expect(field(sut, 'email').value).toBe('head@demo.encounters');
    expect(field(sut, 'password').value).toBe('red-kiln-badger-2025');

    submitButton(sut).click();
    const request = httpTesting.expectOne({ method: 'POST', url: '/api/auth/login' });
    expect(request.request.body).toEqual({ email: 'head@demo.encounters', password: 'red-kiln-badger-2025' });
    request.flush(teacher);
    await settle();
  });

  it('says why a school-account sign-in was refused', async () => {
    const sut = await open('/sign-in?error=unknown_account');

    expect(sut.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Your school account is not set up in Encounters. Ask your trust administrator to add you with the same email address.',
    );
  });

  it('asks for the code when a second factor follows, and signs in with it', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);
    httpTesting.expectOne('/api/auth/login').flush({ mfaRequired: true, challenge: 'the-challenge' });
    await settle();
    expect(sut.querySelector('h1')?.textContent).toBe('Enter your code');
    expect(TestBed.inject(Session).user()).toBeNull();

    type(find<HTMLInputElement>(sut, 'input[autocomplete="one-time-code"]'), '123456');
    submitButton(sut).click();
    await harness.fixture.whenStable();
    const verify = httpTesting.expectOne({ method: 'POST', url: '/api/auth/mfa/verify' });
    expect(verify.request.body).toEqual({ challenge: 'the-challenge', code: '123456' });
    verify.flush(teacher);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/');
    expect(TestBed.inject(Session).user()).toEqual(teacher);
  });

  it('says when the code is wrong and lets the user try again', async () => {
    const sut = await open();

    await fillInAndSubmit(sut);
    httpTesting.expectOne('/api/auth/login').flush({ mfaRequired: true, challenge: 'the-challenge' });
    await settle();
    type(find<HTMLInputElement>(sut, 'input[autocomplete="one-time-code"]'), '000000');
    submitButton(sut).click();
    await harness.fixture.whenStable();
    httpTesting
      .expectOne('/api/auth/mfa/verify')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'The code is not right.' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await settle();

    expect(sut.querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'The code is not right. Check your authenticator app and try again.',
    );
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });
});
