import {
  confirmedOn,
  type DestinationRegisterRow,
  type IntendedDestinationResponse,
} from '@encounters/domain';
import type { DestinationJson, RegisterRow, WriteTargetRow } from './destination-queries';
import { destinationRuleOf, type HeldDestination } from './destination-state';

/** What the reader may see of a destination: the notes only for those who record destinations there. */
export interface DestinationView {
  withNotes: boolean;
}

export function toDestinationResponse(
  json: DestinationJson,
  { withNotes }: DestinationView,
): IntendedDestinationResponse {
  return {
    id: json.id,
    learnerId: json.learnerId,
    academicYear: json.academicYear,
    category: json.category,
    providerName: json.providerName,
    organisationId: json.organisationId,
    organisation: json.organisation,
    status: json.status,
    statusHistory: json.statusHistory,
    confirmedOn: confirmedOn(json.statusHistory),
    ...(withNotes ? { notes: json.notes } : {}),
    updatedAt: json.updatedAt,
  };
}

export function toRegisterRow(
  row: RegisterRow,
  view: DestinationView & { withNeetRisk: boolean },
): DestinationRegisterRow {
  return {
    learnerId: row.learner_id,
    academicYear: row.academic_year,
    upn: row.upn,
    name: row.name,
    yearGroup: row.year_group,
    group: row.group_id ? { id: row.group_id, name: row.group_name as string } : null,
    academyId: row.academy_id,
    destination: row.destination ? toDestinationResponse(row.destination, view) : null,
    rule: destinationRuleOf(row.year_group),
    ruleStatus: row.rule_status,
    ...(view.withNeetRisk ? { neetRisk: row.neet_risk } : {}),
  };
}

/** The destination a write finds held for its learner, or null when there is none yet. */
export function heldOf(target: WriteTargetRow): HeldDestination | null {
  const { category, status } = target;
  // Category and status are NOT NULL: both are null exactly when there is no destination.
  if (target.destination_id === null || !category || !status) return null;
  return {
    category,
    providerName: target.provider_name,
    organisationId: target.organisation_id,
    status,
    notes: target.notes,
    lastStatusOn: target.last_status_on,
  };
}

/** The destination as `findDestination` reads it, held for a write. */
export function heldFromJson(json: DestinationJson, lastStatusOn: string | null): HeldDestination {
  return {
    category: json.category,
    providerName: json.providerName,
    organisationId: json.organisationId,
    status: json.status,
    notes: json.notes,
    lastStatusOn,
  };
}
