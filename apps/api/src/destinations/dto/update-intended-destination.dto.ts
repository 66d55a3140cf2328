import type { UpdateIntendedDestinationRequest } from '@encounters/domain';
import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateIntendedDestinationDto } from './create-intended-destination.dto';

/**
 * The fields to change: a new status adds a dated change to the history; null clears the provider, the
 * organisation or the notes. The learner and the year never change: record another destination instead.
 */
export class UpdateIntendedDestinationDto
  extends PartialType(OmitType(CreateIntendedDestinationDto, ['learnerId', 'academicYear'] as const), {
    skipNullProperties: false,
  })
  implements UpdateIntendedDestinationRequest {}
