import type { MfaConfirmResponse, MfaPolicy, MfaSetupResponse, MfaStatusResponse } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';

export class MfaStatusResponseDto implements MfaStatusResponse {
  @ApiProperty({ description: 'The user has an authenticator app set up.' }) enrolled: boolean;
  @ApiProperty({
    description: "Password sign-ins need a second factor (the user's own, or the trust's policy).",
  })
  required: boolean;
}

export class MfaSetupResponseDto implements MfaSetupResponse {
  @ApiProperty({ example: 'otpauth://totp/Encounters:ada%40trust.example?secret=…&issuer=Encounters' })
  otpauthUrl: string;
  @ApiProperty({ description: 'A PNG data URL of the QR code holding `otpauthUrl`.' }) qrCode: string;
}

export class MfaConfirmResponseDto implements MfaConfirmResponse {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once.' })
  recoveryCodes: string[];
}

export class MfaPolicyResponseDto implements MfaPolicy {
  @ApiProperty({
    description: 'A second factor for every password sign-in of roles that see learners.',
  })
  requireForPersonalData: boolean;
}
