import {
  COVERAGE_BREAKDOWNS,
  COVERAGE_SCOPES,
  type CoverageBreakdown,
  type CoverageQuery,
  type CoverageScope,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, isISO8601, IsOptional, IsUUID, isUUID, Max, Min, ValidateIf } from 'class-validator';
import { AcademicYearField, AsAtField } from '../../common/query-fields';

/** The keys of the class view's plain query (scope `group`), the one the quick path below accepts. */
const GROUP_QUERY_KEYS = new Set(['scope', 'id', 'academicYear', 'asAt']);
const YEAR_DIGITS = /^\d{4}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export class CoverageQueryDto implements CoverageQuery {
  /**
   * The class view's query (issue 20) without class-transformer and class-validator, for the one shape it
   * always has: `scope=group`, a UUID `id`, and optionally `academicYear` (four digits, 2000 to 2100) and
   * `asAt` (a day). Each check is class-validator's own (`isUUID`, `isISO8601`) or stricter, so what passes
   * here passes the rules below with the same result. Anything else (another scope, another key, an
   * array, a doubtful value) is null, and goes through the full validation, which words the errors.
   */
  static quickQuery(query: Record<string, unknown>): CoverageQueryDto | null {
    for (const key in query) {
      if (!GROUP_QUERY_KEYS.has(key) || typeof query[key] !== 'string') return null;
    }
    const { scope, id, academicYear, asAt } = query as Record<string, string | undefined>;
    if (scope !== 'group' || id === undefined || !isUUID(id, 'all')) return null;
    let year: number | undefined;
    if (academicYear !== undefined) {
      if (!YEAR_DIGITS.test(academicYear)) return null;
      year = Number(academicYear);
      if (year < 2000 || year > 2100) return null;
    }
    if (asAt !== undefined && !(DATE_ONLY.test(asAt) && isISO8601(asAt, { strict: true }))) return null;
    // As class-transformer makes it: an instance with the keys the query has.
    const dto = new CoverageQueryDto();
    dto.scope = scope;
    dto.id = id;
    if (academicYear !== undefined) dto.academicYear = year;
    if (asAt !== undefined) dto.asAt = asAt;
    return dto;
  }

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
