import type { EncounterListQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Uuid } from '../../common/body-fields';
import { PagingQueryDto } from '../../common/paging.dto';
import { OptionalDate } from './iso-date.validator';

export class EncounterListQueryDto extends PagingQueryDto implements EncounterListQuery {
  @Uuid({}, { optional: true })
  academyId?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Academic year, named by its first calendar year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  academicYear?: number;

  @OptionalDate('2025-09-01')
  from?: string;

  @OptionalDate('2026-08-31')
  to?: string;

  @Uuid({}, { optional: true })
  organisationId?: string;

  @Uuid({}, { optional: true })
  learnerId?: string;
}
