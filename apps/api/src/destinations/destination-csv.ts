import {
  DESTINATION_CATEGORIES,
  DESTINATION_CATEGORY_LABELS,
  DESTINATION_STATUS_LABELS,
  DESTINATION_STATUSES,
  type DestinationCategory,
  type DestinationStatus,
  type IsoDate,
  parseRosterDate,
} from '@encounters/domain';
import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { ApiError } from '../common/api-error';

/*
 * The intended-destinations file (R-DEST-1): a header row naming the columns UPN, Category, Provider and
 * Status, and optionally Date, in any order and any case; one learner a line. Categories and statuses are
 * read as their codes or their labels, in any case. Reading the file checks each cell on its own; whether
 * the UPN names a learner of the academy is for the service.
 */

/** One problem with a cell of the file, where the careers lead can find it. */
export interface DestinationCsvError {
  line: number;
  column: string;
  value: string;
  reason: string;
}

/** A line of the file whose cells all read. */
export interface DestinationCsvRow {
  line: number;
  upn: string;
  category: DestinationCategory;
  /** Left out (undefined) when the cell is blank: the provider held is kept. */
  providerName?: string;
  status: DestinationStatus;
  /** Left out when the file has no Date column or the cell is blank: today. */
  statusOn?: IsoDate;
  /** The Date cell as written, when given. */
  dateCell?: string;
}

export interface DestinationCsv {
  /** Each column's header as the file writes it ("Date" when the file has none). */
  headers: Record<DestinationColumn, string>;
  rows: DestinationCsvRow[];
  errors: DestinationCsvError[];
  /** Lines with at least one error. */
  rejectedLines: Set<number>;
}

/** More lines than the Years 11 and 13 of any academy; a file this long is the wrong file. */
export const MAX_IMPORT_LINES = 5000;

const COLUMNS = ['UPN', 'Category', 'Provider', 'Status', 'Date'] as const;
export type DestinationColumn = (typeof COLUMNS)[number];
type Column = DestinationColumn;
const OPTIONAL_COLUMNS: readonly Column[] = ['Date'];

function vocabulary<T extends string>(codes: readonly T[], labels: Readonly<Record<T, string>>) {
  const known = new Map<string, T>();
  for (const code of codes) {
    known.set(code, code);
    known.set(labels[code].toLowerCase(), code);
  }
  return known;
}

const CATEGORIES = vocabulary(DESTINATION_CATEGORIES, DESTINATION_CATEGORY_LABELS);
const STATUSES = vocabulary(DESTINATION_STATUSES, DESTINATION_STATUS_LABELS);

/** A category from its code (`further_education`) or its label (`Further-education college`), in any case. */
export function readCategory(cell: string): DestinationCategory | null {
  return CATEGORIES.get(cell.trim().toLowerCase()) ?? null;
}

/** A status from its code or its label, in any case. */
export function readStatus(cell: string): DestinationStatus | null {
  return STATUSES.get(cell.trim().toLowerCase()) ?? null;
}

function unreadable(message: string, details: DestinationCsvError[]): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, message, details);
}

/** A record of the file with the line it starts on. */
interface CsvRecord {
  line: number;
  cells: string[];
}

function records(utf8: Buffer, delimiter: string): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read; the typings know only plain records.
    parsed = parse(utf8, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    const reason = `The file is not valid CSV at line ${line}`;
    throw unreadable(`${reason}. Nothing was imported.`, [{ line, column: '', value: '', reason }]);
  }
  return parsed
    .map(({ record, info }) => ({
      // The line a record ends on, less the line breaks inside its quoted cells.
      line: info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    }))
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''));
}

/** Reads the file's header and lines; a file that cannot be read as destinations at all is a 400. */
export function readDestinationCsv(utf8: Buffer, delimiter = ','): DestinationCsv {
  const all = records(utf8, delimiter);
  if (!all.length) {
    const reason = 'The file is empty: it has no header row and no learners';
    throw unreadable(`${reason}.`, [{ line: 1, column: '', value: '', reason }]);
  }
  const [header, ...lines] = all;
  const at = new Map<Column, number>();
  const problems: DestinationCsvError[] = [];
  header.cells.forEach((cell, index) => {
    const column = COLUMNS.find((name) => name.toLowerCase() === cell.trim().toLowerCase());
    if (!column) return;
    if (at.has(column)) {
      problems.push({
        line: header.line,
        column: cell,
        value: cell,
        reason: `the ${column} column appears twice`,
      });
    } else at.set(column, index);
  });
  for (const column of COLUMNS) {
    if (!at.has(column) && !OPTIONAL_COLUMNS.includes(column)) {
      problems.push({
        line: header.line,
        column,
        value: '',
        reason: `the header row has no ${column} column`,
      });
    }
  }
  if (problems.length) {
    throw unreadable(
      `The header row must name the columns ${COLUMNS.slice(0, 4).join(', ')} (and optionally Date): ${problems
        .map((problem) => problem.reason)
        .join('; ')}.`,
      problems,
    );
  }
  if (!lines.length) {
    const reason = 'The file has a header row but no learners';
    throw unreadable(`${reason}.`, [{ line: header.line + 1, column: '', value: '', reason }]);
  }
  if (lines.length > MAX_IMPORT_LINES) {
    const reason = `The file has ${lines.length} lines of learners; at most ${MAX_IMPORT_LINES} are read at once`;
    throw unreadable(`${reason}.`, [{ line: lines[MAX_IMPORT_LINES].line, column: '', value: '', reason }]);
  }

  const headers = Object.fromEntries(
    COLUMNS.map((column) => [
      column,
      at.has(column) ? header.cells[at.get(column) as number].trim() : column,
    ]),
  ) as Record<Column, string>;
  const rows: DestinationCsvRow[] = [];
  const errors: DestinationCsvError[] = [];
  for (const { line, cells } of lines) {
    const cell = (column: Column) => {
      const index = at.get(column);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const fail = (column: Column, reason: string) =>
      errors.push({ line, column: headers[column], value: cell(column), reason });
    const before = errors.length;

    const upn = cell('UPN').trim().toUpperCase();
    if (upn === '') fail('UPN', "is blank: give the learner's UPN");
    const category = readCategory(cell('Category'));
    if (!category) {
      fail(
        'Category',
        cell('Category').trim() === ''
          ? 'is blank: give the intended destination'
          : `is not a destination category: use one of ${Object.values(DESTINATION_CATEGORY_LABELS).join(', ')}`,
      );
    }
    const status = readStatus(cell('Status'));
    if (!status) {
      fail(
        'Status',
        cell('Status').trim() === ''
          ? 'is blank: give the status'
          : `is not a destination status: use one of ${Object.values(DESTINATION_STATUS_LABELS).join(', ')}`,
      );
    }
    let statusOn: IsoDate | undefined;
    const date = cell('Date').trim();
    if (date !== '') {
      const read = parseRosterDate(date);
      if (read.ok) statusOn = read.value;
      else fail('Date', read.reason);
    }
    const provider = cell('Provider').trim();
    if (provider.length > 200) fail('Provider', 'is longer than 200 characters');

    if (errors.length === before && category && status) {
      rows.push({
        line,
        upn,
        category,
        status,
        ...(provider === '' ? {} : { providerName: provider }),
        ...(statusOn === undefined ? {} : { statusOn, dateCell: date }),
      });
    }
  }
  return { headers, rows, errors, rejectedLines: new Set(errors.map((error) => error.line)) };
}
