import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, provideRouter, Router, RouterStateSnapshot, UrlTree } from '@angular/router';

import { authGuard, signedOutGuard } from './auth-guard';
import { currentUser } from '../testing/users';

const adviser = currentUser('Jo Adams', ['careers_adviser']);

describe(authGuard.name, () => {
  let httpTesting: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    httpTesting = TestBed.inject(HttpTestingController);
  });

  afterEach(() => httpTesting.verify());

  function run(url: string) {
    return TestBed.runInInjectionContext(() =>
      authGuard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;
  }

  function serialise(result: boolean | UrlTree): string | boolean {
    return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;
  }

  it('lets a signed-in user through', async () => {
    const sut = run('/encounters');
    httpTesting.expectOne('/api/auth/me').flush(adviser);

    expect(await sut).toBe(true);
  });

  it('sends a signed-out user to the sign-in page, remembering where they were going', async () => {
    const sut = run('/encounters');
    httpTesting
      .expectOne('/api/auth/me')
      .flush(
        { statusCode: 401, error: 'Unauthorized', message: 'Sign in' },
        { status: 401, statusText: 'Unauthorized' },
      );

    expect(serialise(await sut)).toBe('/sign-in?returnUrl=%2Fencounters');
  });

  it('treats an API without sign-in yet (404) as signed out', async () => {
    const sut = run('/');
    httpTesting.expectOne('/api/auth/me').flush(null, { status: 404, statusText: 'Not Found' });

    expect(serialise(await sut)).toBe('/sign-in');
  });

  it('asks the API only once', async () => {
    const first = run('/');
    httpTesting.expectOne('/api/auth/me').flush(adviser);
    await first;

    expect(await run('/reports')).toBe(true);
    httpTesting.expectNone('/api/auth/me');
  });
});

describe(signedOutGuard.name, () => {
  it('sends a signed-in user from the sign-in page to the dashboard', async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const sut = TestBed.runInInjectionContext(() =>
      signedOutGuard({} as ActivatedRouteSnapshot, { url: '/sign-in' } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;
    TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(adviser);

    const result = await sut;

    expect(result instanceof UrlTree && TestBed.inject(Router).serializeUrl(result)).toBe('/');
  });
});
