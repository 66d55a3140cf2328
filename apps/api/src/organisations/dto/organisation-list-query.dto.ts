import {
  type OrganisationListQuery,
  ORGANISATION_TYPES,
  type OrganisationType,
  type Sector,
  SECTORS,
} from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';

export class OrganisationListQueryDto extends PagingQueryDto implements OrganisationListQuery {
  @ApiPropertyOptional({ description: 'Type-ahead: any part of the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}
