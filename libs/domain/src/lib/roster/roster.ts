import { OPTIONAL_ROSTER_FIELDS, OptionalRosterField } from './roster-fields';
import {
  isKnownRosterHeader,
  mapRosterHeaders,
  normaliseRosterHeader,
  RosterColumnMapping,
  RosterHeaderError,
  RosterHeaderMapping,
  RosterHeaderResult,
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
  records: Iterable<RosterRecord>,
  headerMapping: RosterHeaderMapping = {},
  options: RosterReadOptions = {},
): RosterParseResult {
  const reader = new RosterTableReader(headerMapping, options);
  for (const record of records) reader.add(record);
  return reader.finish();
}

/**
 * The whole validation of one export whose header row is given: every row, then repeated UPNs. Lines at the
 * end that carry no learner (a "Total: 150 students" line, a count of the roll) are summaries, reported and
 * skipped.
 */
export function parseRosterRecords(
  headers: readonly string[],
  records: Iterable<RosterRecord>,
  headerLine = 1,
  headerMapping: RosterHeaderMapping = {},
  options: RosterReadOptions = {},
): RosterParseResult {
  const headerResult = mapRosterHeaders(headers, headerLine, headerMapping);
  if (!headerResult.ok) return { ...headerResult, titleLines: [] };
  const rows = new RosterRowsReader(headers, headerLine, headerResult, options);
  for (const record of records) rows.add(record);
  return { ok: true, ...rows.finish([]) };
}

/**
 * {@link readRosterTable} one record at a time, so that a caller streaming a file keeps only the learners,
 * never the file's records: `add` each record in file order, then `finish`.
 */
export class RosterTableReader {
  /** Non-blank lines among the first {@link ROSTER_HEADER_SEARCH_LINES} while the header is sought. */
  private readonly candidates: RosterRecord[] = [];
  private rows: RosterRowsReader | null = null;
  private searchOver = false;

  constructor(
    private readonly headerMapping: RosterHeaderMapping = {},
    private readonly options: RosterReadOptions = {},
  ) {}

  add(record: RosterRecord): void {
    if (this.rows) {
      this.rows.add(record);
      return;
    }
    if (this.searchOver || isBlankRosterRecord(record.cells)) return;
    if (record.line > ROSTER_HEADER_SEARCH_LINES || this.candidates.length >= ROSTER_HEADER_SEARCH_LINES) {
      this.searchOver = true;
      return;
    }
    const headerResult = mapRosterHeaders(record.cells, record.line, this.headerMapping);
    if (headerResult.ok) {
      this.rows = new RosterRowsReader(record.cells, record.line, headerResult, this.options);
      return;
    }
    this.candidates.push(record);
  }

  finish(): RosterParseResult {
    const titleLines = this.candidates.map(skippedLine);
    if (this.rows) return { ok: true, ...this.rows.finish(titleLines) };
    let header: RosterRecord | null = null;
    let mostKnown = -1;
    for (const candidate of this.candidates) {
      const known = candidate.cells.filter((cell) => isKnownRosterHeader(cell, this.headerMapping)).length;
      if (known > mostKnown) [header, mostKnown] = [candidate, known];
    }
    const headerResult = mapRosterHeaders(header?.cells ?? [], header?.line ?? 1, this.headerMapping);
    if (headerResult.ok) throw new Error('A header that maps was passed over');
    return {
      ok: false,
      error: headerResult.error,
      titleLines: this.candidates.filter((record) => header && record.line < header.line).map(skippedLine),
    };
  }
}

/** The learners below a header that maps, one record at a time. */
class RosterRowsReader {
  private readonly mapping: RosterColumnMapping;
  private readonly parsedRows: RosterRow[] = [];
  private readonly errors: RosterRowError[] = [];
  private readonly upnsByLine: { line: number; upn: string }[] = [];
  /** Lines that may be summaries: they are, when nothing but such lines follows them. */
  private pending: RosterRecord[] = [];

  constructor(
    private readonly headers: readonly string[],
    private readonly headerLine: number,
    private readonly headerResult: Extract<RosterHeaderResult, { ok: true }>,
    private readonly options: RosterReadOptions,
  ) {
    this.mapping = headerResult.mapping;
  }

  add(record: RosterRecord): void {
    if (isBlankRosterRecord(record.cells)) return;
    if (this.options.summaries !== false && mayBeSummary(record.cells, this.mapping)) {
      this.pending.push(record);
      return;
    }
    for (const earlier of this.pending) this.parse(earlier);
    this.pending = [];
    this.parse(record);
  }

  finish(titleLines: readonly RosterSkippedLine[]): RosterTable {
    const { mapping, headerResult } = this;
    const duplicates = findDuplicateUpns(this.upnsByLine, mapping.upn.header);
    const duplicateLines = new Set(duplicates.map((duplicate) => duplicate.line));
    const errors = [...this.errors, ...duplicates].sort((a, b) => a.line - b.line);
    return {
      headerLine: this.headerLine,
      headers: this.headers,
      mapping,
      ignoredHeaders: headerResult.ignoredHeaders,
      unmappedHeaders: headerResult.unmappedHeaders,
      notInFile: OPTIONAL_ROSTER_FIELDS.filter((field) => mapping[field] === undefined),
      titleLines,
      summaryLines: this.pending.map(skippedLine),
      rows: duplicateLines.size
        ? this.parsedRows.filter((row) => !duplicateLines.has(row.line))
        : this.parsedRows,
      errors,
      rejected: new Set(errors.map((error) => error.line)).size,
    };
  }

  private parse({ line, cells }: RosterRecord): void {
    const { headers, mapping } = this;
    if (cells.length !== headers.length && !onlyBlanksBeyond(cells, headers.length)) {
      this.errors.push(raggedRowError(headers, cells, line));
      return;
    }
    const result = parseRosterRow(mapping, cells, line);
    if (result.ok) this.parsedRows.push(result.row);
    else this.errors.push(...result.errors);

    // A repeat is still a repeat when either line has other errors, so every readable UPN is compared.
    const upnCheck = validateUpn(cells[mapping.upn.index] ?? '');
    if (upnCheck.valid) this.upnsByLine.push({ line, upn: upnCheck.upn });
  }
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
