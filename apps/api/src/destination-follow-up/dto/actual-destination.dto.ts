import {
  type AcademicYear,
  type ActualDestination,
  ACTUAL_DESTINATION_CATEGORIES,
  type ActualDestinationCategory,
  type AnniversaryFigures,
  DESTINATION_ANNIVERSARIES,
  DESTINATION_SOURCES,
  type DestinationAnniversary,
  type DestinationSource,
  type LeaverRow,
  type LeaversCohort,
  type LeaversCohortSummary,
  type RecordActualDestinationRequest,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Flag, trim, Uuid, WholeNumber } from '../../common/body-fields';

/** Query of `GET /api/destinations/actual`. */
export class ActualDestinationsQueryDto {
  @Uuid({ description: 'The academy the leavers left.' })
  academyId: string;

  @WholeNumber(
    {
      minimum: 2000,
      maximum: 2100,
      example: 2024,
      description: 'The academic year they left in; the last academic year unless given.',
    },
    { optional: true, fromQuery: true },
  )
  leftIn?: AcademicYear;
}

/** Query of `GET /api/destinations/actual/cohorts`. */
export class LeaverCohortsQueryDto {
  @Uuid({ description: 'The academy the leavers left.' })
  academyId: string;
}

/** Body of `PUT /api/destinations/actual` (R-DEST-4). */
export class RecordActualDestinationDto implements RecordActualDestinationRequest {
  @Uuid({ description: 'A leaver.' })
  learnerId: string;

  @ApiProperty({ enum: DESTINATION_ANNIVERSARIES, description: '1 October of the n-th year after leaving.' })
  @IsIn(DESTINATION_ANNIVERSARIES)
  anniversary: DestinationAnniversary;

  @ApiProperty({ enum: ACTUAL_DESTINATION_CATEGORIES })
  @IsIn(ACTUAL_DESTINATION_CATEGORIES)
  category: ActualDestinationCategory;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'Potteries College',
    description: 'The provider or employer.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  provider?: string;

  @ApiProperty({ enum: DESTINATION_SOURCES, description: 'Who told us.' })
  @IsIn(DESTINATION_SOURCES)
  source: DestinationSource;

  @Flag({ description: 'Whether the learner agreed to be followed up after 16 (kept on the learner).' })
  consentToFollowUp: boolean;
}

export class ActualDestinationDto implements ActualDestination {
  @ApiProperty({ enum: DESTINATION_ANNIVERSARIES }) anniversary: DestinationAnniversary;
  @ApiProperty({ format: 'date', description: '1 October of that year after leaving.' }) on: string;
  @ApiProperty({ enum: ACTUAL_DESTINATION_CATEGORIES }) category: ActualDestinationCategory;
  @ApiProperty({ type: String, nullable: true }) provider: string | null;
  @ApiProperty({ enum: DESTINATION_SOURCES }) source: DestinationSource;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class LeaverRowDto implements LeaverRow {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once pseudonymised.' }) upn: string | null;
  @ApiProperty({ description: '"Pseudonymised leaver" once pseudonymised.' }) name: string;
  @ApiProperty() pseudonymised: boolean;
  @ApiProperty({ description: 'At their last enrolment.' }) yearGroup: number;
  @ApiProperty({ format: 'date', description: 'The leaving date, else 31 August of the year they left in.' })
  leftOn: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null until asked.' })
  consentToFollowUp: boolean | null;
  @ApiProperty({ type: [ActualDestinationDto] }) destinations: ActualDestinationDto[];
  @ApiProperty({
    enum: DESTINATION_ANNIVERSARIES,
    isArray: true,
    description:
      'Anniversaries passed with nothing recorded; after the first only for leavers not refusing follow-up.',
  })
  toFollowUp: DestinationAnniversary[];
}

class AnniversaryFiguresDto implements AnniversaryFigures {
  @ApiProperty({ enum: DESTINATION_ANNIVERSARIES }) anniversary: DestinationAnniversary;
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty() leavers: number;
  @ApiProperty({ description: 'Leavers with a destination recorded at this anniversary.' }) recorded: number;
  @ApiProperty({ description: 'In education, employment or training.' }) inEet: number;
  @ApiProperty() neet: number;
  @ApiProperty({ description: 'Recorded as not known.' }) notKnown: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Of all leavers, to one decimal place.' })
  percentInEet: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number', nullable: true },
    description:
      'R-G-3 per characteristic (`pupilPremium:yes`, `sen:K`, `gender:F`, …): the share in education, ' +
      "employment or training minus the rest's, in points; null where either side is empty.",
  })
  gaps: Record<string, number | null>;
}

export class LeaversCohortDto implements LeaversCohort {
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty({ type: 'integer', example: 2024 }) leftIn: AcademicYear;
  @ApiProperty({ type: [AnniversaryFiguresDto] }) figures: AnniversaryFiguresDto[];
  @ApiProperty({ type: [LeaverRowDto] }) items: LeaverRowDto[];
}

export class LeaversCohortSummaryDto implements LeaversCohortSummary {
  @ApiProperty({ type: 'integer', example: 2024 }) leftIn: AcademicYear;
  @ApiProperty() leavers: number;
}
