import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsUUID } from 'class-validator';
import { AcademicYearField } from '../../common/query-fields';

/** Body of `POST /api/academies/{id}/leavers`: learners the MIS no longer lists, and when they left. */
export class MarkLeaversDto {
  @AcademicYearField(
    { description: 'The academic year of the file that left them out.' },
    { required: true, fromQuery: false },
  )
  academicYear: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1, { message: 'learnerIds must name at least one learner' })
  @ArrayMaxSize(5000)
  @ArrayUnique({ message: 'learnerIds must not name a learner twice' })
  @IsUUID('all', { each: true, message: 'each of learnerIds must be a learner id' })
  learnerIds: string[];

  @ApiProperty({ example: '2025-07-18', description: 'The day they left.' })
  @IsISO8601({ strict: true }, { message: 'leavingDate must be a date as YYYY-MM-DD' })
  leavingDate: string;
}

/** Answer of `POST /api/academies/{id}/leavers`. */
export class MarkLeaversResultDto {
  @ApiProperty({ description: 'The learners marked as leavers.', example: 3 }) marked: number;
}
