import {
  type DestinationCategory,
  type DestinationStatus,
  type DestinationStatusChange,
  type IsoDate,
  type RuleId,
} from '@encounters/domain';

/*
 * R-DEST-1: the rules of change of an intended destination, apart from the database: what a create, a PATCH,
 * a batch item or an import line does to the destination held (if any). The service reads what is held,
 * asks here, and writes what the plan says.
 */

/** What an intended destination holds, its history apart. */
export interface DestinationFields {
  category: DestinationCategory;
  providerName: string | null;
  organisationId: string | null;
  /** The latest status of the history. */
  status: DestinationStatus;
  notes: string | null;
}

/** A destination as held, with the day of its latest status change (null if none was recorded). */
export interface HeldDestination extends DestinationFields {
  lastStatusOn: IsoDate | null;
}

/**
 * What a write asks for. A field left out (undefined) keeps what is held; null clears it where it may be
 * cleared (provider, organisation, notes) and is refused where it may not (category, status).
 */
export interface DestinationEdit {
  category?: DestinationCategory | null;
  providerName?: string | null;
  organisationId?: string | null;
  status?: DestinationStatus | null;
  /** The day the new status was reached; today when left out. Used only when the status changes. */
  statusOn?: IsoDate | null;
  notes?: string | null;
}

/** One thing wrong with an edit, named by its field. */
export interface DestinationProblem {
  field: keyof DestinationEdit;
  value?: string;
  reason: string;
}

export type DestinationPlan =
  | { kind: 'create'; fields: DestinationFields; statusChange: DestinationStatusChange }
  | {
      kind: 'update';
      fields: DestinationFields;
      /** The fields that change, in the order of `DESTINATION_FIELDS`. */
      changed: (keyof DestinationFields)[];
      /** A new dated change when the status changes, else null. */
      statusChange: DestinationStatusChange | null;
    }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; problems: DestinationProblem[] };

export interface PlanContext {
  today: IsoDate;
  /** The name of the edit's `organisationId`, looked up by the caller; null when none was given. */
  organisationName: string | null;
}

export const DESTINATION_FIELDS: readonly (keyof DestinationFields)[] = [
  'category',
  'providerName',
  'organisationId',
  'status',
  'notes',
];

/** Notes are restricted like guidance notes: their text never reaches the audit trail. */
export const RESTRICTED_FIELDS: readonly (keyof DestinationFields)[] = ['notes'];

/** R-DEST-2: the rule a learner's destination counts towards, by their year group (11 or 13). */
export function destinationRuleOf(yearGroup: number): RuleId {
  return yearGroup === 13 ? 'DEST_18' : 'DEST_16';
}

/** Free text as kept: trimmed, and blank as nothing. */
function text(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function dateProblem(statusOn: IsoDate, today: IsoDate, after: IsoDate | null): DestinationProblem | null {
  if (statusOn > today) {
    return {
      field: 'statusOn',
      value: statusOn,
      reason: 'must not be in the future: record a status once reached',
    };
  }
  if (after !== null && statusOn < after) {
    return {
      field: 'statusOn',
      value: statusOn,
      reason: `must not be before the latest status change (${after})`,
    };
  }
  return null;
}

/**
 * What a write does to the destination held (null: none yet).
 *
 * - A new destination needs a category and a status; its first status change is dated `statusOn` or today.
 * - A different status appends a dated change, never before the latest one; the same status again, whatever
 *   `statusOn` says, is no change, so that sending the same entry twice changes nothing.
 * - An organisation newly given names the provider, unless a provider name is given too.
 * - A provider name that changes without an organisation given drops the organisation it no longer names.
 * - Nothing different from what is held: `unchanged`.
 */
export function planDestination(
  held: HeldDestination | null,
  edit: DestinationEdit,
  context: PlanContext,
): DestinationPlan {
  const problems: DestinationProblem[] = [];
  for (const field of ['category', 'status'] as const) {
    const cleared = edit[field] === null;
    const missing = held === null && edit[field] === undefined;
    if (cleared || missing) {
      problems.push({ field, reason: cleared ? `${field} cannot be cleared` : `${field} is required` });
    }
  }
  if (problems.length) return { kind: 'invalid', problems };

  const providerGiven = text(edit.providerName);
  const organisationId =
    edit.organisationId === undefined ? (held?.organisationId ?? null) : edit.organisationId;
  const organisationChanged = organisationId !== null && organisationId !== (held?.organisationId ?? null);
  let providerName: string | null;
  if (providerGiven !== undefined) providerName = providerGiven;
  else if (organisationChanged) providerName = context.organisationName;
  else providerName = held?.providerName ?? null;
  const providerChanged = providerName !== (held?.providerName ?? null);

  const fields: DestinationFields = {
    category: edit.category ?? (held as HeldDestination).category,
    providerName,
    organisationId:
      edit.organisationId === undefined && providerGiven !== undefined && providerChanged
        ? null
        : organisationId,
    status: edit.status ?? (held as HeldDestination).status,
    notes: edit.notes === undefined ? (held?.notes ?? null) : (text(edit.notes) ?? null),
  };

  if (held === null) {
    const on = edit.statusOn ?? context.today;
    const problem = dateProblem(on, context.today, null);
    if (problem) return { kind: 'invalid', problems: [problem] };
    return { kind: 'create', fields, statusChange: { status: fields.status, on } };
  }

  let statusChange: DestinationStatusChange | null = null;
  if (fields.status !== held.status) {
    const on = edit.statusOn ?? context.today;
    const problem = dateProblem(on, context.today, held.lastStatusOn);
    if (problem) return { kind: 'invalid', problems: [problem] };
    statusChange = { status: fields.status, on };
  }
  const changed = DESTINATION_FIELDS.filter((field) => fields[field] !== held[field]);
  if (!changed.length) return { kind: 'unchanged' };
  return { kind: 'update', fields, changed, statusChange };
}

/**
 * The audit trail's account of a plan: every field but the restricted ones as it now stands (a create) or
 * from → to (an update), and the names of all the fields changed. Never the notes' text.
 */
export function auditDetails(
  plan: Extract<DestinationPlan, { kind: 'create' | 'update' }>,
  held: HeldDestination | null,
): Record<string, unknown> {
  const open = DESTINATION_FIELDS.filter((field) => !RESTRICTED_FIELDS.includes(field));
  if (plan.kind === 'create') {
    return {
      ...Object.fromEntries(open.map((field) => [field, plan.fields[field]])),
      statusOn: plan.statusChange.on,
      withNotes: plan.fields.notes !== null,
    };
  }
  return {
    changed: plan.changed,
    ...Object.fromEntries(
      plan.changed
        .filter((field) => !RESTRICTED_FIELDS.includes(field))
        .map((field) => [field, { from: held?.[field] ?? null, to: plan.fields[field] }]),
    ),
    ...(plan.statusChange ? { statusOn: plan.statusChange.on } : {}),
  };
}
