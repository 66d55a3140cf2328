import {
  ATTENDANCE_STATUSES,
  type AttendancePutItem,
  type AttendanceReflection,
  type AttendanceStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
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

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1440,
    description:
      'R-WEX-1: the hours this learner spent, never more than 24 a day of the encounter; null or left out takes ' +
      'the default (the duration, or days × the policy’s hours a day).',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1440)
  hours?: number | null;
}
