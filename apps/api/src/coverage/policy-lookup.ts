import { type Policy, type PolicyLookup, policyLookup } from '@encounters/domain';
import type { EntityManager } from 'typeorm';

/**
 * The stored policies' version, as a scalar subquery to add to a statement that runs anyway: it changes
 * whenever a policy is saved (`updated_at` is the saving transaction's start) or removed, so every API
 * process sees another process's change on its next read, with no message between them.
 */
export const POLICY_VERSION_SQL = `(SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') FROM policy)`;

/** Lookups by version; a few, so that a transaction that saves a policy and rolls back does not thrash. */
const cached = new Map<string, PolicyLookup>();
const CACHED_VERSIONS = 4;

/**
 * Every stored policy, with the rule book's defaults for the other years, from the process's cache when
 * `version` (read with {@link POLICY_VERSION_SQL} in the caller's own statement) is the cached one. Without
 * a version, or on a miss, one statement reads the policies and their version together.
 */
export async function loadPolicyLookup(manager: EntityManager, version?: string): Promise<PolicyLookup> {
  const hit = version === undefined ? undefined : cached.get(version);
  if (hit) return hit;
  const rows: { version: string; academic_year: number | null; body: Policy | null }[] = await manager.query(
    `SELECT v.version, p.academic_year, p.body
       FROM (SELECT ${POLICY_VERSION_SQL} AS version) v LEFT JOIN policy p ON TRUE`,
  );
  const lookup = policyLookup(
    Object.fromEntries(
      rows.flatMap((row) => (row.academic_year === null ? [] : [[row.academic_year, row.body as Policy]])),
    ),
  );
  // Inside a transaction that has just saved a policy, the version is the uncommitted one: caching it is
  // harmless, since no other transaction can read that version unless the save commits.
  cached.set(rows[0].version, lookup);
  while (cached.size > CACHED_VERSIONS) cached.delete(cached.keys().next().value as string);
  return lookup;
}
