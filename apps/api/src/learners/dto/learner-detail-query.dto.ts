import type { LearnerDetailQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';

export class LearnerDetailQueryDto implements LearnerDetailQuery {
  @ApiPropertyOptional({ example: 2025, description: 'Defaults to the current academic year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  academicYear?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Defaults to today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asAt must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'asAt must be a real date' })
  asAt?: string;
}
