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

/** Every error answer, whatever the status (spec/api.md "Errors"). */
export class ApiErrorDto implements ApiErrorBody {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Invalid title: title should not be empty' }) message: string;
  @ApiProperty({ type: [ApiErrorDetailDto] }) details: ApiErrorDetailDto[];
}
