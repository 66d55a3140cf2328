import {
  HttpClient,
  HttpXsrfTokenExtractor,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import { Session } from './session';
import { sessionExpiryInterceptor } from './session-expiry-interceptor';
import { Reauthentication } from './sign-in-to-continue';

describe('sessionExpiryInterceptor', () => {
  let http: HttpClient;
  let httpTesting: HttpTestingController;
  let signInAgain: jest.Mock<Promise<boolean>>;
  let token: string;
  const signedIn = signal(true);

  beforeEach(() => {
    signInAgain = jest.fn();
    token = 'old-token';
    signedIn.set(true);
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        { provide: Reauthentication, useValue: { signInAgain } },
        { provide: HttpXsrfTokenExtractor, useValue: { getToken: () => token } },
        { provide: Session, useValue: { signedIn, clear: () => signedIn.set(false) } },
      ],
    });
    http = TestBed.inject(HttpClient);
    httpTesting = TestBed.inject(HttpTestingController);
  });

  const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

  it('opens "Sign in to continue" on a 401 and, once signed in, sends the save again with the new XSRF token', async () => {
    signInAgain.mockImplementation(async () => {
      token = 'new-token';
      return true;
    });
    const saving = firstValueFrom(
      http.post('/api/encounters', { title: 'Talk' }, { headers: { 'X-XSRF-TOKEN': 'old-token' } }),
    );
    httpTesting
      .expectOne('/api/encounters')
      .flush({ message: 'Please sign in.' }, { status: 401, statusText: 'Unauthorized' });
    await flushMicrotasks();

    const again = httpTesting.expectOne('/api/encounters');
    expect(again.request.headers.get('X-XSRF-TOKEN')).toBe('new-token');
    expect(again.request.body).toEqual({ title: 'Talk' });
    again.flush({ id: 'e1' });
    await expect(saving).resolves.toEqual({ id: 'e1' });
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });

  it('after signing out, a 401 is only an error: nothing to continue, no dialog', async () => {
    signedIn.set(false);
    const reading = firstValueFrom(http.get('/api/coverage'));
    httpTesting
      .expectOne('/api/coverage')
      .flush({ message: 'Please sign in.' }, { status: 401, statusText: 'Unauthorized' });
    await expect(reading).rejects.toMatchObject({ status: 401 });
    expect(signInAgain).not.toHaveBeenCalled();
  });

  it('goes to the sign-in page, returning here, only when the user chooses to', async () => {
    signInAgain.mockResolvedValue(false);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const saving = firstValueFrom(http.get('/api/encounters'));
    httpTesting.expectOne('/api/encounters').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(saving).rejects.toMatchObject({ status: 401 });
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/' } });
    httpTesting.expectNone('/api/encounters');
  });

  it('leaves the sign-in calls their own 401s', async () => {
    const login = firstValueFrom(http.post('/api/auth/login', {}));
    httpTesting.expectOne('/api/auth/login').flush({}, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toMatchObject({ status: 401 });
    expect(signInAgain).not.toHaveBeenCalled();
  });
});
