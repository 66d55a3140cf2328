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
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsEventDate } from './iso-date.validator';
import { Flag, Nested, trim, UuidList, WholeNumber } from '../../common/body-fields';

const upperCaseTrimmed = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item.trim().toUpperCase() : item))
    : value;

/** The largest attendance one request may name: a big academy's whole roll. */
export const MAX_ATTENDEES = 3000;

export class MeaningfulChecklistDto implements EncounterMeaningfulChecklist {
  @Flag({ description: 'Purpose shared with the organisation and the learners.' })
  purposeShared: boolean;

  @Flag()
  learningOutcomes: boolean;

  @Flag()
  twoWayInteraction: boolean;

  @Flag({ description: 'Time to reflect afterwards.' })
  reflection: boolean;

  @Flag({ description: 'Workplace experience (B6).' }, { optional: true })
  rangeOfPeople?: boolean;

  @Flag({ description: 'Workplace experience (B6).' }, { optional: true })
  taskSet?: boolean;

  @Flag({ description: 'Workplace experience (B6).' }, { optional: true })
  employerFeedback?: boolean;

  @Flag({ description: 'Education-provider encounter (B7).' }, { optional: true })
  providerInformation?: boolean;

  @Flag({ description: 'Education-provider encounter (B7).' }, { optional: true })
  whatLearningIsLike?: boolean;

  @Flag({ description: 'Education-provider encounter (B7), recorded only.' }, { optional: true })
  metStaffAndLearners?: boolean;
}

export class EncounterAttendeesDto implements EncounterAttendees {
  @UuidList({ maxItems: MAX_ATTENDEES }, { optional: true })
  learnerIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['A123456789012'] })
  @IsOptional()
  @Transform(upperCaseTrimmed)
  @IsArray()
  @ArrayMaxSize(MAX_ATTENDEES)
  @IsString({ each: true })
  @Length(13, 13, { each: true, message: 'each value in upns must be a 13-character UPN' })
  upns?: string[];

  @UuidList({ maxItems: 200, description: 'Registration or teaching groups.' }, { optional: true })
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

  @Flag()
  duringSchoolDay: boolean;

  @WholeNumber({ minimum: 1, maximum: 20160 })
  durationMinutes: number;

  @WholeNumber(
    { minimum: 1, maximum: 60, description: 'Work experience: the number of days.' },
    { optional: true },
  )
  days?: number;

  @WholeNumber(
    { minimum: 1, maximum: 8, description: "The leading adviser's CDI level." },
    { optional: true },
  )
  adviserLevel?: number;

  @UuidList({ minItems: 1, maxItems: 50 })
  organisationIds: string[];

  @Nested(MeaningfulChecklistDto)
  meaningful: MeaningfulChecklistDto;

  @Nested(EncounterAttendeesDto)
  attendees: EncounterAttendeesDto;

  @UuidList({ maxItems: MAX_ATTENDEES, description: 'Recorded as absent.' }, { optional: true })
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

  @ApiPropertyOptional({
    type: [Number],
    example: [12, 13],
    description:
      'R-PAL-4: the year groups (7–14) the event was open to. Left out or empty, it takes the year groups of ' +
      'the learners on the attendance list.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsInt({ each: true })
  @Min(7, { each: true })
  @Max(14, { each: true })
  offeredTo?: number[];

  @Flag(
    { description: 'R-V-1: linked to the learners’ curriculum (B5 at a post-16 academy). Default false.' },
    { optional: true },
  )
  curriculumLinked?: boolean;

  @Flag(
    {
      description:
        'This is a different event from the likely duplicate a 409 `duplicate_encounter` named (same ' +
        'academy, date and organisations, more than half the same learners): log it all the same. The ' +
        'audit records the confirmation. Not stored on the encounter.',
    },
    { optional: true },
  )
  confirmDistinct?: boolean;
}
