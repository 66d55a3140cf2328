import { UserRole } from '@encounters/domain';

export interface NavigationItem {
  /** Router link, absolute. */
  readonly path: string;
  readonly label: string;
  /** Highlight the link only on its own path, not on the paths beneath it. */
  readonly exact?: boolean;
  /** Who sees the link. The API enforces access on its own; hiding links only keeps the menu relevant. */
  readonly roles: readonly UserRole[];
}

/** The side navigation, in the order it is shown: the journeys of the product brief. */
export const NAVIGATION: readonly NavigationItem[] = [
  {
    path: '/',
    label: 'Dashboard',
    exact: true,
    // Teachers see their classes only: the dashboard's academy-wide view is not theirs.
    roles: ['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead', 'careers_adviser'],
  },
  {
    path: '/classes',
    label: 'My classes',
    roles: ['teacher', 'careers_lead', 'careers_adviser', 'academy_leader'],
  },
  { path: '/log-encounter', label: 'Log an encounter', roles: ['careers_lead'] },
  {
    path: '/encounters',
    label: 'Encounters',
    roles: ['careers_lead', 'careers_adviser', 'academy_leader', 'trust_leader'],
  },
  {
    path: '/organisations',
    label: 'Organisations',
    roles: ['careers_lead', 'academy_leader', 'trust_leader'],
  },
  { path: '/roster-import', label: 'Roster import', roles: ['careers_lead', 'trust_admin'] },
  { path: '/reports', label: 'Reports', roles: ['careers_lead', 'academy_leader', 'trust_leader'] },
  { path: '/admin', label: 'Admin', roles: ['trust_admin'] },
];

/** The items any of the given roles may see. */
export function navigationFor(roles: readonly UserRole[]): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)));
}
