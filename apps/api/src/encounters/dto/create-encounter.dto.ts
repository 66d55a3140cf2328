import {
  type CreateEncounterRequest,
  DELIVERY_MODES,
  type DeliveryMode,
  ENCOUNTER_FORMATS,
  type EncounterAttendees,
  type EncounterFormat,
  type EncounterMeaningfulChecklist,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsEventDate } from './iso-date.validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upperCaseTrimmed = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item))
    : value;

/** The largest attendance one request may name: a big academy's whole roll. */
export const MAX_ATTENDEES = 3000;

export class MeaningfulChecklistDto implements EncounterMeaningfulChecklist {
  @ApiProperty({ description: 'Purpose shared with the organisation and the learners.' })
  @IsBoolean()
  purposeShared: boolean;

  @ApiProperty()
  @IsBoolean()
  learningOutcomes: boolean;

  @ApiProperty()
  @IsBoolean()
  twoWayInteraction: boolean;

  @ApiProperty({ description: 'Time to reflect afterwards.' })
  @IsBoolean()
  reflection: boolean;

  @ApiPropertyOptional({ description: 'Workplace experience (B6).' })
  @IsOptional()
  @IsBoolean()
  rangeOfPeople?: boolean;

  @ApiPropertyOptional({ description: 'Workplace experience (B6).' })
  @IsOptional()
  @IsBoolean()
  taskSet?: boolean;

  @ApiPropertyOptional({ description: 'Workplace experience (B6).' })
  @IsOptional()
  @IsBoolean()
  employerFeedback?: boolean;

  @ApiPropertyOptional({ description: 'Education-provider encounter (B7).' })
  @IsOptional()
  @IsBoolean()
  providerInformation?: boolean;

  @ApiPropertyOptional({ description: 'Education-provider encounter (B7).' })
  @IsOptional()
  @IsBoolean()
  whatLearningIsLike?: boolean;

  @ApiPropertyOptional({ description: 'Education-provider encounter (B7), recorded only.' })
  @IsOptional()
  @IsBoolean()
  metStaffAndLearners?: boolean;
}

export class EncounterAttendeesDto implements EncounterAttendees {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsUUID('all', { each: true })
  learnerIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['A123456789012'] })
  @IsOptional()
  @Transform(upperCaseTrimmed)
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsString({ each: true })
  @Length(13, 13, { each: true, message: 'each value in upns must be a 13-character UPN' })
  upns?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Registration or teaching groups.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  groupIds?: string[];

  @ApiPropertyOptional({ type: [Number], example: [10] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(14, { each: true })
  yearGroups?: number[];
}

export class CreateEncounterDto implements CreateEncounterRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  academyId: string;

  @ApiProperty({ example: 'Careers talk: JCB engineering apprenticeships' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ example: '2025-11-12', description: 'At most a year ahead.' })
  @IsEventDate()
  date: string;

  @ApiPropertyOptional({ example: '2025-11-14', description: 'For an encounter over several days.' })
  @IsOptional()
  @IsEventDate()
  endDate?: string;

  @ApiProperty({ enum: ENCOUNTER_FORMATS })
  @IsIn(ENCOUNTER_FORMATS)
  format: EncounterFormat;

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  delivery: DeliveryMode;

  @ApiProperty()
  @IsBoolean()
  duringSchoolDay: boolean;

  @ApiProperty({ minimum: 1, maximum: 20160 })
  @IsInt()
  @Min(1)
  @Max(20160)
  durationMinutes: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Work experience: the number of days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  days?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 8, description: "The leading adviser's CDI level." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(8)
  adviserLevel?: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  organisationIds: string[];

  @ApiProperty({ type: MeaningfulChecklistDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MeaningfulChecklistDto)
  meaningful: MeaningfulChecklistDto;

  @ApiProperty({ type: EncounterAttendeesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EncounterAttendeesDto)
  attendees: EncounterAttendeesDto;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Recorded as absent.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsUUID('all', { each: true })
  absentLearnerIds?: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  organiser?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ type: [String], example: ['https://example.org/event'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @MaxLength(2000, { each: true })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true })
  links?: string[];
}
