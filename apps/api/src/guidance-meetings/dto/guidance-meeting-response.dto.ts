import {
  GUIDANCE_MEETING_MODES,
  type GuidanceMeetingMode,
  type GuidanceMeetingResponse,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';

/** `summary` and `agreedActions` are restricted: absent for readers other than careers staff and advisers. */
export class GuidanceMeetingResponseDto
  implements Omit<GuidanceMeetingResponse, 'summary' | 'agreedActions'>, Partial<GuidanceMeetingResponse>
{
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({
    format: 'uuid',
    readOnly: true,
    description: "The learner's academy at the meeting's date.",
  })
  academyId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() adviserName: string;
  @ApiProperty() adviserLevel: number;
  @ApiProperty({ enum: GUIDANCE_MEETING_MODES }) mode: GuidanceMeetingMode;
  @ApiPropertyOptional({ description: 'Restricted: careers staff and advisers only.' }) summary?: string;
  @ApiPropertyOptional({ description: 'Restricted: careers staff and advisers only.' })
  agreedActions?: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpOn: string | null;
}

export class GuidanceMeetingPageDto extends PageOf(GuidanceMeetingResponseDto) {}
