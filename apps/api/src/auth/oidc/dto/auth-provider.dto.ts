import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AUTH_PROVIDER_KINDS,
  TENANT_ID_PATTERN,
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
  ValidateBy,
} from 'class-validator';

/** With `multiTenant`, every tenant id is a GUID (the `tid` Microsoft puts in every ID token). */
const TenantGuidsWhenMultiTenant = () =>
  ValidateBy({
    name: 'tenantGuidsWhenMultiTenant',
    validator: {
      validate: (value: unknown, args) =>
        (args?.object as { multiTenant?: unknown }).multiTenant !== true ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.every((id) => typeof id === 'string' && TENANT_ID_PATTERN.test(id))),
      defaultMessage: () => 'a multi-tenant app needs at least one allowed tenant id, each a tenant GUID',
    },
  });

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

  @ApiPropertyOptional({
    default: false,
    description:
      "Microsoft Entra ID only: a multi-tenant app signing in through Microsoft's `organizations` endpoint, " +
      'letting in the accounts of `tenantIds` only (at least one GUID).',
  })
  @IsOptional()
  @IsBoolean()
  multiTenant?: boolean;

  @ApiPropertyOptional({ type: [String], description: 'Microsoft Entra ID tenant ids (GUIDs).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[\w-]{1,64}$/, { each: true, message: 'each tenant id must be a tenant GUID' })
  @TenantGuidsWhenMultiTenant()
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
  @ApiProperty({ description: 'Microsoft Entra ID: a multi-tenant app, limited to `tenantIds`.' })
  multiTenant: boolean;
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
