import {
  type CreateIntendedDestinationRequest,
  DESTINATION_CATEGORIES,
  DESTINATION_STATUSES,
  type DestinationCategory,
  type DestinationStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trim, Uuid } from '../../common/body-fields';
import { AcademicYearField } from '../../common/query-fields';
import { IsIsoDate } from '../../encounters/dto/iso-date.validator';

/** The fields of an intended destination a careers adviser enters, for one learner. */
export class DestinationEntryDto implements Omit<CreateIntendedDestinationRequest, 'academicYear'> {
  @Uuid({ description: 'A learner of Year 11 or Year 13 in the academic year.' })
  learnerId: string;

  @ApiProperty({ enum: DESTINATION_CATEGORIES })
  @IsIn(DESTINATION_CATEGORIES, { message: `category must be one of ${DESTINATION_CATEGORIES.join(', ')}` })
  category: DestinationCategory;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    example: 'Potteries College',
    description: "Free text; the organisation's name when left out and `organisationId` is given.",
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  providerName?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A known provider or employer.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be the UUID of an organisation' })
  organisationId?: string;

  @ApiProperty({ enum: DESTINATION_STATUSES })
  @IsIn(DESTINATION_STATUSES, { message: `status must be one of ${DESTINATION_STATUSES.join(', ')}` })
  status: DestinationStatus;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-20',
    description:
      'The day the status was reached (today when left out); not in the future, nor before the latest change. ' +
      'Used only when the status changes.',
  })
  @IsOptional()
  @IsIsoDate()
  statusOn?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 10000,
    description: 'Restricted like guidance notes: careers staff and advisers only.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string;
}

export class CreateIntendedDestinationDto
  extends DestinationEntryDto
  implements CreateIntendedDestinationRequest
{
  @AcademicYearField(
    { description: "The academic year of the learner's Year 11 or Year 13: 2026 = 2026/27." },
    { required: true, fromQuery: false },
  )
  academicYear: number;
}
