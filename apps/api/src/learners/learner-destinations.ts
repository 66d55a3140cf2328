import {
  anniversaryDate,
  confirmedOn,
  type ActualDestination,
  type ActualDestinationCategory,
  type DestinationAnniversary,
  type DestinationCategory,
  type DestinationSource,
  type DestinationStatus,
  type IntendedDestinationResponse,
  type LearnerDestinations,
  type OrganisationType,
} from '@encounters/domain';
import { type AuthUser, may } from '../common/access/policy';
import type { AuditService } from '../audit/audit.service';

/** What the learner record's statement reads of a learner's destinations (`l` is the learner). */
export const LEARNER_DESTINATIONS_SQL = `
  (SELECT coalesce(json_agg(x ORDER BY x.academic_year DESC), '[]') FROM (
     SELECT d.id, d.academic_year, d.category, d.provider_name, d.organisation_id, o.name AS organisation_name,
            o.type AS organisation_type, d.status, d.notes,
            to_char(d.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
            (SELECT json_agg(json_build_array(c.status, c."on"::text) ORDER BY c."on", c.seq)
               FROM destination_status_change c WHERE c.destination_id = d.id) AS history
       FROM intended_destination d LEFT JOIN organisation o ON o.id = d.organisation_id
      WHERE d.learner_id = l.id) x) AS intended_destinations,
  (SELECT row_to_json(n) FROM (
     SELECT reason, support, review_on::text AS review_on,
            to_char(marked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS marked_at
       FROM neet_risk WHERE learner_id = l.id) n) AS neet_risk,
  (SELECT coalesce(json_agg(x ORDER BY x.anniversary), '[]') FROM (
     SELECT anniversary, category, provider, source,
            to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_at
       FROM actual_destination WHERE learner_id = l.id) x) AS actual_destinations,
  l.consent_to_follow_up`;

export interface LearnerDestinationsRow {
  intended_destinations: {
    id: string;
    academic_year: number;
    category: DestinationCategory;
    provider_name: string | null;
    organisation_id: string | null;
    organisation_name: string | null;
    organisation_type: OrganisationType | null;
    status: DestinationStatus;
    notes: string | null;
    updated_at: string;
    history: [DestinationStatus, string][] | null;
  }[];
  neet_risk: { reason: string; support: string; review_on: string; marked_at: string } | null;
  actual_destinations: {
    anniversary: DestinationAnniversary;
    category: ActualDestinationCategory;
    provider: string | null;
    source: DestinationSource;
    recorded_at: string;
  }[];
  consent_to_follow_up: boolean | null;
}

/**
 * The learner record's destinations as `user` may see them: notes where they may record destinations at the
 * academy of that year, the NEET-risk mark where they may mark it at the learner's latest academy (R-DEST-3).
 * `academyIn(year)` is the learner's academy that year; `leftIn` the year of the learner's last enrolment
 * (the anniversaries count from it). Answers what was read of restricted text, to audit.
 */
export function toLearnerDestinations(
  learnerId: string,
  row: LearnerDestinationsRow,
  user: AuthUser,
  academyIn: (academicYear: number) => string | null,
  latestAcademy: string | null,
  leftIn: number | null,
): { destinations: LearnerDestinations; notesRead: string[]; neetRiskRead: boolean } {
  const notesRead: string[] = [];
  const intended = row.intended_destinations.map((d): IntendedDestinationResponse => {
    const statusHistory = (d.history ?? []).map(([status, on]) => ({ status, on }));
    const academy = academyIn(d.academic_year);
    const readsNotes = academy !== null && may(user, 'recordDestinations', academy);
    if (readsNotes && d.notes) notesRead.push(d.id);
    return {
      id: d.id,
      learnerId,
      academicYear: d.academic_year,
      category: d.category,
      providerName: d.provider_name,
      organisationId: d.organisation_id,
      organisation:
        d.organisation_id && d.organisation_name && d.organisation_type
          ? { id: d.organisation_id, name: d.organisation_name, type: d.organisation_type }
          : null,
      status: d.status,
      statusHistory,
      confirmedOn: confirmedOn(statusHistory),
      ...(readsNotes ? { notes: d.notes } : {}),
      updatedAt: d.updated_at,
    };
  });
  const seesNeetRisk = latestAcademy !== null && may(user, 'markNeetRisk', latestAcademy);
  const destinations: LearnerDestinations = {
    intended,
    ...(seesNeetRisk
      ? {
          neetRisk: row.neet_risk
            ? {
                reason: row.neet_risk.reason,
                support: row.neet_risk.support,
                reviewOn: row.neet_risk.review_on,
                markedAt: row.neet_risk.marked_at,
              }
            : null,
        }
      : {}),
    actual: actualDestinationsOf(row, leftIn),
    consentToFollowUp: row.consent_to_follow_up,
  };
  return { destinations, notesRead, neetRiskRead: seesNeetRisk && row.neet_risk !== null };
}

/** R-DEST-4: the actual destinations, each dated 1 October of its year after leaving in `leftIn`. */
export function actualDestinationsOf(
  row: LearnerDestinationsRow,
  leftIn: number | null,
): ActualDestination[] {
  if (leftIn === null) return [];
  return row.actual_destinations.map((a) => ({
    anniversary: a.anniversary,
    on: anniversaryDate(leftIn, a.anniversary),
    category: a.category,
    provider: a.provider,
    source: a.source,
    recordedAt: a.recorded_at,
  }));
}

/** Reading restricted destination text leaves a trace, as reading guidance notes does (no text copied). */
export async function auditDestinationReads(
  audit: AuditService,
  learnerId: string,
  read: { notesRead: string[]; neetRiskRead: boolean },
  actor: { userId: string; ip: string | null; academyId: string | null },
): Promise<void> {
  if (read.notesRead.length) {
    await audit.recordRead({
      userId: actor.userId,
      action: 'intended_destination.read_notes',
      entityType: 'intended_destination',
      entityId: read.notesRead.length === 1 ? read.notesRead[0] : null,
      academyId: actor.academyId,
      details: { destinationIds: read.notesRead, learnerIds: [learnerId] },
      ip: actor.ip,
    });
  }
  if (read.neetRiskRead) {
    await audit.recordRead({
      userId: actor.userId,
      action: 'neet_risk.read',
      entityType: 'learner',
      entityId: learnerId,
      academyId: actor.academyId,
      details: { learnerIds: [learnerId] },
      ip: actor.ip,
    });
  }
}
