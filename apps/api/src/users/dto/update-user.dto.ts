import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ServerOwned } from '../../common/server-owned';
import { CreateUserDto } from './create-user.dto';
import { Flag } from '../../common/body-fields';

@ServerOwned({
  id: { type: String, format: 'uuid' },
  mfaEnrolled: { type: Boolean },
  lastSignInAt: { type: String, format: 'date-time', nullable: true },
  signInDelayedUntil: { type: String, format: 'date-time', nullable: true },
  createdAt: { type: String, format: 'date-time' },
})
export class UpdateUserDto extends PartialType(CreateUserDto) {
  @Flag({}, { optional: true })
  active?: boolean;

  @ApiPropertyOptional({
    description: "True refuses password sign-in: the user signs in with the school's account.",
  })
  @IsOptional()
  @IsBoolean()
  ssoOnly?: boolean;
}
