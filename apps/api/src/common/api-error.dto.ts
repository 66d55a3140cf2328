import type { ApiErrorBody, ApiErrorDetail } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ApiErrorDetailDto implements ApiErrorDetail {
  @ApiPropertyOptional({ description: 'The request field, dotted for nested fields.', example: 'title' })
  field?: string;
  @ApiPropertyOptional({ description: 'For CSV uploads: the line in the file (header = 1).' })
  line?: number;
  @ApiPropertyOptional({ description: 'For CSV uploads: the header as written.' })
  column?: string;
  @ApiPropertyOptional({ description: 'For CSV uploads: the cell as written.' })
  value?: string;
  @ApiProperty({ example: 'title must be shorter than or equal to 200 characters' })
  reason: string;
}

/** The record a 409 says already exists. */
export class ExistingRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Year 10 visit to Kilnside Engineering' }) title: string;
  @ApiProperty({ example: '2025-11-12' }) date: string;
}

/** Every error answer, whatever the status (spec/api.md "Errors"). */
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Invalid title: title should not be empty' }) message: string;
  @ApiProperty({ type: [ApiErrorDetailDto] }) details: ApiErrorDetailDto[];
  @ApiPropertyOptional({
    description:
      'A stable code for the errors a client handles by kind: `duplicate_encounter` (409; send again ' +
      'with `confirmDistinct: true` if it is a different event), `encounter_already_logged` (409; the ' +
      'same title too).',
    example: 'duplicate_encounter',
  })
  code?: string;
  @ApiPropertyOptional({
    type: ExistingRecordDto,
    description: 'A duplicate refusal: the encounter it repeats.',
  })
  existing?: ExistingRecordDto;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A 409 for a duplicate: the id of the existing record.',
  })
  existingId?: string;
}
