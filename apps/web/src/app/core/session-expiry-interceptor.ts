import { HttpErrorResponse, HttpInterceptorFn, HttpXsrfTokenExtractor } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';

import { API_BASE_URL } from './api-client';
import { Session } from './session';
import { Reauthentication } from './sign-in-to-continue';

/**
 * When the API answers 401 to an ordinary request, the session has expired or been revoked. The page stays:
 * "Sign in to continue" opens in place, and once the user has signed in the request is sent again (with the
 * new session's XSRF token), so that a save interrupted by the expiry goes through. Only if they choose the
 * sign-in page instead is the user forgotten and sent there (the forms keep their drafts). The sign-in calls
 * themselves handle their own 401s.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const reauthentication = inject(Reauthentication);
  const xsrf = inject(HttpXsrfTokenExtractor);
  const authUrl = `${inject(API_BASE_URL)}/auth/`;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || request.url.startsWith(authUrl)) {
        return throwError(() => error);
      }
      // Signed out on purpose (or never signed in): a 401 then is expected, and there is nothing to continue.
      if (!session.signedIn() || router.url.startsWith('/sign-in')) return throwError(() => error);
      return from(reauthentication.signInAgain()).pipe(
        switchMap((signedIn) => {
          if (!signedIn) {
            session.clear();
            void router.navigate(['/sign-in'], { queryParams: { returnUrl: router.url } });
            return throwError(() => error);
          }
          const token = xsrf.getToken();
          const again =
            token && request.headers.has('X-XSRF-TOKEN')
              ? request.clone({ setHeaders: { 'X-XSRF-TOKEN': token } })
              : request;
          return next(again);
        }),
      );
    }),
  );
};
