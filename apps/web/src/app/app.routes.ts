import { Routes } from '@angular/router';

import { authGuard, signedOutGuard } from './core/auth-guard';
import { dashboardHomeGuard } from './dashboard/dashboard-home';
import { firstRunGuard, notSetUpGuard } from './set-up/first-run-guard';
import { unsavedChangesGuard } from './ui/unsaved-changes';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [firstRunGuard, signedOutGuard],
    loadComponent: () => import('./sign-in/sign-in').then((m) => m.SignIn),
  },
  {
    path: 'set-up',
    title: 'Set up Encounters',
    canActivate: [notSetUpGuard],
    loadComponent: () => import('./set-up/set-up').then((m) => m.SetUp),
  },
  {
    path: '',
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Dashboard',
        canActivate: [dashboardHomeGuard],
        loadComponent: () => import('./dashboard/dashboard').then((m) => m.Dashboard),
      },
      {
        path: 'classes',
        title: 'My classes',
        loadComponent: () => import('./class-coverage/class-coverage').then((m) => m.ClassCoverage),
      },
      {
        path: 'classes/:groupId',
        title: 'Class coverage',
        loadComponent: () => import('./class-coverage/class-coverage').then((m) => m.ClassCoverage),
      },
      {
        path: 'learners',
        title: 'Learners',
        loadComponent: () => import('./learners/learner-list').then((m) => m.LearnerList),
      },
      {
        path: 'learners/:learnerId',
        title: 'Learner record',
        loadComponent: () => import('./learner-record/learner-record').then((m) => m.LearnerRecord),
      },
      {
        path: 'destinations',
        title: 'Destinations',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./destinations/destination-list').then((m) => m.DestinationList),
      },
      {
        path: 'neet-risk',
        title: 'NEET risk',
        loadComponent: () => import('./destinations/neet-risk-list').then((m) => m.NeetRiskList),
      },
      {
        path: 'leavers',
        title: 'Leavers',
        loadComponent: () => import('./destinations/leavers').then((m) => m.Leavers),
      },
      {
        path: 'log-encounter',
        title: 'Log an encounter',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./encounters/log-encounter').then((m) => m.LogEncounter),
      },
      {
        path: 'encounters',
        title: 'Encounters',
        loadComponent: () => import('./encounters/encounter-list').then((m) => m.EncounterList),
      },
      {
        path: 'encounters/:encounterId',
        title: 'Encounter',
        canDeactivate: [unsavedChangesGuard],
        loadComponent: () => import('./encounters/encounter-edit').then((m) => m.EncounterEdit),
      },
      {
        path: 'organisations',
        title: 'Organisations',
        loadComponent: () => import('./organisations/organisation-list').then((m) => m.OrganisationList),
      },
      {
        path: 'roster-import',
        title: 'Roster import',
        loadComponent: () => import('./roster-import/roster-import').then((m) => m.RosterImport),
      },
      {
        path: 'reports',
        title: 'Reports',
        loadComponent: () => import('./reports/reports').then((m) => m.Reports),
      },
      {
        path: 'account/second-factor',
        title: 'Second factor',
        loadComponent: () => import('./account/second-factor').then((m) => m.SecondFactor),
      },
      {
        path: 'admin',
        title: 'Admin',
        loadChildren: () => import('./admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
