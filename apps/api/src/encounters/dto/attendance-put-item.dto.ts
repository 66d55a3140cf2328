import {
  ATTENDANCE_STATUSES,
  type AttendancePutItem,
  type AttendanceReflection,
  type AttendanceStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class AttendanceReflectionDto implements AttendanceReflection {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  comment: string;
}

export class AttendancePutItemDto implements AttendancePutItem {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  learnerId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiPropertyOptional({ description: 'false marks this attendance as not meaningful (R-M-2).' })
  @IsOptional()
  @IsBoolean()
  meaningful?: boolean;

  @ApiPropertyOptional({ type: AttendanceReflectionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AttendanceReflectionDto)
  reflection?: AttendanceReflectionDto;
}
