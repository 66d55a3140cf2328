import type { DestinationImportResult } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsUUID } from 'class-validator';
import { AcademicYearField } from '../../common/query-fields';
import { DestinationBatchResultDto } from './destination-batch.dto';

/** "true" / "false" from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class DestinationImportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The academy whose Years 11 and 13 the file lists.' })
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId: string;

  @AcademicYearField({ description: 'Defaults to the current academic year.' })
  academicYear?: number;

  @ApiPropertyOptional({
    default: true,
    description: 'true (the default) only reports what the import would do; false commits it.',
  })
  @Transform(queryBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun = true;
}

export class DestinationImportErrorDto {
  @ApiProperty({ description: 'The line of the file (header = 1).' }) line: number;
  @ApiProperty({ description: 'The column, as its header is written.' }) column: string;
  @ApiProperty({ description: 'The cell as written.' }) value: string;
  @ApiProperty() reason: string;
}

export class DestinationImportResultDto extends DestinationBatchResultDto implements DestinationImportResult {
  @ApiProperty({ description: 'Lines with at least one error.' }) rejected: number;
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ type: [DestinationImportErrorDto] }) errors: DestinationImportErrorDto[];
}
