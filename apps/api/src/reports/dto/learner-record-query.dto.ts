import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class LearnerRecordQueryDto {
  @ApiPropertyOptional({
    example: 2025,
    description: 'The year of the rule statuses. Default: the year of asAt.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'academicYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'academicYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'academicYear must be a year from 2000 to 2100' })
  academicYear?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Default: today.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' })
  asAt?: string;

  @ApiPropertyOptional({ enum: ['pdf'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf'], { message: 'format must be pdf' })
  format = 'pdf' as const;
}
