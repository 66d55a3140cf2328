import { OPTIONAL_ROSTER_FIELDS, OptionalRosterField } from './roster-fields';
import {
  isKnownRosterHeader,
  mapRosterHeaders,
  normaliseRosterHeader,
  RosterColumnMapping,
  RosterHeaderError,
  RosterHeaderMapping,
  RosterUnmappedHeader,
} from './roster-headers';
import { findDuplicateUpns, parseRosterRow, RosterRow } from './roster-row';
import { RosterRowError } from './roster-row-error';
import { validateUpn } from './upn';

/** A record as the CSV reader gives it: its cells and the line it started on. */
export interface RosterRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A line of the file that is not a learner and was left out: a title above the header, a total below. */
export interface RosterSkippedLine {
  readonly line: number;
  /** The line's non-blank cells, joined. */
  readonly text: string;
}

export interface RosterTable {
  readonly headerLine: number;
  readonly headers: readonly string[];
  readonly mapping: RosterColumnMapping;
  readonly ignoredHeaders: readonly string[];
  readonly unmappedHeaders: readonly RosterUnmappedHeader[];
  /** Optional fields the file has no column for: the import keeps what it holds for them. */
  readonly notInFile: readonly OptionalRosterField[];
  readonly titleLines: readonly RosterSkippedLine[];
  readonly summaryLines: readonly RosterSkippedLine[];
  /** Rows without any error, in file order; a repeated UPN keeps only its first line. */
  readonly rows: readonly RosterRow[];
  /** Every problem, ordered by line. */
  readonly errors: readonly RosterRowError[];
  /** How many lines have at least one error. */
  readonly rejected: number;
}

export type RosterParseResult =
  | ({ readonly ok: true } & RosterTable)
  | {
      readonly ok: false;
      readonly error: RosterHeaderError;
      readonly titleLines: readonly RosterSkippedLine[];
    };

export interface RosterReadOptions {
  /** False for records that are all learners by construction (a JSON body): no line is a summary. */
  readonly summaries?: boolean;
}

/** Spreadsheets put a title, a date or a blank line or two above the header; never more than this. */
export const ROSTER_HEADER_SEARCH_LINES = 10;

/**
 * Rows whose cells are all blank, such as the trailing ",,,," lines spreadsheets leave, carry no learner
 * and are skipped rather than reported.
 */
export function isBlankRosterRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The whole validation of an export whose header row is not known: the header is the first of the first
 * {@link ROSTER_HEADER_SEARCH_LINES} lines that names every required field; lines above it are titles,
 * reported and skipped. When no line qualifies, the error is the one of the line naming most fields.
 */
export function readRosterTable(
  records: readonly RosterRecord[],
  headerMapping: RosterHeaderMapping = {},
  options: RosterReadOptions = {},
): RosterParseResult {
  const candidates = records
    .slice(0, ROSTER_HEADER_SEARCH_LINES)
    .filter((record) => record.line <= ROSTER_HEADER_SEARCH_LINES && !isBlankRosterRecord(record.cells));
  let best: { index: number; known: number } | null = null;
  for (const candidate of candidates) {
    const index = records.indexOf(candidate);
    const titleLines = candidates.slice(0, candidates.indexOf(candidate)).map(skippedLine);
    const result = parseRosterRecords(
      candidate.cells,
      records.slice(index + 1),
      candidate.line,
      headerMapping,
      options,
    );
    if (result.ok) return { ...result, titleLines };
    const known = candidate.cells.filter((cell) => isKnownRosterHeader(cell, headerMapping)).length;
    if (!best || known > best.known) best = { index, known };
  }
  const header = best
    ? records[best.index]
    : (records.find((record) => !isBlankRosterRecord(record.cells)) ?? null);
  const headerResult = mapRosterHeaders(header?.cells ?? [], header?.line ?? 1, headerMapping);
  if (headerResult.ok) throw new Error('A header that maps was passed over');
  return {
    ok: false,
    error: headerResult.error,
    titleLines: candidates.filter((record) => header && record.line < header.line).map(skippedLine),
  };
}

/**
 * The whole validation of one export: headers, every row, then repeated UPNs. Lines at the end that carry
 * no learner (a "Total: 150 students" line, a count of the roll) are summaries, reported and skipped.
 */
export function parseRosterRecords(
  headers: readonly string[],
  records: Iterable<RosterRecord>,
  headerLine = 1,
  headerMapping: RosterHeaderMapping = {},
  { summaries = true }: RosterReadOptions = {},
): RosterParseResult {
  const headerResult = mapRosterHeaders(headers, headerLine, headerMapping);
  if (!headerResult.ok) return { ...headerResult, titleLines: [] };
  const { mapping, ignoredHeaders, unmappedHeaders } = headerResult;

  const parsedRows: RosterRow[] = [];
  const errors: RosterRowError[] = [];
  const upnsByLine: { line: number; upn: string }[] = [];
  // Lines that may be summaries: they are, when nothing but such lines follows them.
  let pending: RosterRecord[] = [];

  const parse = ({ line, cells }: RosterRecord) => {
    if (cells.length !== headers.length && !onlyBlanksBeyond(cells, headers.length)) {
      errors.push(raggedRowError(headers, cells, line));
      return;
    }
    const result = parseRosterRow(mapping, cells, line);
    if (result.ok) parsedRows.push(result.row);
    else errors.push(...result.errors);

    // A repeat is still a repeat when either line has other errors, so every readable UPN is compared.
    const upnCheck = validateUpn(cells[mapping.upn.index] ?? '');
    if (upnCheck.valid) upnsByLine.push({ line, upn: upnCheck.upn });
  };

  for (const record of records) {
    if (isBlankRosterRecord(record.cells)) continue;
    if (summaries && mayBeSummary(record.cells, mapping)) {
      pending.push(record);
      continue;
    }
    pending.forEach(parse);
    pending = [];
    parse(record);
  }

  const duplicates = findDuplicateUpns(upnsByLine, mapping.upn.header);
  const duplicateLines = new Set(duplicates.map((duplicate) => duplicate.line));
  const allErrors = [...errors, ...duplicates].sort((a, b) => a.line - b.line);

  return {
    ok: true,
    headerLine,
    headers,
    mapping,
    ignoredHeaders,
    unmappedHeaders,
    notInFile: OPTIONAL_ROSTER_FIELDS.filter((field) => mapping[field] === undefined),
    titleLines: [],
    summaryLines: pending.map(skippedLine),
    rows: duplicateLines.size ? parsedRows.filter((row) => !duplicateLines.has(row.line)) : parsedRows,
    errors: allErrors,
    rejected: new Set(allErrors.map((error) => error.line)).size,
  };
}

/** Thirteen letters and digits: a UPN, right or wrong, rather than words such as "Total: 150". */
const UPN_SHAPE = /^[a-z0-9]{13}$/i;

/** Fewer filled cells than a learner needs, and no UPN: a summary, if nothing but summaries follows. */
function mayBeSummary(cells: readonly string[], mapping: RosterColumnMapping): boolean {
  if (UPN_SHAPE.test((cells[mapping.upn.index] ?? '').trim())) return false;
  return cells.filter((cell) => cell.trim() !== '').length < 5;
}

function onlyBlanksBeyond(cells: readonly string[], width: number): boolean {
  return cells.length > width && cells.slice(width).every((cell) => cell.trim() === '');
}

function skippedLine(record: RosterRecord): RosterSkippedLine {
  return {
    line: record.line,
    text: record.cells
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '')
      .join(' '),
  };
}

function raggedRowError(headers: readonly string[], cells: readonly string[], line: number): RosterRowError {
  const count = `has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header row has ${headers.length}`;
  if (cells.length < headers.length) {
    return {
      line,
      column: headers[cells.length],
      value: '',
      reason: `Line ${count}: the cells from "${headers[cells.length]}" on are missing`,
    };
  }
  return {
    line,
    column: '',
    value: cells[headers.length],
    reason: `Line ${count}: is a comma inside a value missing its quotes?`,
  };
}

/** The header's key for saved mappings: two spellings that normalise alike are one header. */
export function rosterMappingKey(header: string): string {
  return normaliseRosterHeader(header);
}
