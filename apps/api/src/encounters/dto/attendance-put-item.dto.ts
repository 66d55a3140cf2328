import {
  ATTENDANCE_STATUSES,
  type AttendancePutItem,
  type AttendanceReflection,
  type AttendanceStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Flag, WholeNumber } from '../../common/body-fields';

export class AttendanceReflectionDto implements AttendanceReflection {
  @WholeNumber({ minimum: 1, maximum: 5 })
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

  @Flag({ description: 'false marks this attendance as not meaningful (R-M-2).' }, { optional: true })
  meaningful?: boolean;

  @ApiPropertyOptional({ type: AttendanceReflectionDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AttendanceReflectionDto)
  reflection?: AttendanceReflectionDto;
}
