import { mapRosterHeaders, RosterColumnMapping, RosterHeaderError } from './roster-headers';
import { findDuplicateUpns, parseRosterRow, RosterRow } from './roster-row';
import { RosterRowError } from './roster-row-error';
import { validateUpn } from './upn';

/** A data row as the CSV reader gives it: its cells and the line it started on. */
export interface RosterRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export type RosterParseResult =
  | {
      readonly ok: true;
      readonly mapping: RosterColumnMapping;
      readonly ignoredHeaders: readonly string[];
      /** Rows without any error, in file order; a repeated UPN keeps only its first line. */
      readonly rows: readonly RosterRow[];
      /** Every problem, ordered by line. */
      readonly errors: readonly RosterRowError[];
      /** How many lines have at least one error. */
      readonly rejected: number;
    }
  | { readonly ok: false; readonly error: RosterHeaderError };

/**
 * Rows whose cells are all blank, such as the trailing ",,,," lines spreadsheets leave, carry no learner
 * and are skipped rather than reported.
 */
export function isBlankRosterRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * The whole validation of one export: headers, every row, then repeated UPNs. For callers that hold the
 * file's records; a streaming caller can use {@link mapRosterHeaders}, {@link parseRosterRow} and
 * {@link findDuplicateUpns} directly to the same effect.
 */
export function parseRosterRecords(
  headers: readonly string[],
  records: Iterable<RosterRecord>,
  headerLine = 1,
): RosterParseResult {
  const headerResult = mapRosterHeaders(headers, headerLine);
  if (!headerResult.ok) return headerResult;
  const { mapping, ignoredHeaders } = headerResult;

  const parsedRows: RosterRow[] = [];
  const errors: RosterRowError[] = [];
  const upnsByLine: { line: number; upn: string }[] = [];

  for (const { line, cells } of records) {
    if (isBlankRosterRecord(cells)) continue;
    const result = parseRosterRow(mapping, cells, line);
    if (result.ok) parsedRows.push(result.row);
    else errors.push(...result.errors);

    // A repeat is still a repeat when either line has other errors, so every readable UPN is compared.
    const upnCheck = validateUpn(cells[mapping.upn.index] ?? '');
    if (upnCheck.valid) upnsByLine.push({ line, upn: upnCheck.upn });
  }

  const duplicates = findDuplicateUpns(upnsByLine, mapping.upn.header);
  const duplicateLines = new Set(duplicates.map((duplicate) => duplicate.line));
  const allErrors = [...errors, ...duplicates].sort((a, b) => a.line - b.line);

  return {
    ok: true,
    mapping,
    ignoredHeaders,
    rows: parsedRows.filter((row) => !duplicateLines.has(row.line)),
    errors: allErrors,
    rejected: new Set(allErrors.map((error) => error.line)).size,
  };
}
