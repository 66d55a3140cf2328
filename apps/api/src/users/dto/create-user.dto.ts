import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { type Role, ROLES } from '../roles';

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

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  academyIds: string[] = [];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  groupIds: string[] = [];
}
