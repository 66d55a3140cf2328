import { ROSTER_FIELD_LABELS, RosterField } from './roster-fields';
import { RosterColumnMapping } from './roster-headers';
import { RosterRowError } from './roster-row-error';
import {
  normaliseRosterGender,
  parseRosterDate,
  parseRosterFlag,
  parseRosterLeavingDate,
  parseRosterSenStatus,
  parseRosterYearGroup,
  RosterValueResult,
  SenStatusCode,
} from './roster-values';
import { validateUpn } from './upn';

/**
 * One learner's line of the MIS export, validated and normalised. Dates are ISO YYYY-MM-DD.
 *
 * An optional field is `undefined` when the file does not say: its column is absent, or its cell is blank
 * where a blank cannot mean "no" (a name, gender, registration group, admission date). The import then
 * keeps what it holds. A blank flag is false, a blank SEN status N and a blank leaving date none.
 */
export interface RosterRow {
  readonly line: number;
  /** Upper case, so the same learner matches whichever way the MIS wrote it. */
  readonly upn: string;
  /** A temporary UPN (last character a letter) is accepted but should be replaced by the permanent one. */
  readonly temporaryUpn: boolean;
  readonly legalSurname: string;
  readonly legalForename: string;
  /** Null when the learner is known by their legal name (the file's preferred name is the legal one). */
  readonly preferredSurname?: string | null;
  readonly preferredForename?: string | null;
  readonly dateOfBirth: string;
  /** "M", "F", any other value exactly as the MIS gave it, or null when not recorded. */
  readonly gender?: string | null;
  readonly yearGroup: number;
  readonly registrationGroup?: string | null;
  readonly pupilPremium?: boolean;
  readonly freeSchoolMeals?: boolean;
  readonly senStatus?: SenStatusCode;
  readonly eal?: boolean;
  readonly lookedAfter?: boolean;
  readonly consideringHigherEducation?: boolean;
  readonly admissionDate?: string | null;
  readonly leavingDate?: string | null;
}

export type RosterRowResult =
  | { readonly ok: true; readonly row: RosterRow }
  | { readonly ok: false; readonly errors: readonly RosterRowError[] };

/**
 * Validates one data row of the export, already split into cells, and reports every bad cell at once so
 * that the careers lead can fix the file in one pass.
 *
 * @param mapping from {@link mapRosterHeaders}
 * @param cells the row's cells in file order; a short row (trailing empty cells dropped) reads as blanks
 * @param line the row's line number in the file, quoted back in errors
 */
export function parseRosterRow(
  mapping: RosterColumnMapping,
  cells: readonly string[],
  line: number,
): RosterRowResult {
  const errors: RosterRowError[] = [];

  const cellOf = (field: RosterField): string => {
    const column = mapping[field];
    return column ? (cells[column.index] ?? '') : '';
  };

  const reject = (field: RosterField, reason: string): null => {
    errors.push({
      line,
      column: mapping[field]?.header ?? ROSTER_FIELD_LABELS[field],
      value: cellOf(field),
      reason,
    });
    return null;
  };

  const read = <T>(field: RosterField, reader: (cell: string) => RosterValueResult<T>): T | null => {
    const result = reader(cellOf(field));
    return result.ok
      ? result.value
      : reject(field, `${capitalise(ROSTER_FIELD_LABELS[field])} ${result.reason}`);
  };

  const required = <T>(field: RosterField, reader: (cell: string) => RosterValueResult<T>): T | null =>
    cellOf(field).trim() === ''
      ? reject(field, `${capitalise(ROSTER_FIELD_LABELS[field])} is blank but is required`)
      : read(field, reader);

  /** Absent column or blank cell: undefined, the file does not say. */
  const ifGiven = <T>(
    field: RosterField,
    reader: (cell: string) => RosterValueResult<T>,
  ): T | null | undefined =>
    mapping[field] === undefined || cellOf(field).trim() === '' ? undefined : read(field, reader);

  /** Absent column: undefined; blank cell: what the reader makes of a blank ("no"). */
  const ifPresent = <T>(
    field: RosterField,
    reader: (cell: string) => RosterValueResult<T>,
  ): T | null | undefined => (mapping[field] === undefined ? undefined : read(field, reader));

  const text = (cell: string): RosterValueResult<string> => ({ ok: true, value: cell.trim() });
  const gender = (cell: string): RosterValueResult<string | null> => ({
    ok: true,
    value: normaliseRosterGender(cell),
  });
  const blankIsNone = (cell: string): RosterValueResult<string | null> =>
    cell.trim() === '' ? { ok: true, value: null } : parseRosterLeavingDate(cell);

  const upnCheck = validateUpn(cellOf('upn'));
  if (!upnCheck.valid) reject('upn', upnCheck.reason);

  const legalSurname = required('legalSurname', text);
  const legalForename = required('legalForename', text);
  const preferredSurname = ifGiven('preferredSurname', text);
  const preferredForename = ifGiven('preferredForename', text);
  const dateOfBirth = required('dateOfBirth', parseRosterDate);
  const yearGroup = required('yearGroup', parseRosterYearGroup);
  const registrationGroup = ifGiven('registrationGroup', text);
  const pupilPremium = ifPresent('pupilPremium', parseRosterFlag);
  const freeSchoolMeals = ifPresent('freeSchoolMeals', parseRosterFlag);
  const senStatus = ifPresent('senStatus', parseRosterSenStatus);
  const eal = ifPresent('eal', parseRosterFlag);
  const lookedAfter = ifPresent('lookedAfter', parseRosterFlag);
  const consideringHigherEducation = ifPresent('consideringHigherEducation', parseRosterFlag);
  const admissionDate = ifGiven('admissionDate', parseRosterDate);
  const leavingDate = ifPresent('leavingDate', blankIsNone);

  // ISO dates compare correctly as strings.
  if (admissionDate && leavingDate && leavingDate < admissionDate) {
    reject('leavingDate', `Leaving date ${leavingDate} is before the admission date ${admissionDate}`);
  }

  if (
    errors.length > 0 ||
    !upnCheck.valid ||
    legalSurname === null ||
    legalForename === null ||
    dateOfBirth === null ||
    yearGroup === null
  ) {
    return { ok: false, errors };
  }

  // Only what the file says, so that a spread over held values keeps the rest.
  const row: { -readonly [K in keyof RosterRow]: RosterRow[K] } = {
    line,
    upn: upnCheck.upn,
    temporaryUpn: upnCheck.temporary,
    legalSurname,
    legalForename,
    dateOfBirth,
    yearGroup,
  };
  // A preferred name that is the legal name says only that the learner goes by their legal name.
  if (preferredSurname !== undefined) {
    row.preferredSurname = preferredSurname === legalSurname ? null : preferredSurname;
  }
  if (preferredForename !== undefined) {
    row.preferredForename = preferredForename === legalForename ? null : preferredForename;
  }
  if (mapping.gender !== undefined) {
    const value = ifGiven('gender', gender);
    if (value !== undefined) row.gender = value;
  }
  if (registrationGroup !== undefined) row.registrationGroup = registrationGroup;
  if (pupilPremium !== undefined && pupilPremium !== null) row.pupilPremium = pupilPremium;
  if (freeSchoolMeals !== undefined && freeSchoolMeals !== null) row.freeSchoolMeals = freeSchoolMeals;
  if (senStatus !== undefined && senStatus !== null) row.senStatus = senStatus;
  if (eal !== undefined && eal !== null) row.eal = eal;
  if (lookedAfter !== undefined && lookedAfter !== null) row.lookedAfter = lookedAfter;
  if (consideringHigherEducation !== undefined && consideringHigherEducation !== null) {
    row.consideringHigherEducation = consideringHigherEducation;
  }
  if (admissionDate !== undefined) row.admissionDate = admissionDate;
  if (leavingDate !== undefined) row.leavingDate = leavingDate;
  return { ok: true, row };
}

/**
 * Reports each repeat of a UPN already seen on an earlier line. The first occurrence is left alone and the
 * repeats are rejected, because a learner can be enrolled only once per academy and year.
 *
 * @param rows rows in file order; UPNs are compared after trimming and upper-casing, blanks are skipped
 * @param upnHeader the UPN column's header as written in the file
 */
export function findDuplicateUpns(
  rows: readonly { readonly line: number; readonly upn: string }[],
  upnHeader: string,
): RosterRowError[] {
  const firstLineByUpn = new Map<string, number>();
  const errors: RosterRowError[] = [];
  for (const { line, upn } of rows) {
    const key = upn.trim().toUpperCase();
    if (key === '') continue;
    const firstLine = firstLineByUpn.get(key);
    if (firstLine === undefined) {
      firstLineByUpn.set(key, line);
    } else {
      errors.push({
        line,
        column: upnHeader,
        value: upn,
        reason: `UPN ${key} is a duplicate of line ${firstLine}`,
      });
    }
  }
  return errors;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
