import type { RosterMissingLearner, RosterRowError } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
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
      'Of `updated`: learners enrolled at another academy of the trust this year and admitted here later; their enrolment there ends the day before.',
  })
  movedIn: number;

  @ApiProperty({ type: [RosterMissingLearnerDto] })
  missingLearners: RosterMissingLearnerDto[];

  @ApiProperty({ type: [RosterRowErrorDto] })
  errors: RosterRowErrorDto[];

  @ApiProperty({ description: 'Errors left out of `errors`, which lists the first 1,000.' })
  errorsOmitted: number;

  @ApiProperty({ type: [String], description: 'Headers that match no roster field and were ignored.' })
  ignoredHeaders: string[];
}
