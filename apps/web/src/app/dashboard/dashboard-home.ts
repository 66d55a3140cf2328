import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';

import { Session } from '../core/session';

/** Roles whose home is the coverage dashboard; everyone else (teachers) starts at their classes. */
const DASHBOARD_ROLES = ['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead', 'careers_adviser'];

/** Sends a user who only teaches to their classes: the dashboard's academy view is not theirs to see. */
export const dashboardHomeGuard: CanActivateFn = () => {
  const session = inject(Session);
  const router = inject(Router);
  return session.roles().some((role) => DASHBOARD_ROLES.includes(role)) ||
    !session.roles().includes('teacher')
    ? true
    : router.createUrlTree(['/classes']);
};
