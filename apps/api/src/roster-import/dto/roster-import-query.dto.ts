import type { RosterImportQuery } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/** "true" / "false" from a query string; anything else is left for @IsBoolean to refuse. */
const queryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class RosterImportQueryDto implements RosterImportQuery {
  @ApiProperty({ example: 2025, description: 'The academic year the file is for: 2025 = 2025/26.' })
  @Type(() => Number)
  @IsInt({ message: 'academicYear must be a year such as 2025 (for 2025/26)' })
  @Min(2000)
  @Max(2100)
  academicYear: number;

  @ApiPropertyOptional({
    default: true,
    description: 'true (the default) only reports what the import would do; false commits it.',
  })
  @Transform(queryBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun = true;
}
