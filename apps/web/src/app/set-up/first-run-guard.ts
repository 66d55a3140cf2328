import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { SetupApi } from './setup-api';

/** On an installation nobody has set up yet, the sign-in page gives way to the first-run page. */
export const firstRunGuard: CanActivateFn = async () => {
  const setup = inject(SetupApi);
  const router = inject(Router);
  return (await setup.needed()) ? router.createUrlTree(['/set-up']) : true;
};

/** Once set up, the first-run page gives way to the sign-in page. */
export const notSetUpGuard: CanActivateFn = async () => {
  const setup = inject(SetupApi);
  const router = inject(Router);
  return (await setup.needed()) ? true : router.createUrlTree(['/sign-in']);
};
