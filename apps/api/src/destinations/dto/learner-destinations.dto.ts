import type { LearnerDestinations } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActualDestinationDto } from '../../destination-follow-up/dto/actual-destination.dto';
import { IntendedDestinationResponseDto } from './intended-destination-response.dto';

export class LearnerNeetRiskDto {
  @ApiProperty() reason: string;
  @ApiProperty() support: string;
  @ApiProperty({ format: 'date' }) reviewOn: string;
  @ApiProperty({ format: 'date-time' }) markedAt: string;
}

/** `destinations` of `GET /api/learners/{id}`; named by the learner record's schema through its ref. */
export class LearnerDestinationsDto implements LearnerDestinations {
  @ApiProperty({ type: [IntendedDestinationResponseDto], description: 'The latest year first.' })
  intended: IntendedDestinationResponseDto[];

  @ApiPropertyOptional({
    type: LearnerNeetRiskDto,
    nullable: true,
    description: 'R-DEST-3: absent for those who may not see NEET risk; null when not marked.',
  })
  neetRisk?: LearnerNeetRiskDto | null;

  @ApiProperty({
    type: [ActualDestinationDto],
    description: 'R-DEST-4: on 1 October of each year after leaving.',
  })
  actual: ActualDestinationDto[];

  @ApiProperty({ type: Boolean, nullable: true }) consentToFollowUp: boolean | null;
}
