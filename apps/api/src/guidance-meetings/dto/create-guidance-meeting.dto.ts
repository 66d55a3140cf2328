import {
  type CreateGuidanceMeetingRequest,
  GUIDANCE_MEETING_MODES,
  type GuidanceMeetingMode,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { IsEventDate, IsIsoDate } from '../../encounters/dto/iso-date.validator';
import { trim, WholeNumber } from '../../common/body-fields';

export class CreateGuidanceMeetingDto implements CreateGuidanceMeetingRequest {
  @ApiProperty({ format: 'uuid', description: 'One learner: a personal guidance meeting is one-to-one.' })
  @IsUUID()
  learnerId: string;

  @ApiProperty({ example: '2025-11-20' })
  @IsEventDate()
  date: string;

  @ApiProperty({ example: 'Sam Adeyemi' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  adviserName: string;

  @WholeNumber({ minimum: 1, maximum: 8, description: 'CDI qualification level; 6+ counts for B8.' })
  adviserLevel: number;

  @ApiProperty({ enum: GUIDANCE_MEETING_MODES })
  @IsIn(GUIDANCE_MEETING_MODES)
  mode: GuidanceMeetingMode;

  @ApiProperty({ maxLength: 10000, description: 'Restricted: careers staff and advisers only.' })
  @IsString()
  @MaxLength(10000)
  summary: string;

  @ApiProperty({ maxLength: 10000, description: 'Restricted: careers staff and advisers only.' })
  @IsString()
  @MaxLength(10000)
  agreedActions: string;

  @ApiPropertyOptional({ example: '2026-01-15' })
  @IsOptional()
  @IsIsoDate()
  followUpOn?: string;
}
