import type { ComplianceReportQuery } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const COMPLIANCE_REPORT_FORMATS = ['csv', 'pdf'] as const;

export class ComplianceReportQueryDto implements ComplianceReportQuery {
  @ApiProperty({ example: 2025, description: 'The academic year, named by its first calendar year.' })
  @Type(() => Number)
  @IsInt({ message: 'academicYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'academicYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'academicYear must be a year from 2000 to 2100' })
  academicYear: number;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'Default: today, or the last day of a past year.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' })
  asAt?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One academy; without it, the whole trust (trust-wide roles).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId?: string;

  @ApiProperty({ enum: COMPLIANCE_REPORT_FORMATS })
  @IsIn(COMPLIANCE_REPORT_FORMATS, {
    message: `format must be one of ${COMPLIANCE_REPORT_FORMATS.join(', ')}`,
  })
  format: 'csv' | 'pdf';
}
