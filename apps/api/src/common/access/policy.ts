import {
  type Ability,
  abilitiesOf,
  ACADEMY_WIDE_ROLES,
  holdsAbility,
  mayAtAcademy,
  TRUST_WIDE_ROLES,
  type UserRole,
} from '@encounters/domain';
import { timedAuthorisation } from './authorisation-time';

/**
 * The API's one access policy: who may do what, and where. The abilities table lives in `libs/domain`
 * (the web app's menu reads the same table); routes declare an ability with `@Can`, and services ask
 * `may(user, ability, academyId)` for the academy a request touches.
 */

/** The signed-in user as every request sees it, with what their roles let them reach. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
  /** Academies the user serves (user_academy). */
  academyIds: string[];
  /** Groups the user teaches. */
  groupIds: string[];
  sessionId: string;
  sessionKind: 'cookie' | 'bearer';
}

/**
 * What a user may reach. Trust-wide roles reach everything; academy-wide roles every learner of their
 * academies; a teacher only the learners of the groups they teach.
 */
export interface AccessScope {
  trustWide: boolean;
  /** Academies where the user sees every learner. */
  academyIds: string[];
  /** Groups whose learners the user sees (teachers). */
  groupIds: string[];
  /** Academies the user belongs to in any role: enough to see the academy itself, not its learners. */
  memberAcademyIds: string[];
}

export function hasRole(user: Pick<AuthUser, 'roles'>, ...roles: readonly UserRole[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/** Every ability the user holds, at one academy at least. */
export function abilitiesFor(user: Pick<AuthUser, 'roles'>): Ability[] {
  return abilitiesOf(user.roles);
}

/**
 * Whether the user may use `ability` at `academyId`: through a trust-wide role anywhere, through another
 * role only at the academies they serve. Without an academy: whether they hold it anywhere at all.
 */
export function may(
  user: Pick<AuthUser, 'roles' | 'academyIds'>,
  ability: Ability,
  academyId?: string,
): boolean {
  return academyId === undefined ? holdsAbility(user.roles, ability) : mayAtAcademy(user, ability, academyId);
}

/** Whether the user holds `ability` through a trust-wide role, so at every academy. */
export function mayEverywhere(user: Pick<AuthUser, 'roles'>, ability: Ability): boolean {
  return holdsAbility(
    user.roles.filter((role) => TRUST_WIDE_ROLES.includes(role)),
    ability,
  );
}

export function accessScope(user: AuthUser): AccessScope {
  return timedAuthorisation(() => scopeOf(user));
}

function scopeOf(user: AuthUser): AccessScope {
  const trustWide = hasRole(user, ...TRUST_WIDE_ROLES);
  const academyWide = hasRole(user, ...ACADEMY_WIDE_ROLES);
  return {
    trustWide,
    academyIds: academyWide ? user.academyIds : [],
    groupIds: hasRole(user, 'teacher') ? user.groupIds : [],
    memberAcademyIds: user.academyIds,
  };
}

/** Whether the user sees every learner of this academy. */
export function seesWholeAcademy(scope: AccessScope, academyId: string): boolean {
  return scope.trustWide || scope.academyIds.includes(academyId);
}

/** Whether the user may see the academy record itself. */
export function seesAcademy(scope: AccessScope, academyId: string): boolean {
  return seesWholeAcademy(scope, academyId) || scope.memberAcademyIds.includes(academyId);
}

/**
 * Guidance-meeting summaries and agreed actions: those who may record guidance meetings at one of the
 * learner's academies (careers leads and advisers there, and trust administrators everywhere).
 */
export function seesGuidanceNotes(user: AuthUser, academyIds: readonly string[]): boolean {
  return mayEverywhere(user, 'recordGuidance') || academyIds.some((id) => may(user, 'recordGuidance', id));
}
