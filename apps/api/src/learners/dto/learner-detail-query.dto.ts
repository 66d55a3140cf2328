import type { LearnerDetailQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { AcademicYearField } from '../../common/query-fields';

export class LearnerDetailQueryDto implements LearnerDetailQuery {
  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: number;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'Defaults to today.' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asAt must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'asAt must be a real date' })
  asAt?: string;
}
