import {
  ATTENDANCE_STATUSES,
  type AttendancePutItem,
  type AttendanceReflection,
  type AttendanceStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  isBoolean,
  isIn,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  isNumber,
  isUUID,
  IsUUID,
  max,
  Max,
  MaxLength,
  min,
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

/** The properties an item may have without a reflection: the ones checked by `attendanceItemPlainlyValid`. */
const PLAIN_ITEM_KEYS = new Set(['learnerId', 'status', 'meaningful', 'hours']);
const absent = (value: unknown) => value === undefined || value === null;

/**
 * The checks of {@link AttendancePutItemDto}, by class-validator's own functions and with the same
 * constraints, for the usual item of a register (no reflection): true only when every one passes and the
 * item has no other property, so that class-validator would accept it as it is. Items with a reflection,
 * and any item this refuses, are left to class-transformer and class-validator, whose errors the API answers.
 */
export function attendanceItemPlainlyValid(item: unknown): boolean {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  if (Object.getPrototypeOf(item) !== Object.prototype) return false;
  for (const key of Object.keys(item)) if (!PLAIN_ITEM_KEYS.has(key)) return false;
  const { learnerId, status, meaningful, hours } = item as Record<string, unknown>;
  return (
    isUUID(learnerId) &&
    isIn(status, ATTENDANCE_STATUSES) &&
    (absent(meaningful) || isBoolean(meaningful)) &&
    (absent(hours) || (isNumber(hours, { maxDecimalPlaces: 2 }) && min(hours, 0) && max(hours, 1440)))
  );
}
