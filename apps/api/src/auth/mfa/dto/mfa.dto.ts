import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const CODE = /^[\s\-A-Za-z0-9]{6,20}$/;
const CODE_MESSAGE = 'code must be the six digits of the app, or a recovery code';

export class ConfirmMfaDto {
  @ApiProperty({ example: '123456', description: 'The six digits the authenticator app shows.' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;
}

export class ChallengeDto {
  @ApiProperty({ description: 'The challenge the password step answered.' })
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  challenge: string;
}

export class VerifyMfaDto extends ChallengeDto {
  @ApiProperty({ example: '123456', description: 'A code of the app, or one of the recovery codes.' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;
}

export class MfaPolicyDto {
  @ApiProperty({
    description: 'Require a second factor for every password sign-in of roles that see learners.',
  })
  @IsBoolean()
  requireForPersonalData: boolean;
}
