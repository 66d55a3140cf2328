import type { LearnerListQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';
import { IsIsoDate } from '../../encounters/dto/iso-date.validator';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';

export class LearnerListQueryDto extends PagingQueryDto implements LearnerListQuery {
  @AcademyIdField()
  academyId?: string;

  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(14)
  yearGroup?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string;

  @ApiPropertyOptional({ description: 'Part of a UPN, legal or preferred name; every word must match.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    example: '2026-11-12',
    description:
      "Only learners on the academy's roll that day (admitted by then, not yet left); the academic year defaults to the date's.",
  })
  @IsOptional()
  @IsIsoDate()
  onRollOn?: string;
}
