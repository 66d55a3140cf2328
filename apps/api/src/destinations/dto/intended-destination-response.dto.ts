import {
  DESTINATION_CATEGORIES,
  DESTINATION_STATUSES,
  type DestinationCategory,
  type DestinationRegister,
  type DestinationRegisterRow,
  type DestinationStatus,
  type DestinationStatusChange,
  type IntendedDestinationResponse,
  RULE_IDS,
  RULE_STATUSES,
  type RuleId,
  type RuleStatus,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';
import { OrganisationRefDto } from '../../encounters/dto/encounter-response.dto';
import { GroupRefDto } from '../../learners/dto/learner-responses.dto';

export class DestinationStatusChangeDto implements DestinationStatusChange {
  @ApiProperty({ enum: DESTINATION_STATUSES }) status: DestinationStatus;
  @ApiProperty({ format: 'date', example: '2026-11-20' }) on: string;
}

/** `notes` is restricted: absent for readers other than careers staff and advisers. */
export class IntendedDestinationResponseDto implements IntendedDestinationResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({ example: 2026 }) academicYear: number;
  @ApiProperty({ enum: DESTINATION_CATEGORIES }) category: DestinationCategory;
  @ApiProperty({ type: String, nullable: true }) providerName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId: string | null;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation: OrganisationRefDto | null;
  @ApiProperty({ enum: DESTINATION_STATUSES, description: 'The latest status of the history.' })
  status: DestinationStatus;
  @ApiProperty({
    type: [DestinationStatusChangeDto],
    description: 'Every change, oldest first; changes of one day in the order they were made.',
  })
  statusHistory: DestinationStatusChangeDto[];
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'R-DEST-2: the day the destination became confirmed (accepted or enrolled), as the record stands.',
  })
  confirmedOn: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Restricted: careers staff and advisers only; absent for other readers.',
  })
  notes?: string | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) updatedAt: string;
}

export class DestinationRegisterRowDto implements DestinationRegisterRow {
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({ example: 2026 }) academicYear: number;
  @ApiProperty({ example: 'B801200005001' }) upn: string;
  @ApiProperty({ description: 'Preferred names where given, legal ones otherwise.' }) name: string;
  @ApiProperty({ enum: [11, 13] }) yearGroup: number;
  @ApiProperty({ type: GroupRefDto, nullable: true, description: 'The registration group.' })
  group: GroupRefDto | null;
  @ApiProperty({ format: 'uuid' }) academyId: string;
  @ApiProperty({ type: IntendedDestinationResponseDto, nullable: true })
  destination: IntendedDestinationResponseDto | null;
  @ApiProperty({ enum: RULE_IDS, description: '`DEST_16` for Year 11, `DEST_18` for Year 13.' })
  rule: RuleId;
  @ApiProperty({
    enum: RULE_STATUSES,
    description: "The rule's status today, or on the academic year's last day for a year that has ended.",
  })
  ruleStatus: RuleStatus;
  @ApiPropertyOptional({
    description:
      'R-DEST-3: marked at risk of NEET, or the rule at risk or missed. Absent for those who may not see NEET risk.',
  })
  neetRisk?: boolean;
}

export class DestinationRegisterSummaryDto {
  @ApiProperty({ description: 'Every learner matching the query, not just this page.' }) learners: number;
  @ApiProperty({ description: 'Of them, with a destination recorded.' }) recorded: number;
  @ApiProperty({ description: 'Of them, with a confirmed destination (accepted or enrolled).' })
  confirmed: number;
  @ApiPropertyOptional({
    description: 'Of them, at risk of NEET; absent for those who may not see NEET risk.',
  })
  neetRisk?: number;
}

export class DestinationRegisterDto extends PageOf(DestinationRegisterRowDto) implements DestinationRegister {
  @ApiProperty({ type: DestinationRegisterSummaryDto }) summary: DestinationRegisterSummaryDto;
}
