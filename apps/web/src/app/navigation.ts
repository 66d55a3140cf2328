import { type Ability, rolesWith, UserRole } from '@encounters/domain';

export interface NavigationItem {
  /** Router link, absolute. */
  readonly path: string;
  readonly label: string;
  /** Highlight the link only on its own path, not on the paths beneath it. */
  readonly exact?: boolean;
  /** Who sees the link. The API enforces access on its own; hiding links only keeps the menu relevant. */
  readonly roles: readonly UserRole[];
}

/** A journey that does something: offered exactly to the roles the abilities table gives it to. */
function journey(path: string, label: string, ability: Ability): NavigationItem {
  return { path, label, roles: rolesWith(ability) };
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
  journey('/log-encounter', 'Log an encounter', 'logEncounter'),
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
  journey('/roster-import', 'Roster import', 'importRoster'),
  { path: '/reports', label: 'Reports', roles: ['careers_lead', 'academy_leader', 'trust_leader'] },
  journey('/admin', 'Admin', 'administerTrust'),
];

/** The items any of the given roles may see. */
export function navigationFor(roles: readonly UserRole[]): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)));
}
