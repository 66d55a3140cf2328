import type { AuditEntryResponse } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

/** As the API answers today: the contract's `userName` is not filled in yet, and ids are sequence numbers. */
export class AuditEntryResponseDto implements Omit<AuditEntryResponse, 'userName'> {
  @ApiProperty({ description: 'A sequence number, as a string.', example: '42' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ example: 'encounter.create' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) academyId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
