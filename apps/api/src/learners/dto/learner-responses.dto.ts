import type {
  AttendanceStatus,
  ItemCounting,
  MeaningfulBenchmark,
  MeaningfulChecklistItem,
  NotCountingCode,
  DeliveryMode,
  EncounterCategory,
  EncounterFormat,
  GuidanceMeetingMode,
  LearnerExportResponse,
  LearnerRuleDetail,
  LearnerWorkExperience,
  RuleId,
  EnrolmentResponse,
  GroupRef,
  LearnerDestinations,
  LearnerDetailResponse,
  LearnerListItem,
  LearnerResponse,
  RuleStatus,
  RuleStatuses,
  SenStatusCode,
  TimelineEncounterEntry,
  TimelineEntry,
  TimelineGuidanceMeetingEntry,
  WorkExperienceHoursResponse,
  WorkExperienceItemResponse,
} from '@encounters/domain';
import {
  ATTENDANCE_STATUSES,
  DELIVERY_MODES,
  ENCOUNTER_CATEGORIES,
  ENCOUNTER_FORMATS,
  GUIDANCE_MEETING_MODES,
  MEANINGFUL_BENCHMARKS,
  MEANINGFUL_CHECKLIST_ITEMS,
  RULE_IDS,
  RULE_STATUSES,
  SEN_STATUS_CODES,
} from '@encounters/domain';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';
import { AttendanceReflectionDto, OrganisationRefDto } from '../../encounters/dto/encounter-response.dto';
import { GuidanceMeetingResponseDto } from '../../guidance-meetings/dto/guidance-meeting-response.dto';
import { PartTimeJobResponseDto } from './part-time-job.dto';

/** An object with one property per rule id (`O2`, `B5`, …), each of the given schema. */
const perRule = (schema: Record<string, unknown>) => ({
  type: 'object' as const,
  required: [...RULE_IDS],
  properties: Object.fromEntries(RULE_IDS.map((rule) => [rule, schema])),
});

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

  @ApiPropertyOptional({
    enum: RULE_STATUSES,
    description: 'The status for the `rule` asked for, at `asAt`; absent when no rule was asked for.',
  })
  ruleStatus?: RuleStatus;
}

export class LearnerPageDto extends PageOf(LearnerListItemDto) {}

export class LearnerResponseDto extends LearnerNamesDto implements LearnerResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2011-05-14',
    description: 'Null once the leaver has been pseudonymised, three years after leaving (R-DEST-4).',
  })
  dateOfBirth: string | null;

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

export class DateWindowDto {
  @ApiProperty({ format: 'date', description: 'First day, inclusive.' }) start: string;
  @ApiProperty({ format: 'date', description: 'Last day, inclusive.' }) end: string;
}

export class LearnerRuleDetailDto implements LearnerRuleDetail {
  @ApiProperty({ enum: RULE_STATUSES }) status: RuleStatus;
  @ApiProperty({
    type: DateWindowDto,
    nullable: true,
    description: 'The dates between which evidence counts; null when the rule does not apply.',
  })
  window: DateWindowDto | null;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Ids of the encounters and guidance meetings that count, oldest first.',
  })
  evidence: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What the learner still lacks; null when met or not applicable.',
  })
  stillNeeded: string | null;
}

const NOT_COUNTING_CODES: NotCountingCode[] = [
  'absent',
  'after_as_at',
  'adviser_below_level_6',
  'checklist_incomplete',
  'not_meaningful_for_learner',
  'virtual_visit',
  'outside_window',
  'no_rule_applies',
];

/** Why an item does not count; the fields beside `code` are those its code uses. */
export class NotCountingReasonDto {
  @ApiProperty({
    enum: NOT_COUNTING_CODES,
    description:
      'absent: not marked as attending; after_as_at: dated after the as-at date; adviser_below_level_6: guidance ' +
      'by an adviser below level 6; checklist_incomplete: not meaningful for `benchmark`, `missing` unticked; ' +
      'not_meaningful_for_learner: marked so for this learner; virtual_visit: a virtual workplace experience or ' +
      "HE visit (2024 rules); outside_window: outside every applicable rule's `windows`; no_rule_applies: no " +
      'applicable rule counts what it evidences.',
  })
  code: NotCountingCode;
  @ApiPropertyOptional({ format: 'date', description: 'after_as_at.' }) asAt?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'adviser_below_level_6.' })
  adviserLevel?: number | null;
  @ApiPropertyOptional({ enum: MEANINGFUL_BENCHMARKS, description: 'checklist_incomplete.' })
  benchmark?: MeaningfulBenchmark;
  @ApiPropertyOptional({
    enum: MEANINGFUL_CHECKLIST_ITEMS,
    isArray: true,
    description: 'checklist_incomplete.',
  })
  missing?: MeaningfulChecklistItem[];
  @ApiPropertyOptional({ enum: ['workplace_experience', 'he_visit'], description: 'virtual_visit.' })
  category?: 'workplace_experience' | 'he_visit';
  @ApiPropertyOptional({ type: [DateWindowDto], description: 'outside_window.' }) windows?: DateWindowDto[];
}

/** Whether a timeline item counts for the year asked for, for which rules, and why not. */
export class ItemCountingDto {
  @ApiProperty({ description: 'Counted as evidence by at least one rule.' }) counts: boolean;
  @ApiProperty({ enum: RULE_IDS, isArray: true, description: 'The rules whose evidence holds it.' })
  rules: RuleId[];
  @ApiProperty({
    type: [NotCountingReasonDto],
    description:
      'Why it does not count, or not for everything it could; empty when nothing stands in its way.',
  })
  reasons: NotCountingReasonDto[];
}

export class TimelineEncounterEntryDto implements TimelineEncounterEntry {
  @ApiProperty({ enum: ['encounter'] }) kind: 'encounter';
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate: string | null;
  @ApiProperty({ format: 'uuid' }) encounterId: string;
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ENCOUNTER_FORMATS }) format: EncounterFormat;
  @ApiProperty({ enum: DELIVERY_MODES }) delivery: DeliveryMode;
  @ApiProperty({ type: [OrganisationRefDto] }) organisations: OrganisationRefDto[];
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({
    description: "Whether this learner's attendance counts as meaningful: the checklist, less any override.",
  })
  meaningful: boolean;
  @ApiProperty({ enum: ENCOUNTER_CATEGORIES, isArray: true }) categories: EncounterCategory[];
  @ApiProperty({ type: AttendanceReflectionDto, nullable: true }) reflection: AttendanceReflectionDto | null;
  @ApiProperty({ type: ItemCountingDto }) counting: ItemCounting;
}

export class TimelineGuidanceMeetingEntryDto implements TimelineGuidanceMeetingEntry {
  @ApiProperty({ enum: ['guidance_meeting'] }) kind: 'guidance_meeting';
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ format: 'uuid' }) guidanceMeetingId: string;
  @ApiProperty() adviserName: string;
  @ApiProperty() adviserLevel: number;
  @ApiProperty({ enum: GUIDANCE_MEETING_MODES }) mode: GuidanceMeetingMode;
  @ApiPropertyOptional({ description: 'Restricted: left out for readers who may not read guidance notes.' })
  summary?: string;
  @ApiPropertyOptional({ description: 'Restricted: left out for readers who may not read guidance notes.' })
  agreedActions?: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) followUpOn: string | null;
  @ApiProperty({ type: ItemCountingDto }) counting: ItemCounting;
}

const timelineSchema = {
  type: 'array' as const,
  items: {
    oneOf: [
      { $ref: getSchemaPath(TimelineEncounterEntryDto) },
      { $ref: getSchemaPath(TimelineGuidanceMeetingEntryDto) },
    ],
  },
};

/** `GET /api/learners/{id}`: the learner, every enrolment, the timeline and every rule's status and evidence. */
@ApiExtraModels(TimelineEncounterEntryDto, TimelineGuidanceMeetingEntryDto, LearnerRuleDetailDto)
export class WorkExperienceHoursDto implements WorkExperienceHoursResponse {
  @ApiProperty({ example: 30, description: 'Hours attended by the as-at date, in person and virtual.' })
  doneHours: number;
  @ApiProperty({ example: 0, description: 'R-WEX-5: hours of experiences dated after the as-at date.' })
  plannedHours: number;
  @ApiProperty({ example: 25, description: 'R-WEX-4: done hours as they count, virtual hours capped.' })
  countedHours: number;
  @ApiProperty({ example: 25, description: 'The policy’s target (wex.ks3Hours or wex.ks4Hours).' })
  targetHours: number;
}

export class WorkExperienceItemDto implements WorkExperienceItemResponse {
  @ApiProperty({ format: 'uuid' }) encounterId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 30 }) hours: number;
  @ApiProperty({ enum: DELIVERY_MODES }) delivery: DeliveryMode;
  @ApiProperty({ description: 'R-WEX-5: dated after the as-at date.' }) planned: boolean;
  @ApiProperty({ description: 'R-WEX-2: a placement, counted for KS4.' }) placement: boolean;
}

export class LearnerWorkExperienceDto implements LearnerWorkExperience {
  @ApiProperty({ type: WorkExperienceHoursDto, description: 'Activities in Years 7–9 (WEX_KS3).' })
  ks3: WorkExperienceHoursDto;
  @ApiProperty({ type: WorkExperienceHoursDto, description: 'Placements in Years 10–11 (WEX_KS4).' })
  ks4: WorkExperienceHoursDto;
  @ApiProperty({
    type: [WorkExperienceItemDto],
    description: 'Every experience carrying hours, oldest first.',
  })
  items: WorkExperienceItemDto[];
}

export class LearnerDetailDto implements LearnerDetailResponse {
  @ApiProperty({ type: LearnerResponseDto })
  learner: LearnerResponseDto;

  @ApiProperty({ type: [EnrolmentResponseDto], description: 'Every academic year held, newest first.' })
  enrolments: EnrolmentResponseDto[];

  @ApiProperty({ ...timelineSchema, description: 'Encounters and guidance meetings, newest first.' })
  timeline: TimelineEntry[];

  @ApiProperty({ example: 2025 })
  academicYear: number;

  @ApiProperty({ format: 'date', example: '2026-03-31' })
  asAt: string;

  @ApiProperty({
    ...perRule({ type: 'string', enum: [...RULE_STATUSES] }),
    description: 'The status of every rule in the academic year at the as-at date.',
  })
  ruleStatuses: RuleStatuses;

  @ApiProperty({
    ...perRule({ $ref: getSchemaPath(LearnerRuleDetailDto) }),
    description: 'Per rule: status, window, evidence (encounter and meeting ids), still needed.',
  })
  ruleDetails: Record<RuleId, LearnerRuleDetail>;

  @ApiProperty({
    type: LearnerWorkExperienceDto,
    description: 'R-WEX-1..5: the work-experience ledger at the as-at date, as the rules read it.',
  })
  workExperience: LearnerWorkExperienceDto;

  @ApiProperty({ type: [PartTimeJobResponseDto], description: 'R-WEX-7: the latest first.' })
  partTimeJobs: PartTimeJobResponseDto[];

  // Its schema is registered by the destinations controller (a class import here would make a folder cycle).
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath('LearnerDestinationsDto') }],
    description:
      'R-DEST-1..4: intended destinations, NEET risk (restricted) and actual destinations after leaving.',
  })
  destinations: LearnerDestinations;
}

/** An attendance as the subject access export lists it. */
export class LearnerExportAttendanceDto {
  @ApiProperty({ format: 'uuid' }) encounterId: string;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({ type: Boolean, nullable: true }) meaningfulOverride: boolean | null;
  @ApiProperty({ type: Number, nullable: true }) reflectionRating: number | null;
  @ApiProperty({ type: String, nullable: true }) reflectionComment: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'R-WEX-1: own hours; null takes the default.' })
  hours: number | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** The notes of a guidance meeting logged as an encounter: about this learner alone, so restricted. */
export class LearnerExportEncounterNotesDto {
  @ApiProperty({ format: 'uuid' }) encounterId: string;
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty() notes: string;
}

/** A request of another academy's roster file to enrol the learner. */
export class LearnerExportMoveRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'uuid' }) toAcademyId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fromAcademyId: string | null;
  @ApiProperty({ example: 'pending' }) status: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The row of the file as read, kept while the request is pending.',
  })
  fileRow: Record<string, unknown> | null;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class LearnerExportRuleStatusesDto {
  @ApiProperty({ example: 2025 }) academicYear: number;
  @ApiProperty({ format: 'date' }) asAt: string;
  @ApiProperty(perRule({ $ref: getSchemaPath(LearnerRuleDetailDto) }))
  statuses: Record<RuleId, LearnerRuleDetail>;
}

/**
 * `GET /api/learners/{id}/export`: everything held on the learner, for a subject access request. The
 * meetings' restricted fields are left out for readers who may not read guidance notes.
 */
@ApiExtraModels(TimelineEncounterEntryDto, LearnerRuleDetailDto)
export class LearnerExportDto implements Omit<LearnerExportResponse, 'guidanceMeetings'> {
  @ApiProperty({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: LearnerResponseDto }) learner: LearnerResponseDto;
  @ApiProperty({ type: [EnrolmentResponseDto] }) enrolments: EnrolmentResponseDto[];
  @ApiProperty({ type: [TimelineEncounterEntryDto] }) encounters: TimelineEncounterEntryDto[];
  @ApiProperty({ type: [LearnerExportAttendanceDto] }) attendance: LearnerExportAttendanceDto[];
  @ApiProperty({
    type: [GuidanceMeetingResponseDto],
    description: 'Summaries and agreed actions only for those who may read guidance notes.',
  })
  guidanceMeetings: GuidanceMeetingResponseDto[];
  @ApiProperty({ type: [LearnerExportEncounterNotesDto] })
  guidanceEncounterNotes: LearnerExportEncounterNotesDto[];
  @ApiProperty({ type: [LearnerExportMoveRequestDto] }) moveRequests: LearnerExportMoveRequestDto[];
  @ApiProperty({ type: [PartTimeJobResponseDto], description: 'R-WEX-7.' })
  partTimeJobs: PartTimeJobResponseDto[];
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath('LearnerDestinationsDto') }],
    description:
      'R-DEST-1..4: intended destinations with their dated statuses, NEET risk (only for those who may see it), and the activity after leaving with consent.',
  })
  destinations: LearnerDestinations;
  @ApiProperty({ type: LearnerExportRuleStatusesDto }) ruleStatuses: LearnerExportRuleStatusesDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: "The coverage figures' bookkeeping rows held for the learner, as stored.",
  })
  coverageBookkeeping: Record<string, unknown>[];
}
