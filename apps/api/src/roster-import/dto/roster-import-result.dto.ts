import {
  OPTIONAL_ROSTER_FIELDS,
  ROSTER_FIELDS,
  type RosterChangeKind,
  type RosterChangeWarning,
  type RosterField,
  type RosterFieldChange,
  type RosterFileReading,
  type RosterHeldElsewhere,
  type RosterMissingLearner,
  type RosterRowError,
  type RosterSkippedLine,
  type RosterUnmappedHeader,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RosterImportOutcome } from '../roster-import.service';

export class RosterRowErrorDto implements RosterRowError {
  @ApiProperty({ description: 'The line in the file, counting the header as line 1.' })
  line: number;

  @ApiProperty({ description: 'The header as written in the file; empty for a problem with the whole line.' })
  column: string;

  @ApiProperty({ description: 'The cell as written in the file.' })
  value: string;

  @ApiProperty()
  reason: string;
}

export class RosterHeldElsewhereDto implements RosterHeldElsewhere {
  @ApiProperty({ description: 'The line in the file.' })
  line: number;

  @ApiProperty()
  upn: string;
}

export class RosterMissingLearnerDto implements RosterMissingLearner {
  @ApiProperty({ format: 'uuid' })
  learnerId: string;

  @ApiProperty()
  upn: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: 'Their year group in the latest enrolment held.' })
  yearGroup: number;
}

const CHANGE_KINDS: RosterChangeKind[] = ['set to yes', 'set to no', 'set', 'cleared', 'changed'];

export class RosterColumnDto {
  @ApiProperty({ description: 'The header as written in the file.' })
  header: string;

  @ApiPropertyOptional({
    enum: ROSTER_FIELDS,
    nullable: true,
    description: 'The field it gave; null when ignored.',
  })
  field: RosterField | null;
}

export class RosterUnmappedHeaderDto implements RosterUnmappedHeader {
  @ApiProperty()
  header: string;

  @ApiProperty({ enum: ['unknown', 'ambiguous'] })
  problem: 'unknown' | 'ambiguous';

  @ApiProperty({ enum: ROSTER_FIELDS, isArray: true, description: 'Likely fields, best first.' })
  readonly suggestions: readonly RosterField[];
}

export class RosterSkippedLineDto implements RosterSkippedLine {
  @ApiProperty()
  line: number;

  @ApiProperty({ description: "The line's non-blank cells, joined." })
  text: string;
}

export class RosterFileReadingDto implements RosterFileReading {
  @ApiProperty({ enum: ['csv', 'json'] })
  format: 'csv' | 'json';

  @ApiProperty({
    enum: ['UTF-8', 'Windows-1252', 'UTF-16LE', 'UTF-16BE'],
    description: 'Windows-1252 when the file was not valid UTF-8 (Excel\'s "CSV (Comma delimited)").',
  })
  encoding: 'UTF-8' | 'Windows-1252' | 'UTF-16LE' | 'UTF-16BE';

  @ApiPropertyOptional({ enum: [',', ';', '\t'], nullable: true, description: 'Null for JSON.' })
  delimiter: ',' | ';' | '\t' | null;

  @ApiProperty({ description: 'The line of the header row (0 for JSON).' })
  headerLine: number;

  @ApiProperty({ type: [RosterSkippedLineDto], description: 'Title lines above the header, skipped.' })
  titleLines: RosterSkippedLineDto[];

  @ApiProperty({ type: [RosterSkippedLineDto], description: 'Summary lines after the learners, skipped.' })
  summaryLines: RosterSkippedLineDto[];
}

export class RosterFieldChangeDto implements RosterFieldChange {
  @ApiProperty({ enum: ROSTER_FIELDS })
  field: RosterField;

  @ApiProperty({ enum: CHANGE_KINDS })
  change: RosterChangeKind;

  @ApiProperty({ description: 'Learners already held whose field changes this way.' })
  count: number;

  @ApiProperty({ type: [String], description: 'Up to three, as "name (UPN): before → after".' })
  readonly examples: readonly string[];
}

export class RosterChangeWarningDto implements RosterChangeWarning {
  @ApiProperty({ enum: ROSTER_FIELDS })
  field: RosterField;

  @ApiProperty({ enum: CHANGE_KINDS })
  change: RosterChangeKind;

  @ApiProperty()
  count: number;

  @ApiProperty({
    description: "The academy's learners this year (or the file's held learners for a new year).",
  })
  of: number;

  @ApiProperty()
  message: string;
}

export class RosterImportResultDto implements RosterImportOutcome {
  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty()
  dryRun: boolean;

  @ApiProperty({ description: 'Learners the trust did not hold yet.' })
  created: number;

  @ApiProperty({
    description:
      "Learners already held whose details or enrolment for this year change (a new year's enrolment included).",
  })
  updated: number;

  @ApiProperty({ description: 'Learners already held exactly as in the file.' })
  unchanged: number;

  @ApiProperty({ description: 'Lines of the file with at least one error.' })
  rejected: number;

  @ApiProperty({
    description:
      'Learners enrolled here this year, or last year and nowhere since, who are not in the file. Never deleted.',
  })
  missingFromFile: number;

  @ApiProperty({
    description:
      "Always 0: an import never ends another academy's enrolment; a confirmed move request does (R-G-2).",
  })
  movedIn: number;

  @ApiProperty({
    type: [RosterHeldElsewhereDto],
    description:
      'Rows of learners held by another academy of the trust: not written; a commit makes each a move request for that academy to confirm.',
  })
  heldElsewhere: RosterHeldElsewhereDto[];

  @ApiProperty({ type: [RosterMissingLearnerDto] })
  missingLearners: RosterMissingLearnerDto[];

  @ApiProperty({ type: [RosterRowErrorDto] })
  errors: RosterRowErrorDto[];

  @ApiProperty({ description: 'Errors left out of `errors`, which lists the first 1,000.' })
  errorsOmitted: number;

  @ApiProperty({ type: [String], description: 'Headers that match no roster field and were ignored.' })
  ignoredHeaders: string[];

  @ApiProperty({ type: [RosterColumnDto] })
  columns: RosterColumnDto[];

  @ApiProperty({ type: [RosterUnmappedHeaderDto] })
  unmappedHeaders: RosterUnmappedHeaderDto[];

  @ApiProperty({
    enum: OPTIONAL_ROSTER_FIELDS,
    isArray: true,
    description: 'Optional fields the file has no column for: kept as before.',
  })
  notInFile: RosterField[];

  @ApiProperty({ type: RosterFileReadingDto })
  file: RosterFileReadingDto;

  @ApiProperty({
    type: [RosterFieldChangeDto],
    description: 'Field by field, what the import would change (or changed) for learners already held.',
  })
  changes: RosterFieldChangeDto[];

  @ApiProperty({
    type: [RosterChangeWarningDto],
    description: "Changes that would clear or flip a field for more than 10 % of the academy's learners.",
  })
  warnings: RosterChangeWarningDto[];
}
