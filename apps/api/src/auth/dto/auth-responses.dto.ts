import {
  type CurrentUserResponse,
  type MfaChallengeResponse,
  type TokenResponse,
  type UserAcademy,
  USER_ROLES,
  type UserRole,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BearerTokenListing } from '../bearer-tokens.controller';

export class UserAcademyDto implements UserAcademy {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '123456' }) urn: string;
}

export class CurrentUserResponseDto implements CurrentUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ enum: USER_ROLES, isArray: true }) roles: UserRole[];
  @ApiProperty({ type: [UserAcademyDto] }) academies: UserAcademyDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) groupIds: string[];
}

export class MfaChallengeResponseDto implements MfaChallengeResponse {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiPropertyOptional({ enum: [true] }) enrolmentRequired?: true;
  @ApiProperty({ description: 'Valid for 5 minutes.' }) challenge: string;
}

export class TokenResponseDto implements TokenResponse {
  @ApiProperty({ description: 'Send it as `Authorization: Bearer <token>`.' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: CurrentUserResponseDto }) user: CurrentUserResponseDto;
}

/** `POST /api/auth/mfa/enrolment/confirm` for the web app: the user, plus the recovery codes shown this once. */
export class CurrentUserWithRecoveryCodesDto extends CurrentUserResponseDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once.' })
  recoveryCodes: string[];
}

/** `POST /api/auth/mfa/enrolment/confirm` for a script: the token, plus the recovery codes shown this once. */
export class TokenWithRecoveryCodesDto extends TokenResponseDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once.' })
  recoveryCodes: string[];
}

/** An item of `GET /api/auth/demo-users`: only in demo mode, whose passwords are public by design. */
export class DemoUserDto {
  @ApiProperty({ format: 'email', example: 'admin@demo.encounters' }) email: string;
  @ApiProperty({ example: 'Alex Admin' }) name: string;
  @ApiProperty({ example: 'blue-kiln-falcon-2025' }) password: string;
  @ApiProperty({ enum: USER_ROLES, isArray: true }) roles: UserRole[];
}

/** An item of `GET /api/auth/tokens`: never the token itself, only a handle to revoke it by. */
export class BearerTokenListingDto implements BearerTokenListing {
  @ApiProperty({ format: 'uuid', description: 'The handle for `DELETE /api/auth/tokens/{id}`.' }) id: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ description: 'True for the token this request was made with.' }) current: boolean;
}
