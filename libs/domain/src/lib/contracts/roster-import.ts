import { AcademicYear } from '../calendar';
import {
  RosterChangeWarning,
  RosterField,
  RosterFieldChange,
  RosterRowError,
  RosterSkippedLine,
  RosterUnmappedHeader,
} from '../roster';

/**
 * Query of `POST /api/academies/{id}/roster`; the body is a multipart `file` (with an optional `mapping` field
 * holding JSON), a `text/csv` body, or a JSON {@link RosterImportJsonBody}.
 */
export interface RosterImportQuery {
  academicYear: AcademicYear;
  /** Defaults to true: nothing is written unless the caller asks for it. */
  dryRun?: boolean;
}

/** A roster cell sent as JSON: a string as in a file, a number, a boolean for a flag, or null for a blank. */
export type RosterJsonValue = string | number | boolean | null;

/** The careers lead's answer for headers the import does not place: a field, or "ignore". Saved per academy. */
export type RosterImportMapping = Record<string, RosterField | 'ignore'>;

/**
 * JSON body of `POST /api/academies/{id}/roster`, for connectors: the same fields as a file's columns, by
 * their names here. A field no row has is left as held; a field a row leaves out is a blank cell.
 */
export interface RosterImportJsonBody {
  rows: Partial<Record<RosterField, RosterJsonValue>>[];
  mapping?: RosterImportMapping;
}

/** How the file was read: said in the answer, so that a guess (an encoding, a header row) is seen. */
export interface RosterFileReading {
  format: 'csv' | 'json';
  encoding: 'UTF-8' | 'Windows-1252' | 'UTF-16LE' | 'UTF-16BE';
  /** Null for JSON. */
  delimiter: ',' | ';' | '\t' | null;
  /** The header row's line (0 for JSON). */
  headerLine: number;
  /** Lines above the header (a title, a date), skipped. */
  titleLines: RosterSkippedLine[];
  /** Lines after the learners (a total, a count), skipped. */
  summaryLines: RosterSkippedLine[];
}

/** A learner enrolled at the academy last year who is not in this file: reported, never deleted. */
export interface RosterMissingLearner {
  learnerId: string;
  upn: string;
  name: string;
  /** Their year group in the latest enrolment held. */
  yearGroup: number;
}

/** A row of the file whose learner another academy of the trust holds. */
export interface RosterHeldElsewhere {
  line: number;
  upn: string;
}

/** A move request as listed by `GET /api/roster-moves`: the holder's side names the learner; the requester's does not. */
export interface RosterMoveRequest {
  id: string;
  upn: string;
  academicYear: AcademicYear;
  /** The academy whose import asked for the learner. */
  toAcademyId: string;
  toAcademyName: string;
  requestedAt: string;
  /** True when the reader may confirm or decline it (a trust administrator, or the holding academy's careers lead). */
  mayDecide: boolean;
  /** Shown only to those who may decide: the learner's id and name, and the file's year group and admission date. */
  learnerId: string | null;
  name: string | null;
  yearGroup: number | null;
  admissionDate: string | null;
}

/**
 * Answer of `POST /api/academies/{id}/roster`, for a dry run and a commit alike. Counts are of learners
 * (one per good row), except `rejected`, which counts the lines with at least one error. A commit with
 * any error is answered 422 with this body's `errors` as the error's `details`, and writes nothing.
 */
export interface RosterImportResult {
  academicYear: AcademicYear;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  missingFromFile: number;
  /**
   * Always 0 for an import, which never ends another academy's enrolment: a move into the academy goes through
   * a move request (`heldElsewhere`), whose confirmation ends the enrolment there the day before (R-G-2).
   */
  movedIn: number;
  /**
   * Rows of learners held by another academy of the trust (enrolled there now or in the file's year): not
   * written, and on a commit each becomes a move request for that academy to confirm. Which academy, and
   * anything it holds, is never said.
   */
  heldElsewhere: RosterHeldElsewhere[];
  /** The learners counted by `missingFromFile`, so that they can be marked as leavers. */
  missingLearners: RosterMissingLearner[];
  errors: RosterRowError[];
  /** Each header of the file and the field it gave, or null when it was ignored. */
  columns: { header: string; field: RosterField | null }[];
  /** Headers the import does not know (or that clash), with suggestions, for the careers lead to map. */
  unmappedHeaders: RosterUnmappedHeader[];
  /** Optional fields the file has no column for: kept as before. */
  notInFile: RosterField[];
  file: RosterFileReading;
  /** What would change (a dry run) or changed (a commit), field by field, for learners already held. */
  changes: RosterFieldChange[];
  /** Changes that clear or flip a field for more than 10 % of the academy's learners. */
  warnings: RosterChangeWarning[];
}
