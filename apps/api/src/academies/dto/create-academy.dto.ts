import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
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
}
