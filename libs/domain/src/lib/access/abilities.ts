import { TRUST_WIDE_ROLES, type UserRole } from './roles';

/**
 * The abilities table: what each role may do. The API's routes and services ask it (through one policy
 * module), and the web app's navigation and buttons read it, so the menu never offers what the API refuses.
 *
 * An ability held through a trust-wide role applies at every academy; held through any other role, only
 * at the academies the user serves.
 */
export const ABILITIES = {
  /** Record, edit and delete encounters and their attendance. */
  logEncounter: ['careers_lead', 'trust_admin'],
  /** Upload the MIS roster and record leavers. */
  importRoster: ['careers_lead', 'trust_admin'],
  /** Add and edit organisations. */
  manageOrganisations: ['careers_lead', 'trust_admin'],
  /** Record guidance meetings, and read their summaries and agreed actions. */
  recordGuidance: ['careers_adviser', 'careers_lead', 'trust_admin'],
  /** R-DEST-1, R-DEST-4: record intended and actual destinations, and read their notes. */
  recordDestinations: ['careers_adviser', 'careers_lead', 'trust_admin'],
  /** R-DEST-3: read and mark the NEET-risk list, restricted like guidance notes. */
  markNeetRisk: ['careers_adviser', 'careers_lead', 'trust_admin'],
  /** Download the compliance reports. */
  readReports: ['trust_admin', 'trust_leader', 'academy_leader', 'careers_lead'],
  /** Freeze the figures of a term as a snapshot. */
  takeSnapshots: ['trust_admin', 'trust_leader', 'academy_leader'],
  /** Record on a learner what the roster does not hold: their part-time jobs (R-WEX-7). */
  editLearnerRecord: ['careers_lead', 'trust_admin'],
  /** Export everything held about one learner (a subject access request). */
  exportLearnerData: ['trust_admin', 'careers_lead'],
  /** Users, academies, policy, sign-in providers, the audit log, erasure: the trust's administration. */
  administerTrust: ['trust_admin'],
} as const satisfies Record<string, readonly UserRole[]>;

export type Ability = keyof typeof ABILITIES;

/** The roles that hold `ability`. */
export function rolesWith(ability: Ability): readonly UserRole[] {
  return ABILITIES[ability];
}

/** Every ability one of `roles` holds, at some academy at least. */
export function abilitiesOf(roles: readonly UserRole[]): Ability[] {
  return (Object.keys(ABILITIES) as Ability[]).filter((ability) => holdsAbility(roles, ability));
}

/** Whether one of `roles` holds `ability`, at some academy at least. */
export function holdsAbility(roles: readonly UserRole[], ability: Ability): boolean {
  return roles.some((role) => (ABILITIES[ability] as readonly UserRole[]).includes(role));
}

/**
 * Whether a user holding `roles` and serving `servedAcademyIds` may use `ability` at `academyId`: through a
 * trust-wide role anywhere, through any other role only at an academy they serve.
 */
export function mayAtAcademy(
  user: { roles: readonly UserRole[]; academyIds: readonly string[] },
  ability: Ability,
  academyId: string,
): boolean {
  return user.roles.some(
    (role) =>
      (ABILITIES[ability] as readonly UserRole[]).includes(role) &&
      (TRUST_WIDE_ROLES.includes(role) || user.academyIds.includes(academyId)),
  );
}
