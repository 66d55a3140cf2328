import { COMPLIANCE_CSV_PARTS, type ComplianceCsvPart, type ComplianceReportQuery } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
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

  @ApiPropertyOptional({
    enum: COMPLIANCE_CSV_PARTS,
    default: 'learners',
    description:
      'Which CSV file (format=csv): learners, one row per learner on roll (personal data); summary, per ' +
      "academy × year group × rule; gaps, the cohorts' gaps. Summary and gaps hold figures only.",
  })
  @IsOptional()
  @IsIn(COMPLIANCE_CSV_PARTS, { message: `part must be one of ${COMPLIANCE_CSV_PARTS.join(', ')}` })
  part?: ComplianceCsvPart;
}
