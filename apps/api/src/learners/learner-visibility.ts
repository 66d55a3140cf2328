import type { AccessScope } from '../auth/auth-user';

/**
 * SQL, for a WHERE clause, that is true when `scope` may see the enrolment aliased `enrolment`: trust-wide
 * roles every one, academy-wide roles those at their academies, teachers those of learners in the groups
 * they teach. Appends its parameters to `params`. Filtering in SQL keeps paging and totals honest.
 */
export function enrolmentVisibleSql(scope: AccessScope, enrolment: string, params: unknown[]): string {
  if (scope.trustWide) return 'TRUE';
  params.push(scope.academyIds, scope.groupIds);
  const academies = `$${params.length - 1}::uuid[]`;
  const groups = `$${params.length}::uuid[]`;
  return `(${enrolment}.academy_id = ANY(${academies}) OR EXISTS (
    SELECT 1 FROM group_membership visible_membership
     WHERE visible_membership.learner_id = ${enrolment}.learner_id AND visible_membership.group_id = ANY(${groups})))`;
}

/** SQL that is true when `scope` may see the learner whose id is `learnerId` (a column or a parameter). */
export function learnerVisibleSql(scope: AccessScope, learnerId: string, params: unknown[]): string {
  if (scope.trustWide) return 'TRUE';
  params.push(scope.academyIds, scope.groupIds);
  const academies = `$${params.length - 1}::uuid[]`;
  const groups = `$${params.length}::uuid[]`;
  return `(EXISTS (
      SELECT 1 FROM enrolment visible_enrolment
       WHERE visible_enrolment.learner_id = ${learnerId} AND visible_enrolment.academy_id = ANY(${academies}))
    OR EXISTS (
      SELECT 1 FROM group_membership visible_membership
       WHERE visible_membership.learner_id = ${learnerId} AND visible_membership.group_id = ANY(${groups})))`;
}

/** SQL for an enrolment that holds the date: admitted by then (or no admission date) and not yet left. */
export function enrolledOnSql(enrolment: string, date: string): string {
  return `(${enrolment}.admission_date IS NULL OR ${enrolment}.admission_date <= ${date}::date)
      AND (${enrolment}.leaving_date IS NULL OR ${enrolment}.leaving_date >= ${date}::date)`;
}

/** The name to show: preferred names where the MIS gives them, legal ones otherwise. */
export function displayName(learner: {
  legalSurname: string;
  legalForename: string;
  preferredSurname: string | null;
  preferredForename: string | null;
}): string {
  return `${learner.preferredForename ?? learner.legalForename} ${learner.preferredSurname ?? learner.legalSurname}`;
}
