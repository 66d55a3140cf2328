import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

export class CreateSnapshotDto {
  @ApiProperty({
    example: '2025-12-31',
    description: 'A measurement date of the Careers & Enterprise Company: 31 December, 31 March or 31 July.',
  })
  @IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' })
  @Matches(/-(12-31|03-31|07-31)$/, { message: 'asAt must be 31 December, 31 March or 31 July' })
  asAt: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'One academy; without it, the whole trust (trust-wide roles).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId?: string;
}

export class SnapshotListQueryDto {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'academicYear must be a year from 2000 to 2100' })
  @Min(2000, { message: 'academicYear must be a year from 2000 to 2100' })
  @Max(2100, { message: 'academicYear must be a year from 2000 to 2100' })
  academicYear?: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'academyId must be the UUID of an academy' })
  academyId?: string;
}

export class SnapshotCompareQueryDto {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'The later date. Default: today.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asAt must be a date as YYYY-MM-DD' })
  asAt?: string;
}
