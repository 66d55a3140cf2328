import {
  type CreatePartTimeJobRequest,
  type PartTimeJobResponse,
  type Sector,
  SECTORS,
  type UpdatePartTimeJobRequest,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsIsoDate, IsNotMoreThanAYearAhead } from '../../encounters/dto/iso-date.validator';
import { trim } from '../../common/body-fields';

/** R-WEX-7: a learner's own part-time job. */
export class CreatePartTimeJobDto implements CreatePartTimeJobRequest {
  @ApiProperty({ example: 'Bridge Street Bakery', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  employerName: string;

  @ApiPropertyOptional({ enum: SECTORS, nullable: true })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector | null;

  @ApiProperty({ example: 8, minimum: 0.5, maximum: 48, description: 'Hours a week, to one decimal place.' })
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0.5)
  @Max(48)
  hoursPerWeek: number;

  @ApiProperty({ format: 'date', example: '2025-10-04' })
  @IsIsoDate()
  @IsNotMoreThanAYearAhead()
  from: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Left out or null while the learner still holds the job; not before `from`.',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string | null;
}

/** The fields to change; null clears `sector` or `to`. */
export class UpdatePartTimeJobDto
  extends PartialType(CreatePartTimeJobDto, { skipNullProperties: false })
  implements UpdatePartTimeJobRequest {}

export class PartTimeJobResponseDto implements PartTimeJobResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ format: 'uuid', readOnly: true }) learnerId: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ enum: SECTORS, nullable: true, type: String }) sector: Sector | null;
  @ApiProperty() hoursPerWeek: number;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) to: string | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) createdAt: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updatedAt: string;
}
