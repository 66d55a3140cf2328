import { type Policy, type PolicyLookup, policyLookup } from '@encounters/domain';
import type { EntityManager } from 'typeorm';

/** Every stored policy, with the rule book's defaults for the other years. */
export async function loadPolicyLookup(manager: EntityManager): Promise<PolicyLookup> {
  const rows: { academic_year: number; body: Policy }[] = await manager.query('SELECT academic_year, body FROM policy');
  return policyLookup(Object.fromEntries(rows.map((row) => [row.academic_year, row.body])));
}
