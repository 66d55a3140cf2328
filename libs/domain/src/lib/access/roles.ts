/** Every role a user can hold, in the order the trust's screens list them. */
export const USER_ROLES = [
  'trust_admin',
  'trust_leader',
  'academy_leader',
  'careers_lead',
  'careers_adviser',
  'teacher',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles that see every academy of the trust, whatever academies they are linked to. */
export const TRUST_WIDE_ROLES: readonly UserRole[] = ['trust_admin', 'trust_leader'];

/** Roles that see every learner of the academies they serve. */
export const ACADEMY_WIDE_ROLES: readonly UserRole[] = ['academy_leader', 'careers_lead', 'careers_adviser'];

/**
 * Roles that see learners' personal data (every one of them today, a teacher for the groups they teach):
 * the trust's policy can require a second factor for their password sign-ins.
 */
export const ROLES_SEEING_PERSONAL_DATA: readonly UserRole[] = USER_ROLES;

/** Whether one of `roles` sees every academy of the trust. */
export function isTrustWide(roles: readonly UserRole[]): boolean {
  return roles.some((role) => TRUST_WIDE_ROLES.includes(role));
}

/** Whether one of `roles` sees every learner of an academy at least: anyone but a user who only teaches. */
export function isAcademyStaff(roles: readonly UserRole[]): boolean {
  return isTrustWide(roles) || roles.some((role) => ACADEMY_WIDE_ROLES.includes(role));
}
