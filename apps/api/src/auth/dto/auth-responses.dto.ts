import {
  type CurrentUserResponse,
  type DemoUser,
  type MfaChallengeResponse,
  type TokenResponse,
  type UserAcademy,
  USER_ROLES,
  type UserRole,
} from '@encounters/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

export class DemoUserDto implements DemoUser {
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Published on purpose: demo mode never runs on real data.' }) password: string;
  @ApiProperty({ enum: USER_ROLES, isArray: true }) roles: UserRole[];
}
