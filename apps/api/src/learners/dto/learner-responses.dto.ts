import type {
  LearnerRuleDetail,
  RuleId,
  EnrolmentResponse,
  GroupRef,
  LearnerDetailResponse,
  LearnerListItem,
  LearnerResponse,
  PagedResult,
  RuleStatuses,
  SenStatusCode,
  TimelineEntry,
} from '@encounters/domain';
import { SEN_STATUS_CODES } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

export class GroupRefDto implements GroupRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '10K' })
  name: string;
}

/** Who a learner is: the fields a list item and a learner's record share. */
class LearnerNamesDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'B801200005001' })
  upn: string;

  @ApiProperty()
  legalSurname: string;

  @ApiProperty()
  legalForename: string;

  @ApiProperty({ type: String, nullable: true })
  preferredSurname: string | null;

  @ApiProperty({ type: String, nullable: true })
  preferredForename: string | null;

  @ApiProperty({ description: 'Preferred names where given, legal ones otherwise.' })
  name: string;
}

export class LearnerListItemDto extends LearnerNamesDto implements LearnerListItem {
  @ApiProperty({
    format: 'uuid',
    description: 'The academy of the enrolment in the academic year asked for.',
  })
  academyId: string;

  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty({ example: 10 })
  yearGroup: number;

  @ApiProperty({ type: GroupRefDto, nullable: true, description: 'The registration group.' })
  group: GroupRefDto | null;
}

export class LearnerPageDto implements PagedResult<LearnerListItemDto> {
  @ApiProperty({ type: [LearnerListItemDto] })
  items: LearnerListItemDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class LearnerResponseDto extends LearnerNamesDto implements LearnerResponse {
  @ApiProperty({ example: '2011-05-14' })
  dateOfBirth: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '"M", "F", another value as the MIS gave it, or null.',
  })
  gender: string | null;
}

export class EnrolmentResponseDto implements EnrolmentResponse {
  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty({ format: 'uuid' })
  academyId: string;

  @ApiProperty()
  academyName: string;

  @ApiProperty()
  yearGroup: number;

  @ApiProperty({ type: GroupRefDto, nullable: true })
  group: GroupRefDto | null;

  @ApiProperty()
  pupilPremium: boolean;

  @ApiProperty({ enum: SEN_STATUS_CODES })
  senStatus: SenStatusCode;

  @ApiProperty()
  eal: boolean;

  @ApiProperty()
  lookedAfter: boolean;

  @ApiProperty()
  consideringHigherEducation: boolean;

  @ApiProperty({ type: String, nullable: true })
  admissionDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  leavingDate: string | null;
}

/** `GET /api/learners/{id}`: the learner, every enrolment, the timeline and every rule's status and evidence. */
export class LearnerDetailDto implements LearnerDetailResponse {
  @ApiProperty({ type: LearnerResponseDto })
  learner: LearnerResponseDto;

  @ApiProperty({ type: [EnrolmentResponseDto], description: 'Every academic year held, newest first.' })
  enrolments: EnrolmentResponseDto[];

  @ApiProperty({
    type: [Object],
    description: 'Encounters and guidance meetings, newest first.',
  })
  timeline: TimelineEntry[];

  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty({ example: '2026-03-31' })
  asAt: string;

  @ApiProperty({
    type: Object,
    description: 'The status of every rule in the academic year at the as-at date.',
  })
  ruleStatuses: RuleStatuses;

  @ApiProperty({
    type: Object,
    description: 'Per rule: status, window, evidence (encounter and meeting ids), still needed.',
  })
  ruleDetails: Record<RuleId, LearnerRuleDetail>;
}
