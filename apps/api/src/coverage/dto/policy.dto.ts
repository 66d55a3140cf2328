import {
  EDUCATION_ORGANISATION_TYPES,
  type EducationOrganisationType,
  type PolicyBody,
  RULE_SETS,
  type RuleSet,
  SECTORS,
  type Sector,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ServerOwned } from '../../common/server-owned';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ObjectiveTwoPolicyDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(20) employer: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(20) education: number;
  @ApiProperty({ example: true }) @IsBoolean() requireAdvice: boolean;
}

/** R-WEX-1..4: the two weeks' worth of work experience. */
export class WorkExperiencePolicyDto {
  @ApiProperty({ example: 25, description: 'WEX_KS3: activity hours in Years 7 to 9.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(500)
  ks3Hours: number;

  @ApiProperty({ example: 25, description: 'WEX_KS4: placement hours in Years 10 and 11.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(500)
  ks4Hours: number;

  @ApiProperty({ example: 6, description: 'Default hours of each day of an experience over several days.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(24)
  hoursPerDay: number;

  @ApiProperty({ example: 0.5, description: 'The largest share of each target virtual hours may make up.' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1)
  virtualShareMax: number;
}

/** R-DEST-2: the day by which Years 11 and 13 should have a confirmed destination. */
export class DestinationPolicyDto {
  @ApiProperty({ example: '05-31', description: 'Month and day, "MM-DD": DEST_16 and DEST_18 close then.' })
  @Matches(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, {
    message: 'confirmBy must be a month and day, "MM-DD"',
  })
  confirmBy: string;
}

@ServerOwned({
  academicYear: { type: 'integer', description: 'The year in the path; ignored when sent.' },
  saved: { type: Boolean },
})
export class PolicyDto implements PolicyBody {
  @ApiProperty({ enum: RULE_SETS }) @IsIn(RULE_SETS) ruleSet: RuleSet;
  @ApiProperty() @IsBoolean() requireMeaningful: boolean;
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(10) b6By16: number;

  @ApiProperty({ enum: EDUCATION_ORGANISATION_TYPES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(EDUCATION_ORGANISATION_TYPES, { each: true })
  b7Range: EducationOrganisationType[];

  @ApiProperty({ type: ObjectiveTwoPolicyDto })
  @ValidateNested()
  @Type(() => ObjectiveTwoPolicyDto)
  o2: ObjectiveTwoPolicyDto;

  @ApiProperty({
    description:
      "No longer read by the rules: each academy's evaluationType replaced it (R-V-1). Kept so that clients stay valid.",
  })
  @IsBoolean()
  collegeMode: boolean;
  @ApiProperty({ example: 122 }) @IsInt() @Min(0) @Max(366) atRiskDays: number;

  @ApiProperty({ enum: SECTORS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  localPrioritySectors: Sector[];

  @ApiPropertyOptional({
    type: WorkExperiencePolicyDto,
    description: 'Defaults when left out (2025 revision).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkExperiencePolicyDto)
  wex?: WorkExperiencePolicyDto;

  @ApiPropertyOptional({ description: 'R-PAL-3; true when left out.' })
  @IsOptional()
  @IsBoolean()
  palRequiresContent?: boolean;

  @ApiPropertyOptional({ description: 'R-WEX-7; false when left out.' })
  @IsOptional()
  @IsBoolean()
  b5CountsPartTimeJob?: boolean;

  @ApiPropertyOptional({ type: DestinationPolicyDto, description: 'R-DEST-2; 31 May when left out.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DestinationPolicyDto)
  dest?: DestinationPolicyDto;
}
