import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO8601,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

/** Body of `POST /api/academies/{id}/leavers`: learners the MIS no longer lists, and when they left. */
export class MarkLeaversDto {
  @ApiProperty({ example: 2025, description: 'The academic year of the file that left them out.' })
  @IsInt({ message: 'academicYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'academicYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'academicYear must be a year from 2000 to 2100' })
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
