import type { ComplianceReportQuery } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AcademicYearField, AcademyIdField, AsAtField } from '../../common/query-fields';

export const COMPLIANCE_REPORT_FORMATS = ['csv', 'pdf'] as const;

export class ComplianceReportQueryDto implements ComplianceReportQuery {
  @AcademicYearField(
    { description: 'The academic year, named by its first calendar year.' },
    { required: true },
  )
  academicYear: number;

  @AsAtField({ description: 'Default: today, or the last day of a past year.' })
  asAt?: string;

  @AcademyIdField({ description: 'One academy; without it, the whole trust (trust-wide roles).' })
  academyId?: string;

  @ApiProperty({ enum: COMPLIANCE_REPORT_FORMATS })
  @IsIn(COMPLIANCE_REPORT_FORMATS, {
    message: `format must be one of ${COMPLIANCE_REPORT_FORMATS.join(', ')}`,
  })
  format: 'csv' | 'pdf';
}
