import type { UserRole } from '../access/roles';

/** How each role is named on screen. */
export const ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  trust_admin: 'Trust administrator',
  trust_leader: 'Trust leadership',
  academy_leader: 'Academy leadership',
  careers_lead: 'Careers lead',
  careers_adviser: 'Careers adviser',
  teacher: 'Teacher',
};
