import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AcademicYearField, AsAtField } from '../../common/query-fields';

export class LearnerRecordQueryDto {
  @AcademicYearField({ description: 'The year of the rule statuses. Default: the year of asAt.' })
  academicYear?: number;

  @AsAtField({ description: 'Default: today.' })
  asAt?: string;

  @ApiPropertyOptional({ enum: ['pdf'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf'], { message: 'format must be pdf' })
  format = 'pdf' as const;
}
