import {
  type ApiErrorDetail,
  type AttendancePutItem,
  type AttendanceStatus,
  checklistItemsOutsideCategories,
  type CreateEncounterRequest,
  deriveEncounterCategories,
  type EncounterClassification,
  type EncounterFormat,
  type EncounterListItem,
  type EncounterMeaningfulChecklist,
  type EncounterOrganisationFacts,
  MEANINGFUL_CHECKLIST_ITEMS,
  type MeaningfulChecklistItem,
  type UpdateEncounterRequest,
} from '@encounters/domain';

/*
 * What an encounter is, and what a write does to it, as pure functions: no Nest, no database. The
 * service reads the stored state, asks these functions what the new state is, whether it is valid, what it
 * evidences and what changed, and writes the answer.
 */

export type Checklist = Record<MeaningfulChecklistItem, boolean>;

/** The facts of an encounter as stored, whether new or after a change. */
export interface EncounterState {
  academyId: string;
  title: string;
  date: string;
  endDate: string | null;
  format: EncounterFormat;
  delivery: EncounterListItem['delivery'];
  duringSchoolDay: boolean;
  durationMinutes: number;
  days: number | null;
  adviserLevel: number | null;
  checklist: Checklist;
  organiser: string | null;
  notes: string | null;
  links: string[];
  organisationIds: string[];
  /** R-PAL-4: the year groups the event was open to, each once, ascending; empty until known. */
  offeredTo: number[];
  /** R-V-1. */
  curriculumLinked: boolean;
}

/** One learner's line on the attendance list, as written. */
export interface AttendanceRow {
  learnerId: string;
  status: AttendanceStatus;
  meaningfulOverride?: boolean | null;
  reflectionRating?: number | null;
  reflectionComment?: string | null;
  /** R-WEX-1: the learner's own hours; null takes the default. */
  hours?: number | null;
}

/** Changes to these can change what the encounter evidences for its learners. */
export const COVERAGE_FIELDS: readonly (keyof EncounterState)[] = [
  'date',
  'endDate',
  'format',
  // R-D-1 (virtual visits), R-WEX-1 (default hours from the duration or the days).
  'delivery',
  'durationMinutes',
  'days',
  'duringSchoolDay',
  'adviserLevel',
  'checklist',
  'organisationIds',
  // R-V-1: B5 at a post-16 academy.
  'curriculumLinked',
];

/** Fields a PATCH may leave out but never clear. */
const REQUIRED_FIELDS = [
  'title',
  'date',
  'format',
  'delivery',
  'duringSchoolDay',
  'durationMinutes',
  'organisationIds',
  'meaningful',
] as const;

/** The key of the duplicate rule: the organisations, each once, lower-cased and sorted. */
export function organisationKey(organisationIds: readonly string[]): string {
  return [...new Set(organisationIds.map((id) => id.toLowerCase()))].sort().join(',');
}

function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** Year groups each once, ascending. */
export function yearGroupSet(yearGroups: readonly number[]): number[] {
  return [...new Set(yearGroups)].sort((a, b) => a - b);
}

/** Every checklist item, those not sent as false. */
export function checklistFrom(meaningful: EncounterMeaningfulChecklist): Checklist {
  return Object.fromEntries(
    MEANINGFUL_CHECKLIST_ITEMS.map((item) => [item, meaningful[item] === true]),
  ) as Checklist;
}

/** The state a POST describes. */
export function stateFromCreate(request: CreateEncounterRequest): EncounterState {
  return {
    academyId: request.academyId,
    title: request.title,
    date: request.date,
    endDate: request.endDate ?? null,
    format: request.format,
    delivery: request.delivery,
    duringSchoolDay: request.duringSchoolDay,
    durationMinutes: request.durationMinutes,
    days: request.days ?? null,
    adviserLevel: request.adviserLevel ?? null,
    checklist: checklistFrom(request.meaningful),
    organiser: request.organiser || null,
    notes: request.notes || null,
    links: request.links ?? [],
    organisationIds: distinctIds(request.organisationIds),
    offeredTo: yearGroupSet(request.offeredTo ?? []),
    curriculumLinked: request.curriculumLinked ?? false,
  };
}

/**
 * What is wrong with a PATCH before anything is read beyond the stored state: the academy never changes,
 * required fields are never cleared, and the attendance list is either added to or replaced, not both.
 * The academy problem is answered alone, as it says what to do instead.
 */
export function patchProblems(before: EncounterState, patch: UpdateEncounterRequest): ApiErrorDetail[] {
  if (patch.academyId !== undefined && patch.academyId !== before.academyId) {
    return [
      { field: 'academyId', reason: 'cannot change: delete the encounter and log it at the other academy' },
    ];
  }
  const nulled = REQUIRED_FIELDS.filter((field) => patch[field] === null);
  const problems: ApiErrorDetail[] = nulled.map((field) => ({ field, reason: `${field} cannot be cleared` }));
  if (patch.replaceAttendance && (patch.attendees || patch.absentLearnerIds)) {
    problems.push({
      field: 'replaceAttendance',
      reason: 'replaces the attendance list: send it without attendees and absentLearnerIds',
    });
  }
  return problems;
}

/**
 * A PATCH: fields sent replace the stored ones, fields left out keep them; null clears an optional field
 * (and an empty string the free-text ones). `meaningful` replaces the whole checklist.
 */
export function applyPatch(before: EncounterState, patch: UpdateEncounterRequest): EncounterState {
  const sent = <K extends keyof EncounterState>(value: EncounterState[K] | undefined, key: K) =>
    value === undefined || value === null ? before[key] : value;
  const optional = <T>(value: T | null | undefined, stored: T | null): T | null =>
    value === undefined ? stored : (value ?? null);
  return {
    academyId: before.academyId,
    title: sent(patch.title, 'title'),
    date: sent(patch.date, 'date'),
    endDate: optional(patch.endDate, before.endDate),
    format: sent(patch.format, 'format'),
    delivery: sent(patch.delivery, 'delivery'),
    duringSchoolDay: sent(patch.duringSchoolDay, 'duringSchoolDay'),
    durationMinutes: sent(patch.durationMinutes, 'durationMinutes'),
    days: optional(patch.days, before.days),
    adviserLevel: optional(patch.adviserLevel, before.adviserLevel),
    checklist: patch.meaningful ? checklistFrom(patch.meaningful) : before.checklist,
    organiser: patch.organiser === undefined ? before.organiser : patch.organiser || null,
    notes: patch.notes === undefined ? before.notes : patch.notes || null,
    links: patch.links === undefined ? before.links : (patch.links ?? []),
    organisationIds: patch.organisationIds ? distinctIds(patch.organisationIds) : before.organisationIds,
    offeredTo: patch.offeredTo ? yearGroupSet(patch.offeredTo) : before.offeredTo,
    curriculumLinked: sent(patch.curriculumLinked, 'curriculumLinked'),
  };
}

/**
 * What the encounter evidences (R-C-1..7), worked out once from its facts before it is written.
 * `attendedLearnerCount` matters to R-C-5 (a personal guidance meeting has exactly one learner).
 */
export function classify(
  state: EncounterState,
  organisations: readonly EncounterOrganisationFacts[],
  attendedLearnerCount: number,
): EncounterClassification {
  return deriveEncounterCategories({
    format: state.format,
    duringSchoolDay: state.duringSchoolDay,
    adviserLevel: state.adviserLevel,
    organisations,
    attendedLearnerCount,
  });
}

/** Checks that need the facts together: the date range, and that every ticked item fits the categories. */
export function factProblems(
  state: EncounterState,
  organisations: readonly EncounterOrganisationFacts[],
): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  if (state.endDate && state.endDate < state.date) {
    problems.push({
      field: 'endDate',
      value: state.endDate,
      reason: `must not be before date (${state.date})`,
    });
  }
  // The attendance is not known yet here: one learner is assumed, as for a new encounter.
  const { categories } = deriveEncounterCategories({
    format: state.format,
    duringSchoolDay: state.duringSchoolDay,
    adviserLevel: state.adviserLevel,
    organisations,
  });
  const described = categories.length ? categories.join(', ') : 'no benchmark category';
  for (const item of checklistItemsOutsideCategories(state.checklist, categories, state.format)) {
    problems.push({
      field: `meaningful.${item}`,
      reason: `does not belong to this encounter's categories (${described})`,
    });
  }
  return problems;
}

/** The fields whose value differs; organisations compare as a set. */
export function changedFields(before: EncounterState, after: EncounterState): (keyof EncounterState)[] {
  return (Object.keys(after) as (keyof EncounterState)[]).filter((key) =>
    key === 'organisationIds'
      ? organisationKey(before.organisationIds) !== organisationKey(after.organisationIds)
      : JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}

export function affectsCoverage(changed: readonly (keyof EncounterState)[]): boolean {
  return changed.some((field) => COVERAGE_FIELDS.includes(field));
}

/** The audit entry of a new encounter: its facts, and only whether it has notes. */
export function describeState(state: EncounterState): Record<string, unknown> {
  const { notes, ...rest } = state;
  return { ...rest, hasNotes: !!notes };
}

/** The audit entry of a change: the fields changed, each from and to, except the notes' text. */
export function describeChanges(
  before: EncounterState,
  after: EncounterState,
  changed: readonly (keyof EncounterState)[],
): Record<string, unknown> {
  return {
    changed,
    ...Object.fromEntries(
      changed.filter((key) => key !== 'notes').map((key) => [key, { from: before[key], to: after[key] }]),
    ),
  };
}

/**
 * The body of a PUT of the attendance list (or a PATCH's `replaceAttendance`) as the rows to write: a
 * repeat of a learner is merged, the last one winning; each row keeps the index it was sent at, to name it
 * in an error.
 */
export function attendanceRowsFromItems(
  items: readonly AttendancePutItem[],
): { index: number; row: AttendanceRow }[] {
  const byLearner = new Map<string, { index: number; row: AttendanceRow }>();
  items.forEach((item, index) =>
    byLearner.set(item.learnerId, {
      index,
      row: {
        learnerId: item.learnerId,
        status: item.status,
        meaningfulOverride: item.meaningful ?? null,
        reflectionRating: item.reflection?.rating ?? null,
        reflectionComment: item.reflection ? item.reflection.comment.trim() || null : null,
        hours: item.hours ?? null,
      },
    }),
  );
  return [...byLearner.values()];
}

/** A line of the attendance list as stored. */
export interface StoredAttendance {
  learner_id: string;
  status: AttendanceStatus;
  meaningful_override: boolean | null;
  reflection_rating: number | null;
  reflection_comment: string | null;
  /** numeric: PostgreSQL answers it as a string. */
  hours: string | number | null;
}

/**
 * The audit of a replaced attendance list, and the learners whose evidence it changed. The learner's own
 * words stay out of the audit trail; that their reflection changed is enough.
 */
export function attendanceReplacement(
  before: readonly StoredAttendance[],
  rows: readonly AttendanceRow[],
): { touched: string[]; details: Record<string, unknown> } {
  const previous = new Map(before.map((row) => [row.learner_id, row]));
  const kept = new Set(rows.map((row) => row.learnerId));
  const removed = before.filter((row) => !kept.has(row.learner_id)).map((row) => row.learner_id);
  const added = rows.filter((row) => !previous.has(row.learnerId));
  const changed = rows.flatMap((row) => {
    const old = previous.get(row.learnerId);
    if (!old) return [];
    const change: Record<string, unknown> = {};
    if (old.status !== row.status) change.status = { from: old.status, to: row.status };
    if (old.meaningful_override !== (row.meaningfulOverride ?? null))
      change.meaningful = { from: old.meaningful_override, to: row.meaningfulOverride ?? null };
    if (
      old.reflection_rating !== (row.reflectionRating ?? null) ||
      old.reflection_comment !== (row.reflectionComment ?? null)
    )
      change.reflection = 'changed';
    const oldHours = old.hours === null || old.hours === undefined ? null : Number(old.hours);
    if (oldHours !== (row.hours ?? null)) change.hours = { from: oldHours, to: row.hours ?? null };
    return Object.keys(change).length ? [{ learnerId: row.learnerId, ...change }] : [];
  });
  const touched = new Set([
    ...removed,
    ...added.map((row) => row.learnerId),
    ...changed.map((change) => change.learnerId),
  ]);
  return {
    touched: [...touched],
    details: {
      mode: 'replace',
      added: groupByStatus(added),
      removed,
      changed,
    },
  };
}

/** Learner ids by status, for the audit trail. */
export function groupByStatus(
  rows: readonly Pick<AttendanceRow, 'learnerId' | 'status'>[],
): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const row of rows) (grouped[row.status] ??= []).push(row.learnerId);
  return grouped;
}

export function notOnRoll(state: Pick<EncounterState, 'date'>): string {
  return `not a learner of this academy on ${state.date}`;
}

/**
 * R-WEX-1: a learner's own hours are never more than 24 for each day of the encounter (one day unless it
 * records its days). `fieldOf` names the item as the request sent it.
 */
export function hoursProblems(
  state: Pick<EncounterState, 'days'>,
  rows: readonly { index: number; row: Pick<AttendanceRow, 'hours'> }[],
  fieldOf: (index: number) => string,
): ApiErrorDetail[] {
  const days = Math.max(state.days ?? 1, 1);
  return rows
    .filter(({ row }) => row.hours !== null && row.hours !== undefined && row.hours > 24 * days)
    .map(({ index, row }) => ({
      field: fieldOf(index),
      value: String(row.hours),
      reason: `at most ${24 * days} hours for an encounter of ${days} day${days === 1 ? '' : 's'} (24 a day)`,
    }));
}

export function guidanceMeetingForOne(field: string): ApiErrorDetail {
  return { field, reason: 'a guidance meeting is with one learner; log a group session as group_guidance' };
}

/** What the duplicate-by-meaning rule compares: where and when, with whom, and who attended. */
export interface DuplicateFacts {
  academyId: string;
  date: string;
  organisationIds: readonly string[];
  /** The learners who attended (absent and withdrawn learners were not there). */
  attendedLearnerIds: readonly string[];
}

/** A live encounter the new facts may repeat, as the refusal names it. */
export interface DuplicateCandidate extends DuplicateFacts {
  id: string;
  title: string;
}

/**
 * More than half of the smaller list of attended learners is on the other list too. Two empty lists, or
 * one, share nobody, so an encounter no learner attended is never a likely duplicate.
 */
export function sharesMostLearners(a: readonly string[], b: readonly string[]): boolean {
  const first = new Set(a.map((id) => id.toLowerCase()));
  const second = new Set(b.map((id) => id.toLowerCase()));
  const [smaller, larger] = first.size <= second.size ? [first, second] : [second, first];
  if (!smaller.size) return false;
  let shared = 0;
  for (const id of smaller) if (larger.has(id)) shared++;
  return shared * 2 > smaller.size;
}

/**
 * The duplicate rule by meaning: the same academy, date and organisations (as a set) and more than half of
 * the same learners (of the smaller list) is likely the same event, whatever either is called.
 */
export function isLikelyDuplicate(proposed: DuplicateFacts, other: DuplicateFacts): boolean {
  return (
    proposed.academyId.toLowerCase() === other.academyId.toLowerCase() &&
    proposed.date === other.date &&
    organisationKey(proposed.organisationIds) === organisationKey(other.organisationIds) &&
    sharesMostLearners(proposed.attendedLearnerIds, other.attendedLearnerIds)
  );
}

/** The candidates the proposed facts likely repeat, in the order given (the oldest first). */
export function likelyDuplicatesOf<T extends DuplicateFacts>(
  proposed: DuplicateFacts,
  candidates: readonly T[],
): T[] {
  return candidates.filter((candidate) => isLikelyDuplicate(proposed, candidate));
}
