import {
  type CreateOrganisationRequest,
  ORGANISATION_SIZE_BANDS,
  ORGANISATION_TYPES,
  type OrganisationContact,
  type OrganisationSizeBand,
  type OrganisationType,
  type Sector,
  SECTORS,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../common/body-fields';

/** Blank optional text is stored as null. */
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

export class OrganisationContactDto implements OrganisationContact {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'Priya Shah' })
  @Transform(trimToNull)
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(200)
  name: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'priya.shah@example.co.uk' })
  @Transform(trimToNull)
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsEmail({}, { message: 'contact.email must be an email address' })
  @MaxLength(254)
  email: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '01782 000000' })
  @Transform(trimToNull)
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsString()
  @Matches(/^[0-9 +()\-.]{6,30}$/, { message: 'contact.phone must be a telephone number' })
  phone: string | null = null;
}

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ example: 'Wedgwood Ceramics Ltd' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  @ApiPropertyOptional({ enum: SECTORS, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTORS.length)
  @ArrayUnique()
  @IsIn(SECTORS, { each: true })
  sectors: Sector[];

  @ApiPropertyOptional({ enum: ORGANISATION_SIZE_BANDS, nullable: true, default: null })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsIn(ORGANISATION_SIZE_BANDS)
  sizeBand: OrganisationSizeBand | null;

  @ApiPropertyOptional({
    default: false,
    description: 'Offers approved technical education or apprenticeships (R-C-7).',
  })
  @IsOptional()
  @IsBoolean()
  offersTechnicalEducation: boolean;

  @ApiPropertyOptional({ type: OrganisationContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationContactDto)
  contact?: OrganisationContactDto;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;
}
