import {
  BARE_NAME_HEADER_ALIASES,
  isRequiredRosterField,
  isRosterField,
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
  /** Unknown and clashing headers with suggestions, so that the careers lead can map them. */
  readonly unmappedHeaders: readonly RosterUnmappedHeader[];
  readonly headerLine: number;
  /** The same problems in the import answer's shape, so the API can return them with row errors. */
  readonly errors: readonly RosterRowError[];
}

export type RosterHeaderResult =
  | {
      readonly ok: true;
      readonly mapping: RosterColumnMapping;
      /** Headers that give no field; MIS exports carry many columns the product does not hold. */
      readonly ignoredHeaders: readonly string[];
      /** Of those, the ones not known to the import, with suggestions, for the careers lead to map or ignore. */
      readonly unmappedHeaders: readonly RosterUnmappedHeader[];
    }
  | { readonly ok: false; readonly error: RosterHeaderError };

/** Lower case without spaces, dots, hyphens, underscores or a byte-order mark: "D.O.B." and "dob" match. */
export function normaliseRosterHeader(header: string): string {
  return header.replace(/[\s._\-\uFEFF]/g, '').toLowerCase();
}

/**
 * A careers lead's answer for headers the import does not know, keyed by the header as written (matched
 * after normalising): the field it gives, or "ignore". Saved per academy so next month's file needs none.
 */
export type RosterHeaderMapping = Readonly<Record<string, RosterField | 'ignore'>>;

/** A header the import could not place, with the fields it most likely gives. */
export interface RosterUnmappedHeader {
  readonly header: string;
  /** Why it needs an answer: matches no field, or gives a field another column also gives. */
  readonly problem: 'unknown' | 'ambiguous';
  readonly suggestions: readonly RosterField[];
}

const FIELD_BY_NORMALISED_ALIAS: ReadonlyMap<string, RosterField> = new Map(
  ROSTER_FIELDS.flatMap((field) =>
    [...ROSTER_HEADER_ALIASES[field], field].map((alias) => [normaliseRosterHeader(alias), field] as const),
  ),
);

type BareName = keyof typeof BARE_NAME_HEADER_ALIASES;

const BARE_NAME_BY_NORMALISED_ALIAS: ReadonlyMap<string, BareName> = new Map(
  (Object.keys(BARE_NAME_HEADER_ALIASES) as BareName[]).flatMap((part) =>
    BARE_NAME_HEADER_ALIASES[part].map((alias) => [normaliseRosterHeader(alias), part] as const),
  ),
);

/** A bare name is the legal name unless the file also has the legal one, then it is the preferred name. */
const BARE_NAME_FIELDS: Readonly<Record<BareName, { legal: RosterField; preferred: RosterField }>> = {
  surname: { legal: 'legalSurname', preferred: 'preferredSurname' },
  forename: { legal: 'legalForename', preferred: 'preferredForename' },
};

/** The field a header gives by its spelling alone; bare names ("Surname") give none, see {@link mapRosterHeaders}. */
export function rosterFieldForHeader(header: string): RosterField | null {
  return FIELD_BY_NORMALISED_ALIAS.get(normaliseRosterHeader(header)) ?? null;
}

/** True when the header is one the import reads, by spelling, as a bare name or through the mapping. */
export function isKnownRosterHeader(header: string, mapping: RosterHeaderMapping = {}): boolean {
  const key = normaliseRosterHeader(header);
  return (
    FIELD_BY_NORMALISED_ALIAS.has(key) ||
    BARE_NAME_BY_NORMALISED_ALIAS.has(key) ||
    mappedField(mapping, key) !== undefined
  );
}

function mappedField(mapping: RosterHeaderMapping, normalised: string): RosterField | 'ignore' | undefined {
  for (const [header, field] of Object.entries(mapping)) {
    if (normaliseRosterHeader(header) === normalised) return field;
  }
  return undefined;
}

/**
 * Fields an unknown header most likely gives: those with an alias that contains it or that it contains,
 * then those one or two edits away ("Forname"), best first, at most three.
 */
export function suggestRosterFields(header: string): RosterField[] {
  const key = normaliseRosterHeader(header);
  if (key === '') return [];
  const scored = new Map<RosterField, number>();
  const consider = (field: RosterField, score: number) => {
    if (score > (scored.get(field) ?? 0)) scored.set(field, score);
  };
  for (const [alias, field] of FIELD_BY_NORMALISED_ALIAS) {
    if (alias.length >= 3 && key.length >= 3 && (key.includes(alias) || alias.includes(key))) {
      consider(field, 2 + Math.min(alias.length, key.length) / Math.max(alias.length, key.length));
    } else if (Math.abs(alias.length - key.length) <= 2 && editDistance(alias, key) <= 2) {
      consider(field, 1);
    }
  }
  for (const [alias, part] of BARE_NAME_BY_NORMALISED_ALIAS) {
    if (key.includes(alias) || (Math.abs(alias.length - key.length) <= 2 && editDistance(alias, key) <= 2)) {
      consider(BARE_NAME_FIELDS[part].legal, 2);
      consider(BARE_NAME_FIELDS[part].preferred, 2);
    }
  }
  return [...scored]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([field]) => field);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Maps the header row to fields. A header the careers lead mapped takes that field (or is ignored); any
 * other takes the field its spelling names. Bare names ("Surname", `first_name`) are the legal name unless
 * the file has a legal-name column for that part of the name, then they are the preferred name, and they
 * are left unread when the file has both a legal and a preferred column for it.
 *
 * Fails when a required column is missing, or when two columns give the same field (for example both
 * "Year" and "NC Year Actual"): choosing one silently
 * could import the wrong value, so the careers lead is asked to map or remove one.
 *
 * @param headerLine the header's line number in the file, for the errors list.
 */
export function mapRosterHeaders(
  headers: readonly string[],
  headerLine = 1,
  headerMapping: RosterHeaderMapping = {},
): RosterHeaderResult {
  const columnsByField = new Map<RosterField, RosterColumn[]>();
  const ignoredHeaders: string[] = [];
  const unknown: string[] = [];
  const bareNames: { index: number; header: string; part: BareName }[] = [];
  const add = (field: RosterField, column: RosterColumn) =>
    columnsByField.set(field, [...(columnsByField.get(field) ?? []), column]);

  headers.forEach((header, index) => {
    const key = normaliseRosterHeader(header);
    if (key === '') return;
    const mapped = mappedField(headerMapping, key);
    if (mapped === 'ignore') {
      ignoredHeaders.push(header);
      return;
    }
    if (mapped !== undefined && isRosterField(mapped)) {
      add(mapped, { index, header });
      return;
    }
    const field = FIELD_BY_NORMALISED_ALIAS.get(key);
    if (field) {
      add(field, { index, header });
      return;
    }
    const part = BARE_NAME_BY_NORMALISED_ALIAS.get(key);
    if (part) {
      bareNames.push({ index, header, part });
      return;
    }
    ignoredHeaders.push(header);
    unknown.push(header);
  });

  for (const { index, header, part } of bareNames) {
    const { legal, preferred } = BARE_NAME_FIELDS[part];
    if (!columnsByField.has(legal)) add(legal, { index, header });
    else if (!columnsByField.has(preferred)) add(preferred, { index, header });
    // Legal and preferred both given by their own columns: the bare name adds nothing.
    else ignoredHeaders.push(header);
  }

  const missing = ROSTER_FIELDS.filter(isRequiredRosterField).filter((field) => !columnsByField.has(field));
  const ambiguous = [...columnsByField]
    .filter(([, columns]) => columns.length > 1)
    .map(([field, columns]) => ({ field, headers: columns.map((column) => column.header) }));
  const unmappedHeaders: RosterUnmappedHeader[] = [
    ...unknown.map((header) => ({
      header,
      problem: 'unknown' as const,
      suggestions: suggestRosterFields(header),
    })),
    ...ambiguous.flatMap(({ field, headers: clashing }) =>
      clashing.map((header) => ({
        header,
        problem: 'ambiguous' as const,
        suggestions: [field, ...suggestRosterFields(header).filter((other) => other !== field)].slice(0, 3),
      })),
    ),
  ];

  if (missing.length > 0 || ambiguous.length > 0) {
    const headersFound = headers.filter((header) => normaliseRosterHeader(header) !== '');
    return {
      ok: false,
      error: {
        message: describeHeaderProblems(missing, ambiguous, headersFound),
        missing,
        ambiguous,
        headersFound,
        unmappedHeaders,
        headerLine,
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
  return { ok: true, mapping, ignoredHeaders, unmappedHeaders };
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
  return `Columns ${quoteList(headers)} ${quantifier} give the ${ROSTER_FIELD_LABELS[field]}; map one to another field or ignore it`;
}

function describeField(field: RosterField): string {
  const bare =
    field === 'legalSurname'
      ? BARE_NAME_HEADER_ALIASES.surname
      : field === 'legalForename'
        ? BARE_NAME_HEADER_ALIASES.forename
        : [];
  const accepted = [...ROSTER_HEADER_ALIASES[field], ...bare].join(', ');
  return `${ROSTER_FIELD_LABELS[field]} (accepted headers: ${accepted})`;
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
