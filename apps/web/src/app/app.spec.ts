import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';

import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';

import { App } from './app';
import { CurrentUserResponse } from '@encounters/domain';
import { Session } from './core/session';
import { Blank } from './testing/page-test';
import { currentUser } from './testing/users';

const careersLead = currentUser('Priya Shah', ['careers_lead'], {
  academies: [{ id: '0b7e3a54-3a7e-4e44-a3f5-0d7f4f0e9c21', name: 'Northfield Academy', urn: '140123' }],
});

describe(App.name, () => {
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: Blank }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  async function signInAs(user: CurrentUserResponse): Promise<void> {
    const loaded = TestBed.inject(Session).load();
    httpTesting.expectOne('/api/auth/me').flush(user);
    await loaded;
  }

  async function render(): Promise<ComponentFixture<App>> {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    return fixture;
  }

  function text(fixture: ComponentFixture<App>, selector: string): string[] {
    const elements: HTMLElement[] = Array.from(fixture.nativeElement.querySelectorAll(selector));
    return elements.map((element) => element.textContent?.trim() ?? '');
  }

  it('shows the product name, and no navigation or user, when nobody is signed in', async () => {
    const sut = await render();

    expect(text(sut, 'mat-toolbar .product-name')).toEqual(['Encounters']);
    expect(sut.nativeElement.querySelector('nav')).toBeNull();
    expect(sut.nativeElement.querySelector('.user')).toBeNull();
  });

  it("shows the signed-in user's name and role and the journeys that role is for", async () => {
    await signInAs(careersLead);

    const sut = await render();

    expect(text(sut, '.user-name')).toEqual(['Priya Shah']);
    expect(text(sut, '.user-roles')).toEqual(['Careers lead']);
    expect(text(sut, 'nav[aria-label="Main"] a')).toEqual([
      'Dashboard',
      'My classes',
      'Learners',
      'Destinations',
      'NEET risk',
      'Leavers',
      'Log an encounter',
      'Encounters',
      'Organisations',
      'Roster import',
      'Reports',
    ]);
  });

  it('shows Admin and the journeys they may write to a trust administrator, and not the careers reading lists', async () => {
    await signInAs({ ...careersLead, name: 'Sam Okafor', roles: ['trust_admin'] });

    const sut = await render();

    expect(text(sut, 'nav a')).toEqual([
      'Dashboard',
      'Learners',
      'Destinations',
      'NEET risk',
      'Leavers',
      'Log an encounter',
      'Roster import',
      'Admin',
    ]);
    expect(text(sut, '.user-roles')).toEqual(['Trust administrator']);
  });

  it('marks the link of the current page for assistive technology', async () => {
    await signInAs(careersLead);
    const sut = await render();

    await TestBed.inject(Router).navigateByUrl('/organisations');
    await sut.whenStable();

    const current: HTMLElement[] = Array.from(
      sut.nativeElement.querySelectorAll('nav a[aria-current="page"]'),
    );
    expect(current.map((link) => link.textContent?.trim())).toEqual(['Organisations']);
  });

  it('signs the user out and goes to the sign-in page', async () => {
    await signInAs(careersLead);
    const sut = await render();
    const signOutButton = Array.from<HTMLButtonElement>(
      sut.nativeElement.querySelectorAll('mat-toolbar button'),
    ).find((button) => button.textContent?.trim() === 'Sign out');

    signOutButton?.click();
    httpTesting.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null);
    await new Promise((resolve) => setTimeout(resolve));
    await sut.whenStable();

    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(Session).user()).toBeNull();
    expect(sut.nativeElement.querySelector('nav')).toBeNull();
  });
});
