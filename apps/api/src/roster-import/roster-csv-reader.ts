import {
  findDuplicateUpns,
  isBlankRosterRecord,
  mapRosterHeaders,
  parseRosterRow,
  type RosterColumnMapping,
  type RosterRow,
  type RosterRowError,
  validateUpn,
} from '@encounters/domain';
import { HttpStatus } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import { ApiError } from '../common/api-error';

/** The largest roster file accepted (issue 3): a 100,000-learner export is well under it. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** A roster file read and validated row by row, before anything is compared with the database. */
export interface ParsedRoster {
  readonly headers: readonly string[];
  readonly mapping: RosterColumnMapping;
  readonly ignoredHeaders: readonly string[];
  /** Rows without any error, in file order; a repeated UPN keeps only its first line. */
  readonly rows: readonly RosterRow[];
  /** Every problem, ordered by line. */
  readonly errors: readonly RosterRowError[];
  /** Lines with at least one error. */
  readonly rejected: number;
  readonly bytes: number;
}

export function rosterTooLarge(): ApiError {
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    `The file is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB. Split the export by year group and import each part.`,
  );
}

/** A file that cannot be read as a roster at all: empty, binary, not UTF-8, broken quoting, bad header. */
function unreadable(message: string, details: RosterRowError[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, message, details);
}

function fileProblem(line: number, reason: string): RosterRowError {
  return { line, column: '', value: '', reason };
}

/** Zip (an .xlsx workbook) and the old binary Excel format, which careers leads sometimes upload by mistake. */
function describeBinary(firstBytes: Buffer): string {
  if (firstBytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return 'The file is an Excel workbook or another zip file, not a CSV file. In Excel, use Save As and choose "CSV UTF-8".';
  }
  if (
    firstBytes.subarray(0, 2).equals(Buffer.from([0xff, 0xfe])) ||
    firstBytes.subarray(0, 2).equals(Buffer.from([0xfe, 0xff]))
  ) {
    return 'The file is UTF-16 text, not a UTF-8 CSV file. Save it from your MIS or spreadsheet as "CSV UTF-8".';
  }
  return 'The file is not a CSV text file: it contains binary data. Export the roster from your MIS as CSV.';
}

/**
 * Reads a roster CSV as it arrives, so that a 20 MB file is never held whole. Headers are matched and every
 * row validated with the domain library's roster functions; rows with a different number of cells from the
 * header are reported, never padded or cut. A file that cannot be read at all throws a 400 (or 413) whose
 * details say where; the rest of the stream is still drained so that the client receives the answer.
 */
export async function readRosterCsv(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes = MAX_ROSTER_BYTES,
): Promise<ParsedRoster> {
  const collector = new RosterCollector();
  // fatal: a file in another encoding is refused rather than read into garbled names.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  let failure: ApiError | null = null;
  const fail = (error: ApiError) => (failure ??= error);

  parser.on('data', (output: { record: string[]; info: { lines: number } }) => {
    if (failure) return;
    const problem = collector.add(output.record, output.info.lines);
    if (problem) fail(problem);
  });
  const parsed = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', (error: Error) => {
      fail(describeCsvError(error));
      resolve();
    });
  });

  let bytes = 0;
  let firstChunk: Buffer | null = null;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    // Keep reading after a failure, discarding, so that the client gets the answer instead of a reset.
    if (failure) continue;
    if (bytes > maxBytes) {
      fail(rosterTooLarge());
      continue;
    }
    firstChunk ??= buffer;
    // Text never holds a NUL byte; workbooks, images and UTF-16 files do, almost at once.
    if (buffer.includes(0)) {
      const reason = describeBinary(firstChunk);
      fail(unreadable(reason, [fileProblem(Math.max(1, parser.info.lines), reason)]));
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(buffer, { stream: true });
    } catch {
      fail(notUtf8(parser.info.lines));
      continue;
    }
    parser.write(text);
  }
  if (!failure) {
    try {
      const rest = decoder.decode();
      if (rest) parser.write(rest);
    } catch {
      fail(notUtf8(parser.info.lines));
    }
  }
  parser.end();
  await parsed;
  if (failure) throw failure;
  return collector.finish(bytes);
}

function notUtf8(line: number): ApiError {
  const reason =
    'The file is not UTF-8 text. Save it from your MIS or spreadsheet as "CSV UTF-8" and import it again.';
  return unreadable(reason, [fileProblem(Math.max(1, line), reason)]);
}

function describeCsvError(error: Error): ApiError {
  const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 1;
  const reason =
    error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `A quoted field opened on or before line ${line} is never closed`
      : `The file is not valid CSV at line ${line}: ${error.message}`;
  return unreadable(`${reason}. Nothing was imported.`, [fileProblem(line, reason)]);
}

/** Takes the parser's records one at a time and keeps only what the import needs. */
class RosterCollector {
  private headers: string[] | null = null;
  private mapping: RosterColumnMapping | null = null;
  private ignoredHeaders: readonly string[] = [];
  private readonly rows: RosterRow[] = [];
  private readonly errors: RosterRowError[] = [];
  private readonly upnsByLine: { line: number; upn: string }[] = [];

  /** @param endLine the line the record ends on; a quoted cell may span lines. Returns a file-level problem. */
  add(cells: string[], endLine: number): ApiError | null {
    const line = endLine - countLineBreaks(cells);
    if (!this.headers || !this.mapping) {
      if (isBlankRosterRecord(cells)) return null;
      const result = mapRosterHeaders(cells, line);
      if (!result.ok) return unreadable(result.error.message, [...result.error.errors]);
      this.headers = cells;
      this.mapping = result.mapping;
      this.ignoredHeaders = result.ignoredHeaders;
      return null;
    }
    if (isBlankRosterRecord(cells)) return null;
    if (cells.length !== this.headers.length) {
      this.errors.push(this.raggedRowError(cells, line));
      return null;
    }
    const result = parseRosterRow(this.mapping, cells, line);
    if (result.ok) this.rows.push(result.row);
    else this.errors.push(...result.errors);
    // A repeat is still a repeat when either line has other errors, so every readable UPN is compared.
    const upn = validateUpn(cells[this.mapping.upn.index] ?? '');
    if (upn.valid) this.upnsByLine.push({ line, upn: upn.upn });
    return null;
  }

  finish(bytes: number): ParsedRoster {
    if (!this.headers || !this.mapping) {
      const reason = 'The file is empty: it has no header row and no learners';
      throw unreadable(`${reason}.`, [fileProblem(1, reason)]);
    }
    if (this.rows.length === 0 && this.errors.length === 0) {
      const reason = 'The file has a header row but no learners';
      throw unreadable(`${reason}.`, [fileProblem(2, reason)]);
    }
    const duplicates = findDuplicateUpns(this.upnsByLine, this.mapping.upn.header);
    const duplicateLines = new Set(duplicates.map((duplicate) => duplicate.line));
    const errors = [...this.errors, ...duplicates].sort((a, b) => a.line - b.line);
    return {
      headers: this.headers,
      mapping: this.mapping,
      ignoredHeaders: this.ignoredHeaders,
      rows: duplicateLines.size ? this.rows.filter((row) => !duplicateLines.has(row.line)) : this.rows,
      errors,
      rejected: new Set(errors.map((error) => error.line)).size,
      bytes,
    };
  }

  private raggedRowError(cells: string[], line: number): RosterRowError {
    const headers = this.headers as string[];
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
}

function countLineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (const character of cell) if (character === '\n') count++;
  }
  return count;
}
