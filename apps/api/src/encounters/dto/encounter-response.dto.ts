import {
  ATTENDANCE_STATUSES,
  type AttendanceReflection,
  type AttendanceStatus,
  DELIVERY_MODES,
  type DeliveryMode,
  EDUCATION_ORGANISATION_TYPES,
  type EducationOrganisationType,
  ENCOUNTER_CATEGORIES,
  ENCOUNTER_FORMATS,
  type EncounterAttendanceResponse,
  type EncounterCategory,
  type EncounterFormat,
  type EncounterListItem,
  type EncounterResponse,
  ORGANISATION_TYPES,
  type OrganisationRef,
  type OrganisationType,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';
import { MeaningfulChecklistDto } from './create-encounter.dto';

export class OrganisationRefDto implements OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
}

export class AttendanceReflectionDto implements AttendanceReflection {
  @ApiProperty({ minimum: 1, maximum: 5 }) rating: number;
  @ApiProperty() comment: string;
}

export class EncounterAttendanceResponseDto implements EncounterAttendanceResponse {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty() upn: string;
  @ApiProperty() name: string;
  @ApiProperty() yearGroup: number;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({ type: Boolean, nullable: true }) meaningful: boolean | null;
  @ApiProperty({ type: AttendanceReflectionDto, nullable: true }) reflection: AttendanceReflection | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'R-WEX-1: the learner’s own hours where a careers lead set them; null takes the default.',
  })
  hours: number | null;
}

export class EncounterListItemDto implements EncounterListItem {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty({ example: 2025, readOnly: true }) academicYear: number;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ enum: ENCOUNTER_FORMATS }) format: EncounterFormat;
  @ApiProperty({ enum: DELIVERY_MODES }) delivery: DeliveryMode;
  @ApiProperty() duringSchoolDay: boolean;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ type: Number, nullable: true }) days: number | null;
  @ApiProperty({ type: Number, nullable: true }) adviserLevel: number | null;
  @ApiProperty({ type: [OrganisationRefDto], readOnly: true }) organisations: OrganisationRefDto[];
  @ApiProperty({ type: MeaningfulChecklistDto }) meaningful: MeaningfulChecklistDto;
  @ApiProperty({ enum: ENCOUNTER_CATEGORIES, isArray: true, readOnly: true }) categories: EncounterCategory[];
  @ApiProperty({ enum: EDUCATION_ORGANISATION_TYPES, isArray: true, readOnly: true })
  educationTypes: EducationOrganisationType[];
  @ApiProperty({ readOnly: true }) attendedCount: number;
  @ApiProperty({ type: String, nullable: true }) organiser: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: [String] }) links: string[];
  @ApiProperty({ type: [Number], example: [12, 13], description: 'R-PAL-4: the year groups it was open to.' })
  offeredTo: number[];
  @ApiProperty({ description: 'R-V-1: linked to the learners’ curriculum.' }) curriculumLinked: boolean;
}

export class EncounterResponseDto extends EncounterListItemDto implements EncounterResponse {
  @ApiProperty({ type: [String], format: 'uuid' }) organisationIds: string[];
  @ApiProperty({ type: [EncounterAttendanceResponseDto], readOnly: true })
  attendance: EncounterAttendanceResponseDto[];
  @ApiProperty({ format: 'date-time', readOnly: true }) createdAt: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updatedAt: string;
}

export class EncounterPageDto extends PageOf(EncounterListItemDto) {}
