/** The 15 technical-education routes; employers carry one or more. */
export const SECTORS = [
  'Agriculture, environmental and animal care',
  'Business and administration',
  'Catering and hospitality',
  'Care services',
  'Construction and the built environment',
  'Creative and design',
  'Digital',
  'Education and early years',
  'Engineering and manufacturing',
  'Hair and beauty',
  'Health and science',
  'Legal, finance and accounting',
  'Protective services',
  'Sales, marketing and procurement',
  'Transport and logistics',
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * Local skills priorities for Stoke-on-Trent and Staffordshire, the trust's starting point before an
 * administrator edits the policy. "Engineering and manufacturing" includes applied materials and ceramics.
 */
export const STOKE_AND_STAFFORDSHIRE_PRIORITY_SECTORS = [
  'Engineering and manufacturing',
  'Construction and the built environment',
  'Care services',
  'Health and science',
  'Digital',
  'Transport and logistics',
] as const satisfies readonly Sector[];

export function isSector(value: unknown): value is Sector {
  return (SECTORS as readonly unknown[]).includes(value);
}
