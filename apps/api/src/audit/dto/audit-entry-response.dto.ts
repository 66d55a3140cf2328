import type { AuditEntryResponse, AuditLearnerRef } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';

/** A learner an audit entry names. */
export class AuditLearnerRefDto implements AuditLearnerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null once the learner has been erased.' })
  name: string | null;
}

/** An audit entry; ids are sequence numbers. */
export class AuditEntryResponseDto implements AuditEntryResponse {
  @ApiProperty({ description: 'A sequence number, as a string.', example: '42' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The acting user's display name; null without a user, or once the user is erased.",
    example: 'Alex Admin',
  })
  userName: string | null;
  @ApiProperty({ example: 'encounter.create' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "What the record is called now (an encounter's title, a learner's, user's, organisation's or academy's name; a guidance meeting by its learner); null when it has none or no longer exists.",
    example: 'Year 10 careers fair',
  })
  entityName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) academyId: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Northfield Academy' }) academyName: string | null;
  @ApiProperty({
    type: [AuditLearnerRefDto],
    description: 'The learners the entry names in its details (learnerIds), with their names.',
  })
  learners: AuditLearnerRefDto[];
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageDto extends PageOf(AuditEntryResponseDto) {}
