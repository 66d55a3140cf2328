import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { AcademicYearField, AcademyIdField, AsAtField } from '../../common/query-fields';

export class CreateSnapshotDto {
  @ApiProperty({
    example: '2025-12-31',
    description: 'A measurement date of the Careers & Enterprise Company: 31 December, 31 March or 31 July.',
  })
  @IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' })
  @Matches(/-(12-31|03-31|07-31)$/, { message: 'asAt must be 31 December, 31 March or 31 July' })
  asAt: string;

  @AcademyIdField({ description: 'One academy; without it, the whole trust (trust-wide roles).' })
  academyId?: string;
}

export class SnapshotListQueryDto {
  @AcademicYearField()
  academicYear?: number;

  @AcademyIdField()
  academyId?: string;
}

export class SnapshotCompareQueryDto {
  @AsAtField({ description: 'The later date. Default: today.' })
  asAt?: string;
}
