export const USER_ROLES = [
  'trust_admin',
  'trust_leader',
  'academy_leader',
  'careers_lead',
  'careers_adviser',
  'teacher',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

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
