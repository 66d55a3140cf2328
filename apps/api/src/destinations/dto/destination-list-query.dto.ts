import {
  DESTINATION_STATUSES,
  DESTINATION_YEAR_GROUPS,
  type DestinationListQuery,
  type DestinationStatus,
} from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Uuid } from '../../common/body-fields';
import { PagingQueryDto } from '../../common/paging.dto';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';

/** "true" / "false" from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export const REGISTER_STATUS_FILTERS = [...DESTINATION_STATUSES, 'none'] as const;

export class DestinationListQueryDto extends PagingQueryDto implements DestinationListQuery {
  @AcademyIdField({ description: 'Required unless the caller serves exactly one academy.' })
  academyId?: string;

  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: number;

  @ApiPropertyOptional({
    enum: DESTINATION_YEAR_GROUPS,
    description: 'Year 11 or Year 13; both when left out.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsIn(DESTINATION_YEAR_GROUPS, { message: 'yearGroup must be 11 or 13' })
  yearGroup?: number;

  @Uuid({ description: 'Only the members of this group.' }, { optional: true })
  groupId?: string;

  @ApiPropertyOptional({
    enum: REGISTER_STATUS_FILTERS,
    description: 'Learners whose destination has this status; `none`: no destination recorded.',
  })
  @IsOptional()
  @IsIn(REGISTER_STATUS_FILTERS, { message: `status must be one of ${REGISTER_STATUS_FILTERS.join(', ')}` })
  status?: DestinationStatus | 'none';

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'Only learners flagged (true) or not flagged (false) at risk of NEET (R-DEST-3); ignored for callers ' +
      'who may not see NEET risk.',
  })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean({ message: 'neetRisk must be true or false' })
  neetRisk?: boolean;

  @ApiPropertyOptional({ description: 'Part of a UPN, legal or preferred name; every word must match.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
