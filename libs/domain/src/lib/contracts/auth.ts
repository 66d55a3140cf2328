import type { UserRole } from '../access/roles';

/** Body of `POST /api/auth/login` and `POST /api/auth/token`. */
export interface LoginRequest {
  email: string;
  password: string;
}

/** Answer of `POST /api/auth/token`: send it as `Authorization: Bearer <token>`. */
export interface TokenResponse {
  token: string;
  /** ISO 8601 with offset. */
  expiresAt: string;
}

/** An academy as far as the signed-in user needs it to choose one. */
export interface UserAcademy {
  id: string;
  name: string;
  urn: string;
}

/** Answer of `POST /api/auth/login` and `GET /api/auth/me`. */
export interface CurrentUserResponse {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
  /** The academies the user serves (trust-wide roles see every academy whether or not any is listed). */
  academies: UserAcademy[];
  /** The groups a teacher teaches, which bound what they see; empty for other roles. */
  groupIds: string[];
}

/**
 * Answer of `POST /api/auth/login` and `/token` when a second factor follows: no session, no token. With
 * `enrolmentRequired` the trust's policy asks the user to set one up first (`/api/auth/mfa/enrolment/...`).
 */
export interface MfaChallengeResponse {
  mfaRequired: true;
  enrolmentRequired?: true;
  /** Valid for 5 minutes. */
  challenge: string;
}

/** Answer of `POST /api/auth/mfa/setup`: `qrCode` is a PNG data URL holding `otpauthUrl`. */
export interface MfaSetupResponse {
  otpauthUrl: string;
  qrCode: string;
}

/** Body of `POST /api/auth/mfa/confirm`. */
export interface MfaConfirmRequest {
  code: string;
}

/** Answer of `POST /api/auth/mfa/confirm`: ten single-use codes, shown this once. */
export interface MfaConfirmResponse {
  recoveryCodes: string[];
}

/** Body of `POST /api/auth/mfa/verify`: a code of the app or a recovery code. */
export interface MfaVerifyRequest {
  challenge: string;
  code: string;
}

/** Answer of `GET /api/auth/mfa`. */
export interface MfaStatusResponse {
  enrolled: boolean;
  /** Whether the user's password sign-ins need a second factor (enrolled, or the trust's policy). */
  required: boolean;
}

/** `GET` and `PUT /api/auth/mfa/policy`. */
export interface MfaPolicy {
  /** A second factor for every password sign-in of roles that see learners' personal data. */
  requireForPersonalData: boolean;
}

export const AUTH_PROVIDER_KINDS = ['microsoft', 'google', 'oidc'] as const;
export type AuthProviderKind = (typeof AUTH_PROVIDER_KINDS)[number];

/** Where a multi-tenant Microsoft provider signs in: Microsoft's endpoint for every work or school tenant. */
export const MICROSOFT_ORGANIZATIONS_ISSUER = 'https://login.microsoftonline.com/organizations/v2.0';
/** An Entra ID tenant id: a GUID, as Microsoft shows it. */
export const TENANT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Body of `POST /api/auth/providers` (trust administrator); `PATCH /api/auth/providers/{id}` takes any part. */
export interface AuthProviderRequest {
  label: string;
  kind: AuthProviderKind;
  /**
   * Required for `oidc`; for `microsoft` it follows from the one tenant (or is Microsoft's `organizations`
   * endpoint when `multiTenant`), for `google` it is Google's.
   */
  issuer?: string;
  /**
   * Microsoft Entra ID only: a multi-tenant app, whose accounts come from any of `tenantIds` (GUIDs, at
   * least one), each checked against the ID token's `tid` and its tenant's issuer. Default false.
   */
  multiTenant?: boolean;
  /** Microsoft Entra ID: the tenant ids whose accounts may sign in (`tid`). */
  tenantIds?: string[];
  /** Google Workspace: the domains whose accounts may sign in (`hd`); for `oidc`, the email domains. */
  domains?: string[];
  clientId: string;
  /** Stored encrypted, never returned. */
  clientSecret: string;
  enabled?: boolean;
}

/** An item of `GET /api/auth/providers`: never the client secret. */
export interface AuthProviderResponse {
  id: string;
  label: string;
  kind: AuthProviderKind;
  issuer: string;
  multiTenant: boolean;
  tenantIds: string[];
  domains: string[];
  clientId: string;
  enabled: boolean;
  /** The redirect URI to register with the provider. */
  redirectUri: string;
}

/**
 * An item of `GET /api/auth/demo-users` (no sign-in): a demo user and its published password. The list is
 * empty unless the server runs in demo mode.
 */
export interface DemoUser {
  email: string;
  name: string;
  password: string;
  roles: UserRole[];
}

/** An item of `GET /api/auth/providers/public` (no sign-in): what the sign-in page needs for a button. */
export interface PublicAuthProvider {
  id: string;
  label: string;
  kind: AuthProviderKind;
}
