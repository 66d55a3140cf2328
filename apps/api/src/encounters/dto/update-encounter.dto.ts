import type { UpdateEncounterRequest } from '@encounters/domain';
import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { ServerOwned } from '../../common/server-owned';
import { AttendancePutItemDto } from './attendance-put-item.dto';
import { CreateEncounterDto, MAX_ATTENDEES } from './create-encounter.dto';

/**
 * Changes the fields sent. `meaningful` replaces the whole checklist; `attendees` and `absentLearnerIds`
 * add to the attendance list, and `replaceAttendance` replaces it, as `PUT …/attendance` does, in the
 * same transaction as the other changes.
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
  implements UpdateEncounterRequest
{
  @ApiPropertyOptional({
    type: [AttendancePutItemDto],
    maxItems: MAX_ATTENDEES,
    description:
      'Replaces the attendance list, as the body of `PUT /api/encounters/{id}/attendance` does, in the ' +
      'same transaction as the other changes, so that the learners\u2019 coverage is recomputed once. Not ' +
      'with `attendees` or `absentLearnerIds`. (`attendance`, as a read answers it, is ignored when sent ' +
      'back.)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttendancePutItemDto)
  replaceAttendance?: AttendancePutItemDto[];
}
