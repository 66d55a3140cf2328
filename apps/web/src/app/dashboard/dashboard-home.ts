import { isAcademyStaff } from '@encounters/domain';
import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Session } from '../core/session';

/** Sends a user who only teaches to their classes: the dashboard's academy view is not theirs to see. */
export const dashboardHomeGuard: CanActivateFn = () => {
  const session = inject(Session);
  const router = inject(Router);
  return isAcademyStaff(session.roles()) || !session.roles().includes('teacher')
    ? true
    : router.createUrlTree(['/classes']);
};
