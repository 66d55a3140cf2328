import { Routes } from '@angular/router';

import { unsavedChangesGuard } from '../ui/unsaved-changes';
import { Admin } from './admin';

export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    component: Admin,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      {
        path: 'users',
        title: 'Users – Admin',
        loadComponent: () => import('./user-list').then((m) => m.UserList),
      },
      {
        path: 'academies',
        title: 'Academies – Admin',
        loadComponent: () => import('./academy-list').then((m) => m.AcademyList),
      },
      {
        path: 'policy',
        title: 'Policy – Admin',
        loadComponent: () => import('./policy-form').then((m) => m.PolicyForm),
        canDeactivate: [unsavedChangesGuard],
      },
      {
        path: 'sign-in',
        title: 'Sign-in – Admin',
        loadComponent: () => import('./sign-in-settings').then((m) => m.SignInSettings),
      },
      {
        path: 'audit',
        title: 'Audit log – Admin',
        loadComponent: () => import('./audit-log').then((m) => m.AuditLog),
      },
    ],
  },
];
