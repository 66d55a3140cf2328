import {
  type RosterHeaderMapping,
  type RosterRecord,
  type RosterRowError,
  type RosterTable,
  RosterTableReader,
} from '@encounters/domain';
import { HttpStatus } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';
import { CsvError, parse } from 'csv-parse';
import { ApiError } from '../common/api-error';

/** The largest roster file accepted (issue 3): a 100,000-learner export is well under it. */
export const MAX_ROSTER_BYTES = 20 * 1024 * 1024;

/** How the text of a file was decoded; said in the answer, so that a careers lead sees a guess was made. */
export type RosterEncoding = 'UTF-8' | 'Windows-1252' | 'UTF-16LE' | 'UTF-16BE';

export type RosterDelimiter = ',' | ';' | '\t';

/**
 * A roster as sent, not yet read as learners: that needs the academy's mapping. A file is kept as its UTF-8
 * bytes (at most 20 MB, a tenth of what its records would take) and parsed once the mapping is known; a JSON
 * body arrives already as records.
 */
export type RosterFile =
  | {
      readonly format: 'csv';
      readonly utf8: Buffer;
      readonly encoding: RosterEncoding;
      readonly delimiter: RosterDelimiter;
      readonly bytes: number;
    }
  | {
      readonly format: 'json';
      readonly records: readonly RosterRecord[];
      readonly encoding: 'UTF-8';
      readonly delimiter: null;
      readonly bytes: number;
    };

/** A roster read and validated row by row, before anything is compared with the database. */
export interface ParsedRoster extends RosterTable {
  readonly format: 'csv' | 'json';
  readonly encoding: RosterEncoding;
  readonly delimiter: RosterDelimiter | null;
  readonly bytes: number;
}

export function rosterTooLarge(): ApiError {
  return new ApiError(
    HttpStatus.PAYLOAD_TOO_LARGE,
    `The file is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB. Split the export by year group and import each part.`,
  );
}

/** A file that cannot be read as a roster at all: empty, binary, broken quoting, bad header. */
function unreadable(
  message: string,
  details: RosterRowError[],
  extra: Record<string, unknown> = {},
): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, message, details, extra);
}

function fileProblem(line: number, reason: string): RosterRowError {
  return { line, column: '', value: '', reason };
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * Reads a roster file and its records. The file is held whole (at most {@link MAX_ROSTER_BYTES}) because its
 * encoding is known only once every byte has been seen: Excel's "CSV (Comma delimited)" is Windows-1252, and
 * a name with an accent may first appear on the last line. A file that cannot be read at all throws a 400
 * (or 413) whose details say where; the rest of the stream is still drained so that the client gets the answer.
 */
export async function readRosterFile(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes = MAX_ROSTER_BYTES,
): Promise<RosterFile> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    // Keep reading past the limit, discarding, so that the client gets the answer instead of a reset.
    if (bytes <= maxBytes) chunks.push(buffer);
  }
  if (bytes > maxBytes) throw rosterTooLarge();
  const { utf8, encoding } = decode(Buffer.concat(chunks, bytes));
  chunks.length = 0;
  const delimiter = sniffDelimiter(utf8.subarray(0, 64 * 1024).toString('utf8'));
  return { format: 'csv', utf8, encoding, delimiter, bytes };
}

/**
 * Reads the learners of a roster file with the academy's header mapping, streaming its records into the
 * domain's table reader so that only the learners are kept. A file whose header row cannot be found or
 * placed throws a 400 whose `unmappedHeaders` lists the headers to map, with suggestions.
 */
export async function parseRoster(
  file: RosterFile,
  mapping: RosterHeaderMapping = {},
): Promise<ParsedRoster> {
  const reader = new RosterTableReader(mapping, { summaries: file.format === 'csv' });
  let blank = true;
  const add = (record: RosterRecord) => {
    if (blank && record.cells.some((cell) => cell.trim() !== '')) blank = false;
    reader.add(record);
  };
  if (file.format === 'csv') await parseRecords(file.utf8, file.delimiter, add);
  else file.records.forEach(add);
  if (blank) {
    const reason = 'The file is empty: it has no header row and no learners';
    throw unreadable(`${reason}.`, [fileProblem(1, reason)]);
  }
  const result = reader.finish();
  if (!result.ok) {
    throw unreadable(result.error.message, [...result.error.errors], {
      headerLine: result.error.headerLine,
      headers: result.error.headersFound,
      unmappedHeaders: result.error.unmappedHeaders,
      missing: result.error.missing,
    });
  }
  if (result.rows.length === 0 && result.errors.length === 0) {
    const reason = 'The file has a header row but no learners';
    throw unreadable(`${reason}.`, [fileProblem(result.headerLine + 1, reason)]);
  }
  const { ok: _ok, ...table } = result;
  return {
    ...table,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    bytes: file.bytes,
  };
}

/** Reads and parses a CSV roster in one step, with no mapping: the demo data and tests import this way. */
export async function readRosterCsv(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes = MAX_ROSTER_BYTES,
): Promise<ParsedRoster> {
  return parseRoster(await readRosterFile(source, maxBytes));
}

/**
 * UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8; UTF-16 when a byte-order mark
 * or the zero bytes of ASCII text in UTF-16 say so (Excel's "Unicode Text"); otherwise Windows-1252, which
 * Excel writes for "CSV (Comma delimited)" on a British Windows. Workbooks and other binary files are refused.
 */
function decode(buffer: Buffer): { utf8: Buffer; encoding: RosterEncoding } {
  const head = buffer.subarray(0, 4);
  if (head.equals(ZIP)) {
    throw binary(
      'The file is an Excel workbook or another zip file, not a CSV file. In Excel, use Save As and choose "CSV UTF-8".',
    );
  }
  if (head.equals(OLE)) {
    throw binary(
      'The file is an old Excel workbook (.xls), not a CSV file. In Excel, use Save As and choose "CSV UTF-8".',
    );
  }
  const recoded = (text: string, encoding: RosterEncoding) => ({ utf8: Buffer.from(text, 'utf8'), encoding });
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return recoded(new TextDecoder('utf-16le').decode(buffer.subarray(2)), 'UTF-16LE');
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return recoded(new TextDecoder('utf-16be').decode(buffer.subarray(2)), 'UTF-16BE');
  }
  const sample = buffer.subarray(0, 200);
  const zerosAt = (parity: number) =>
    sample.filter((byte, index) => byte === 0 && index % 2 === parity).length;
  if (sample.length >= 4 && zerosAt(1) >= sample.length / 4 && zerosAt(0) === 0) {
    return recoded(new TextDecoder('utf-16le').decode(buffer), 'UTF-16LE');
  }
  if (sample.length >= 4 && zerosAt(0) >= sample.length / 4 && zerosAt(1) === 0) {
    return recoded(new TextDecoder('utf-16be').decode(buffer), 'UTF-16BE');
  }
  // Text never holds a NUL byte; images and other binary files do, almost at once.
  if (buffer.includes(0)) {
    throw binary(
      'The file is not a CSV text file: it contains binary data. Export the roster from your MIS as CSV.',
    );
  }
  // Checked without decoding: a UTF-8 file goes to the parser as it came, with no copy as a string.
  if (isUtf8(buffer)) return { utf8: buffer, encoding: 'UTF-8' };
  return recoded(new TextDecoder('windows-1252').decode(buffer), 'Windows-1252');
}

function binary(reason: string): ApiError {
  return unreadable(reason, [fileProblem(1, reason)]);
}

const DELIMITERS: readonly RosterDelimiter[] = [',', ';', '\t'];

/**
 * The delimiter that splits the first lines most: Excel in a locale with a decimal comma saves ";", its
 * "Unicode Text" and "Text (Tab delimited)" use tabs. Title lines have few of any, so the busiest line decides.
 */
function sniffDelimiter(text: string): RosterDelimiter {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .slice(0, 12);
  let best: RosterDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => countOutsideQuotes(line, delimiter)));
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) count++;
  }
  return count;
}

/** Splits UTF-8 text into records, each with the line it starts on, for `add`; blank lines are skipped. */
async function parseRecords(
  utf8: Buffer,
  delimiter: RosterDelimiter,
  add: (record: RosterRecord) => void,
): Promise<void> {
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  });
  parser.on('data', (output: { record: string[]; info: { lines: number } }) => {
    add({ line: output.info.lines - countLineBreaks(output.record), cells: output.record });
  });
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', (error: Error) => reject(describeCsvError(error)));
  });
  // In slices, so that the parser's events interleave with the writes instead of queueing in memory. The
  // parser joins a character split between two slices.
  const SLICE = 256 * 1024;
  for (let start = 0; start < utf8.length && !parser.destroyed; start += SLICE) {
    parser.write(utf8.subarray(start, start + SLICE));
  }
  if (!parser.destroyed) parser.end();
  await done;
}

function describeCsvError(error: Error): ApiError {
  const line = error instanceof CsvError && typeof error.lines === 'number' ? error.lines : 1;
  const reason =
    error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `A quoted field opened on or before line ${line} is never closed`
      : `The file is not valid CSV at line ${line}: ${error.message}`;
  return unreadable(`${reason}. Nothing was imported.`, [fileProblem(line, reason)]);
}

function countLineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (!cell.includes('\n')) continue;
    for (const character of cell) if (character === '\n') count++;
  }
  return count;
}
