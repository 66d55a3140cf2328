import type { GuidanceMeetingListQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';

export class GuidanceMeetingListQueryDto extends PagingQueryDto implements GuidanceMeetingListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  learnerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  academyId?: string;
}
