import { ROSTER_FIELD_LABELS, RosterField } from './roster-fields';
import { RosterRow } from './roster-row';
import { SenStatusCode } from './roster-values';

/** The learner's own fields of a roster row, as held. */
interface RosterLearnerFields {
  readonly legalSurname: string;
  readonly legalForename: string;
  readonly preferredSurname: string | null;
  readonly preferredForename: string | null;
  readonly dateOfBirth: string;
  readonly gender: string | null;
}

/** The fields of a roster row that describe the enrolment of the year, but its year group. */
interface RosterEnrolmentFields {
  readonly registrationGroup: string | null;
  readonly pupilPremium: boolean;
  readonly freeSchoolMeals: boolean;
  readonly senStatus: SenStatusCode;
  readonly eal: boolean;
  readonly lookedAfter: boolean;
  readonly consideringHigherEducation: boolean;
  readonly admissionDate: string | null;
  readonly leavingDate: string | null;
}

/** A row with every field decided: the file's value, or, where the file does not say, the one held. */
export interface ResolvedRosterRow extends RosterLearnerFields, RosterEnrolmentFields {
  readonly line: number;
  readonly upn: string;
  readonly temporaryUpn: boolean;
  readonly yearGroup: number;
}

/** What the trust holds for a learner of the file, as the file's fields. */
export interface RosterRowBaseline extends RosterLearnerFields, RosterEnrolmentFields {
  /** True when the learner is enrolled at the academy in the year imported; the enrolment fields are its. */
  readonly current: boolean;
  /** Null when not `current`: a new year's year group and registration group are not changes. */
  readonly yearGroup: number | null;
}

const DEFAULTS = {
  preferredSurname: null,
  preferredForename: null,
  gender: null,
  registrationGroup: null,
  pupilPremium: false,
  freeSchoolMeals: false,
  senStatus: 'N',
  eal: false,
  lookedAfter: false,
  consideringHigherEducation: false,
  admissionDate: null,
  leavingDate: null,
} as const;

/**
 * The row to hold: each field the file gives, and for each it does not, what is held (a learner not held
 * yet takes the defaults: no preferred name, gender not recorded, flags not set, SEN status N, no dates).
 */
export function resolveRosterRow(row: RosterRow, baseline: RosterRowBaseline | null): ResolvedRosterRow {
  const kept = baseline ?? DEFAULTS;
  return {
    line: row.line,
    upn: row.upn,
    temporaryUpn: row.temporaryUpn,
    legalSurname: row.legalSurname,
    legalForename: row.legalForename,
    preferredSurname: row.preferredSurname !== undefined ? row.preferredSurname : kept.preferredSurname,
    preferredForename: row.preferredForename !== undefined ? row.preferredForename : kept.preferredForename,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender !== undefined ? row.gender : kept.gender,
    yearGroup: row.yearGroup,
    registrationGroup: row.registrationGroup !== undefined ? row.registrationGroup : kept.registrationGroup,
    pupilPremium: row.pupilPremium ?? kept.pupilPremium,
    freeSchoolMeals: row.freeSchoolMeals ?? kept.freeSchoolMeals,
    senStatus: row.senStatus ?? kept.senStatus,
    eal: row.eal ?? kept.eal,
    lookedAfter: row.lookedAfter ?? kept.lookedAfter,
    consideringHigherEducation: row.consideringHigherEducation ?? kept.consideringHigherEducation,
    admissionDate: row.admissionDate !== undefined ? row.admissionDate : kept.admissionDate,
    leavingDate: row.leavingDate !== undefined ? row.leavingDate : kept.leavingDate,
  };
}

/** How a field changes: a flag set to yes or no, a value set where there was none, cleared, or changed. */
export type RosterChangeKind = 'set to yes' | 'set to no' | 'set' | 'cleared' | 'changed';

/** One line of the dry run's field-level summary, e.g. "pupil premium: 53 set to yes". */
export interface RosterFieldChange {
  readonly field: RosterField;
  readonly change: RosterChangeKind;
  readonly count: number;
  /** Up to three learners, as "name (UPN): before → after". */
  readonly examples: readonly string[];
}

/** A change that would clear or flip a field for more than {@link ROSTER_WARNING_SHARE} of the academy's learners. */
export interface RosterChangeWarning {
  readonly field: RosterField;
  readonly change: RosterChangeKind;
  readonly count: number;
  readonly of: number;
  readonly message: string;
}

/** More than this share of learners losing or flipping a value usually means the file is not the one meant. */
export const ROSTER_WARNING_SHARE = 0.1;

const MAX_EXAMPLES = 3;

type Value = string | number | boolean | null;

const COMPARED: readonly {
  field: RosterField;
  before: (baseline: RosterRowBaseline) => Value | undefined;
  after: (row: ResolvedRosterRow) => Value;
}[] = [
  { field: 'legalSurname', before: (b) => b.legalSurname, after: (r) => r.legalSurname },
  { field: 'legalForename', before: (b) => b.legalForename, after: (r) => r.legalForename },
  { field: 'preferredSurname', before: (b) => b.preferredSurname, after: (r) => r.preferredSurname },
  { field: 'preferredForename', before: (b) => b.preferredForename, after: (r) => r.preferredForename },
  { field: 'dateOfBirth', before: (b) => b.dateOfBirth, after: (r) => r.dateOfBirth },
  { field: 'gender', before: (b) => b.gender, after: (r) => r.gender },
  { field: 'yearGroup', before: (b) => (b.current ? b.yearGroup : undefined), after: (r) => r.yearGroup },
  {
    field: 'registrationGroup',
    before: (b) => (b.current ? b.registrationGroup : undefined),
    after: (r) => r.registrationGroup,
  },
  { field: 'pupilPremium', before: (b) => b.pupilPremium, after: (r) => r.pupilPremium },
  { field: 'freeSchoolMeals', before: (b) => b.freeSchoolMeals, after: (r) => r.freeSchoolMeals },
  {
    field: 'senStatus',
    before: (b) => (b.senStatus === 'N' ? null : b.senStatus),
    after: (r) => (r.senStatus === 'N' ? null : r.senStatus),
  },
  { field: 'eal', before: (b) => b.eal, after: (r) => r.eal },
  { field: 'lookedAfter', before: (b) => b.lookedAfter, after: (r) => r.lookedAfter },
  {
    field: 'consideringHigherEducation',
    before: (b) => b.consideringHigherEducation,
    after: (r) => r.consideringHigherEducation,
  },
  { field: 'admissionDate', before: (b) => b.admissionDate, after: (r) => r.admissionDate },
  { field: 'leavingDate', before: (b) => b.leavingDate, after: (r) => r.leavingDate },
];

/**
 * The field-level summary of what an import would change for learners already held, in field order: for
 * each field and kind of change, how many learners and a few examples.
 */
export function describeRosterChanges(
  learners: readonly { baseline: RosterRowBaseline; row: ResolvedRosterRow; name: string }[],
): RosterFieldChange[] {
  const changes: RosterFieldChange[] = [];
  for (const { field, before, after } of COMPARED) {
    const byKind = new Map<RosterChangeKind, { count: number; examples: string[] }>();
    for (const { baseline, row, name } of learners) {
      const was = before(baseline);
      const now = after(row);
      if (was === undefined || was === now) continue;
      const kind: RosterChangeKind =
        typeof now === 'boolean'
          ? now
            ? 'set to yes'
            : 'set to no'
          : now === null
            ? 'cleared'
            : was === null
              ? 'set'
              : 'changed';
      const entry = byKind.get(kind) ?? { count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < MAX_EXAMPLES) {
        entry.examples.push(`${name} (${row.upn}): ${show(was)} → ${show(now)}`);
      }
      byKind.set(kind, entry);
    }
    for (const [change, { count, examples }] of byKind) changes.push({ field, change, count, examples });
  }
  return changes;
}

/** The changes that clear or flip a field for more than a tenth of `learners` (the academy's roll). */
export function rosterChangeWarnings(
  changes: readonly RosterFieldChange[],
  learners: number,
): RosterChangeWarning[] {
  if (learners === 0) return [];
  return changes
    .filter(
      ({ change, count }) =>
        (change === 'cleared' || change === 'set to yes' || change === 'set to no') &&
        count > learners * ROSTER_WARNING_SHARE,
    )
    .map(({ field, change, count }) => ({
      field,
      change,
      count,
      of: learners,
      message:
        `${capitalise(ROSTER_FIELD_LABELS[field])} would be ${change} for ${count} of ${learners} learners ` +
        `(${Math.round((count / learners) * 100)} %). Check that this is the file you meant before committing.`,
    }));
}

function show(value: Value): string {
  if (value === null) return '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
