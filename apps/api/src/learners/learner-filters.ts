import { type LearnerListQuery, RULE_IDS, type RuleStatus } from '@encounters/domain';
import { HttpStatus } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import type { SqlParams } from '../common/sql-params';
import { ruleStatusSql } from '../coverage/coverage.service';

/*
 * The learners page's filters beyond academy, year, class and words: the characteristics of the enrolment,
 * a rule's status at a date (from `learner_progress`, the same decision as the coverage figures) and the
 * order. Conditions are on `e` (the enrolment) and `l` (the learner), as `LearnersService.list` names them.
 */

/** The progress row through which the enrolment `e` counts at the as-at date. */
function progressOf(asAt: string): string {
  return `FROM learner_progress p
    WHERE p.learner_id = e.learner_id AND p.academic_year = e.academic_year AND p.academy_id = e.academy_id
      AND p.counts_at @> ${asAt}::date`;
}

/** A status filter without its rule means nothing: refused, naming the field. */
export function learnerFilterProblems(query: LearnerListQuery): void {
  if (query.status && !query.rule) {
    throw new ApiError(HttpStatus.BAD_REQUEST, 'Invalid status: choose the rule the status is for.', [
      { field: 'status', reason: 'needs rule (e.g. rule=B8_16&status=not_met)' },
    ]);
  }
}

/** The SQL conditions of the characteristic and status filters, numbered by `p`. */
export function learnerFilterConditions(query: LearnerListQuery, p: SqlParams, asAt: string): string[] {
  const where: string[] = [];
  if (query.pupilPremium !== undefined) where.push(`e.pupil_premium = ${p.add(query.pupilPremium)}`);
  if (query.eal !== undefined) where.push(`e.eal = ${p.add(query.eal)}`);
  if (query.lookedAfter !== undefined) where.push(`e.looked_after = ${p.add(query.lookedAfter)}`);
  if (query.sen === 'any') where.push(`e.sen_status IN ('K', 'E')`);
  else if (query.sen) where.push(`e.sen_status = ${p.add(query.sen)}`);
  if (query.gender === 'unknown') where.push(`coalesce(l.gender, '') = ''`);
  else if (query.gender) where.push(`upper(l.gender) = upper(${p.add(query.gender)})`);
  if (query.rule && query.status) {
    const date = p.add(asAt);
    const status = ruleStatusSql(query.rule, date);
    where.push(
      query.status === 'not_met'
        ? `EXISTS (SELECT 1 ${progressOf(date)} AND ${status} IN ('on_track', 'at_risk', 'missed'))`
        : `EXISTS (SELECT 1 ${progressOf(date)} AND ${status} = ${p.add(query.status)})`,
    );
  }
  return where;
}

/** The column of the status for the rule asked for (none without one). */
export function ruleStatusColumn(query: LearnerListQuery, p: SqlParams, asAt: string): string {
  if (!query.rule || !RULE_IDS.includes(query.rule)) return '';
  const date = p.add(asAt);
  return `, (SELECT ${ruleStatusSql(query.rule, date)} ${progressOf(date)} LIMIT 1) AS rule_status`;
}

/** The order of the list: by name unless asked otherwise, the name then the UPN breaking ties. */
export function learnerOrderSql(query: LearnerListQuery): string {
  const direction = query.direction === 'desc' ? 'DESC' : 'ASC';
  const byName = `surname_key ${direction}, forename_key ${direction}, upn ${direction}`;
  switch (query.sort) {
    case 'upn':
      return `upn ${direction}`;
    case 'yearGroup':
      return `year_group ${direction}, surname_key, forename_key, upn`;
    case 'group':
      return `lower(group_name) ${direction} NULLS LAST, surname_key, forename_key, upn`;
    default:
      return byName;
  }
}

/** A list item with the status for the rule asked for, when one was. */
export function withRuleStatus<T extends object>(
  item: T,
  row: { rule_status?: string | null },
): T & { ruleStatus?: RuleStatus } {
  return row.rule_status ? { ...item, ruleStatus: row.rule_status as RuleStatus } : item;
}
