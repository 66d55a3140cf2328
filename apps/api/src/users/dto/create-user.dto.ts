import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { type UserRole, USER_ROLES } from '@encounters/domain';
import { EmailAddress, NewPassword, PersonName, UuidList } from '../../common/body-fields';

export class CreateUserDto {
  @EmailAddress()
  email: string;

  @PersonName()
  name: string;

  @NewPassword()
  password: string;

  @ApiProperty({ enum: USER_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(USER_ROLES, { each: true })
  roles: UserRole[];

  // No initialisers: PartialType copies them into UpdateUserDto, where an absent field would become
  // `[]` and a PATCH of `{ active: true }` would empty the user's academies and groups.
  @UuidList({ maxItems: 100, default: [] }, { optional: true })
  academyIds?: string[];

  @UuidList({ maxItems: 500, default: [] }, { optional: true })
  groupIds?: string[];
}
