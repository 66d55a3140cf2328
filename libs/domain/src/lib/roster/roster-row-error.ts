/** One problem with one cell, in the shape the roster import answer lists them. */
export interface RosterRowError {
  /** The line in the file, counting the header as line 1. */
  readonly line: number;
  /** The header as written in the file, so the careers lead can find the column. */
  readonly column: string;
  /** The cell exactly as it was in the file. */
  readonly value: string;
  readonly reason: string;
}
