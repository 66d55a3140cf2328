import {
  COVERAGE_BREAKDOWNS,
  COVERAGE_SCOPES,
  type CoverageBreakdown,
  type CoverageQuery,
  type CoverageScope,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateIf } from 'class-validator';
import { AcademicYearField, AsAtField } from '../../common/query-fields';

export class CoverageQueryDto implements CoverageQuery {
  @ApiProperty({ enum: COVERAGE_SCOPES })
  @IsIn(COVERAGE_SCOPES, { message: `scope must be one of ${COVERAGE_SCOPES.join(', ')}` })
  scope: CoverageScope;

  @ApiPropertyOptional({ format: 'uuid', description: 'The academy, group or learner id.' })
  @ValidateIf((query: CoverageQueryDto) => ['academy', 'group', 'learner'].includes(query.scope))
  @IsUUID('all', { message: 'id must be the UUID of the academy, group or learner of the scope' })
  id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For scope yearGroup.' })
  @ValidateIf((query: CoverageQueryDto) => query.scope === 'yearGroup')
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 14, description: 'For scope yearGroup.' })
  @ValidateIf((query: CoverageQueryDto) => query.scope === 'yearGroup')
  @Type(() => Number)
  @IsInt({ message: 'yearGroup must be a whole number from 1 to 14' })
  @Min(1, { message: 'yearGroup must be a whole number from 1 to 14' })
  @Max(14, { message: 'yearGroup must be a whole number from 1 to 14' })
  yearGroup?: number;

  @AcademicYearField({ description: 'Default: the academic year of asAt.' })
  academicYear?: number;

  @AsAtField({ description: 'Default: today.' })
  asAt?: string;

  @ApiPropertyOptional({ enum: COVERAGE_BREAKDOWNS })
  @IsOptional()
  @IsIn(COVERAGE_BREAKDOWNS, { message: `breakdown must be one of ${COVERAGE_BREAKDOWNS.join(', ')}` })
  breakdown?: CoverageBreakdown;
}
