import type { UpdateGuidanceMeetingRequest } from '@encounters/domain';
import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateGuidanceMeetingDto } from './create-guidance-meeting.dto';

/** The learner of a meeting never changes: record the meeting again for another learner. */
export class UpdateGuidanceMeetingDto
  extends PartialType(OmitType(CreateGuidanceMeetingDto, ['learnerId'] as const), {
    skipNullProperties: false,
  })
  implements UpdateGuidanceMeetingRequest {}
