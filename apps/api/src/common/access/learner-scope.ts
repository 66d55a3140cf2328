import type { SqlParams } from '../sql-params';
import { timedAuthorisation } from './authorisation-time';
import type { AccessScope } from './policy';

/**
 * The one query that scopes learners to a user, used by every service that reads learners, their
 * attendances, coverage or guidance meetings. Trust-wide roles see every learner; academy-wide roles the
 * learners of their academies; teachers the members of the groups they teach. A learner's registration
 * group is one of those groups: the roster import and the demo seed record it in `group_membership` too.
 * Filtering in SQL keeps paging and totals honest.
 */

/**
 * SQL that is true when `scope` sees the learner `learnerId` (an SQL expression). `academyId`, when given,
 * is the academy the row belongs to (an enrolment's, an encounter's); without it the learner's enrolments
 * decide.
 */
export function learnerInScopeSql(
  scope: AccessScope,
  p: SqlParams,
  learnerId: string,
  academyId?: string,
): string {
  return timedAuthorisation(() => inScope(scope, p, learnerId, academyId));
}

function inScope(scope: AccessScope, p: SqlParams, learnerId: string, academyId?: string): string {
  if (scope.trustWide) return 'TRUE';
  const parts: string[] = [];
  if (scope.academyIds.length) {
    parts.push(
      academyId
        ? wholeAcademy(scope, p, academyId)
        : `EXISTS (SELECT 1 FROM enrolment scope_enrolment
             WHERE scope_enrolment.learner_id = ${learnerId}
               AND scope_enrolment.academy_id = ANY(${p.add(scope.academyIds)}::uuid[]))`,
    );
  }
  if (scope.groupIds.length) parts.push(taught(scope, p, learnerId));
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** SQL that is true when `scope` sees every learner of the academy `academyId` (an SQL expression). */
export function wholeAcademySql(scope: AccessScope, p: SqlParams, academyId: string): string {
  return timedAuthorisation(() => wholeAcademy(scope, p, academyId));
}

function wholeAcademy(scope: AccessScope, p: SqlParams, academyId: string): string {
  if (scope.trustWide) return 'TRUE';
  if (!scope.academyIds.length) return 'FALSE';
  return `${academyId} = ANY(${p.add(scope.academyIds)}::uuid[])`;
}

/** SQL that is true when the learner `learnerId` is a member of a group a teacher in `scope` teaches. */
export function taughtLearnerSql(scope: AccessScope, p: SqlParams, learnerId: string): string {
  return timedAuthorisation(() => taught(scope, p, learnerId));
}

function taught(scope: AccessScope, p: SqlParams, learnerId: string): string {
  if (!scope.groupIds.length) return 'FALSE';
  return `EXISTS (SELECT 1 FROM group_membership scope_membership
             WHERE scope_membership.learner_id = ${learnerId}
               AND scope_membership.group_id = ANY(${p.add(scope.groupIds)}::uuid[]))`;
}
