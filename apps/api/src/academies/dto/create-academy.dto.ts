import { ACADEMY_EVALUATION_TYPES, type AcademyEvaluationType } from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ACADEMY_PHASES, type AcademyPhase } from '../academy.entity';

export class CreateAcademyDto {
  @ApiProperty({ example: 'Hanley Park Academy' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: '140123', description: 'The DfE unique reference number (six digits).' })
  @Matches(/^\d{6}$/, { message: 'urn must be six digits' })
  urn: string;

  @ApiProperty({ enum: ACADEMY_PHASES })
  @IsIn(ACADEMY_PHASES)
  phase: AcademyPhase;

  @ApiPropertyOptional({
    enum: ACADEMY_EVALUATION_TYPES,
    default: 'school',
    description:
      'R-V-1: `post16` judges the academy as a sixth-form college (B5 twice a year, B6–B8 by the end of the ' +
      'programme, no provider access); `school` otherwise.',
  })
  @IsOptional()
  @IsIn(ACADEMY_EVALUATION_TYPES)
  evaluationType?: AcademyEvaluationType;
}
