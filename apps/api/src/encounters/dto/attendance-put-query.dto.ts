import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

/** "true" / "false" from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** Query of `PUT /api/encounters/{id}/attendance`, whose body is the list itself. */
export class AttendancePutQueryDto {
  @ApiPropertyOptional({
    default: false,
    description:
      'true: this is a different event from the likely duplicate a 409 `duplicate_encounter` named; the ' +
      'list is written all the same and the audit records the confirmation.',
  })
  @Transform(queryBoolean)
  @IsBoolean({ message: 'confirmDistinct must be true or false' })
  confirmDistinct = false;
}
