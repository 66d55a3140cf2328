import type { EncounterListQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';
import { IsIsoDate } from './iso-date.validator';

export class EncounterListQueryDto extends PagingQueryDto implements EncounterListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  academyId?: string;

  @ApiPropertyOptional({ example: 2025, description: 'Academic year, named by its first calendar year.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  academicYear?: number;

  @ApiPropertyOptional({ example: '2025-09-01' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-08-31' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;
}
