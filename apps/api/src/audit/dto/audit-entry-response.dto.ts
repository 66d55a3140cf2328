import type { AuditEntryResponse, PagedResult } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

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
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) academyId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageDto implements PagedResult<AuditEntryResponseDto> {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
