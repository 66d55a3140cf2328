import type { PolicyResponse } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { DestinationPolicyDto, PolicyDto, WorkExperiencePolicyDto } from './policy.dto';

/** The policy in force for a year; `PUT` accepts it back as it is (`academicYear` and `saved` ignored). */
export class PolicyResponseDto extends PolicyDto implements PolicyResponse {
  @ApiProperty({ example: 2025, readOnly: true }) declare academicYear: number;
  @ApiProperty({
    readOnly: true,
    description: 'False while the year runs on the default policy because no administrator has saved one.',
  })
  declare saved: boolean;
  // Always answered: the year's defaults fill what a stored policy lacks.
  @ApiProperty({ type: WorkExperiencePolicyDto }) declare wex: WorkExperiencePolicyDto;
  @ApiProperty() declare palRequiresContent: boolean;
  @ApiProperty() declare b5CountsPartTimeJob: boolean;
  @ApiProperty({ type: DestinationPolicyDto }) declare dest: DestinationPolicyDto;
}
