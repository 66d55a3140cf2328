import {
  ACADEMY_EVALUATION_TYPES,
  ACADEMY_PHASES,
  type AcademyEvaluationType,
  type AcademyPhase,
  type AcademyResponse,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

export class AcademyResponseDto implements AcademyResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The DfE unique reference number: six digits.', example: '123456' })
  urn: string;
  @ApiProperty({ enum: ACADEMY_PHASES }) phase: AcademyPhase;
  @ApiProperty({ enum: ACADEMY_EVALUATION_TYPES, description: 'R-V-1: `school` or `post16`.' })
  evaluationType: AcademyEvaluationType;
  @ApiProperty({ format: 'uuid', readOnly: true }) trustId: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) createdAt: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updatedAt: string;
}
