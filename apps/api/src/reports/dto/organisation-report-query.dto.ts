import type { OrganisationReportQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';

export const ORGANISATION_REPORT_FORMATS = ['csv', 'json'] as const;

export class OrganisationReportQueryDto implements OrganisationReportQuery {
  @AcademicYearField({ description: 'Default: the current academic year.' })
  academicYear?: number;

  @AcademyIdField({ description: 'One academy; without it, every academy the caller sees.' })
  academyId?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(ORGANISATION_REPORT_FORMATS, {
    message: `format must be one of ${ORGANISATION_REPORT_FORMATS.join(', ')}`,
  })
  format: 'csv' | 'json' = 'json';
}
