import {
  ORGANISATION_SIZE_BANDS,
  ORGANISATION_TYPES,
  type OrganisationContact,
  type OrganisationDetailResponse,
  type OrganisationEngagement,
  type OrganisationResponse,
  type OrganisationSizeBand,
  type OrganisationType,
  type OrganisationUsedBy,
  SECTORS,
  type Sector,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';

export class OrganisationContactResponseDto implements OrganisationContact {
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class OrganisationEngagementDto implements OrganisationEngagement {
  @ApiProperty({ readOnly: true }) encounters: number;
  @ApiProperty({ readOnly: true }) learners: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, readOnly: true }) lastEncounterOn:
    string | null;
}

export class OrganisationResponseDto implements OrganisationResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type: OrganisationType;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty({ enum: ORGANISATION_SIZE_BANDS, nullable: true }) sizeBand: OrganisationSizeBand | null;
  @ApiProperty() offersTechnicalEducation: boolean;
  @ApiProperty({ type: OrganisationContactResponseDto, nullable: true }) contact: OrganisationContact | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: OrganisationEngagementDto, readOnly: true }) engagement: OrganisationEngagementDto;
  @ApiProperty({ format: 'date-time', readOnly: true }) createdAt: string;
  @ApiProperty({ format: 'date-time', readOnly: true }) updatedAt: string;
}

export class OrganisationUsedByDto implements OrganisationUsedBy {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class OrganisationDetailResponseDto
  extends OrganisationResponseDto
  implements OrganisationDetailResponse
{
  @ApiProperty({ type: [OrganisationUsedByDto], readOnly: true }) usedBy: OrganisationUsedByDto[];
  @ApiProperty({ enum: ['all', 'contact', 'none'], readOnly: true }) editable: 'all' | 'contact' | 'none';
}

export class OrganisationPageDto extends PageOf(OrganisationResponseDto) {}
