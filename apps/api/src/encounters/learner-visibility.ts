import type { AccessScope } from '../auth/auth-user';
import type { SqlParams } from './sql-params';

/**
 * SQL that is true when a teacher in `scope` teaches the learner `learnerId` (an SQL expression): the
 * learner is in one of their groups. False for a scope without groups.
 */
export function taughtLearnerSql(scope: AccessScope, params: SqlParams, learnerId: string): string {
  if (!scope.groupIds.length) return 'FALSE';
  const groups = params.add(scope.groupIds);
  return `(EXISTS (SELECT 1 FROM group_membership vg
             WHERE vg.learner_id = ${learnerId} AND vg.group_id = ANY(${groups}::uuid[]))
           OR EXISTS (SELECT 1 FROM enrolment ve
             WHERE ve.learner_id = ${learnerId} AND ve.registration_group_id = ANY(${groups}::uuid[])))`;
}

/** SQL that is true when `scope` sees every learner of the academy `academyId` (an SQL expression). */
export function wholeAcademySql(scope: AccessScope, params: SqlParams, academyId: string): string {
  if (scope.trustWide) return 'TRUE';
  if (!scope.academyIds.length) return 'FALSE';
  return `${academyId} = ANY(${params.add(scope.academyIds)}::uuid[])`;
}

/** The name to show: preferred names where given, legal ones otherwise. */
export function learnerNameSql(learner: string): string {
  return `coalesce(${learner}.preferred_forename, ${learner}.legal_forename) || ' ' ||
    coalesce(${learner}.preferred_surname, ${learner}.legal_surname)`;
}
