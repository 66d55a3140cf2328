import {
  type AcademicYear,
  type GroupRef,
  type MarkNeetRiskRequest,
  type NeetRiskEntry,
  type NeetRiskList,
  RULE_IDS,
  RULE_STATUSES,
  type RuleId,
  type RuleStatus,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, MaxLength } from 'class-validator';
import { trim, Uuid, WholeNumber } from '../../common/body-fields';
import { AcademicYearField } from '../../common/query-fields';
import { IsIsoDate, IsNotMoreThanAYearAhead } from '../../encounters/dto/iso-date.validator';
import { GroupRefDto } from '../../learners/dto/learner-responses.dto';
import { QueryFlag } from './query-flag';

const RESTRICTED = 'Restricted like guidance notes: careers staff and advisers only.';

/** Query of `GET /api/destinations/neet-risk`. */
export class NeetRiskQueryDto {
  @Uuid({ description: 'The academy whose Years 11 and 13 are listed.' })
  academyId: string;

  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: AcademicYear;

  @QueryFlag('Only learners whose review is due (true: today or past) or not due (false).', 'reviewDue')
  reviewDue?: boolean;
}

/** Query of `DELETE /api/destinations/neet-risk`. */
export class NeetRiskLearnerQueryDto {
  @Uuid({ description: 'The learner whose mark is cleared.' })
  learnerId: string;
}

/** Body of `PUT /api/destinations/neet-risk` (R-DEST-3). */
export class MarkNeetRiskDto implements MarkNeetRiskRequest {
  @Uuid({ description: 'A learner of Year 11 or 13.' })
  learnerId: string;

  @ApiProperty({ maxLength: 2000, description: `Why the learner is at risk. ${RESTRICTED}` })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiProperty({ maxLength: 2000, description: `The support agreed; may be empty. ${RESTRICTED}` })
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  support: string;

  @ApiProperty({ format: 'date', example: '2026-01-15', description: 'When the mark is next reviewed.' })
  @IsIsoDate()
  @IsNotMoreThanAYearAhead()
  reviewOn: string;

  @WholeNumber(
    {
      minimum: 2000,
      maximum: 2100,
      example: 2025,
      description: 'The year the learner is in Year 11 or 13; the current academic year unless given.',
    },
    { optional: true },
  )
  academicYear?: AcademicYear;
}

class NeetRiskMarkDto {
  @ApiProperty({ description: RESTRICTED }) reason: string;
  @ApiProperty({ description: RESTRICTED }) support: string;
  @ApiProperty({ format: 'date' }) reviewOn: string;
  @ApiProperty({ type: String, nullable: true, description: 'The name of the user who marked it.' })
  markedBy: string | null;
  @ApiProperty({ format: 'date-time' }) markedAt: string;
}

class NeetRiskAutomaticDto {
  @ApiProperty({ enum: RULE_IDS, description: '`DEST_16` for Year 11, `DEST_18` for Year 13.' })
  rule: RuleId;
  @ApiProperty({ enum: RULE_STATUSES, description: '`at_risk` or `missed` today.' })
  status: RuleStatus;
}

export class NeetRiskEntryDto implements NeetRiskEntry {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() upn: string;
  @ApiProperty() name: string;
  @ApiProperty() yearGroup: number;
  @ApiProperty({ type: GroupRefDto, nullable: true }) group: GroupRef | null;
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty({ type: NeetRiskMarkDto, nullable: true, description: 'Marked by a careers lead or adviser.' })
  marked: NeetRiskMarkDto | null;
  @ApiProperty({
    type: NeetRiskAutomaticDto,
    nullable: true,
    description: 'R-DEST-3: flagged automatically.',
  })
  automatic: NeetRiskAutomaticDto | null;
  @ApiProperty({ description: 'The review date is today or past.' }) reviewDue: boolean;
}

export class NeetRiskListDto implements NeetRiskList {
  @ApiProperty({ type: 'integer', example: 2025 }) academicYear: AcademicYear;
  @ApiProperty({
    type: [NeetRiskEntryDto],
    description: 'Reviews due first, then by review date, then by name.',
  })
  items: NeetRiskEntryDto[];
}
