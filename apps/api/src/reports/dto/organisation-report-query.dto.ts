import type { OrganisationReportQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const ORGANISATION_REPORT_FORMATS = ['csv', 'json'] as const;

export class OrganisationReportQueryDto implements OrganisationReportQuery {
  @ApiPropertyOptional({ example: 2025, description: 'Default: the current academic year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'academicYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'academicYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'academicYear must be a year from 2000 to 2100' })
  academicYear?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One academy; without it, every academy the caller sees.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(ORGANISATION_REPORT_FORMATS, {
    message: `format must be one of ${ORGANISATION_REPORT_FORMATS.join(', ')}`,
  })
  format: 'csv' | 'json' = 'json';
}
