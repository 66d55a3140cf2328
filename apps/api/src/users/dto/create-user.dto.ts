import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { type UserRole, USER_ROLES } from '@encounters/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'j.smith@kilnside.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Jo Smith' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MaxLength(256)
  password: string;

  @ApiProperty({ enum: USER_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(USER_ROLES, { each: true })
  roles: UserRole[];

  // No initialisers: PartialType copies them into UpdateUserDto, where an absent field would become
  // `[]` and a PATCH of `{ active: true }` would empty the user's academies and groups.
  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  academyIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  groupIds?: string[];
}
