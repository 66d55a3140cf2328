import { isRosterField, ROSTER_FIELDS, type RosterField, type RosterRecord } from '@encounters/domain';
import { BadRequestException, HttpStatus } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import type { RosterFile } from './roster-csv-reader';

/** As many learners as the largest CSV file holds, give or take. */
export const MAX_ROSTER_JSON_ROWS = 100_000;

/**
 * A roster pushed as JSON by a connector (`{ rows: [{ upn, legalSurname, … }] }`), as the same records a CSV
 * file gives, so that it is validated, dry-run and committed exactly as a file is. Each key is a field name;
 * a key no row has is a column the file does not have (kept as before), a key absent from one row is a blank
 * cell there. Values are strings, numbers, booleans or null (blank). The row's `line` is its number in `rows`,
 * counting from 1.
 */
export function rosterFileFromJson(body: unknown, bytes: number): RosterFile {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { rows?: unknown }).rows)) {
    throw new BadRequestException('The JSON body must be an object with a "rows" array of learners.');
  }
  const unknownKeys = Object.keys(body).filter((key) => key !== 'rows' && key !== 'mapping');
  if (unknownKeys.length > 0) {
    throw new BadRequestException(`The JSON body has unknown properties: ${unknownKeys.join(', ')}.`);
  }
  const rows = (body as { rows: unknown[] }).rows;
  if (rows.length === 0) throw new BadRequestException('rows must list at least one learner.');
  if (rows.length > MAX_ROSTER_JSON_ROWS) {
    throw new BadRequestException(
      `rows must list at most ${MAX_ROSTER_JSON_ROWS} learners; send the roster in parts.`,
    );
  }

  const present = new Set<RosterField>();
  const problems: { line: number; field: string; reason: string }[] = [];
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems.push({ line: index + 1, field: '', reason: `rows[${index}] must be an object` });
      return;
    }
    for (const [key, value] of Object.entries(row)) {
      if (!isRosterField(key)) {
        problems.push({ line: index + 1, field: key, reason: `rows[${index}].${key} is not a roster field` });
      } else if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
        problems.push({
          line: index + 1,
          field: key,
          reason: `rows[${index}].${key} must be a string, number, boolean or null`,
        });
      } else {
        present.add(key);
      }
    }
  });
  if (problems.length > 0) {
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      `${problems.length === 1 ? 'One row has' : `${problems.length} rows have`} properties that cannot be read. Fields: ${ROSTER_FIELDS.join(', ')}.`,
      problems.slice(0, 1000),
    );
  }

  const fields = ROSTER_FIELDS.filter((field) => present.has(field));
  const records: RosterRecord[] = [
    { line: 0, cells: fields },
    ...rows.map((row, index) => ({
      line: index + 1,
      cells: fields.map((field) => cellOf((row as Record<string, unknown>)[field])),
    })),
  ];
  return { format: 'json', records, encoding: 'UTF-8', delimiter: null, bytes };
}

function cellOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
