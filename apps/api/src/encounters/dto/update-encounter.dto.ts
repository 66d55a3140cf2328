import type { UpdateEncounterRequest } from '@encounters/domain';
import { PartialType } from '@nestjs/swagger';
import { ServerOwned } from '../../common/server-owned';
import { CreateEncounterDto } from './create-encounter.dto';

/**
 * Changes the fields sent. `meaningful` replaces the whole checklist; `attendees` and `absentLearnerIds`
 * add to the attendance list (use `PUT …/attendance` to replace it).
 */
@ServerOwned({
  id: { type: String, format: 'uuid' },
  academicYear: { type: 'integer' },
  organisations: { type: 'array', items: { type: 'object' } },
  categories: { type: 'array', items: { type: 'string' } },
  educationTypes: { type: 'array', items: { type: 'string' } },
  attendedCount: { type: 'integer' },
  attendance: { type: 'array', items: { type: 'object' } },
  createdAt: { type: String, format: 'date-time' },
  updatedAt: { type: String, format: 'date-time' },
})
export class UpdateEncounterDto
  extends PartialType(CreateEncounterDto, { skipNullProperties: false })
  implements UpdateEncounterRequest {}
