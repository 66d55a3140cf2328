import {
  anniversaryDate,
  type IsoDate,
  type LeaverRow,
  type NeetRiskEntry,
  type RuleId,
  type RuleStatus,
} from '@encounters/domain';
import type { CohortLeaver } from './leavers-cohort';
import { anniversariesToFollowUp, leftOn } from './leavers-cohort';
import type { LeaverDbRow, NeetRiskRow } from './destination-follow-up.queries';

/*
 * Rows as the queries read them, turned into the answers of the API.
 */

/** R-DEST-3: the statuses of `DEST_16`/`DEST_18` that flag a learner automatically. */
const FLAGGING: readonly RuleStatus[] = ['at_risk', 'missed'];

/** What a pseudonymised leaver is called in every answer (R-DEST-4). */
export const PSEUDONYMISED_NAME = 'Pseudonymised leaver';

export function toNeetRiskEntry(row: NeetRiskRow): NeetRiskEntry {
  return {
    learnerId: row.learner_id,
    upn: row.upn,
    name: row.name,
    yearGroup: row.year_group,
    group: row.group_id ? { id: row.group_id, name: row.group_name ?? '' } : null,
    academyId: row.academy_id,
    marked:
      row.reason === null
        ? null
        : {
            reason: row.reason,
            support: row.support ?? '',
            reviewOn: row.review_on as IsoDate,
            markedBy: row.marked_by,
            markedAt: row.marked_at as string,
          },
    automatic:
      row.rule && row.rule_status && FLAGGING.includes(row.rule_status)
        ? { rule: row.rule as RuleId, status: row.rule_status }
        : null,
    reviewDue: row.review_due,
  };
}

/** A leaver as the cohort's list shows them: pseudonymised leavers without name or UPN. */
export function toLeaverRow(row: LeaverDbRow, today: IsoDate): LeaverRow {
  return {
    learnerId: row.learner_id,
    upn: row.pseudonymised ? null : row.upn,
    name: row.pseudonymised ? PSEUDONYMISED_NAME : row.name,
    pseudonymised: row.pseudonymised,
    yearGroup: row.year_group,
    leftOn: leftOn(row.left_in, row.leaving_date),
    consentToFollowUp: row.consent_to_follow_up,
    destinations: row.destinations.map((destination) => ({
      anniversary: destination.anniversary,
      on: anniversaryDate(row.left_in, destination.anniversary),
      category: destination.category,
      provider: destination.provider,
      source: destination.source,
      recordedAt: destination.recordedAt,
    })),
    toFollowUp: anniversariesToFollowUp(
      row.left_in,
      row.destinations.map((destination) => destination.anniversary),
      row.consent_to_follow_up,
      today,
    ),
  };
}

/** What the cohort's figures read about a leaver (R-G-3 characteristics from their last enrolment). */
export function toCohortLeaver(row: LeaverDbRow): CohortLeaver {
  return {
    characteristics: {
      pupilPremium: row.pupil_premium,
      senStatus: row.sen_status,
      eal: row.eal,
      lookedAfter: row.looked_after,
      freeSchoolMeals: row.free_school_meals,
      gender: row.gender,
    },
    destinations: row.destinations,
  };
}
