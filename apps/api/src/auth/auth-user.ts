import { ACADEMY_WIDE_ROLES, type Role, TRUST_WIDE_ROLES } from '../users/roles';

/** The signed-in user as every request sees it, with what their roles let them reach. */
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
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

export function hasRole(user: Pick<AuthUser, 'roles'>, ...roles: readonly Role[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

export function accessScope(user: AuthUser): AccessScope {
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
 * Guidance-meeting summaries and agreed actions: careers leads and advisers of the learner's academy,
 * and trust administrators.
 */
export function seesGuidanceNotes(user: AuthUser, academyIds: readonly string[]): boolean {
  if (hasRole(user, 'trust_admin')) return true;
  return (
    hasRole(user, 'careers_lead', 'careers_adviser') && academyIds.some((id) => user.academyIds.includes(id))
  );
}
