import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Session } from './session';

// Both guards inject before awaiting: inject() only works synchronously inside the guard's call.

/** Lets signed-in users through; sends everyone else to the sign-in page, remembering where they were going. */
export const authGuard: CanActivateFn = async (_route, state) => {
  const session = inject(Session);
  const router = inject(Router);
  if (await session.load()) {
    return true;
  }
  return router.createUrlTree(
    ['/sign-in'],
    state.url === '/' ? {} : { queryParams: { returnUrl: state.url } },
  );
};

/** Keeps signed-in users off the sign-in page. */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(Session);
  const router = inject(Router);
  return (await session.load()) ? router.createUrlTree(['/']) : true;
};
