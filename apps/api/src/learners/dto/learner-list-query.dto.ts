import {
  LEARNER_LIST_SORTS,
  LEARNER_STATUS_FILTERS,
  type LearnerListQuery,
  type LearnerListSort,
  type LearnerStatusFilter,
  RULE_IDS,
  type RuleId,
} from '@encounters/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PagingQueryDto } from '../../common/paging.dto';
import { IsIsoDate } from '../../encounters/dto/iso-date.validator';
import { AcademicYearField, AcademyIdField } from '../../common/query-fields';
import { Uuid, WholeNumber } from '../../common/body-fields';

/** "true" / "false" from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

function QueryFlag(description: string): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ type: Boolean, description })(target, key);
    IsOptional()(target, key);
    Transform(queryBoolean)(target, key);
    IsBoolean({ message: `${String(key)} must be true or false` })(target, key);
  };
}

export class LearnerListQueryDto extends PagingQueryDto implements LearnerListQuery {
  @AcademyIdField()
  academyId?: string;

  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: number;

  @WholeNumber({ minimum: 1, maximum: 14 }, { optional: true, fromQuery: true })
  yearGroup?: number;

  @Uuid({}, { optional: true })
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

  @ApiPropertyOptional({ enum: RULE_IDS, description: 'With `status`: filter by the status for this rule.' })
  @IsOptional()
  @IsIn(RULE_IDS)
  rule?: RuleId;

  @ApiPropertyOptional({
    enum: LEARNER_STATUS_FILTERS,
    description: '`not_met`: on track, at risk or missed. Needs `rule`.',
  })
  @IsOptional()
  @IsIn(LEARNER_STATUS_FILTERS)
  status?: LearnerStatusFilter;

  @ApiPropertyOptional({
    example: '2026-03-31',
    description: 'The date statuses are worked out at; today by default.',
  })
  @IsOptional()
  @IsIsoDate()
  asAt?: string;

  @QueryFlag('Pupil premium (true) or not (false).')
  pupilPremium?: boolean;

  @ApiPropertyOptional({ enum: ['N', 'K', 'E', 'any'], description: '`any`: SEN support or an EHC plan.' })
  @IsOptional()
  @IsIn(['N', 'K', 'E', 'any'])
  sen?: 'N' | 'K' | 'E' | 'any';

  @QueryFlag('English as an additional language (true) or not (false).')
  eal?: boolean;

  @QueryFlag('Looked after (true) or not (false).')
  lookedAfter?: boolean;

  @ApiPropertyOptional({
    example: 'F',
    description: 'As the MIS gives it ("M", "F", …); `unknown`: none recorded.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  gender?: string;

  @ApiPropertyOptional({ enum: LEARNER_LIST_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(LEARNER_LIST_SORTS)
  sort?: LearnerListSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  direction?: 'asc' | 'desc';
}
