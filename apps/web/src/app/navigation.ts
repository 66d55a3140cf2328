import { type Ability, READING_PAGES, type ReadingPage, rolesWith, UserRole } from '@encounters/domain';

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

/** A journey offered to every role that holds one of `abilities`. */
function journeyForAny(path: string, label: string, abilities: readonly Ability[]): NavigationItem {
  return { path, label, roles: [...new Set(abilities.flatMap((ability) => rolesWith(ability)))] };
}

/** A reading page, offered to the roles the domain's table of reading pages names. */
function page(path: string, label: string, which: ReadingPage, exact = false): NavigationItem {
  return { path, label, roles: READING_PAGES[which], ...(exact ? { exact } : {}) };
}

/** The side navigation, in the order it is shown: the journeys of the product brief. */
export const NAVIGATION: readonly NavigationItem[] = [
  page('/', 'Dashboard', 'dashboard', true),
  page('/classes', 'My classes', 'myClasses'),
  page('/learners', 'Learners', 'learners'),
  page('/destinations', 'Destinations', 'destinations'),
  journey('/neet-risk', 'NEET risk', 'markNeetRisk'),
  journeyForAny('/leavers', 'Leavers', ['recordDestinations', 'readReports']),
  journey('/log-encounter', 'Log an encounter', 'logEncounter'),
  page('/encounters', 'Encounters', 'encounters'),
  page('/organisations', 'Organisations', 'organisations'),
  journey('/roster-import', 'Roster import', 'importRoster'),
  page('/reports', 'Reports', 'reports'),
  journey('/admin', 'Admin', 'administerTrust'),
];

/** The items any of the given roles may see. */
export function navigationFor(roles: readonly UserRole[]): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.some((role) => roles.includes(role)));
}
