import { USER_ROLES, type UserResponse, type UserRole } from '@encounters/domain';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/paging.dto';

/** A user as the administration pages read it; never carries the password. */
export class UserResponseDto implements UserResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: USER_ROLES, isArray: true }) roles: UserRole[];
  @ApiProperty({ type: [String], format: 'uuid' }) academyIds: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) groupIds: string[];
  @ApiProperty() active: boolean;
  @ApiProperty() ssoOnly: boolean;
  @ApiProperty({ readOnly: true }) mfaEnrolled: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, readOnly: true }) lastSignInAt:
    string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    readOnly: true,
    description:
      'Until when a password sign-in must wait after repeated failures; null when it need not. POST /api/users/{id}/unlock clears it.',
  })
  signInDelayedUntil: string | null;
  @ApiProperty({ format: 'date-time', readOnly: true }) createdAt: string;
}

export class UserPageDto extends PageOf(UserResponseDto) {}
