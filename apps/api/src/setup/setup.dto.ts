import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { EmailAddress, NewPassword, PersonName } from '../common/body-fields';

/** Body of `POST /api/setup`: the first-run page's form. */
export class SetupDto {
  @ApiProperty({ example: 'ABCD-EFGH-JKMN', description: 'The one-time set-up code from the server log.' })
  @IsString()
  @Length(1, 40)
  code: string;

  @ApiProperty({ example: 'Kilnside Learning Trust' })
  @IsString()
  @Length(1, 200)
  trustName: string;

  @EmailAddress()
  adminEmail: string;

  @PersonName()
  adminName: string;

  @NewPassword()
  password: string;

  @ApiPropertyOptional({
    description: 'A CSV of URN,name,phase, or the Get Information About Schools download of the trust.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(900_000)
  academiesCsv?: string;
}

/** Answer of `GET /api/setup`. */
export class SetupStatusDto {
  @ApiProperty({ description: 'True while nobody has set Encounters up: the first-run page is shown.' })
  needed: boolean;
}

class SetupTrustDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Kilnside Learning Trust' }) name: string;
}

class SetupAdminDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
}

/** Answer of `POST /api/setup`: what was created. */
export class SetupResultDto {
  @ApiProperty({ type: SetupTrustDto }) trust: SetupTrustDto;
  @ApiProperty({ type: SetupAdminDto, description: 'The first trust administrator, who signs in next.' })
  admin: SetupAdminDto;
  @ApiProperty({ description: 'The number of academies created from the CSV.', example: 5 })
  academies: number;
}
