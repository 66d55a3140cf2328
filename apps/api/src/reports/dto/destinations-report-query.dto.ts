import type { DestinationsReportQuery } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';

export const DESTINATIONS_REPORT_FORMATS = ['csv', 'pdf'] as const;

export class DestinationsReportQueryDto implements DestinationsReportQuery {
  @AcademicYearField(
    {
      description: 'The academic year of the learners in Years 11 and 13, named by its first calendar year.',
    },
    { required: true },
  )
  academicYear: number;

  @AcademyIdField({ description: 'One academy; without it, the whole trust (trust-wide roles).' })
  academyId?: string;

  @ApiProperty({ enum: DESTINATIONS_REPORT_FORMATS })
  @IsIn(DESTINATIONS_REPORT_FORMATS, {
    message: `format must be one of ${DESTINATIONS_REPORT_FORMATS.join(', ')}`,
  })
  format: 'csv' | 'pdf';
}
