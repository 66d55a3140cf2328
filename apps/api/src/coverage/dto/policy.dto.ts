import {
  EDUCATION_ORGANISATION_TYPES,
  type EducationOrganisationType,
  type Policy,
  RULE_SETS,
  type RuleSet,
  SECTORS,
  type Sector,
} from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ServerOwned } from '../../common/server-owned';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class ObjectiveTwoPolicyDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(20) employer: number;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(20) education: number;
  @ApiProperty({ example: true }) @IsBoolean() requireAdvice: boolean;
}

@ServerOwned({
  academicYear: { type: 'integer', description: 'The year in the path; ignored when sent.' },
  saved: { type: Boolean },
})
export class PolicyDto implements Policy {
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

  @ApiProperty() @IsBoolean() collegeMode: boolean;
  @ApiProperty({ example: 122 }) @IsInt() @Min(0) @Max(366) atRiskDays: number;

  @ApiProperty({ enum: SECTORS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SECTORS.length)
  @IsIn(SECTORS, { each: true })
  localPrioritySectors: Sector[];
}
