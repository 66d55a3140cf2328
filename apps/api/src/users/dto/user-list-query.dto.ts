import type { UserListQuery } from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';

export class UserListQueryDto extends PagingQueryDto implements UserListQuery {
  @ApiPropertyOptional({ description: 'Any part of the name or email address, case ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
