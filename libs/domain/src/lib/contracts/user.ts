import type { PagingQuery } from './paging';
import type { UserRole } from '../access/roles';

/** Body of `POST /api/users` (trust administrator only). */
export interface CreateUserRequest {
  email: string;
  name: string;
  password: string;
  roles: UserRole[];
  /** The academies the user serves; ignored for trust-wide roles, which see every academy. */
  academyIds: string[];
  /** The groups a teacher teaches. */
  groupIds: string[];
}

/** Body of `PATCH /api/users/{id}`. */
export interface UpdateUserRequest extends Partial<CreateUserRequest> {
  /** False signs the user out everywhere and refuses sign-in, keeping their name on what they recorded. */
  active?: boolean;
  /** True refuses password sign-in: the user signs in with the school's Microsoft or Google account. */
  ssoOnly?: boolean;
}

/** Query of `GET /api/users`: a page of users by name, optionally only those matching `q`. */
export interface UserListQuery extends PagingQuery {
  /** Any part of the name or email address, case ignored. */
  q?: string;
}

/** An item of `GET /api/users`, and the answer of `POST` and `PATCH`. Never carries the password. */
export interface UserResponse {
  id: string;
  email: string;
  name: string;
  roles: UserRole[];
  academyIds: string[];
  groupIds: string[];
  active: boolean;
  ssoOnly: boolean;
  /** Has set up a second factor (an administrator can reset it: `DELETE /api/auth/mfa/users/{id}`). */
  mfaEnrolled: boolean;
  /** ISO 8601 with offset; null until the first sign-in. */
  lastSignInAt: string | null;
  /**
   * ISO 8601: until when a password sign-in must wait after repeated failures; null when it need not.
   * An administrator can clear it (`POST /api/users/{id}/unlock`).
   */
  signInDelayedUntil: string | null;
  createdAt: string;
}
