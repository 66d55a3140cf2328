import type { UpdateEncounterRequest } from '@encounters/domain';
import { PartialType } from '@nestjs/swagger';
import { CreateEncounterDto } from './create-encounter.dto';

/**
 * Changes the fields sent. `meaningful` replaces the whole checklist; `attendees` and `absentLearnerIds`
 * add to the attendance list (use `PUT …/attendance` to replace it).
 */
export class UpdateEncounterDto
  extends PartialType(CreateEncounterDto, { skipNullProperties: false })
  implements UpdateEncounterRequest {}
