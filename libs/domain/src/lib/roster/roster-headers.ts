import {
  isRequiredRosterField,
  OptionalRosterField,
  RequiredRosterField,
  ROSTER_FIELD_LABELS,
  ROSTER_FIELDS,
  ROSTER_HEADER_ALIASES,
  RosterField,
} from './roster-fields';
import { RosterRowError } from './roster-row-error';

/** Where a field sits in the file: its zero-based cell index and its header exactly as written. */
export interface RosterColumn {
  readonly index: number;
  readonly header: string;
}

export type RosterColumnMapping = { readonly [F in RequiredRosterField]: RosterColumn } & {
  readonly [F in OptionalRosterField]?: RosterColumn;
};

export interface RosterHeaderError {
  /** One sentence for the careers lead: what is missing or ambiguous, and the headers the file has. */
  readonly message: string;
  readonly missing: readonly RequiredRosterField[];
  /** Fields given by more than one column, which would leave it to chance which value wins. */
  readonly ambiguous: readonly { readonly field: RosterField; readonly headers: readonly string[] }[];
  readonly headersFound: readonly string[];
  /** The same problems in the import answer's shape, so the API can return them with row errors. */
  readonly errors: readonly RosterRowError[];
}

export type RosterHeaderResult =
  | {
      readonly ok: true;
      readonly mapping: RosterColumnMapping;
      /** Headers that match no field; MIS exports carry many columns the product does not hold. */
      readonly ignoredHeaders: readonly string[];
    }
  | { readonly ok: false; readonly error: RosterHeaderError };

/** Lower case without spaces, dots, hyphens, underscores or a byte-order mark: "D.O.B." and "dob" match. */
export function normaliseRosterHeader(header: string): string {
  return header.replace(/[\s._\-\uFEFF]/g, '').toLowerCase();
}

const FIELD_BY_NORMALISED_ALIAS: ReadonlyMap<string, RosterField> = new Map(
  ROSTER_FIELDS.flatMap((field) =>
    ROSTER_HEADER_ALIASES[field].map((alias) => [normaliseRosterHeader(alias), field] as const),
  ),
);

export function rosterFieldForHeader(header: string): RosterField | null {
  return FIELD_BY_NORMALISED_ALIAS.get(normaliseRosterHeader(header)) ?? null;
}

/**
 * Maps the header row to fields. Fails when a required column is missing, or when two columns give the
 * same field (for example both "Surname" and "Legal Surname"): choosing one silently could import the
 * wrong name, so the careers lead is asked to remove one.
 *
 * @param headerLine the header's line number in the file, for the errors list (1 unless preceded by lines
 *   the caller skipped).
 */
export function mapRosterHeaders(headers: readonly string[], headerLine = 1): RosterHeaderResult {
  const columnsByField = new Map<RosterField, RosterColumn[]>();
  const ignoredHeaders: string[] = [];

  headers.forEach((header, index) => {
    if (normaliseRosterHeader(header) === '') return;
    const field = rosterFieldForHeader(header);
    if (field === null) {
      ignoredHeaders.push(header);
      return;
    }
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), { index, header }]);
  });

  const missing = ROSTER_FIELDS.filter(isRequiredRosterField).filter((field) => !columnsByField.has(field));
  const ambiguous = [...columnsByField]
    .filter(([, columns]) => columns.length > 1)
    .map(([field, columns]) => ({ field, headers: columns.map((column) => column.header) }));

  if (missing.length > 0 || ambiguous.length > 0) {
    const headersFound = headers.filter((header) => normaliseRosterHeader(header) !== '');
    return {
      ok: false,
      error: {
        message: describeHeaderProblems(missing, ambiguous, headersFound),
        missing,
        ambiguous,
        headersFound,
        errors: [
          ...missing.map((field) => ({
            line: headerLine,
            column: ROSTER_FIELD_LABELS[field],
            value: '',
            reason: `Missing required column ${describeField(field)}`,
          })),
          ...ambiguous.map(({ field, headers: clashing }) => ({
            line: headerLine,
            column: clashing[1],
            value: clashing[1],
            reason: describeAmbiguity(field, clashing),
          })),
        ],
      },
    };
  }

  const mapping = Object.fromEntries(
    [...columnsByField].map(([field, columns]) => [field, columns[0]]),
  ) as unknown as RosterColumnMapping;
  return { ok: true, mapping, ignoredHeaders };
}

function describeHeaderProblems(
  missing: readonly RequiredRosterField[],
  ambiguous: readonly { field: RosterField; headers: readonly string[] }[],
  headersFound: readonly string[],
): string {
  const sentences: string[] = [];
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'column' : 'columns';
    sentences.push(`Missing required ${noun}: ${missing.map(describeField).join('; ')}.`);
  }
  for (const { field, headers } of ambiguous) {
    sentences.push(`${describeAmbiguity(field, headers)}.`);
  }
  const found = headersFound.length > 0 ? quoteList(headersFound) : 'none';
  sentences.push(`Headers found: ${found}.`);
  return sentences.join(' ');
}

function describeAmbiguity(field: RosterField, headers: readonly string[]): string {
  const quantifier = headers.length === 2 ? 'both' : 'all';
  return `Columns ${quoteList(headers)} ${quantifier} give the ${ROSTER_FIELD_LABELS[field]}; keep only one`;
}

function describeField(field: RosterField): string {
  return `${ROSTER_FIELD_LABELS[field]} (accepted headers: ${ROSTER_HEADER_ALIASES[field].join(', ')})`;
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
