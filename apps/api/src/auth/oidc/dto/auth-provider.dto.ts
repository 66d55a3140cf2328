import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AUTH_PROVIDER_KINDS,
  type AuthProviderKind,
  type AuthProviderRequest,
  type AuthProviderResponse,
  type PublicAuthProvider,
} from '@encounters/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
} from 'class-validator';

export class CreateAuthProviderDto implements AuthProviderRequest {
  @ApiProperty({ example: 'Kilnside staff (Microsoft)' })
  @IsString()
  @Length(1, 80)
  label: string;

  @ApiProperty({ enum: AUTH_PROVIDER_KINDS })
  @IsIn(AUTH_PROVIDER_KINDS)
  kind: AuthProviderKind;

  @ApiPropertyOptional({ example: 'https://login.example.org' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  issuer?: string;

  @ApiPropertyOptional({ type: [String], description: 'Microsoft Entra ID tenant ids (GUIDs).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[\w-]{1,64}$/, { each: true, message: 'each tenant id must be a tenant GUID' })
  tenantIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['kilnside.example'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { each: true, message: 'each domain must be a domain name' })
  domains?: string[];

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  clientId: string;

  @ApiProperty({ description: 'Stored encrypted; never returned.' })
  @IsString()
  @Length(1, 500)
  clientSecret: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateAuthProviderDto extends PartialType(CreateAuthProviderDto) {}

/** An item of `GET /api/auth/providers/public`: what the sign-in page needs for a button. */
export class PublicAuthProviderDto implements PublicAuthProvider {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Kilnside staff (Microsoft)' }) label: string;
  @ApiProperty({ enum: AUTH_PROVIDER_KINDS }) kind: AuthProviderKind;
}

/** A provider as the trust administrator sees it: never the client secret. */
export class AuthProviderResponseDto implements AuthProviderResponse {
  @ApiProperty({ format: 'uuid', readOnly: true }) id: string;
  @ApiProperty({ example: 'Kilnside staff (Microsoft)' }) label: string;
  @ApiProperty({ enum: AUTH_PROVIDER_KINDS }) kind: AuthProviderKind;
  @ApiProperty({ example: 'https://login.microsoftonline.com/<tenant>/v2.0' }) issuer: string;
  @ApiProperty({ type: [String] }) tenantIds: string[];
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty() clientId: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({
    readOnly: true,
    description: 'The redirect URI to register with the provider.',
    example: 'https://encounters.trust.example/api/auth/oidc/callback',
  })
  redirectUri: string;
}
